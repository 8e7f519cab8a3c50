import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutRanges } from '../language/journey-format-helpers.js';
import { exampleSources } from '../language/journey-test-helpers.js';

/** `journeymap fmt` as a real process on temporary folders. */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin/journeymap.mjs');

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

function cli(args: string[], cwd: string): Promise<Run> {
    return new Promise(resolve => {
        execFile(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}

const run = (args: string[], cwd: string) => cli(['fmt', ...args], cwd);

const UNFORMATTED = 'journey  j "J" {\nstage a { step s { emotion +1 } }\n}';
const FORMATTED = 'journey j "J" {\n  stage a {\n    step s {\n      emotion +1\n    }\n  }\n}\n';
const BROKEN = 'journey j {\n   stage a { step "oops" }\n';

describe('journeymap fmt (as a process)', function () {
    this.timeout(120_000);
    let dir: string;

    before(async () => {
        await new Promise<void>((resolve, reject) => {
            execFile(process.execPath, ['esbuild.mjs'], { cwd: ROOT }, error => error ? reject(error) : resolve());
        });
    });

    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'journeymap-fmt-'));
    });

    afterEach(() => {
        rmSync(dir, { recursive: true, force: true });
    });

    const write = (name: string, text: string | Buffer) => {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), text);
    };
    const read = (name: string) => readFileSync(join(dir, name), 'utf8');

    it('is listed in the help', async () => {
        const result = await cli(['--help'], dir);
        assert.equal(result.code, 0);
        assert.match(result.stdout, /journeymap fmt \[--check\] PATHS/);
    });

    it('rewrites unformatted files in place, prints them, leaves formatted ones and other files alone', async () => {
        write('a.journey', UNFORMATTED);
        write('maps/deep/b.journey', UNFORMATTED);
        write('maps/done.journey', FORMATTED);
        write('maps/notes.txt', UNFORMATTED);
        const before = statSync(join(dir, 'maps/done.journey')).mtimeMs;
        const result = await run(['a.journey', 'maps'], dir);
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(result.stdout.trim().split('\n').sort(), ['a.journey', join('maps', 'deep', 'b.journey')]);
        assert.equal(read('a.journey'), FORMATTED);
        assert.equal(read('maps/deep/b.journey'), FORMATTED);
        assert.equal(read('maps/notes.txt'), UNFORMATTED);
        assert.equal(statSync(join(dir, 'maps/done.journey')).mtimeMs, before, 'a formatted file is not rewritten');

        write('c.journey', UNFORMATTED);
        const twice = await run(['c.journey', './c.journey', dir], dir);
        assert.equal(twice.code, 0, twice.stderr);
        assert.equal(twice.stdout, 'c.journey\n', 'one file named twice is formatted once');

        const again = await run(['.'], dir);
        assert.equal(again.code, 0);
        assert.equal(again.stdout, '', 'nothing left to change');
    });

    it('--check writes nothing, lists the unformatted files and exits 1', async () => {
        write('a.journey', UNFORMATTED);
        write('b.journey', FORMATTED);
        const result = await run(['--check', '.'], dir);
        assert.equal(result.code, 1);
        assert.equal(result.stdout, 'a.journey\n');
        assert.match(result.stderr, /1 file not formatted/);
        assert.equal(read('a.journey'), UNFORMATTED);

        const clean = await run(['--check', 'b.journey'], dir);
        assert.equal(clean.code, 0);
        assert.equal(clean.stdout, '');
    });

    it('reports a file with syntax errors with its location, leaves it untouched, still formats the others, exits 1', async () => {
        write('bad.journey', BROKEN);
        write('good.journey', UNFORMATTED);
        const result = await run(['.'], dir);
        assert.equal(result.code, 1);
        assert.match(result.stderr, /^bad\.journey:2:\d+ - error syntax-error: /m);
        assert.match(result.stderr, /bad\.journey: not formatted: the file has syntax errors/);
        assert.equal(read('bad.journey'), BROKEN);
        assert.equal(read('good.journey'), FORMATTED);
        assert.equal(result.stdout, 'good.journey\n');
    });

    it('exits 2 with the reason for a file that is not UTF-8, an unreadable file or a missing path, writing nothing', async () => {
        write('latin1.journey', Buffer.from([0x63, 0x68, 0x61, 0x6e, 0x6e, 0x65, 0x6c, 0x20, 0xe9, 0x0a]));
        write('a.journey', UNFORMATTED);
        const latin1 = await run(['.'], dir);
        assert.equal(latin1.code, 2);
        assert.match(latin1.stderr, /latin1\.journey:1:9: not valid UTF-8 text \(byte 0xE9 at byte offset 8\)/);
        assert.equal(read('a.journey'), UNFORMATTED, 'nothing is written when an input cannot be read');

        const missing = await run(['nowhere.journey'], dir);
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /nowhere\.journey: no such file or directory/);

        if (process.getuid?.() !== 0) {
            write('locked.journey', UNFORMATTED);
            chmodSync(join(dir, 'locked.journey'), 0o000);
            const locked = await run(['locked.journey'], dir);
            assert.equal(locked.code, 2);
            assert.match(locked.stderr, /locked\.journey: permission denied/);
        }
    });

    it('exits 2 on usage errors', async () => {
        const none = await run([], dir);
        assert.equal(none.code, 2);
        assert.match(none.stderr, /no paths given/);
        const flag = await run(['--write', '.'], dir);
        assert.equal(flag.code, 2);
        assert.match(flag.stderr, /unknown option --write/);
    });

    it('keeps a byte order mark and Windows line endings', async () => {
        write('crlf.journey', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('channel  web // note\r\nteam   t\r\n')]));
        const result = await run(['crlf.journey'], dir);
        assert.equal(result.code, 0, result.stderr);
        const bytes = readFileSync(join(dir, 'crlf.journey'));
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
        assert.equal(bytes.subarray(3).toString('utf8'), 'channel web // note\r\nteam t\r\n');
    });

    it('restores a flattened example to its layout and leaves its exported journey model unchanged', async () => {
        const examples = exampleSources();
        for (const { name, text } of examples) {
            // Every line pushed to the left margin: a different layout of the same maps.
            write(`maps/${name}`, text.split('\n').map(line => line.replace(/^\s+/, '')).join('\n'));
        }
        const target = examples.find(e => e.name !== 'common.journey')!.name;
        const exportModel = async () => {
            const result = await cli(['export', '--format', 'json', join('maps', target)], dir);
            assert.equal(result.code, 0, result.stderr);
            return withoutRanges(JSON.parse(result.stdout));
        };
        const before = await exportModel();
        const formatted = await run(['maps'], dir);
        assert.equal(formatted.code, 0, formatted.stderr);
        assert.deepEqual(await exportModel(), before);
        for (const { name, text } of examples) {
            assert.equal(read(`maps/${name}`), text, `${name} is back in its canonical layout`);
        }
        assert.equal((await run(['--check', 'maps'], dir)).code, 0);
    });
});
