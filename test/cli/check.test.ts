import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, journeymap } from './cli-process.js';

/** `journeymap check` as a real process on a temporary workspace. */

const SHARED = 'persona p "P"\nchannel web "Web"\nchannel fax "Fax"\nteam t "T"\n';
const A = 'journey a "A" for p {\n  stage s {\n    step x {\n      channel web, sms\n      emotion 5\n      pain "slow" owner t\n    }\n  }\n}\n';
const B = 'journey b for p {\n  stage s {\n    step y {\n      pain "slow"\n      emotion 1\n    }\n  }\n}\n';

interface JsonDiagnostic {
    file: string; line: number; column: number; endLine: number; endColumn: number;
    severity: string; code: string; message: string;
}

describe('journeymap check (as a process)', function () {
    this.timeout(120_000);
    let dir: string;

    before(() => {
        ensureBuilt();
        dir = mkdtempSync(join(tmpdir(), 'journeymap-check-'));
        writeFileSync(join(dir, 'shared.journey'), SHARED);
        writeFileSync(join(dir, 'a.journey'), A);
        writeFileSync(join(dir, 'b.journey'), B);
        mkdirSync(join(dir, 'clean'));
        writeFileSync(join(dir, 'clean/ok.journey'), 'persona p\njourney ok for p {\n  stage s {\n    step x {\n      emotion 0\n    }\n  }\n}\n');
        writeFileSync(join(dir, 'latin1.journey'), Buffer.from([0x6a, 0x6f, 0x75, 0x72, 0x6e, 0x65, 0x79, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x7b, 0x7d, 0x0a]));
        mkdirSync(join(dir, 'fake.journey'));
    });

    after(() => rmSync(dir, { recursive: true, force: true }));

    it('text: path:line:column - severity code: message, 1-based, hints left out, exit 1 on errors', async () => {
        const run = await journeymap(['check', 'shared.journey', 'a.journey', 'b.journey'], dir);
        assert.equal(run.code, 1, run.stderr);
        assert.deepEqual(run.stdout.trimEnd().split('\n'), [
            `a.journey:4:20 - error unresolved-reference: Unknown channel 'sms'. Declare it with: channel sms "…"`,
            'a.journey:5:15 - error emotion-out-of-range: Emotion 5 is out of range: use a whole number from -2 (very negative) to +2 (very positive).',
            `a.journey:6:12 - info pain-without-opportunity: Pain "slow" in step 'x' has no opportunity. Add: opportunity "…"`,
            `b.journey:4:12 - info pain-without-opportunity: Pain "slow" in step 'y' has no opportunity. Add: opportunity "…"`,
        ]);
        assert.doesNotMatch(run.stdout, /unused-declaration/);
        assert.match(run.stderr, /3 files checked: 2 errors, 0 warnings, 2 info/);
    });

    it('json: one array sorted by file, line, column, 1-based, hints included', async () => {
        const run = await journeymap(['check', '--format', 'json', 'b.journey', 'shared.journey', 'a.journey'], dir);
        assert.equal(run.code, 1, run.stderr);
        const diagnostics = JSON.parse(run.stdout) as JsonDiagnostic[];
        assert.deepEqual(diagnostics.map(d => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code}`), [
            'a.journey:4:20-4:23 error unresolved-reference',
            'a.journey:5:15-5:16 error emotion-out-of-range',
            'a.journey:6:12-6:18 info pain-without-opportunity',
            'b.journey:4:12-4:18 info pain-without-opportunity',
            'shared.journey:3:9-3:12 hint unused-declaration',
        ]);
        assert.match(diagnostics[4].message, /fax/);
        assert.deepEqual(Object.keys(diagnostics[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    });

    it('json without errors exits 0 and still lists hints', async () => {
        const run = await journeymap(['check', '--format=json', 'b.journey', 'shared.journey'], dir);
        assert.equal(run.code, 0, run.stderr);
        const diagnostics = JSON.parse(run.stdout) as JsonDiagnostic[];
        assert.ok(diagnostics.some(d => d.severity === 'hint' && d.code === 'unused-declaration' && d.message.includes("'t'")));
    });

    it('github: workflow commands that annotate the line', async () => {
        const run = await journeymap(['check', '--format', 'github', 'shared.journey', 'a.journey', 'b.journey'], dir);
        assert.equal(run.code, 1);
        const lines = run.stdout.trimEnd().split('\n');
        assert.equal(lines[0], `::error file=a.journey,line=4,col=20,endLine=4,endColumn=23,title=journeymap unresolved-reference::Unknown channel 'sms'. Declare it with: channel sms "…"`);
        assert.ok(lines[2].startsWith('::notice file=a.journey,line=6,col=12,'), lines[2]);
        assert.equal(lines.length, 4, 'hints are not annotated');
    });

    it('a directory means every .journey file below it (one workspace)', async () => {
        const clean = await journeymap(['check', 'clean'], dir);
        assert.equal(clean.code, 0, clean.stderr);
        assert.equal(clean.stdout, '');
        assert.match(clean.stderr, /1 file checked: 0 errors/);
        const examples = await journeymap(['check', 'examples']);
        assert.equal(examples.code, 0, examples.stdout + examples.stderr);
        // The as-is example keeps open pains and fail points (infos) by nature; its to-be answers them.
        assert.match(examples.stderr, /6 files checked: 0 errors, 0 warnings, 6 info/);
        // A folder without maps is not an error: nothing to check (CI on a repository before its first map).
        mkdirSync(join(dir, 'nothing-here'), { recursive: true });
        const empty = await journeymap(['check', 'nothing-here'], dir);
        assert.deepEqual([empty.code, empty.stdout, empty.stderr.trim()], [0, '', '0 files checked: 0 errors, 0 warnings, 0 info']);
        const emptyJson = await journeymap(['check', '--format', 'json', 'nothing-here'], dir);
        assert.deepEqual([emptyJson.code, JSON.parse(emptyJson.stdout)], [0, []]);
    });

    it('a name that cannot be resolved in one file resolves when its declaring file is given too', async () => {
        const alone = await journeymap(['check', '--format', 'json', 'b.journey'], dir);
        assert.equal(alone.code, 1);
        assert.ok((JSON.parse(alone.stdout) as JsonDiagnostic[]).some(d => d.code === 'unresolved-reference' && /'p'/.test(d.message)));
    });

    it('exit 2 with the reason on stderr: missing file, unreadable path, non-UTF-8 file', async () => {
        const missing = await journeymap(['check', 'nope.journey'], dir);
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /nope\.journey: no such file or directory/);
        assert.equal(missing.stdout, '');

        // Tests run as root, which chmod cannot lock out: a directory named like a file cannot be read as one.
        const directoryAsFile = await journeymap(['export', '--format', 'json', 'fake.journey'], dir);
        assert.equal(directoryAsFile.code, 2);
        assert.match(directoryAsFile.stderr, /fake\.journey: is a directory/);

        const latin1 = await journeymap(['check', 'latin1.journey', 'a.journey'], dir);
        assert.equal(latin1.code, 2);
        assert.match(latin1.stderr, /^journeymap check: latin1\.journey:1:12: not valid UTF-8 text \(byte 0xE9 at byte offset 11\)\n$/);
        assert.equal(latin1.stdout, '', 'nothing half-checked is printed');
    });

    it('exit 2 on usage errors', async () => {
        const flag = await journeymap(['check', '--strict', 'a.journey'], dir);
        assert.equal(flag.code, 2);
        assert.match(flag.stderr, /unknown option --strict/);
        const format = await journeymap(['check', '--format', 'xml', 'a.journey'], dir);
        assert.equal(format.code, 2);
        assert.match(format.stderr, /--format must be one of text, json, github \(got 'xml'\)/);
        const none = await journeymap(['check'], dir);
        assert.equal(none.code, 2);
        assert.match(none.stderr, /no paths given/);
    });
});
