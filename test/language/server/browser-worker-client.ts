/**
 * The language server's web bundle (language-server-web.js) as a real Web Worker in Chromium, and
 * a small LSP client in the page that speaks to it over postMessage as vscode-languageclient/browser
 * does. The page plays the web extension host: it serves `files` (the workspace) for
 * journeymap/workspaceFiles and journeymap/readFile, or never answers, or fails, as told.
 */
import type { Browser, Page } from 'playwright-core';
import { buildWebBundles } from '../../scripts/web-bundles.js';

const ORIGIN = 'https://worker.journeymap.test';

export type WorkspaceMode = 'serve' | 'never-answer' | 'fail';

export interface LspMessage {
    id?: number | string;
    method?: string;
    params?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    result?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    error?: { code: number; message: string };
}

export interface WorkerClient {
    page: Page;
    errors: string[];
    request<R = any>(method: string, params: unknown): Promise<R>; // eslint-disable-line @typescript-eslint/no-explicit-any
    notify(method: string, params: unknown): Promise<void>;
    /** Every message the server sent, in order. */
    received(): Promise<LspMessage[]>;
    /** The last diagnostics published for `uri` once `accept` holds for them. */
    diagnostics(uri: string, accept: (diagnostics: Array<{ code?: string; message: string }>) => boolean, timeout?: number): Promise<Array<{ code?: string; message: string }>>;
    /** Workspace files the page serves from now on (text, or undefined to remove). */
    setFile(uri: string, text: string | undefined): Promise<void>;
    /** Server → client requests the page answered (or held), by method. */
    serverRequests(): Promise<string[]>;
}

export async function startWorkerClient(browser: Browser, files: Record<string, string>, mode: WorkspaceMode = 'serve'): Promise<WorkerClient> {
    const bundle = (await buildWebBundles()).get('language-server-web.js')!;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', e => errors.push(String(e)));
    page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
    await page.route('**/*', route => {
        const url = route.request().url();
        if (url === `${ORIGIN}/index.html`) return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>worker</title>' });
        if (url === `${ORIGIN}/language-server-web.js`) return route.fulfill({ contentType: 'text/javascript', body: bundle.text });
        return route.abort();
    });
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${ORIGIN}/index.html`);
    await page.evaluate(({ files, mode }) => {
        const state = {
            files: files as Record<string, string>, mode, received: [] as unknown[], serverRequests: [] as string[], nextId: 1,
            pending: new Map<number, (message: any) => void>(), // eslint-disable-line @typescript-eslint/no-explicit-any
            worker: new Worker('/language-server-web.js'),
        };
        (window as any).lsp = state; // eslint-disable-line @typescript-eslint/no-explicit-any
        const answer = (id: unknown, body: object) => state.worker.postMessage({ jsonrpc: '2.0', id, ...body });
        state.worker.onmessage = (event: MessageEvent) => {
            const message = event.data;
            state.received.push(message);
            if (message.method === undefined && state.pending.has(message.id)) {
                state.pending.get(message.id)!(message);
                state.pending.delete(message.id);
                return;
            }
            if (message.method === undefined || message.id === undefined) return;
            state.serverRequests.push(message.method);
            switch (message.method) {
                case 'journeymap/workspaceFiles': {
                    if (state.mode === 'never-answer') return;
                    if (state.mode === 'fail') return answer(message.id, { error: { code: -32603, message: 'no file system here' } });
                    const folder: string | undefined = message.params?.folder;
                    const uris = Object.keys(state.files).filter(uri => !folder || uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`));
                    return answer(message.id, { result: { uris } });
                }
                case 'journeymap/readFile': {
                    const text = state.files[message.params.uri];
                    return text === undefined ? answer(message.id, { error: { code: -32603, message: `no file ${message.params.uri}` } }) : answer(message.id, { result: { text } });
                }
                case 'workspace/configuration':
                    return answer(message.id, { result: (message.params.items as unknown[]).map(() => null) });
                default:
                    return answer(message.id, { result: null });
            }
        };
    }, { files, mode });
    const client: WorkerClient = {
        page, errors,
        request: (method, params) => page.evaluate(({ method, params }) => new Promise((resolve, reject) => {
            const state = (window as any).lsp; // eslint-disable-line @typescript-eslint/no-explicit-any
            const id = state.nextId++;
            state.pending.set(id, (message: LspMessage) => (message.error ? reject(new Error(message.error.message)) : resolve(message.result)));
            state.worker.postMessage({ jsonrpc: '2.0', id, method, params });
        }), { method, params }),
        notify: (method, params) => page.evaluate(({ method, params }) => {
            (window as any).lsp.worker.postMessage({ jsonrpc: '2.0', method, params }); // eslint-disable-line @typescript-eslint/no-explicit-any
        }, { method, params }),
        received: () => page.evaluate(() => (window as any).lsp.received as LspMessage[]), // eslint-disable-line @typescript-eslint/no-explicit-any
        serverRequests: () => page.evaluate(() => [...(window as any).lsp.serverRequests] as string[]), // eslint-disable-line @typescript-eslint/no-explicit-any
        setFile: (uri, text) => page.evaluate(({ uri, text }) => {
            const state = (window as any).lsp; // eslint-disable-line @typescript-eslint/no-explicit-any
            if (text === undefined) delete state.files[uri];
            else state.files[uri] = text;
        }, { uri, text }),
        async diagnostics(uri, accept, timeout = 20_000) {
            const deadline = Date.now() + timeout;
            let last: Array<{ code?: string; message: string }> | undefined;
            while (Date.now() < deadline) {
                const published = (await client.received()).filter(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
                last = published.at(-1)?.params.diagnostics;
                if (last && accept(last)) return last;
                await new Promise(resolve => setTimeout(resolve, 50));
            }
            throw new Error(`no accepted diagnostics for ${uri} in ${timeout} ms; last: ${JSON.stringify(last?.map(d => d.code ?? d.message))}; page errors: ${errors.join(' | ')}`);
        },
    };
    return client;
}

/** initialize + initialized for one workspace folder, as VS Code sends them. */
export async function initialize(client: WorkerClient, folder: string): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
        processId: null, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'ws' }],
        capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await client.notify('initialized', {});
    return result;
}
