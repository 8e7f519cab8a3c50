import type { GitHubApi, IssueComment, Repo } from './github-api.js';

/**
 * The one comment the action keeps on a pull request. It starts with a hidden marker; each run
 * finds its comment by that marker and edits it, so the pull request never collects a comment
 * per push.
 */
export const MARKER = '<!-- journeymap-action: sticky diff comment -->';

/** GitHub refuses comment bodies over 65,536 characters; leave room for the closing lines. */
export const MAX_BODY = 60_000;

export interface CommentParts {
    /** `journeymap diff --format markdown`: its user text is already inert (src/text/markdown-text.ts). */
    diff: string;
    /** The insights headline: counts only. */
    insights?: string;
    /** `**1** error, **2** warnings` of `journeymap check`, when there are any. */
    problems?: string;
    /** The artifact's name and the run that holds it. */
    artifact?: { name: string; runUrl?: string };
}

export function commentBody(parts: CommentParts): string {
    const tail: string[] = [];
    if (parts.problems) tail.push(`**Checks:** ${parts.problems} in the maps (annotations on the lines).`, '');
    if (parts.insights) tail.push(`**Journey insights** of the maps after this change: ${parts.insights}`, '');
    if (parts.artifact) {
        const run = parts.artifact.runUrl ? `[this run](${parts.artifact.runUrl})` : 'this run';
        tail.push(`The visual diff (HTML) and the insights report are in the \`${parts.artifact.name}\` artifact of ${run}.`, '');
    }
    const closing = tail.join('\n');
    return `${MARKER}\n${cut(parts.diff.trimEnd(), MAX_BODY - closing.length)}\n\n${closing}`;
}

/** The diff cut at a line end when too long: each change is one line, so no markup is split. */
function cut(diff: string, room: number): string {
    if (diff.length <= room) return diff;
    const note = '\n\n…the diff goes on: it is too long for a comment; the artifact has all of it.';
    const end = diff.lastIndexOf('\n', room - note.length);
    return diff.slice(0, Math.max(0, end)) + note;
}

/**
 * The action's earlier comment: it starts with the marker and a bot wrote it (the workflow's
 * token acts as `github-actions[bot]`). A person quoting the marker does not make their comment
 * the one to overwrite.
 */
export function findSticky(comments: readonly IssueComment[]): IssueComment | undefined {
    return comments.find(c => typeof c.body === 'string' && c.body.startsWith(MARKER) && c.user?.type === 'Bot');
}

export type CommentResult = { action: 'created' | 'updated'; url?: string } | { action: 'skipped'; reason: string };

/**
 * Updates the earlier comment, or creates one. A diff with no changes creates none (a pull request
 * that touches no map gets no comment), but does update an earlier one, which would be stale.
 */
export async function postSticky(api: GitHubApi, repo: Repo, issue: number, body: string, anyChange: boolean): Promise<CommentResult> {
    const earlier = findSticky(await api.listComments(repo, issue));
    if (earlier) {
        const updated = await api.updateComment(repo, earlier.id, body);
        return { action: 'updated', ...(updated.html_url ? { url: updated.html_url } : {}) };
    }
    if (!anyChange) return { action: 'skipped', reason: 'no journey changed and there is no earlier comment to update' };
    const created = await api.createComment(repo, issue, body);
    return { action: 'created', ...(created.html_url ? { url: created.html_url } : {}) };
}
