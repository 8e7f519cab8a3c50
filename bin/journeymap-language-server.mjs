#!/usr/bin/env node
if (Number(process.versions.node.split('.')[0]) < 22) {
    process.stderr.write(`journeymap-language-server: needs Node.js 22 or later (this is ${process.version})\n`);
    process.exit(2);
}
const { createRequire } = await import('node:module');
createRequire(import.meta.url)('../dist/language-server.cjs');
