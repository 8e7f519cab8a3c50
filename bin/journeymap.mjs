#!/usr/bin/env node
// Langium needs Node 22 (Object.groupBy); say so plainly instead of failing deep inside.
if (Number(process.versions.node.split('.')[0]) < 22) {
    process.stderr.write(`journeymap: needs Node.js 22 or later (this is ${process.version})\n`);
    process.exit(2);
}
await import('../dist/cli.mjs');
