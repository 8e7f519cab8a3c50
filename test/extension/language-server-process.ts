/**
 * The built language server (dist/language-server.cjs) as a process, spoken to over stdio: what
 * the extension's language client talks to, for tests of the model protocol and the views fed by it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ModelChangedNotification, type ModelChangedParams } from '../../language/protocol.js';
import { ROOT } from '../webview/browser.js';

export interface ServerProcess {
    connection: MessageConnection;
    /** Every `journeymap/modelChanged` notification so far. */
    changed: ModelChangedParams[];
    /** Order of arrival of diagnostics and model notifications (`diagnostics <uri>`, `model <uri>`). */
    arrivals: string[];
    waitForChange(uri: string, after: number): Promise<ModelChangedParams>;
    open(uri: string, text: string): Promise<void>;
    stop(): void;
}

/** Starts the server on the workspace folder `dir` and initializes it. */
export async function startServer(dir: string): Promise<ServerProcess> {
    const server: ChildProcess = spawn(process.execPath, [ROOT + 'dist/language-server.cjs', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const changed: ModelChangedParams[] = [];
    const arrivals: string[] = [];
    // Answer whatever the server asks the client (configuration, registrations) with null.
    connection.onRequest((method, params) => method === 'workspace/configuration' ? (params as { items: unknown[] }).items.map(() => null) : null);
    connection.onNotification(ModelChangedNotification, (params: ModelChangedParams) => { changed.push(params); arrivals.push(`model ${params.uri}`); });
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => { arrivals.push(`diagnostics ${params.uri}`); });
    connection.listen();
    const rootUri = pathToFileURL(dir).toString();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities: {} });
    await connection.sendNotification('initialized', {});
    const waitForChange = (uri: string, after: number) => new Promise<ModelChangedParams>((resolve, reject) => {
        const started = Date.now();
        const poll = () => {
            const hit = changed.find(c => c.uri === uri && c.version > after);
            if (hit) return resolve(hit);
            if (Date.now() - started > 20_000) return reject(new Error(`no ${ModelChangedNotification} for ${uri}`));
            setTimeout(poll, 20);
        };
        poll();
    });
    return {
        connection, changed, arrivals, waitForChange,
        open: (uri, text) => connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } }),
        stop: () => {
            connection.dispose();
            server.kill();
        },
    };
}
