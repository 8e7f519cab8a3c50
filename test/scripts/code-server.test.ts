import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM script shared with `npm start`
import { freePort, startCodeServer, stopCodeServer } from '../../scripts/code-server.mjs';
import { endsWithin, isRunning } from '../processes.js';

/**
 * A stand-in for code-server with its habits that matter here: it answers /healthz on --bind-addr,
 * and it starts a process of its own (as code-server starts its server, extension host and language
 * server) that shares its output and would outlive it, since it ignores SIGTERM.
 */
const STAND_IN = `
const { createServer } = require('node:http');
const { spawn } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const [host, port] = process.argv[process.argv.indexOf('--bind-addr') + 1].split(':');
const helper = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => process.stdout.write('.'), 200)"], { stdio: 'inherit' });
writeFileSync(process.env.HELPER_PID_FILE, String(helper.pid));
createServer((req, res) => res.end('ok')).listen(Number(port), host);
`;

describe('code-server start and stop (scripts/code-server.mjs)', function () {
    this.timeout(30_000);
    let dir: string;
    before(() => { dir = mkdtempSync(join(tmpdir(), 'journeymap-code-server-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('stops the processes code-server started too, and closes its output, though one ignores SIGTERM', async () => {
        const entry = join(dir, 'stand-in.cjs');
        writeFileSync(entry, STAND_IN);
        const pidFile = join(dir, 'helper.pid');
        const server = await startCodeServer({ node: process.execPath, entry }, { args: [], env: { ...process.env, HELPER_PID_FILE: pidFile } },
            { port: await freePort(), folder: dir });
        const helper = Number(readFileSync(pidFile, 'utf8'));
        assert.ok(isRunning(helper), 'the helper runs');
        const closed = new Promise<void>(resolve => server.child.stdout.once('close', resolve));
        await stopCodeServer(server);
        await closed; // the test would time out here if the helper still held the pipe open
        // SIGKILL is sent at once to what is left of the group; the kernel takes a moment to end it.
        assert.ok(await endsWithin(helper, 5000), 'no process of code-server is left running');
    });
});
