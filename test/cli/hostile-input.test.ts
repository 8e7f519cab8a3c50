import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureBuilt, ROOT } from './cli-process.js';

/**
 * Hostile inputs to the real CLI as a process, each run bounded by a timeout: the answer is a
 * correct result or one clear line naming the path (exit 2), never a hang, a stack trace or an
 * "internal error". JOURNEYMAP_HOSTILE_FULL=1 runs the full sizes (10 MB file, 10,000 stages
 * rendered); CI runs smaller ones that take seconds.
 *
 * Tests run as root, which reads a `chmod 000` directory anyway: the permission cases run the CLI
 * as the unprivileged user `nobody` (uid 65534) when the tests are root, so EACCES is real.
 */

const FULL = process.env.JOURNEYMAP_HOSTILE_FULL === '1';
const TIMEOUT = 120_000;
const NOBODY = 65534;

interface Run { code: number | null; stdout: string; stderr: string; timedOut: boolean }

function cli(args: string[], cwd: string, options: { uid?: number; timeout?: number } = {}): Promise<Run> {
    const asNobody = options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {};
    return new Promise(resolve => {
        execFile(process.execPath, [join(ROOT, 'bin/journeymap.mjs'), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: options.timeout ?? TIMEOUT, ...asNobody },
            (error, stdout, stderr) => resolve({
                code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
                stdout, stderr, timedOut: error?.killed === true,
            }));
    });
}

/**
 * Lets `nobody` reach the CLI and Node: a checkout (or its Node) under a directory only root may
 * enter (`mktemp -d` makes them 0700) would otherwise refuse to start the process at all. Adds
 * only the search bit (o+x, no listing) to the directories on the way that lack it; returns how
 * to put them back.
 */
function letNobodyThrough(paths: string[]): () => void {
    const changed = new Map<string, number>();
    for (const path of paths) {
        for (let dir = dirname(path); ; dir = dirname(dir)) {
            const mode = statSync(dir).mode & 0o7777;
            if (!(mode & 0o001) && !changed.has(dir)) {
                changed.set(dir, mode);
                chmodSync(dir, mode | 0o001);
            }
            if (dirname(dir) === dir) break;
        }
    }
    return () => { for (const [dir, mode] of changed) chmodSync(dir, mode); };
}

/** Finished in time, no stack trace, no internal error. */
function assertClean(run: Run, what: string): void {
    assert.equal(run.timedOut, false, `${what}: timed out`);
    assert.doesNotMatch(run.stderr, /internal error|\n\s+at \S+ \(|^\s+at /m, `${what}: ${run.stderr}`);
}

/** Exit 2 with exactly one line on stderr that names the path and says why. */
function assertRefused(run: Run, command: string, reason: RegExp, what: string): void {
    assertClean(run, what);
    assert.equal(run.code, 2, `${what}: ${run.stderr}`);
    assert.equal(run.stdout, '', what);
    assert.equal(run.stderr.split('\n').length, 2, `${what}: one line: ${JSON.stringify(run.stderr)}`);
    assert.match(run.stderr, new RegExp(`^journeymap ${command}: ${reason.source}\n$`), what);
}

/** A map of about `bytes` bytes: journeys of one stage and step each, every field filled. */
function bigMap(bytes: number): string {
    let text = 'persona p "P"\nchannel web "Web"\nteam t "T"\n';
    for (let i = 0; text.length < bytes; i++) {
        text += `\njourney j${i} "Journey ${i}" for p {\n  stage s "S" {\n    step a "A step" {\n      channel web\n      emotion -1\n` +
            `      pain "slow and painful ${i}" severity high\n      opportunity "make it fast" owner t\n      note "${'lorem ipsum '.repeat(20)}"\n    }\n  }\n}\n`;
    }
    return text;
}

function stagesMap(count: number): string {
    const stages = Array.from({ length: count }, (_, i) => `  stage s${i} "Stage ${i}" {\n    step x${i} "Step ${i}" {\n      emotion 0\n    }\n  }\n`);
    return `persona p\n\njourney big for p {\n${stages.join('\n')}}\n`;
}

const SMALL = 'persona p\n\njourney j "J" for p {\n  stage s {\n    step x "X" {\n      emotion 0\n      pain "slow"\n    }\n  }\n}\n';

describe('hostile input to the CLI (as processes, each bounded by a timeout)', function () {
    this.timeout(10 * TIMEOUT);
    let dir: string;
    /** A folder of its own for one case: `export` and `render` load the file's whole folder. */
    const folder = (name: string, files: Record<string, string | Buffer> = {}): string => {
        const path = join(dir, name);
        mkdirSync(path, { recursive: true });
        for (const [file, content] of Object.entries(files)) writeFileSync(join(path, file), content);
        return path;
    };

    before(() => {
        ensureBuilt();
        dir = mkdtempSync(join(tmpdir(), 'jm-hostile-'));
        // The permission cases run as nobody, who must be able to reach the folder.
        chmodSync(dir, 0o755);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it(`a large file (${FULL ? '10' : '1'} MB): check, export, fmt --check and diff give the right answer`, async () => {
        const size = FULL ? 10_000_000 : 1_000_000;
        const text = bigMap(size);
        const journeys = text.match(/^journey /gm)!.length;
        const path = folder('large', { 'big.journey': text });
        const check = await cli(['check', 'big.journey'], path);
        assertClean(check, 'check');
        assert.equal(check.code, 0, check.stderr);
        assert.match(check.stderr, /^1 file checked: 0 errors, 0 warnings, 0 info\n$/);
        const exported = await cli(['export', 'big.journey'], path);
        assertClean(exported, 'export');
        assert.equal((JSON.parse(exported.stdout) as { journeys: unknown[] }).journeys.length, journeys);
        const fmt = await cli(['fmt', '--check', 'big.journey'], path);
        assertClean(fmt, 'fmt');
        assert.equal(fmt.code, 0, fmt.stdout + fmt.stderr);
        // diff: one emotion changed in the middle of the file is the only change found.
        const mid = journeys >> 1;
        const head = `journey j${mid} "Journey ${mid}" for p {\n  stage s "S" {\n    step a "A step" {\n      channel web\n      emotion `;
        const edited = folder('large-edited', { 'big.journey': text.replace(`${head}-1`, `${head}-2`) });
        const diff = await cli(['diff', '--format', 'json', join(path, 'big.journey'), join(edited, 'big.journey')], dir);
        assertClean(diff, 'diff');
        assert.equal(diff.code, 0, diff.stderr);
        const changes = (JSON.parse(diff.stdout) as { changes: { journey: string; field: string }[] }).changes;
        assert.deepEqual(changes.map(c => `${c.journey} ${c.field}`), [`j${mid} emotion`]);
    });

    it('a 1 MB string: checked, exported whole, diffed; a 20,000-character one rendered', async () => {
        const long = 'a'.repeat(1 << 20);
        const path = folder('long-string', { 'long.journey': SMALL.replace('pain "slow"', `pain "${long}"\n      opportunity "o"`) });
        const check = await cli(['check', 'long.journey'], path);
        assertClean(check, 'check');
        assert.equal(check.code, 0, check.stderr);
        const exported = await cli(['export', 'long.journey'], path);
        assertClean(exported, 'export');
        const model = JSON.parse(exported.stdout) as { journeys: { stages: { steps: { pains: { text: string }[] }[] }[] }[] };
        assert.equal(model.journeys[0].stages[0].steps[0].pains[0].text, long);
        const shorter = folder('long-string-render', { 'long.journey': SMALL.replace('pain "slow"', `pain "${'a'.repeat(20_000)}"`) });
        const render = await cli(['render', 'long.journey'], shorter);
        assertClean(render, 'render');
        assert.equal(render.code, 0, render.stderr);
        assert.match(render.stdout, /<\/svg>\n$/);
        const other = folder('long-string-old', { 'long.journey': SMALL });
        const diff = await cli(['diff', '--format', 'markdown', join(other, 'long.journey'), join(path, 'long.journey')], dir);
        assertClean(diff, 'diff');
        assert.ok(diff.stdout.includes(`pain added: “${long}”`));
    });

    // Once quadratic in the text's length (40,000 characters took 2.5 s; 1 MB never finished): the
    // renderer's rewrite made wrapping and drawing linear.
    it('render: a 1 MB string in a pain is drawn within the timeout, every character kept', async () => {
        const long = 'ab '.repeat((1 << 20) / 3) + 'x'.repeat(50_000);
        const path = folder('long-string-render-1mb', { 'long.journey': SMALL.replace('pain "slow"', `pain "${long}"`) });
        const render = await cli(['render', 'long.journey'], path);
        assertClean(render, 'render');
        assert.equal(render.code, 0, render.stderr);
        assert.match(render.stdout, /<\/svg>\n$/);
        // The card's lines hold the whole text: the words, and the unbroken run cut between characters.
        const card = /<g data-key="pain:x:0"[^>]*>([\s\S]*?)<\/g>/.exec(render.stdout);
        assert.ok(card, 'the pain card');
        const words = [...card[1].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map(m => m[1]).join(' ');
        assert.equal(words.replace(/ /g, '').length, long.replace(/ /g, '').length);
    });

    it(`10,000 stages: checked and exported; rendered (${FULL ? '10,000' : '1,000'} stages)`, async () => {
        const path = folder('stages', { 'stages.journey': stagesMap(10_000) });
        const check = await cli(['check', 'stages.journey'], path);
        assertClean(check, 'check');
        assert.equal(check.code, 0, check.stderr);
        const exported = await cli(['export', 'stages.journey'], path);
        assertClean(exported, 'export');
        assert.equal((JSON.parse(exported.stdout) as { journeys: { stages: unknown[] }[] }).journeys[0].stages.length, 10_000);
        const count = FULL ? 10_000 : 1_000;
        const renderPath = folder('stages-render', { 'stages.journey': stagesMap(count) });
        const render = await cli(['render', 'stages.journey'], renderPath);
        assertClean(render, 'render');
        assert.equal(render.code, 0, render.stderr);
        assert.equal(render.stdout.match(/data-kind="stage"/g)?.length, count);
    });

    it('10,000-deep braces: a located syntax error, exit 1; fmt leaves the file alone', async () => {
        const text = `${'{'.repeat(10_000)}${'}'.repeat(10_000)}\n`;
        const path = folder('braces', { 'braces.journey': text });
        for (const command of [['check'], ['fmt'], ['export'], ['render']]) {
            const run = await cli([...command, 'braces.journey'], path);
            assertClean(run, command[0]);
            assert.equal(run.code, 1, `${command[0]}: ${run.stderr}`);
            assert.match(run.stdout + run.stderr, /^braces\.journey:1:1 - error syntax-error: /m, command[0]);
        }
        assert.equal(readFileSync(join(path, 'braces.journey'), 'utf8'), text);
    });

    it('NUL and a binary file that is valid UTF-8: located syntax errors, the NUL shown as \\x00', async () => {
        const path = folder('nul', { 'nul.journey': SMALL.replace('emotion 0', 'emotion 0\0'), 'zeros.journey': Buffer.alloc(50_000) });
        const nul = await cli(['check', 'nul.journey'], path);
        assertClean(nul, 'nul');
        assert.equal(nul.code, 1);
        assert.match(nul.stdout, /^nul\.journey:6:16 - error syntax-error: Unexpected character '\\x00'/m);
        assert.doesNotMatch(nul.stdout + nul.stderr, /\0/);
        const zeros = await cli(['check', 'zeros.journey'], path);
        assertClean(zeros, 'zeros');
        assert.equal(zeros.code, 1);
        assert.match(zeros.stdout, /^zeros\.journey:1:1 - error syntax-error: /m);
        assert.doesNotMatch(zeros.stdout + zeros.stderr, /\0/);
    });

    it('invalid UTF-8 (and a binary file): refused by every command with the line, column and byte offset; fmt never rewrites it', async () => {
        // "café" in Latin-1 on line 7: é is the lone byte 0xE9 at column 16.
        const bytes = Buffer.concat([Buffer.from(SMALL.replace('pain "slow"', 'pain "caf').split('caf')[0] + 'caf'), Buffer.from([0xe9]), Buffer.from('"\n    }\n  }\n}\n')]);
        const offset = bytes.indexOf(0xe9);
        const path = folder('utf8', { 'latin1.journey': bytes });
        const good = folder('utf8-good', { 'latin1.journey': SMALL });
        const reason = new RegExp(`latin1\\.journey:7:16: not valid UTF-8 text \\(byte 0xE9 at byte offset ${offset}\\)`);
        for (const command of [['check'], ['fmt'], ['fmt', '--check'], ['export'], ['render']]) {
            assertRefused(await cli([...command, 'latin1.journey'], path), command[0], reason, command.join(' '));
        }
        const diff = await cli(['diff', join(good, 'latin1.journey'), 'latin1.journey'], path);
        assertRefused(diff, 'diff', reason, 'diff');
        assert.deepEqual(readFileSync(join(path, 'latin1.journey')), bytes, 'fmt wrote nothing');
        // Offsets count the byte order mark; a truncated sequence at the end of the file is found too.
        const bom = folder('utf8-bom', { 'cut.journey': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('// ok\n// é'), Buffer.from([0xe2, 0x82])]) });
        assertRefused(await cli(['check', 'cut.journey'], bom), 'check', /cut\.journey:2:5: not valid UTF-8 text \(byte 0xE2 at byte offset 14\)/, 'truncated');
        const binary = folder('binary', { 'binary.journey': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]) });
        assertRefused(await cli(['check', 'binary.journey'], binary), 'check', /binary\.journey:1:1: not valid UTF-8 text \(byte 0x89 at byte offset 0\)/, 'binary');
    });

    it('CRLF, mixed line endings and a byte order mark: positions right, fmt keeps the file\'s line breaks and BOM and loses nothing', async () => {
        const crlf = SMALL.replace(/\n/g, '\r\n');
        const mixed = SMALL.split('\n').map((line, i) => line + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join('').trimEnd() + '\n';
        const path = folder('line-endings', {
            'lf.journey': SMALL, 'crlf.journey': crlf, 'mixed.journey': mixed.replace('emotion 0', 'emotion  0'),
            'bom.journey': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SMALL.replace('emotion 0', 'emotion  0'))]),
        });
        const check = await cli(['check', '--format', 'json', '.'], path);
        assertClean(check, 'check');
        const positions = (JSON.parse(check.stdout) as { file: string; line: number; column: number; code: string }[])
            .filter(d => d.code === 'pain-without-opportunity').map(d => `${d.file}:${d.line}:${d.column}`);
        assert.deepEqual(positions, ['bom.journey:7:12', 'crlf.journey:7:12', 'lf.journey:7:12', 'mixed.journey:7:12']);
        const before = await cli(['export', 'mixed.journey'], path);
        const fmt = await cli(['fmt', '.'], path);
        assertClean(fmt, 'fmt');
        assert.equal(fmt.code, 0, fmt.stderr);
        assert.deepEqual(fmt.stdout.split('\n').sort(), ['', 'bom.journey', 'mixed.journey']);
        assert.equal(readFileSync(join(path, 'crlf.journey'), 'utf8'), crlf, 'formatted CRLF file untouched');
        const formatted = readFileSync(join(path, 'mixed.journey'), 'utf8');
        assert.equal(formatted, crlf, 'mixed: the first line break (CRLF) everywhere');
        assert.deepEqual(readFileSync(join(path, 'bom.journey')), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SMALL)]), 'BOM kept');
        const after = await cli(['export', 'mixed.journey'], path);
        const texts = (json: string) => JSON.stringify(JSON.parse(json), (key, value: unknown) => (key === 'range' || key === 'ranges' ? undefined : value));
        assert.equal(texts(after.stdout), texts(before.stdout), 'the model is unchanged by fmt');
    });

    it('a FIFO, a socket-like or device path is refused by every command without waiting; in a folder it is skipped with a warning', async function () {
        if (process.platform === 'win32') this.skip();
        const path = folder('fifo', { 'ok.journey': SMALL });
        const { execFileSync } = await import('node:child_process');
        execFileSync('mkfifo', [join(path, 'pipe.journey')]);
        const reason = /pipe\.journey: not a regular file: it is a FIFO \(named pipe\), which is not read/;
        for (const command of [['check'], ['fmt'], ['export'], ['render']]) {
            assertRefused(await cli([...command, 'pipe.journey'], path, { timeout: 30_000 }), command[0], reason, command[0]);
        }
        assertRefused(await cli(['diff', 'ok.journey', 'pipe.journey'], path, { timeout: 30_000 }), 'diff', reason, 'diff');
        assertRefused(await cli(['check', '/dev/null'], path, { timeout: 30_000 }), 'check', /\/dev\/null: not a regular file: it is a character device, which is not read/, 'device');
        // In a walk: the FIFO is skipped with a warning naming it; the other file is checked; exit status unchanged.
        const walk = await cli(['check', '.'], path, { timeout: 30_000 });
        assertClean(walk, 'walk');
        assert.equal(walk.code, 0);
        assert.equal(walk.stderr, 'pipe.journey: warning: skipped: not a regular file: it is a FIFO (named pipe), which is not read\n1 file checked: 0 errors, 0 warnings, 1 info\n');
    });

    it('dangling and looping symbolic links: refused when named, skipped with a warning in a folder; links to files are followed', async () => {
        const path = folder('links', { 'real.journey': SMALL });
        symlinkSync('missing.journey', join(path, 'dangling.journey'));
        symlinkSync('loop.journey', join(path, 'loop.journey'));
        symlinkSync('real.journey', join(path, 'alias.journey'));
        assertRefused(await cli(['check', 'dangling.journey'], path), 'check', /dangling\.journey: dangling symbolic link \(to missing\.journey, which does not exist\)/, 'dangling');
        assertRefused(await cli(['fmt', 'loop.journey'], path), 'fmt', /loop\.journey: symbolic link loop \(too many levels of links\)/, 'loop');
        assertRefused(await cli(['export', 'loop.journey'], path), 'export', /loop\.journey: symbolic link loop \(too many levels of links\)/, 'loop');
        const walk = await cli(['check', '--format', 'json', '.'], path);
        assertClean(walk, 'walk');
        assert.equal(walk.code, 0);
        assert.deepEqual(walk.stderr.split('\n'), [
            'dangling.journey: warning: skipped: dangling symbolic link (to missing.journey, which does not exist)',
            'loop.journey: warning: skipped: symbolic link loop (too many levels of links)',
            '',
        ]);
        // The link and its target are one file: checked once, under the first name.
        assert.deepEqual([...new Set((JSON.parse(walk.stdout) as { file: string }[]).map(d => d.file))], ['alias.journey']);
        // Only loops and dangling links: nothing checked, and it says why.
        const only = folder('links-only');
        symlinkSync('nowhere.journey', join(only, 'x.journey'));
        const none = await cli(['check', '.'], only);
        assert.deepEqual([none.code, none.stderr], [0, 'x.journey: warning: skipped: dangling symbolic link (to nowhere.journey, which does not exist)\n0 files checked: 0 errors, 0 warnings, 0 info\n']);
    });

    it('an unreadable directory or file, a file used as a directory: one line naming the path, exit 2', async () => {
        const path = folder('perm', { 'ok.journey': SMALL });
        folder('perm/locked', { 'hidden.journey': SMALL });
        writeFileSync(join(path, 'secret.journey'), SMALL);
        chmodSync(join(path, 'locked'), 0o000);
        chmodSync(join(path, 'secret.journey'), 0o000);
        // Root reads through `chmod 000`: run as nobody then, so the kernel really says EACCES.
        const as = process.getuid?.() === 0 ? { uid: NOBODY } : {};
        const restore = 'uid' in as ? letNobodyThrough([ROOT, process.execPath, path]) : () => {};
        try {
            for (const command of ['check', 'fmt']) {
                assertRefused(await cli([command, '.'], path, as), command, /locked: cannot read the directory: permission denied/, `${command} .`);
            }
            assertRefused(await cli(['diff', '.', '.'], path, as), 'diff', /locked: cannot read the directory: permission denied/, 'diff');
            assertRefused(await cli(['check', 'secret.journey'], path, as), 'check', /secret\.journey: permission denied/, 'file');
            assertRefused(await cli(['check', 'locked/hidden.journey'], path, as), 'check', /locked\/hidden\.journey: permission denied/, 'below');
        } finally {
            chmodSync(join(path, 'locked'), 0o755);
            restore();
        }
        assert.equal(statSync(join(path, 'ok.journey')).isFile(), true);
        assertRefused(await cli(['check', 'ok.journey/x.journey'], path), 'check', /ok\.journey\/x\.journey: not a directory \(a part of the path is a file\)/, 'ENOTDIR');
    });
});
