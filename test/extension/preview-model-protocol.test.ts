import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ModelChangedNotification, ModelRequest, type ModelChangedParams, type ModelResult } from '../../language/protocol.js';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { ROOT } from '../webview/browser.js';

/** The built language server (dist/language-server.cjs) as a process, spoken to over stdio. */
describe('model protocol of the language server', function () {
    this.timeout(60_000);
    let server: ChildProcess;
    let connection: MessageConnection;
    let dir: string;
    const changed: ModelChangedParams[] = [];
    /** Order of arrival of diagnostics and model notifications. */
    const arrivals: string[] = [];

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

    before(async () => {
        dir = mkdtempSync(join(tmpdir(), 'journeymap-protocol-'));
        copyFileSync(EXAMPLES_DIR + 'common.journey', join(dir, 'common.journey'));
        copyFileSync(EXAMPLES_DIR + 'saas-onboarding.journey', join(dir, 'saas-onboarding.journey'));
        server = spawn(process.execPath, [ROOT + 'dist/language-server.cjs', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        // Answer whatever the server asks the client (configuration, registrations) with null.
        connection.onRequest((method, params) => method === 'workspace/configuration' ? (params as { items: unknown[] }).items.map(() => null) : null);
        connection.onNotification(ModelChangedNotification, (params: ModelChangedParams) => { changed.push(params); arrivals.push(`model ${params.uri}`); });
        connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => { arrivals.push(`diagnostics ${params.uri}`); });
        connection.listen();
        const rootUri = pathToFileURL(dir).toString();
        await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities: {} });
        await connection.sendNotification('initialized', {});
    });
    after(() => {
        connection?.dispose();
        server?.kill();
        rmSync(dir, { recursive: true, force: true });
    });

    it('sends the model of an open document, keeps the last good one through syntax errors, and updates on a fix', async () => {
        const uri = pathToFileURL(join(dir, 'map.journey')).toString();
        const text = readFileSync(EXAMPLES_DIR + 'gift-purchase.journey', 'utf8');
        writeFileSync(join(dir, 'map.journey'), text);
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
        const first = await waitForChange(uri, 0);
        const forUri = arrivals.filter(a => a.endsWith(uri));
        assert.equal(forUri[0], `diagnostics ${uri}`, 'diagnostics are published before the model is built');
        const good = await connection.sendRequest<ModelResult>(ModelRequest, { uri });
        assert.equal(good.syntaxErrors, 0);
        assert.equal(good.model?.schemaVersion, 1);
        assert.equal(good.model?.journeys[0].id, 'gift_purchase');
        assert.equal(good.model?.journeys[0].persona?.title, 'Dana, online shopper', 'resolved across workspace files');

        const broken = text.replace('"Buying a birthday gift"', '"Buying a gift for a friend"').replace('emotion +1', 'emotion }}');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
        const second = await waitForChange(uri, first.version);
        const kept = await connection.sendRequest<ModelResult>(ModelRequest, { uri });
        assert.ok(kept.version >= second.version);
        assert.ok(kept.syntaxErrors > 0);
        assert.equal(kept.model?.journeys[0].title, 'Buying a birthday gift', 'the last good model, not the broken text');
        assert.ok(kept.firstError && kept.firstError.start.line > 0);

        const fixed = text.replace('"Buying a birthday gift"', '"Buying a gift for a friend"');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: fixed }] });
        await waitForChange(uri, kept.version);
        const updated = await connection.sendRequest<ModelResult>(ModelRequest, { uri });
        assert.equal(updated.syntaxErrors, 0);
        assert.equal(updated.model?.journeys[0].title, 'Buying a gift for a friend');
    });

    it('answers for a workspace file that is not open, and for an unknown one with no model', async () => {
        const uri = pathToFileURL(join(dir, 'saas-onboarding.journey')).toString();
        const result = await connection.sendRequest<ModelResult>(ModelRequest, { uri });
        assert.equal(result.model?.journeys[0].id, 'team_onboarding');
        const none = await connection.sendRequest<ModelResult>(ModelRequest, { uri: pathToFileURL(join(dir, 'nope.journey')).toString() });
        assert.equal(none.model, undefined);
    });
});
