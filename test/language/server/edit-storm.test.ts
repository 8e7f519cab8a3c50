// An edit storm against the real bundled server over stdio JSON-RPC: a thousand incremental edits
// sent faster than anyone types, with completion and hover requests in flight and most of them
// cancelled. The server must end on the diagnostics of the final text (as a fresh server gives
// them), answer every request (the cancelled ones with RequestCancelled unless they were done
// first), mark every publication with its document version, and report no error.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CancellationTokenSource, createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { generateJourneyMap } from '../../../bench/generate-map.js';
import { SERVER_NODE_OPTIONS } from '../../../language/server/server-node-options.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const REQUEST_CANCELLED = -32800;

interface Diagnostic {
    code?: string | number;
    severity?: number;
    message: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface Published {
    uri: string;
    version?: number;
    diagnostics: Diagnostic[];
}

/** The bundled server as a process, with what it publishes and logs. */
class Server {
    readonly process: ChildProcess;
    readonly connection: MessageConnection;
    readonly published: Published[] = [];
    readonly errors: string[] = [];
    stderr = '';
    private waiters: Array<{ test: (p: Published) => boolean; resolve: (p: Published) => void }> = [];

    constructor() {
        this.process = spawn(process.execPath, [...SERVER_NODE_OPTIONS, join(root, 'dist/language-server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.process.stderr!.on('data', chunk => { this.stderr += chunk; });
        this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
            this.published.push(params);
            for (const waiter of [...this.waiters]) {
                if (waiter.test(params)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve(params);
                }
            }
        });
        // Errors the server logs through the connection (console.error goes there with --stdio).
        this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            if (params.type === 1) this.errors.push(params.message);
        });
        this.connection.onRequest((method, params) => method === 'workspace/configuration' ? (params as { items: unknown[] }).items.map(() => null) : null);
        this.connection.listen();
    }

    async initialize(): Promise<void> {
        await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
        await this.connection.sendNotification('initialized', {});
    }

    until(test: (p: Published) => boolean): Promise<Published> {
        const found = this.published.find(test);
        if (found) return Promise.resolve(found);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no matching diagnostics; stderr: ${this.stderr}`)), 60_000);
            this.waiters.push({ test, resolve: p => { clearTimeout(timer); resolve(p); } });
        });
    }

    async stop(): Promise<number | null> {
        const exited = new Promise<number | null>(resolve => this.process.once('exit', code => resolve(code)));
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
        const code = await exited;
        this.connection.dispose();
        return code;
    }
}

/** A deterministic pseudo-random sequence (the same storm on every run). */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        return state / 0x80000000;
    };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const byPlace = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
    || String(a.code).localeCompare(String(b.code)) || a.message.localeCompare(b.message);
const comparable = (diagnostics: Diagnostic[]) => diagnostics.map(({ code, severity, message, range }) => ({ code, severity, message, range })).sort(byPlace);

describe('language server under an edit storm (a real process over stdio)', function () {
    this.timeout(120_000);
    let server: Server;

    before(() => {
        if (!existsSync(join(root, 'dist/language-server.cjs'))) {
            const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, encoding: 'utf8' });
            assert.equal(build.status, 0, build.stderr);
        }
    });
    afterEach(() => {
        if (server && server.process.exitCode === null) server.process.kill();
    });

    it('ends on the diagnostics of the final text, answers or cancels every request, and versions every publication', async () => {
        const uri = 'file:///journeymap-storm/map.journey';
        let text = generateJourneyMap({ steps: 300, seed: 7 });
        server = new Server();
        await server.initialize();
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
        await server.until(p => p.uri === uri);

        const next = random(42);
        // Typing, deleting and the characters that break and mend the syntax, in the middle half of the map.
        const alphabet = ['a', 'e', 'x', ' ', '\n', '"', '{', '}', '9', '-', '_'];
        const requests: Array<{ cancelled: boolean; outcome: Promise<'result' | 'cancelled' | string> }> = [];
        const toCancel: Array<{ source: CancellationTokenSource; after: number }> = [];
        let version = 1;
        const edits = 1000;
        for (let edit = 0; edit < edits; edit++) {
            const offset = Math.floor(text.length / 4 + next() * text.length / 2);
            const start = positionAt(text, offset);
            const remove = next() < 0.3 ? 1 : 0;
            const insert = remove && next() < 0.5 ? '' : alphabet[Math.floor(next() * alphabet.length)];
            const end = remove ? positionAt(text, offset + 1) : start;
            text = text.slice(0, offset) + insert + text.slice(offset + remove);
            version++;
            void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text: insert }] });
            if (edit % 10 === 0) {
                const method = edit % 20 === 0 ? 'textDocument/completion' : 'textDocument/hover';
                const source = new CancellationTokenSource();
                // Four in five are cancelled a few edits later, as an editor does when the user types on.
                const cancelled = edit % 50 !== 0;
                const outcome = server.connection.sendRequest(method, { textDocument: { uri }, position: positionAt(text, offset + insert.length) }, source.token)
                    .then(() => 'result' as const, (error: unknown) => error instanceof ResponseError && error.code === REQUEST_CANCELLED ? 'cancelled' as const : `error ${String(error)}`);
                requests.push({ cancelled, outcome });
                if (cancelled) toCancel.push({ source, after: edit + 3 });
            }
            for (const pending of toCancel.filter(c => c.after === edit)) pending.source.cancel();
            if (edit % 4 === 3) await new Promise(resolve => setTimeout(resolve, 1));
        }
        for (const pending of toCancel) pending.source.cancel();

        const final = await server.until(p => p.uri === uri && p.version === version);
        const outcomes = await Promise.all(requests.map(r => r.outcome));

        // Every request answered: a result or, for a cancelled one, RequestCancelled; nothing else.
        const failures = outcomes.filter(o => o !== 'result' && o !== 'cancelled');
        assert.deepEqual(failures, [], 'requests that failed');
        const cancelledOnes = requests.map((r, i) => [r, outcomes[i]] as const).filter(([r]) => r.cancelled);
        const honoured = cancelledOnes.filter(([, o]) => o === 'cancelled').length;
        assert.ok(honoured >= cancelledOnes.length * 0.6, `only ${honoured} of ${cancelledOnes.length} cancelled requests were answered with RequestCancelled`);
        requests.forEach((request, i) => {
            if (!request.cancelled) assert.equal(outcomes[i], 'result', 'a request nobody cancelled was not answered');
        });

        // Every publication carries the version of the text it describes, in order.
        const mine = server.published.filter(p => p.uri === uri);
        assert.ok(mine.every(p => typeof p.version === 'number'), 'a publication without a version');
        for (let i = 1; i < mine.length; i++) assert.ok(mine[i].version! >= mine[i - 1].version!, `version ${mine[i].version} after ${mine[i - 1].version}`);

        // The same diagnostics as a fresh server gives for the final text.
        const fresh = new Server();
        try {
            await fresh.initialize();
            await fresh.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
            const expected = await fresh.until(p => p.uri === uri);
            assert.deepEqual(comparable(final.diagnostics), comparable(expected.diagnostics));
        } finally {
            await fresh.stop();
        }

        assert.deepEqual(server.errors, [], 'errors logged by the server');
        assert.equal(await server.stop(), 0, server.stderr);
        assert.equal(server.stderr, '', 'the server wrote to stderr');
    });
});
