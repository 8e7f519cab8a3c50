#!/usr/bin/env node
import module from 'node:module';

// Langium needs Node 22 (Object.groupBy); say so plainly instead of failing deep inside.
if (Number(process.versions.node.split('.')[0]) < 22) {
    process.stderr.write(`journeymap: needs Node.js 22 or later (this is ${process.version})\n`);
    process.exit(2);
}
// V8's compiled code of the bundles is kept on disk (Node's default cache folder in the temp
// directory), so a run after the first one skips most of the parsing and compiling of Langium.
// A cache that cannot be used (read-only temp folder, older Node) only costs that speed.
try {
    module.enableCompileCache?.();
} catch {
    // Not fatal: run without the cache.
}
await import('../dist/cli.mjs');
