import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { ensureBuilt, journeymap, ROOT } from './cli-process.js';

function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

/** The lines of a markdown text outside its ``` fences (the emotion charts). */
function proseLines(markdown: string): string[] {
    let inFence = false;
    return markdown.split('\n').filter(line => {
        if (line.startsWith('```')) {
            inFence = !inFence;
            return false;
        }
        return !inFence;
    });
}

const purchase = readFileSync(join(EXAMPLES_DIR, 'gift-purchase.journey'), 'utf8');
const common = readFileSync(join(EXAMPLES_DIR, 'common.journey'), 'utf8');
const ret = readFileSync(join(EXAMPLES_DIR, 'gift-return.journey'), 'utf8');

/** The realistic edit of the PR example: emotion better, a pain reworded, a metric moved. */
function edited(text: string): string {
    return text.replace('      emotion -2\n      feels "Annoyed"', '      emotion -1\n      feels "Annoyed"')
        .replace('pain "Has to retype her card on mobile"', 'pain "Has to retype her card number on mobile"')
        .replace('2.1% target 3%', '2.4% target 3%');
}

describe('journeymap diff (process, temp git repositories)', function () {
    this.timeout(60_000);
    let repo: string;
    let base: string;

    before(() => {
        ensureBuilt();
        repo = mkdtempSync(join(tmpdir(), 'jm-diff-'));
        git(repo, 'init', '-q', '-b', 'main');
        mkdirSync(join(repo, 'maps'));
        writeFileSync(join(repo, 'maps/common.journey'), common);
        writeFileSync(join(repo, 'maps/gift-purchase.journey'), purchase);
        writeFileSync(join(repo, 'maps/gift-return.journey'), ret);
        writeFileSync(join(repo, 'README.txt'), 'not a map\n');
        git(repo, 'add', '.');
        git(repo, 'commit', '-q', '-m', 'base');
        base = git(repo, 'rev-parse', 'HEAD').trim();
        writeFileSync(join(repo, 'maps/gift-purchase.journey'), edited(purchase));
        git(repo, 'mv', 'maps/gift-return.journey', 'maps/returns.journey');
        writeFileSync(join(repo, 'README.txt'), 'still not a map\n');
        git(repo, 'commit', '-q', '-am', 'head');
    });
    after(() => rmSync(repo, { recursive: true, force: true }));

    it('diffs two revisions as JSON, following a renamed file and ignoring other files', async () => {
        const run = await journeymap(['diff', '--git', base, 'HEAD', '--format', 'json'], repo);
        assert.equal(run.code, 0, run.stderr);
        const result = JSON.parse(run.stdout);
        assert.equal(result.schemaVersion, 1);
        assert.deepEqual(result.summary, { added: 0, removed: 0, changed: 3, moved: 0, renamed: 0, emotion: { better: 1, worse: 0 } });
        assert.deepEqual(result.files.find((f: { path: string }) => f.path === 'maps/returns.journey'),
            { path: 'maps/returns.journey', oldPath: 'maps/gift-return.journey', status: 'renamed' });
        const emotion = result.changes.find((c: { field?: string }) => c.field === 'emotion');
        assert.equal(emotion.file, 'maps/gift-purchase.journey');
        assert.equal(emotion.id, 'checkout');
        assert.deepEqual([emotion.from, emotion.to], [-2, -1]);
    });

    it('works from a folder inside the repository, and --exit-code says whether anything changed', async () => {
        const changed = await journeymap(['diff', '--git', base, 'HEAD', '--exit-code', '--format', 'json'], join(repo, 'maps'));
        assert.equal(changed.code, 1);
        const same = await journeymap(['diff', '--git', 'HEAD', 'HEAD', '--exit-code', '--format', 'json'], join(repo, 'maps'));
        assert.equal(same.code, 0, same.stderr);
        assert.deepEqual(JSON.parse(same.stdout).changes, []);
    });

    it('limits to the paths after --', async () => {
        const run = await journeymap(['diff', '--git', base, 'HEAD', '--format', 'json', '--', 'maps/returns.journey', 'maps/gift-return.journey'], repo);
        assert.equal(run.code, 0, run.stderr);
        assert.deepEqual(JSON.parse(run.stdout).changes, []);
        const all = await journeymap(['diff', '--git', base, 'HEAD', '--format', 'json', '--', 'maps'], repo);
        assert.equal(JSON.parse(all.stdout).changes.length, 3);
    });

    it('compares the working tree with HEAD: added, deleted and broken files', async () => {
        writeFileSync(join(repo, 'maps/new.journey'), 'journey fresh "Fresh" { stage s "S" { step a "A" { emotion 0 } } }\n');
        unlinkSync(join(repo, 'maps/returns.journey'));
        writeFileSync(join(repo, 'maps/gift-purchase.journey'), edited(purchase).replace('stage purchase "Purchase" {', 'stage purchase "Purchase" {{'));
        try {
            const run = await journeymap(['diff', '--git', 'HEAD', '--format', 'json'], repo);
            assert.equal(run.code, 0, run.stderr);
            const result = JSON.parse(run.stdout);
            const journeys = result.changes.filter((c: { element: string }) => c.element === 'journey').map((c: { kind: string; id: string }) => `${c.kind} ${c.id}`);
            assert.deepEqual(journeys.sort(), ['added fresh', 'removed gift_return']);
            assert.deepEqual(result.errors.map((e: { file: string; side: string }) => `${e.file} ${e.side}`), ['maps/gift-purchase.journey new']);
            assert.match(run.stderr, /maps\/gift-purchase\.journey:\d+:\d+ - error syntax-error/);
            assert.match(run.stderr, /not compared/);
        } finally {
            git(repo, 'checkout', '-q', '--', '.');
            rmSync(join(repo, 'maps/new.journey'));
        }
    });

    it('diffs two files and two folders given as paths', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'jm-diff-files-'));
        try {
            mkdirSync(join(dir, 'old'));
            mkdirSync(join(dir, 'new'));
            writeFileSync(join(dir, 'old/a.journey'), purchase);
            writeFileSync(join(dir, 'new/a.journey'), edited(purchase));
            writeFileSync(join(dir, 'old/common.journey'), common);
            writeFileSync(join(dir, 'new/common.journey'), common);
            const files = await journeymap(['diff', '--format', 'json', 'old/a.journey', 'new/a.journey'], dir);
            assert.equal(files.code, 0, files.stderr);
            assert.equal(JSON.parse(files.stdout).summary.changed, 3);
            const dirs = await journeymap(['diff', '--format', 'json', 'old', 'new'], dir);
            assert.equal(dirs.code, 0, dirs.stderr);
            const result = JSON.parse(dirs.stdout);
            assert.equal(result.summary.changed, 3);
            assert.deepEqual(result.files, [{ path: 'a.journey', status: 'modified' }]);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('diffs a folder pair of many files like the same files in two commits', async () => {
        // Each side is one workspace: the maps use common.journey's personas, channels and teams.
        const dir = mkdtempSync(join(tmpdir(), 'jm-diff-folders-'));
        const fresh = 'journey fresh "Fresh" for dana {\n  stage s "S" {\n    step a "A" { emotion 0 }\n  }\n}\n';
        const old: Record<string, string> = {
            'common.journey': common,
            'shop/gift-purchase.journey': purchase,
            'shop/gift-return.journey': ret,
            'broken.journey': fresh.replace('fresh', 'broken').replace('"Fresh"', '"Broken"'),
            // Windows line ends: the same map, its text unchanged in both versions.
            'windows.journey': fresh.replace('fresh', 'windows').replace(/\n/g, '\r\n'),
        };
        for (let i = 1; i <= 30; i++) old[`many/map-${i}.journey`] = fresh.replace('fresh', `map_${i}`).replace('emotion 0', `emotion ${i % 5 - 2}`);
        const next: Record<string, string> = { ...old, 'shop/gift-purchase.journey': edited(purchase), 'fresh.journey': fresh };
        delete next['shop/gift-return.journey'];
        next['broken.journey'] = old['broken.journey'].replace('stage s "S" {', 'stage s "S" {{');
        next['many/map-7.journey'] = old['many/map-7.journey'].replace(/emotion -?\d/, 'emotion +2');
        const write = (root: string, files: Record<string, string>) => {
            for (const [path, text] of Object.entries(files)) {
                mkdirSync(join(root, path, '..'), { recursive: true });
                writeFileSync(join(root, path), text);
            }
        };
        try {
            write(join(dir, 'old'), old);
            write(join(dir, 'new'), next);
            const folders = await journeymap(['diff', '--format', 'json', 'old', 'new'], dir);
            assert.equal(folders.code, 0, folders.stderr);
            const result = JSON.parse(folders.stdout);
            assert.deepEqual(result.files.map((f: { path: string; status: string }) => `${f.status} ${f.path}`).sort(), [
                'added fresh.journey', 'deleted shop/gift-return.journey', 'modified broken.journey', 'modified many/map-7.journey', 'modified shop/gift-purchase.journey',
            ]);
            const journeys = result.changes.filter((c: { element: string }) => c.element === 'journey').map((c: { kind: string; id: string; file: string }) => `${c.kind} ${c.id} ${c.file}`);
            assert.deepEqual(journeys.sort(), ['added fresh fresh.journey', 'removed gift_return shop/gift-return.journey']);
            const emotions = result.changes.filter((c: { field?: string }) => c.field === 'emotion').map((c: { file: string; from: number; to: number }) => `${c.file} ${c.from} ${c.to}`);
            assert.deepEqual(emotions.sort(), ['many/map-7.journey 0 2', 'shop/gift-purchase.journey -2 -1']);
            assert.equal(result.changes.filter((c: { file: string }) => c.file === 'shop/gift-purchase.journey').length, 3);
            assert.deepEqual(result.errors.map((e: { file: string; side: string }) => `${e.file} ${e.side}`), ['broken.journey new']);
            assert.match(folders.stderr, /^broken\.journey:\d+:\d+ - error syntax-error: .* \(new version\)$/m);

            // The same two versions as two commits (read through git, not the file system): the same report.
            const repo = join(dir, 'repo');
            mkdirSync(repo);
            git(repo, 'init', '-q', '-b', 'main');
            write(repo, old);
            git(repo, 'add', '.');
            git(repo, 'commit', '-q', '-m', 'old');
            rmSync(join(repo, 'shop/gift-return.journey'));
            write(repo, next);
            git(repo, 'add', '-A');
            git(repo, 'commit', '-q', '-m', 'new');
            const commits = await journeymap(['diff', '--format', 'json', '--git', 'HEAD~1', 'HEAD'], repo);
            assert.equal(commits.code, 0, commits.stderr);
            const viaGit = JSON.parse(commits.stdout);
            assert.deepEqual(viaGit.changes, result.changes);
            assert.deepEqual(viaGit.summary, result.summary);
            assert.deepEqual(viaGit.errors, result.errors);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('exits 2 on usage errors and git failures', async () => {
        assert.equal((await journeymap(['diff', 'only-one.journey'], repo)).code, 2);
        const bad = await journeymap(['diff', '--git', 'no-such-revision', '--format', 'json'], repo);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /git/);
        assert.equal((await journeymap(['diff', '--git', 'HEAD', '--format', 'pdf'], repo)).code, 2);
        const outside = mkdtempSync(join(tmpdir(), 'jm-nogit-'));
        try {
            assert.equal((await journeymap(['diff', '--git', 'HEAD'], outside)).code, 2);
        } finally {
            rmSync(outside, { recursive: true, force: true });
        }
    });

    // The pull-request workflow is the GitHub Action now (action.yml): test/action/action.test.ts
    // runs its steps on a repository like this one, its comment and annotations included.

    it('renders the markdown of the example edit as in the golden file, with balanced GitHub markdown', async () => {
        const run = await journeymap(['diff', '--git', base, 'HEAD', '--format', 'markdown'], repo);
        const golden = join(ROOT, 'test/diff/golden/gift-purchase-edit.md');
        if (process.env.JOURNEYMAP_UPDATE_GOLDEN === '1') writeFileSync(golden, run.stdout);
        assert.equal(run.stdout, readFileSync(golden, 'utf8'));
        assert.doesNotMatch(run.stdout, /<[a-z/!]/i, 'no raw HTML');
        for (const line of proseLines(run.stdout)) {
            assert.equal((line.replace(/\\`/g, '').match(/`/g) ?? []).length % 2, 0, `balanced code spans: ${line}`);
        }
    });

    it('renders the as-is → to-be edit of the GP booking map as in the golden file: schema-2 members, attributes spelled out, counts with members', async () => {
        // The team rewrites the as-is map in place into the to-be one (the to-be example's journey,
        // under the as-is id and without `future of`, below the as-is file's declarations).
        const today = readFileSync(join(EXAMPLES_DIR, 'gp-booking-today.journey'), 'utf8');
        const next = readFileSync(join(EXAMPLES_DIR, 'gp-booking-next.journey'), 'utf8');
        const header = 'journey gp_booking_next "Booking a GP appointment, to-be" for ruth future of gp_booking_today {';
        assert.ok(next.includes(header));
        const toBe = today.slice(0, today.indexOf('journey gp_booking_today'))
            + next.slice(next.indexOf(header)).replace(header, 'journey gp_booking_today "Booking a GP appointment, to-be" for ruth {');
        const gp = mkdtempSync(join(tmpdir(), 'jm-diff-gp-'));
        try {
            git(gp, 'init', '-q', '-b', 'main');
            writeFileSync(join(gp, 'gp-booking.journey'), today);
            git(gp, 'add', '.');
            git(gp, 'commit', '-q', '-m', 'as-is');
            writeFileSync(join(gp, 'gp-booking.journey'), toBe);
            const run = await journeymap(['diff', '--git', 'HEAD', '--format', 'markdown'], gp);
            assert.equal(run.code, 0, run.stderr);
            const golden = join(ROOT, 'test/diff/golden/gp-booking-to-be.md');
            if (process.env.JOURNEYMAP_UPDATE_GOLDEN === '1') writeFileSync(golden, run.stdout);
            assert.equal(run.stdout, readFileSync(golden, 'utf8'));
            assert.doesNotMatch(run.stdout, /<(?!https?:\/\/)[a-z/!]/i, 'no raw HTML (an http URL is an explicit autolink)');
            assert.doesNotMatch(run.stdout, /\*\*0\*\* added/, 'added pains, opportunities and steps are counted');
            for (const line of proseLines(run.stdout)) {
                assert.equal((line.replace(/\\`/g, '').match(/`/g) ?? []).length % 2, 0, `balanced code spans: ${line}`);
            }
            const json = JSON.parse((await journeymap(['diff', '--git', 'HEAD', '--format', 'json'], gp)).stdout);
            const members = (list: 'added' | 'removed') => json.changes.reduce((n: number, c: { kind: string; added?: string[]; removed?: string[] }) =>
                n + (c.kind === list ? 1 : 0) + (c.kind === 'changed' ? (c[list]?.length ?? 0) : 0), 0);
            assert.equal(json.summary.added, members('added'));
            assert.equal(json.summary.removed, members('removed'));
        } finally {
            rmSync(gp, { recursive: true, force: true });
        }
    });

    it('renders a review of the to-be GP booking map as in the golden file: opportunity status lines, an opportunity moved and reworded by id', async () => {
        const today = readFileSync(join(EXAMPLES_DIR, 'gp-booking-today.journey'), 'utf8');
        const next = readFileSync(join(EXAMPLES_DIR, 'gp-booking-next.journey'), 'utf8');
        const edits: [string, string][] = [
            ['impact high effort low status planned', 'impact high effort low status doing'],
            ['reviewed by a clinician within two hours"', 'reviewed by a clinician within one hour"'],
            ['      opportunity second_reviewer "A second reviewer covers the duty GP\'s emergencies" owner clinicians impact medium effort medium status idea\n', ''],
            ['    opportunity assisted_triage "Receptionists fill in the triage form with callers" owner reception impact medium effort low status planned\n',
                '    opportunity second_reviewer "A second reviewer covers the duty GP\'s emergencies" owner clinicians impact medium effort medium status planned\n'],
            ['still depend on the phone line" severity medium', 'still depend on the phone line" severity high'],
            ['support "SMS booking service" by practice_manager', 'support "SMS booking service" by practice_manager fail "Texts delayed at peak times"'],
            ['from "Pilot survey, free text"', 'from "Pilot survey, 212 answers"'],
            ['"Forms reviewed within 2 hours" 88%', '"Forms reviewed within 2 hours" 91%'],
            ['duration 6min', 'duration 5min'],
        ];
        let reviewed = next;
        for (const [from, to] of edits) {
            assert.ok(reviewed.includes(from), from);
            reviewed = reviewed.replace(from, to);
        }
        const gp = mkdtempSync(join(tmpdir(), 'jm-diff-gp-'));
        try {
            git(gp, 'init', '-q', '-b', 'main');
            writeFileSync(join(gp, 'gp-booking-today.journey'), today);
            writeFileSync(join(gp, 'gp-booking-next.journey'), next);
            git(gp, 'add', '.');
            git(gp, 'commit', '-q', '-m', 'to-be');
            writeFileSync(join(gp, 'gp-booking-next.journey'), reviewed);
            const run = await journeymap(['diff', '--git', 'HEAD', '--format', 'markdown'], gp);
            assert.equal(run.code, 0, run.stderr);
            const golden = join(ROOT, 'test/diff/golden/gp-booking-review.md');
            if (process.env.JOURNEYMAP_UPDATE_GOLDEN === '1') writeFileSync(golden, run.stdout);
            assert.equal(run.stdout, readFileSync(golden, 'utf8'));
            assert.match(run.stdout, /^- opportunity \*Call-back instead of a phone queue\*: status planned → doing$/m);
        } finally {
            rmSync(gp, { recursive: true, force: true });
        }
    });
});
