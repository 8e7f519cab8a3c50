import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { ModelRequest, TextModelRequest, type ModelResult, type TextModelResult } from '../../language/protocol.js';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { languageClientModelSource } from '../../src/extension/preview/model-source.js';
import { startServer, type ServerProcess } from './language-server-process.js';

/** The built language server (dist/language-server.cjs) as a process, spoken to over stdio. */
describe('model protocol of the language server', function () {
    this.timeout(60_000);
    let server: ServerProcess;
    let dir: string;

    before(async () => {
        dir = mkdtempSync(join(tmpdir(), 'journeymap-protocol-'));
        copyFileSync(EXAMPLES_DIR + 'common.journey', join(dir, 'common.journey'));
        copyFileSync(EXAMPLES_DIR + 'saas-onboarding.journey', join(dir, 'saas-onboarding.journey'));
        server = await startServer(dir);
        ({ connection, waitForChange, arrivals } = server);
    });
    after(() => {
        server?.stop();
        rmSync(dir, { recursive: true, force: true });
    });
    let connection: MessageConnection;
    let waitForChange: ServerProcess['waitForChange'];
    let arrivals: string[];

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
        assert.equal(good.model?.schemaVersion, 2);
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

    it('builds the model of a text that is not the open document, apart from the workspace', async () => {
        const uri = pathToFileURL(join(dir, 'saas-onboarding.journey')).toString();
        const text = readFileSync(EXAMPLES_DIR + 'saas-onboarding.journey', 'utf8').replace('journey team_onboarding "', 'journey team_onboarding "Old: ');
        // With no context, the server's own other files resolve the references (the persona lives in common.journey).
        const result = await connection.sendRequest<TextModelResult>(TextModelRequest, { uri, text });
        assert.deepEqual(result.syntaxErrors, []);
        assert.match(result.model!.journeys[0].title, /^Old: /);
        assert.ok(result.model!.journeys[0].persona?.title, 'the persona resolved through the workspace');
        // The workspace itself is untouched: the file's model is still the one on disk.
        const live = await connection.sendRequest<ModelResult>(ModelRequest, { uri });
        assert.doesNotMatch(live.model!.journeys[0].title, /^Old: /);

        // With a context, only those files: a persona that context does not declare stays unresolved.
        const alone = await connection.sendRequest<TextModelResult>(TextModelRequest, { uri, text, context: [] });
        assert.equal(alone.model!.journeys[0].persona, undefined);
        assert.equal(alone.model!.journeys[0].for?.resolved, false);

        const broken = await connection.sendRequest<TextModelResult>(TextModelRequest, { uri, text: 'journey x "X" {\n  stage s {\n' });
        assert.equal(broken.model, undefined);
        assert.ok(broken.syntaxErrors.length > 0 && broken.syntaxErrors[0].line >= 1, JSON.stringify(broken.syntaxErrors));
    });

    it('rebuilds the model of an open map when a file it draws on changes: the to-be follows an edit of its as-is journey', async () => {
        const nextUri = pathToFileURL(join(dir, 'gp-booking-next.journey')).toString();
        const todayUri = pathToFileURL(join(dir, 'gp-booking-today.journey')).toString();
        const today = readFileSync(EXAMPLES_DIR + 'gp-booking-today.journey', 'utf8');
        const next = readFileSync(EXAMPLES_DIR + 'gp-booking-next.journey', 'utf8');
        writeFileSync(join(dir, 'gp-booking-today.journey'), today);
        writeFileSync(join(dir, 'gp-booking-next.journey'), next);
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: todayUri, languageId: 'journey', version: 1, text: today } });
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: nextUri, languageId: 'journey', version: 1, text: next } });
        const opened = await waitForChange(nextUri, 0);
        const before = await connection.sendRequest<ModelResult>(ModelRequest, { uri: nextUri });
        const asIs = (result: ModelResult) => result.model?.journeys[0].asIs?.steps.map(s => s.emotion);
        assert.ok(asIs(before)?.includes(-1), 'the as-is curve as the file has it');
        // Only the as-is file is edited: every emotion of its journey becomes +2.
        const edited = today.replace(/emotion [-+]?\d/g, 'emotion +2');
        assert.notEqual(edited, today);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: todayUri, version: 2 }, contentChanges: [{ text: edited }] });
        const changed = await waitForChange(nextUri, Math.max(opened.version, before.version));
        const after = await connection.sendRequest<ModelResult>(ModelRequest, { uri: nextUri });
        assert.ok(after.version > before.version && after.version >= changed.version, 'a new version, so the preview draws it');
        assert.deepEqual([...new Set(asIs(after)!.filter(v => v !== undefined))], [2], 'the as-is curve follows the edit');
    });

    it('rebuilds the model of a file that is not open when a file it draws on changes: its persona\'s title', async () => {
        const saas = pathToFileURL(join(dir, 'saas-onboarding.journey')).toString();
        const common = pathToFileURL(join(dir, 'common.journey')).toString();
        const before = await connection.sendRequest<ModelResult>(ModelRequest, { uri: saas });
        assert.equal(before.model?.journeys[0].persona?.title, 'Omar, operations lead');
        const text = readFileSync(join(dir, 'common.journey'), 'utf8');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: common, languageId: 'journey', version: 1, text } });
        const opened = await waitForChange(common, 0);
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: common, version: 2 }, contentChanges: [{ text: text.replace('"Omar, operations lead"', '"Omar, head of operations"') }],
        });
        await waitForChange(common, opened.version);
        const after = await connection.sendRequest<ModelResult>(ModelRequest, { uri: saas });
        assert.equal(after.model?.journeys[0].persona?.title, 'Omar, head of operations');
        await connection.sendNotification('textDocument/didClose', { textDocument: { uri: common } });
    });

    it('tells every view of the extension about a model change (the connection keeps one handler per method)', async () => {
        const models = languageClientModelSource(server.connection);
        const seen: string[] = [];
        const preview = models.onDidChange(params => seen.push(`preview ${params.uri}`));
        const compare = models.onDidChange(params => seen.push(`compare ${params.uri}`));
        const uri = pathToFileURL(join(dir, 'two-views.journey')).toString();
        await server.open(uri, 'journey two "Two views" {\n  stage s "S" {\n    step a "A" { emotion 1 }\n  }\n}\n');
        const forUri = () => seen.filter(s => s.endsWith(` ${uri}`)).sort();
        for (let waited = 0; forUri().length < 2 && waited < 20_000; waited += 20) await new Promise(r => setTimeout(r, 20));
        assert.deepEqual(forUri(), [`compare ${uri}`, `preview ${uri}`]);
        preview.dispose();
        compare.dispose();
    });
});
