import { readFileSync } from 'node:fs';

/**
 * What the GitHub Action (action.yml) was asked to do. action.yml hands its inputs over as
 * environment variables (`JOURNEYMAP_*`), never inside a script's text, and the runner gives the
 * event payload as a file (`GITHUB_EVENT_PATH`).
 */
export interface ActionInputs {
    /** Files and folders to check, report and diff: one per line of the `paths` input. */
    paths: string[];
    /** The revision to diff against; undefined when there is none (a push with no `before`). */
    base?: string;
    comment: boolean;
    failOn: FailOn;
    /** Where the artifact's files are written. */
    outDir: string;
    pullRequest?: PullRequest;
    repository?: { owner: string; name: string };
    api: { url: string; token?: string };
    /** `https://github.com/<owner>/<repo>`, for links into the files and to the run. */
    repositoryUrl?: string;
    runUrl?: string;
}

export type FailOn = 'error' | 'warning' | 'never';

export interface PullRequest {
    number: number;
    baseSha?: string;
    headSha?: string;
}

/** A wrong input: the action stops with this one-line reason (exit 2), whatever `fail-on` says. */
export class InputError extends Error { }

type Env = Record<string, string | undefined>;

export function readInputs(env: Env): ActionInputs {
    const event = readEvent(env.GITHUB_EVENT_PATH);
    const pullRequest = pullRequestOf(event);
    const failOn = (env.JOURNEYMAP_FAIL_ON ?? '').trim() || 'error';
    if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') throw new InputError('the fail-on input must be error, warning or never');
    const comment = (env.JOURNEYMAP_COMMENT ?? '').trim().toLowerCase() || 'true';
    if (comment !== 'true' && comment !== 'false') throw new InputError('the comment input must be true or false');
    const base = (env.JOURNEYMAP_BASE ?? '').trim() || pullRequest?.baseSha || pushBefore(event);
    if (base !== undefined && (base.startsWith('-') || /[\s\x00-\x1f]/.test(base))) throw new InputError('the base input must be one revision (a sha, branch or tag)');
    const repository = repositoryOf(env.GITHUB_REPOSITORY);
    const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    const repositoryUrl = repository ? `${server}/${encodeURIComponent(repository.owner)}/${encodeURIComponent(repository.name)}` : undefined;
    const runId = env.GITHUB_RUN_ID;
    return {
        paths: parsePaths(env.JOURNEYMAP_PATHS ?? ''),
        ...(base !== undefined ? { base } : {}),
        comment: comment === 'true',
        failOn,
        outDir: env.JOURNEYMAP_OUT || `${env.RUNNER_TEMP || '.'}/journeymap`,
        ...(pullRequest ? { pullRequest } : {}),
        ...(repository ? { repository } : {}),
        api: { url: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''), ...(env.GITHUB_TOKEN ? { token: env.GITHUB_TOKEN } : {}) },
        ...(repositoryUrl ? { repositoryUrl } : {}),
        ...(repositoryUrl && runId && /^\d+$/.test(runId) ? { runUrl: `${repositoryUrl}/actions/runs/${runId}` } : {}),
    };
}

/**
 * One path per line (so a path may hold spaces); blank lines ignored; none: the whole checkout.
 * A path starting with `-` is written `./-…`, so the CLI never reads it as an option.
 */
export function parsePaths(value: string): string[] {
    const paths = value.split(/\r?\n/).map(line => line.trim()).filter(line => line.length > 0);
    return (paths.length > 0 ? paths : ['.']).map(path => (path.startsWith('-') ? `./${path}` : path));
}

function readEvent(path: string | undefined): Record<string, unknown> {
    if (!path) return {};
    try {
        const event: unknown = JSON.parse(readFileSync(path, 'utf8'));
        return event !== null && typeof event === 'object' ? event as Record<string, unknown> : {};
    } catch {
        throw new InputError('the event payload (GITHUB_EVENT_PATH) cannot be read as JSON');
    }
}

function pullRequestOf(event: Record<string, unknown>): PullRequest | undefined {
    const pr = event.pull_request as { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } | undefined;
    if (!pr || typeof pr.number !== 'number') return undefined;
    return {
        number: pr.number,
        ...(typeof pr.base?.sha === 'string' ? { baseSha: pr.base.sha } : {}),
        ...(typeof pr.head?.sha === 'string' ? { headSha: pr.head.sha } : {}),
    };
}

/** A push event's previous tip; all zeros (a new branch) means there is none. */
function pushBefore(event: Record<string, unknown>): string | undefined {
    const before = event.before;
    return typeof before === 'string' && !/^0+$/.test(before) ? before : undefined;
}

function repositoryOf(value: string | undefined): { owner: string; name: string } | undefined {
    const match = /^([\w.-]+)\/([\w.-]+)$/.exec(value ?? '');
    return match ? { owner: match[1], name: match[2] } : undefined;
}
