import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endsWithin } from './processes.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A test file that passes (or fails) and leaves a process running, as a careless test would. */
const leaky = (pidFile: string, fail: boolean) => `
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
describe('a careless test', () => {
    it('leaves a process running', () => {
        const child = spawn('sleep', ['1000'], { stdio: ['ignore', 'pipe', 'pipe'] });
        writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));
        ${fail ? "throw new Error('and fails');" : ''}
    });
});
`;

/** Runs mocha with the project's configuration (and so its root hooks) on one file, as `npm test` does. */
function mocha(file: string): Promise<{ code: number | null; stderr: string }> {
    return new Promise(resolve => {
        const run = spawn(process.execPath, [join(ROOT, 'node_modules/mocha/bin/mocha.js'), file], {
            cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, JOURNEYMAP_TEST_GRACE_MS: '1000' },
        });
        let stderr = '';
        run.stderr.on('data', chunk => { stderr += chunk; });
        run.stdout.resume();
        run.on('close', code => resolve({ code, stderr }));
    });
}

describe('root hooks of the test run (test/mocha-hooks.ts)', function () {
    this.timeout(60_000);
    let dir: string;
    before(() => { dir = mkdtempSync(join(tmpdir(), 'journeymap-mocha-hooks-')); });
    after(() => rmSync(dir, { recursive: true, force: true }));

    for (const fail of [false, true]) {
        it(`ends a run that a test left a process in, names that process and keeps the tests' status (${fail ? 'a failing' : 'a passing'} test)`, async () => {
            const file = join(dir, `leaky-${fail}.test.ts`);
            const pidFile = join(dir, `sleep-${fail}.pid`);
            writeFileSync(file, leaky(pidFile, fail));
            const { code, stderr } = await mocha(file);
            assert.equal(code, fail ? 1 : 0, stderr);
            const pid = Number(readFileSync(pidFile, 'utf8'));
            assert.match(stderr, new RegExp(`child process ${pid}: sleep 1000`), 'names the process');
            assert.match(stderr, /pipe \(fd \d+/, 'and the pipes it holds');
            assert.ok(await endsWithin(pid, 5000), 'the process is stopped');
        });
    }
});
