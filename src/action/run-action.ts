import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandIO } from '../cli/main.js';
import { UsageError } from '../cli/usage-error.js';
import { headline } from '../insights/report-text.js';
import type { Insights } from '../insights/insights-model.js';
import { git, GitError } from '../diff/git-revisions.js';
import { readInputs, InputError, type ActionInputs } from './action-inputs.js';
import { ApiError, GitHubApi } from './github-api.js';
import { commentBody, postSticky } from './sticky-comment.js';
import { ANNOTATION, logLine, logLines, setOutput, workflowCommand } from './workflow-log.js';

/**
 * The GitHub Action's one step of work (action.yml runs `node dist/action.mjs` after building
 * the CLI): annotate the maps' problems, diff them against the base revision, keep one sticky
 * comment on the pull request, write the artifact's files, and fail by the `fail-on` input.
 * docs/pull-requests.md describes it for users.
 *
 * Exit status: 0; 1 when the maps have problems at the `fail-on` level; 2 when the action could
 * not do its work (a wrong input, a base revision that is not there, a path that does not exist).
 * A comment that cannot be posted (a fork's read-only token) is a warning, not a failure.
 */

export const ARTIFACT_NAME = 'journeymap-diff';

/** The artifact's files (docs/pull-requests.md lists them). */
export const ARTIFACT_FILES = {
    diffHtml: 'journeymap-diff.html',
    diffMarkdown: 'journeymap-diff.md',
    diffJson: 'journeymap-diff.json',
    reportHtml: 'journeymap-report.html',
    reportMarkdown: 'journeymap-report.md',
} as const;

interface Io { out(line: string): void }

class Stop extends Error { }

export async function runAction(env: Record<string, string | undefined>, io: Io): Promise<number> {
    try {
        return await run(readInputs(env), env, io);
    } catch (error) {
        // One line, never a stack trace: the log is read by people reviewing a pull request.
        const known = error instanceof InputError || error instanceof Stop || error instanceof GitError;
        io.out(workflowCommand('error', `journeymap: ${known ? '' : 'internal error: '}${(error as Error).message ?? String(error)}`));
        return 2;
    }
}

async function run(inputs: ActionInputs, env: Record<string, string | undefined>, io: Io): Promise<number> {
    mkdirSync(inputs.outDir, { recursive: true });
    const write = (name: string, text: string) => writeFileSync(join(inputs.outDir, name), text);

    // 1. Problems as annotations: the check's lines go to the log as they are (it escapes them).
    const check = await journeymap(['check', '--format', 'github', ...inputs.paths]);
    if (check.code === 2) throw new Stop(`check could not run: ${firstLine(check.stderr)}`);
    let errors = 0;
    let warnings = 0;
    for (const line of check.stdout.split('\n').filter(Boolean)) {
        if (ANNOTATION.test(line)) {
            io.out(line);
            if (line.startsWith('::error ')) errors++;
            else if (line.startsWith('::warning ')) warnings++;
        } else io.out(logLine(line));
    }
    logLines(check.stderr).forEach(io.out);

    // 2. The insights report of the maps as they are now.
    const reportJson = await journeymap(['report', '--format', 'json', ...inputs.paths]);
    let insights: string | undefined;
    if (reportJson.code !== 2) {
        try {
            insights = headline((JSON.parse(reportJson.stdout) as Insights).totals, s => `**${s}**`);
        } catch {
            io.out(workflowCommand('warning', 'journeymap: the insights report did not give its totals'));
        }
        write(ARTIFACT_FILES.reportMarkdown, (await journeymap(['report', '--format', 'markdown', ...inputs.paths])).stdout);
        write(ARTIFACT_FILES.reportHtml, (await journeymap(['report', '--format', 'html', ...inputs.paths])).stdout);
    } else logLines(reportJson.stderr).forEach(io.out);

    // 3. The semantic diff against the base revision.
    let markdown: string | undefined;
    let anyChange = false;
    if (inputs.base === undefined) {
        io.out(workflowCommand('notice', 'journeymap: no base revision (not a pull request and no base input): no diff'));
    } else {
        const base = await resolveBase(inputs.base);
        const headSha = inputs.pullRequest?.headSha ?? env.GITHUB_SHA;
        const links = inputs.repositoryUrl ? [
            ...(headSha && /^[0-9a-f]{7,64}$/i.test(headSha) ? ['--link-base', `${inputs.repositoryUrl}/blob/${headSha}`] : []),
            '--old-link-base', `${inputs.repositoryUrl}/blob/${base}`,
        ] : [];
        const diff = async (format: string, extra: string[] = []) => {
            const result = await journeymap(['diff', '--git', base, 'HEAD', '--format', format, ...extra, '--', ...inputs.paths]);
            if (result.code === 2) throw new Stop(`diff could not run: ${firstLine(result.stderr)}`);
            return result;
        };
        const json = await diff('json');
        logLines(json.stderr).forEach(io.out);
        const summary = (JSON.parse(json.stdout) as { summary: Record<string, number> }).summary;
        anyChange = ['added', 'removed', 'changed', 'moved', 'renamed'].some(k => summary[k] > 0) || (JSON.parse(json.stdout).errors?.length ?? 0) > 0;
        markdown = (await diff('markdown', links)).stdout;
        write(ARTIFACT_FILES.diffJson, json.stdout);
        write(ARTIFACT_FILES.diffMarkdown, markdown);
        write(ARTIFACT_FILES.diffHtml, (await diff('html')).stdout);
    }

    // 4. The sticky comment.
    const problems = [errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean).join(', ');
    const body = commentBody({
        diff: markdown ?? '## Journey map changes\n\nNo base revision to compare with.\n',
        ...(insights ? { insights } : {}),
        ...(problems ? { problems } : {}),
        artifact: { name: ARTIFACT_NAME, ...(inputs.runUrl ? { runUrl: inputs.runUrl } : {}) },
    });
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, body.slice(body.indexOf('\n') + 1) + '\n');
    let commentUrl = '';
    if (!inputs.comment) io.out(logLine('journeymap: comment: false, so no comment'));
    else if (!inputs.pullRequest || !inputs.repository) io.out(workflowCommand('notice', 'journeymap: not a pull request: no comment'));
    else if (markdown === undefined) io.out(workflowCommand('notice', 'journeymap: no diff, so no comment'));
    else {
        try {
            const api = new GitHubApi(inputs.api.url, inputs.api.token);
            const result = await postSticky(api, inputs.repository, inputs.pullRequest.number, body, anyChange);
            if (result.action === 'skipped') io.out(logLine(`journeymap: no comment: ${result.reason}`));
            else {
                commentUrl = result.url ?? '';
                io.out(logLine(`journeymap: comment ${result.action}${commentUrl ? `: ${commentUrl}` : ''}`));
            }
        } catch (error) {
            if (!(error instanceof ApiError)) throw error;
            const hint = error.status === 403 || error.status === 404 ? ' (the job needs `permissions: pull-requests: write`; a fork\'s pull request gets a read-only token)' : '';
            io.out(workflowCommand('warning', `journeymap: could not comment: ${error.message}${hint}`));
        }
    }

    // 5. Outputs and the verdict.
    const output = (name: string, value: string) => setOutput(env.GITHUB_OUTPUT, name, value);
    output('errors', String(errors));
    output('warnings', String(warnings));
    output('changed', String(anyChange));
    output('comment-url', commentUrl);
    output('artifact-dir', inputs.outDir);
    const failed = inputs.failOn === 'error' ? errors > 0 : inputs.failOn === 'warning' ? errors + warnings > 0 : false;
    if (failed) io.out(workflowCommand('error', `journeymap: the maps have ${problems} (fail-on: ${inputs.failOn})`));
    return failed ? 1 : 0;
}

/**
 * The base as a commit sha. A shallow checkout may not have it: fetch that one commit from
 * `origin` before giving up (the checkout's `fetch-depth: 0` makes that unnecessary).
 */
async function resolveBase(base: string): Promise<string> {
    const cwd = process.cwd();
    const verify = () => git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${base}^{commit}`], cwd).then(out => out.trim(), () => undefined);
    let sha = await verify();
    if (sha === undefined && /^[0-9a-f]{40}$/i.test(base)) {
        await git(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', base], cwd).catch(() => undefined);
        sha = await verify();
    }
    if (sha === undefined) throw new Stop(`the base revision ${base} is not in the checkout (check out with fetch-depth: 0)`);
    return sha;
}

interface Run { code: number; stdout: string; stderr: string }

/**
 * One command of the CLI (src/cli), run in this process with its output captured: the arguments
 * are an array, nothing goes through a shell, and Langium starts once for all seven runs instead
 * of once per process.
 */
async function journeymap(args: readonly string[]): Promise<Run> {
    const [name, ...rest] = args;
    const commands: Record<string, () => Promise<(argv: readonly string[], io: CommandIO) => Promise<number>>> = {
        check: async () => (await import('../cli/check.js')).check,
        diff: async () => (await import('../cli/diff.js')).diff,
        report: async () => (await import('../cli/report.js')).report,
    };
    let stdout = '';
    let stderr = '';
    const io: CommandIO = { out: text => { stdout += text; }, err: text => { stderr += text; } };
    try {
        const code = await (await commands[name]())(rest, io);
        return { code, stdout, stderr };
    } catch (error) {
        if (error instanceof UsageError) return { code: 2, stdout, stderr: `${stderr}journeymap ${name}: ${error.message}\n` };
        throw new Stop(`journeymap ${name}: internal error: ${(error as Error).message}`);
    }
}

function firstLine(text: string): string {
    return text.split('\n').find(line => line.trim().length > 0) ?? 'no reason given';
}

function plural(n: number, word: string): string {
    return `**${n}** ${word}${n === 1 ? '' : 's'}`;
}
