/**
 * Root hooks of every test run (`.mocharc.json` requires this file).
 *
 * Mocha runs without `--exit`, so a test that leaves something running (a server process, a pipe
 * a grandchild still writes to, a browser) keeps the run from ending: CI once printed every test
 * passing and then waited until its time ran out. After the last test the run gets a few seconds
 * to end by itself; if it does not, this names on stderr what is still holding it, stops the
 * child processes among them and ends the run with the tests' own status.
 */
import { ChildProcess } from 'node:child_process';

/** How long the run may take to wind down after its last `after` hook (the test of this file shortens it). */
const GRACE_MS = Number(process.env.JOURNEYMAP_TEST_GRACE_MS) || 10_000;

function describeHandle(handle: unknown): string {
    if (handle instanceof ChildProcess) return `child process ${handle.pid}: ${handle.spawnargs.join(' ').slice(0, 300)}`;
    const name = (handle as { constructor?: { name?: string } })?.constructor?.name ?? typeof handle;
    if (name === 'Socket') {
        const socket = handle as { remoteAddress?: string; remotePort?: number; _handle?: { fd?: number } };
        if (socket.remoteAddress) return `socket to ${socket.remoteAddress}:${socket.remotePort}`;
        const fd = socket._handle?.fd;
        // Our own stdout and stderr are handles too, and never hold the run.
        return fd === 1 || fd === 2 ? '' : `pipe (fd ${fd ?? '?'}; a child's stdio, or a grandchild still holding it)`;
    }
    if (name === 'Server') {
        const address = (handle as { address(): unknown }).address();
        return `server listening on ${JSON.stringify(address)}`;
    }
    return name;
}

export const mochaHooks = {
    afterAll(): void {
        const timer = setTimeout(() => {
            const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
            const held = handles.map(describeHandle).filter(Boolean);
            process.stderr.write(`\nThe tests ended, but ${GRACE_MS / 1000} s later something a test started was still running:\n`
                + held.map(line => `  - ${line}\n`).join('')
                + `  (resources: ${process.getActiveResourcesInfo().join(', ')})\n`
                + 'Stopping the child processes and ending the run with the tests\' status.\n');
            for (const handle of handles) if (handle instanceof ChildProcess) handle.kill('SIGKILL');
            process.exit();
        }, GRACE_MS);
        // Only fires when something else keeps the run alive.
        timer.unref();
    },
};
