#!/usr/bin/env node
if (Number(process.versions.node.split('.')[0]) < 22) {
    process.stderr.write(`journeymap-language-server: needs Node.js 22 or later (this is ${process.version})\n`);
    process.exit(2);
}
const { fileURLToPath } = await import('node:url');
const server = fileURLToPath(new URL('../dist/language-server.cjs', import.meta.url));
// The heap options of language/server/server-node-options.ts (keep the two the same): they must
// be given to Node.js when it starts, so the server runs in a child process that has them, with
// this process's stdin, stdout and stderr.
const HEAP_OPTIONS = ['--max-old-space-size=768', '--max-semi-space-size=8'];
const { spawn } = await import('node:child_process');
// The forwarding listeners come before the child: a signal that arrived between the two would
// otherwise end this process by default and leave the server running, orphaned. A listener runs
// only from the event loop, after the spawn below, so `child` is always set when it does.
let child;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child = spawn(process.execPath, [...HEAP_OPTIONS, server, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => {
    // Dies of the same signal, so whoever started it sees why; the forwarding listener would
    // otherwise catch it again and the process would end with status 0.
    if (signal) {
        process.removeAllListeners(signal);
        process.kill(process.pid, signal);
        return;
    }
    process.exit(code ?? 1);
});
