import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { ensureActionBuilt, loadActionYml, runActionSteps, type ActionRun } from './action-runner.js';
import { GitHubStandIn } from './github-stand-in.js';

/**
 * The GitHub Action end to end: action.yml's steps as processes (test/action/action-runner.ts) in
 * a real git repository with a base and a head commit, against a local stand-in for the REST API.
 */

function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

const purchase = readFileSync(join(EXAMPLES_DIR, 'gift-purchase.journey'), 'utf8');
const common = readFileSync(join(EXAMPLES_DIR, 'common.journey'), 'utf8');

/** A hostile pain text: a workflow command, a mention, an issue reference, HTML, a line break. */
const HOSTILE = '::error ::pwned @octocat #1 <img src=x> \\n::warning ::two';

/** The head of the pull request: emotion better, a pain reworded, one added (with severity), a step added. */
function head(text: string): string {
    return text.replace('      emotion -2\n      feels "Annoyed"', '      emotion -1\n      feels "Annoyed"')
        .replace('pain "Has to retype her card on mobile"', 'pain "Has to retype her card number on mobile"')
        .replace('      pain "Gift wrapping is only offered after payment" severity low',
            `      pain "Gift wrapping is only offered after payment" severity low\n      pain "Promo code box is hidden" severity high\n      pain ${JSON.stringify(HOSTILE)} severity low`);
}

interface Repo { dir: string; base: string; headSha: string }

/** A repository with the base commit of the examples and a head commit changing maps/gift-purchase.journey. */
function makeRepo(headText: string, extra: Record<string, string> = {}): Repo {
    const dir = mkdtempSync(join(tmpdir(), 'jm-action-'));
    git(dir, 'init', '-q', '-b', 'main');
    mkdirSync(join(dir, 'maps'));
    writeFileSync(join(dir, 'maps/common.journey'), common);
    writeFileSync(join(dir, 'maps/gift-purchase.journey'), purchase);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    const base = git(dir, 'rev-parse', 'HEAD').trim();
    writeFileSync(join(dir, 'maps/gift-purchase.journey'), headText);
    for (const [path, text] of Object.entries(extra)) writeFileSync(join(dir, path), text);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'head');
    return { dir, base, headSha: git(dir, 'rev-parse', 'HEAD').trim() };
}

function pullRequestEvent(repo: Repo, number = 7): unknown {
    return { action: 'synchronize', number, pull_request: { number, base: { sha: repo.base }, head: { sha: repo.headSha } } };
}

/** Lines the runner would take as workflow commands: only annotations and the action's own may be. */
function commandLines(run: ActionRun): string[] {
    return `${run.stdout}\n${run.stderr}`.split('\n').filter(line => /^\s*::/.test(line));
}

describe('GitHub Action (action.yml steps as processes, real git, stand-in REST API)', function () {
    this.timeout(120_000);
    const api = new GitHubStandIn();
    let repo: Repo;
    const cleanup: string[] = [];

    before(async () => {
        ensureActionBuilt();
        await api.start();
        repo = makeRepo(head(purchase));
        cleanup.push(repo.dir);
    });
    after(async () => {
        await api.stop();
        for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
    });

    const runIn = async (r: Repo, inputs: Record<string, string> = {}, event: unknown = pullRequestEvent(r)): Promise<ActionRun> => {
        const run = await runActionSteps({ workspace: r.dir, inputs, event, apiUrl: api.url });
        cleanup.push(run.runnerTemp);
        assert.doesNotMatch(run.stderr, /internal error|\n\s+at /, run.stderr);
        return run;
    };

    it('first run: POSTs one comment holding the diff in customer terms and the insights headline', async () => {
        api.requests.length = 0;
        const run = await runIn(repo);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.deepEqual(api.requests.map(r => `${r.method} ${r.path}`), ['GET /repos/o/r/issues/7/comments?per_page=100', 'POST /repos/o/r/issues/7/comments']);
        assert.ok(api.requests.every(r => r.authorization === 'Bearer ghs_test_token'), 'the token from the token input');
        const body = api.requests[1].body!.body!;
        assert.ok(body.startsWith('<!-- journeymap-action'), 'starts with the hidden marker');
        assert.match(body, /^## Journey map changes$/m);
        assert.match(body, /step \*Checks out\*: emotion -2 → -1 ↑ \(better\)/);
        assert.match(body, /pain added: “Promo code box is hidden” \(severity high\)/);
        assert.match(body, /\[line \d+\]\(https:\/\/github\.test\/o\/r\/blob\/[0-9a-f]{40}\/maps\/gift-purchase\.journey#L\d+\)/);
        assert.match(body, /\*\*Journey insights\*\* of the maps after this change: \*\*1\*\* journey · \*\*4\*\* stages/);
        assert.match(body, /`journeymap-diff` artifact of \[this run\]\(https:\/\/github\.test\/o\/r\/actions\/runs\/4242\)/);
        assert.equal(run.outputs.journeymap['comment-url'], api.comments.get(7)![0].html_url);
        assert.equal(run.outputs.journeymap.changed, 'true');
        for (const name of Object.keys((await loadActionYml()).outputs ?? {})) assert.ok(name in run.outputs.journeymap, `output ${name} is written`);
    });

    it('keeps user text inert in the comment and the log: no mention, no HTML, no workflow command', async () => {
        const body = api.comments.get(7)![0].body;
        const line = body.split('\n').find(l => l.includes('pwned'))!;
        assert.ok(line, 'the hostile pain is in the comment');
        assert.doesNotMatch(line, /@octocat|#1|<img/, line);
        assert.match(line, /@\u2060octocat/);
        assert.equal(body.split('\n').filter(l => /^\s*::/.test(l)).length, 0);
        assert.doesNotMatch(body.slice(body.indexOf('\n')), /<(?!https?:\/\/)[a-z/!]/i, 'no raw HTML after the marker');
        const run = await runIn(repo, { comment: 'false' });
        for (const l of commandLines(run)) assert.match(l, /^::(error|warning|notice) file=|^::(error|warning|notice)::journeymap: /, l);
        assert.doesNotMatch(run.stdout, /^\s*::error ::pwned/m);
    });

    it('second run: finds its comment by the marker (on the second page) and PATCHes it, posting nothing new', async () => {
        // Other people's comments before it, one quoting the marker: only the bot's is the action's.
        const mine = api.comments.get(7)![0];
        api.comments.set(7, []);
        for (let i = 0; i < 3; i++) api.addComment(7, `review remark ${i}`, { login: 'maya', type: 'User' });
        api.addComment(7, `${mine.body.split('\n')[0]}\nquoted by a person`, { login: 'mallory', type: 'User' });
        api.comments.get(7)!.push({ ...mine, body: `${mine.body.split('\n')[0]}\nthe diff of an earlier push` });
        api.pageSize = 2;
        api.requests.length = 0;
        try {
            const run = await runIn(repo);
            assert.equal(run.code, 0, run.stdout + run.stderr);
        } finally {
            api.pageSize = 100;
        }
        // The action asked for 100 a page; the stand-in gave 2, so it followed the Link header twice.
        assert.deepEqual(api.requests.map(r => `${r.method} ${r.path}`), [
            'GET /repos/o/r/issues/7/comments?per_page=100',
            'GET /repos/o/r/issues/7/comments?per_page=2&page=2',
            'GET /repos/o/r/issues/7/comments?per_page=2&page=3',
            `PATCH /repos/o/r/issues/comments/${mine.id}`,
        ]);
        const comments = api.comments.get(7)!;
        assert.equal(comments.length, 5);
        assert.match(comments[4].body, /emotion -2 → -1/);
        assert.match(comments[3].body, /quoted by a person/, 'the person\'s comment is untouched');
    });

    it('comment: false posts nothing, and still writes the artifact and the job summary', async () => {
        api.requests.length = 0;
        const run = await runIn(repo, { comment: 'false' });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.deepEqual(api.requests, []);
        assert.match(run.stepSummary, /^## Journey map changes/);
        assert.ok(existsSync(join(run.runnerTemp, 'journeymap', 'journeymap-diff.html')));
    });

    it('writes the artifact: the HTML, Markdown and JSON diff and the insights report (HTML, Markdown)', async () => {
        const run = await runIn(repo, { comment: 'false' });
        const dir = join(run.runnerTemp, 'journeymap');
        assert.equal(run.outputs.journeymap['artifact-dir'], dir);
        assert.deepEqual(readdirSync(dir).sort(), ['journeymap-diff.html', 'journeymap-diff.json', 'journeymap-diff.md', 'journeymap-report.html', 'journeymap-report.md']);
        const html = readFileSync(join(dir, 'journeymap-diff.html'), 'utf8');
        assert.match(html, /<g(?=[^>]*data-key="step:checkout")(?=[^>]*data-change="changed")[^>]*>/);
        assert.equal(JSON.parse(readFileSync(join(dir, 'journeymap-diff.json'), 'utf8')).summary.added, 2);
        assert.match(readFileSync(join(dir, 'journeymap-report.md'), 'utf8'), /^## Journey insights/);
        assert.match(readFileSync(join(dir, 'journeymap-report.html'), 'utf8'), /^<!doctype html>/i);
    });

    describe('fail-on and annotations', () => {
        let broken: Repo;
        let warned: Repo;
        before(() => {
            // An undefined persona is an error; a stage without steps only a warning.
            broken = makeRepo(purchase.replace('journey gift_purchase', 'journey gift_purchase_x').replace(/for dana/, 'for nobody'));
            warned = makeRepo(purchase.replace('  stage awareness "Awareness" {', '  stage empty "Empty" {\n  }\n  stage awareness "Awareness" {'));
            cleanup.push(broken.dir, warned.dir);
        });

        it('prints each problem as an ::error / ::warning annotation with file and line', async () => {
            const run = await runIn(broken, { comment: 'false', 'fail-on': 'never' });
            const errors = run.stdout.split('\n').filter(l => l.startsWith('::error file='));
            assert.ok(errors.length > 0, run.stdout);
            for (const line of errors) assert.match(line, /^::error file=maps\/gift-purchase\.journey,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=journeymap [\w-]+::\S/);
            const warning = (await runIn(warned, { comment: 'false', 'fail-on': 'never' })).stdout.split('\n').find(l => l.startsWith('::warning file='));
            assert.match(warning ?? '', /^::warning file=maps\/gift-purchase\.journey,line=\d+,.*::Stage 'empty' has no step/);
        });

        for (const [failOn, onError, onWarning, onClean] of [['error', 1, 0, 0], ['warning', 1, 1, 0], ['never', 0, 0, 0]] as const) {
            it(`fail-on: ${failOn} exits ${onError} on an error, ${onWarning} on a warning, ${onClean} on clean maps`, async () => {
                const [e, w, c] = await Promise.all([broken, warned, repo].map(r => runIn(r, { comment: 'false', 'fail-on': failOn })));
                assert.deepEqual([e.code, w.code, c.code], [onError, onWarning, onClean], e.stdout + w.stdout + c.stdout);
                assert.equal(e.outputs.journeymap.errors === '0', false);
                assert.equal(w.outputs.journeymap.warnings, '1');
                if (onError) assert.match(e.stdout, /^::error::journeymap: the maps have \*\*\d+\*\* errors? .*\(fail-on: /m);
            });
        }

        it('tells the comment how many problems the maps have', async () => {
            api.requests.length = 0;
            const run = await runIn(warned, { 'fail-on': 'never' }, pullRequestEvent(warned, 9));
            assert.equal(run.code, 0);
            assert.match(api.comments.get(9)![0].body, /\*\*Checks:\*\* \*\*1\*\* warning in the maps/);
        });
    });

    it('an unknown fail-on, or a base that is not there, stops with one reason (exit 2), whatever the maps say', async () => {
        const wrong = await runIn(repo, { comment: 'false', 'fail-on': 'sometimes' });
        assert.equal(wrong.code, 2);
        assert.match(wrong.stdout, /^::error::journeymap: the fail-on input must be error, warning or never$/m);
        const missing = await runIn(repo, { comment: 'false', base: 'no-such-branch' });
        assert.equal(missing.code, 2);
        assert.match(missing.stdout, /^::error::journeymap: the base revision no-such-branch is not in the checkout \(check out with fetch-depth: 0\)$/m);
    });

    it('the base input overrides the pull request\'s base; a base equal to HEAD gives no change and no new comment', async () => {
        api.requests.length = 0;
        const run = await runIn(repo, { base: repo.headSha }, pullRequestEvent(repo, 11));
        assert.equal(run.code, 0, run.stdout);
        assert.equal(run.outputs.journeymap.changed, 'false');
        assert.deepEqual(api.requests.map(r => r.method), ['GET'], 'an unchanged pull request gets no comment');
        assert.match(run.stepSummary, /No changes to the journeys\./);
    });

    it('a token that may not write (a fork) is a warning, not a failure', async () => {
        api.writeStatus = 403;
        try {
            const run = await runIn(repo, {}, pullRequestEvent(repo, 12));
            assert.equal(run.code, 0);
            assert.match(run.stdout, /^::warning::journeymap: could not comment: POST \/repos\/o\/r\/issues\/12\/comments: HTTP 403 Resource not accessible by integration \(the job needs `permissions: pull-requests: write`/m);
        } finally {
            api.writeStatus = 200;
        }
    });

    it('outside a pull request (a push without a base) checks and reports, with no diff and no comment', async () => {
        api.requests.length = 0;
        const run = await runIn(repo, {}, { ref: 'refs/heads/main' });
        assert.equal(run.code, 0, run.stdout);
        assert.deepEqual(api.requests, []);
        assert.match(run.stdout, /::notice::journeymap: no base revision/);
        assert.ok(existsSync(join(run.runnerTemp, 'journeymap', 'journeymap-report.html')));
    });
});
