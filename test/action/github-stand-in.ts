import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the three GitHub REST calls of the action (list, create, update issue
 * comments), keeping the comments in memory and recording every request. Lists come in pages of
 * `per_page` (at most `pageSize`) with a `Link: rel="next"` header, as GitHub sends them.
 */

export interface RecordedRequest {
    method: string;
    path: string;
    authorization?: string;
    body?: { body?: string };
}

export interface StoredComment {
    id: number;
    body: string;
    user: { login: string; type: string };
    html_url: string;
}

export class GitHubStandIn {
    readonly requests: RecordedRequest[] = [];
    /** Comments per issue number. */
    readonly comments = new Map<number, StoredComment[]>();
    /** Status to answer writes with (403 to play a fork's read-only token). */
    writeStatus = 200;
    pageSize = 100;
    private server?: Server;
    private nextId = 1000;

    get url(): string {
        return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    }

    async start(): Promise<void> {
        this.server = createServer((request, response) => { void this.handle(request, response); });
        await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve));
    }

    async stop(): Promise<void> {
        await new Promise(resolve => this.server?.close(resolve));
    }

    addComment(issue: number, body: string, user = { login: 'github-actions[bot]', type: 'Bot' }): StoredComment {
        const comment = { id: this.nextId++, body, user, html_url: `https://github.test/o/r/pull/${issue}#issuecomment-${this.nextId}` };
        this.comments.set(issue, [...(this.comments.get(issue) ?? []), comment]);
        return comment;
    }

    private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        const text = Buffer.concat(chunks).toString('utf8');
        const url = new URL(request.url ?? '/', this.url);
        this.requests.push({
            method: request.method ?? '', path: url.pathname + url.search,
            ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
            ...(text ? { body: JSON.parse(text) } : {}),
        });
        const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
            response.writeHead(status, { 'content-type': 'application/json', ...headers });
            response.end(JSON.stringify(json));
        };
        const list = /^\/repos\/o\/r\/issues\/(\d+)\/comments$/.exec(url.pathname);
        const one = /^\/repos\/o\/r\/issues\/comments\/(\d+)$/.exec(url.pathname);
        if (list && request.method === 'GET') {
            const all = this.comments.get(Number(list[1])) ?? [];
            const size = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.pageSize);
            const page = Number(url.searchParams.get('page') ?? 1);
            const next: Record<string, string> = page * size < all.length ? { link: `<${this.url}${url.pathname}?per_page=${size}&page=${page + 1}>; rel="next"` } : {};
            return send(200, all.slice((page - 1) * size, page * size), next);
        }
        if (this.writeStatus !== 200 && (request.method === 'POST' || request.method === 'PATCH')) {
            return send(this.writeStatus, { message: 'Resource not accessible by integration' });
        }
        if (list && request.method === 'POST') return send(201, this.addComment(Number(list[1]), JSON.parse(text).body));
        if (one && request.method === 'PATCH') {
            for (const comments of this.comments.values()) {
                const comment = comments.find(c => c.id === Number(one[1]));
                if (comment) {
                    comment.body = JSON.parse(text).body;
                    return send(200, comment);
                }
            }
        }
        send(404, { message: 'Not Found' });
    }
}
