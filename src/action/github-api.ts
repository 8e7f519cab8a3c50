/**
 * The three calls of the GitHub REST API the action makes, through `fetch`: list a pull request's
 * comments, create one, update one. The base URL is `GITHUB_API_URL` (GitHub Enterprise, or a
 * stand-in server in the tests); the token goes only to that origin, pagination links included.
 */

export interface IssueComment {
    id: number;
    body?: string;
    html_url?: string;
    user?: { login?: string; type?: string } | null;
}

export class ApiError extends Error {
    constructor(message: string, readonly status?: number) {
        super(message);
    }
}

export interface Repo { owner: string; name: string }

export class GitHubApi {
    constructor(private readonly baseUrl: string, private readonly token: string | undefined) { }

    /** Every comment of the issue or pull request, following `Link: rel="next"` pages. */
    async listComments(repo: Repo, issue: number): Promise<IssueComment[]> {
        const comments: IssueComment[] = [];
        let url: string | undefined = `${this.repoUrl(repo)}/issues/${issue}/comments?per_page=100`;
        for (let page = 0; url !== undefined && page < 100; page++) {
            const response = await this.request('GET', url);
            const items: unknown = await response.json();
            if (!Array.isArray(items)) throw new ApiError('listing the comments: the answer is not a list');
            comments.push(...items as IssueComment[]);
            url = this.nextPage(response.headers.get('link'));
        }
        return comments;
    }

    async createComment(repo: Repo, issue: number, body: string): Promise<IssueComment> {
        return await (await this.request('POST', `${this.repoUrl(repo)}/issues/${issue}/comments`, { body })).json() as IssueComment;
    }

    async updateComment(repo: Repo, id: number, body: string): Promise<IssueComment> {
        return await (await this.request('PATCH', `${this.repoUrl(repo)}/issues/comments/${id}`, { body })).json() as IssueComment;
    }

    private repoUrl(repo: Repo): string {
        return `${this.baseUrl}/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
    }

    private async request(method: string, url: string, body?: unknown): Promise<Response> {
        const headers: Record<string, string> = {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            'user-agent': 'journeymap-action',
        };
        if (this.token) headers.authorization = `Bearer ${this.token}`;
        if (body !== undefined) headers['content-type'] = 'application/json';
        let response: Response;
        try {
            response = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(30_000) });
        } catch (error) {
            throw new ApiError(`${method} ${new URL(url).pathname}: ${(error as Error).message}`);
        }
        if (!response.ok) {
            // GitHub's own message ("Resource not accessible by integration"), not the whole body.
            const message = await response.json().then(json => (typeof json?.message === 'string' ? json.message : ''), () => '');
            throw new ApiError(`${method} ${new URL(url).pathname}: HTTP ${response.status}${message ? ` ${message.slice(0, 200)}` : ''}`, response.status);
        }
        return response;
    }

    /** The next page's URL, only when it is on the API's own origin (the token is sent there). */
    private nextPage(link: string | null): string | undefined {
        const next = /<([^>]+)>\s*;\s*rel="next"/.exec(link ?? '')?.[1];
        if (next === undefined) return undefined;
        try {
            return new URL(next).origin === new URL(this.baseUrl).origin ? next : undefined;
        } catch {
            return undefined;
        }
    }
}
