import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../webview/browser.js';
import { EXAMPLES_DIR } from '../journey-test-helpers.js';
import { initialize, startWorkerClient, type WorkerClient } from './browser-worker-client.js';

const FOLDER = 'vscode-vfs://github/acme/maps';
const COMMON = `${FOLDER}/common.journey`;
const RETURN = `${FOLDER}/gift-return.journey`;
const common = readFileSync(EXAMPLES_DIR + 'common.journey', 'utf8');
const giftReturn = readFileSync(EXAMPLES_DIR + 'gift-return.journey', 'utf8');

type Diagnostics = Array<{ code?: string; message: string }>;
const unresolved = (diagnostics: Diagnostics) => diagnostics.filter(d => d.code === 'unresolved-reference');
const FileChange = { Created: 1, Changed: 2, Deleted: 3 } as const;

/**
 * The language server's web bundle in Chromium as a real Web Worker, LSP over postMessage
 * (language/server/main-browser.ts): the workspace comes from the client through
 * journeymap/workspaceFiles and journeymap/readFile, as the web extension host serves it.
 */
describe('language server in a Web Worker (real Chromium)', function () {
    this.timeout(90_000);
    let browser: Browser;
    let client: WorkerClient | undefined;

    before(async () => { browser = await launchChromium(); });
    after(async () => { await browser?.close(); });
    afterEach(async () => {
        if (client) assert.deepEqual(client.errors, [], 'no error in the page or the worker');
        await client?.page.close();
        client = undefined;
    });

    const open = (uri: string, text: string, version = 1) => client!.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version, text } });

    it('answers initialize, resolves names declared in a workspace file the client serves, and answers completion and the model request', async () => {
        client = await startWorkerClient(browser, { [COMMON]: common, [RETURN]: giftReturn });
        const { capabilities } = await initialize(client, FOLDER);
        for (const capability of ['completionProvider', 'hoverProvider', 'definitionProvider', 'renameProvider', 'documentFormattingProvider', 'codeActionProvider', 'semanticTokensProvider']) {
            assert.ok(capabilities[capability], `${capability} announced`);
        }
        await open(RETURN, giftReturn);
        // dana, the channels and the teams are declared in common.journey, which is not open.
        const diagnostics = await client.diagnostics(RETURN, d => unresolved(d).length === 0);
        assert.deepEqual(unresolved(diagnostics), []);
        assert.deepEqual(await client.serverRequests().then(r => [...new Set(r)].filter(m => m.startsWith('journeymap/')).sort()),
            ['journeymap/readFile', 'journeymap/workspaceFiles']);

        const model = await client.request<{ uri: string; model?: { journeys: Array<{ id: string; persona?: unknown }> } }>('journeymap/model', { uri: RETURN });
        assert.equal(model.uri, RETURN);
        assert.deepEqual(model.model?.journeys.map(j => j.id), ['gift_return']);

        // Completion after `for` offers the persona declared in the other file.
        const text = `${giftReturn}\njourney another "Another" for `;
        await client.notify('textDocument/didChange', { textDocument: { uri: RETURN, version: 2 }, contentChanges: [{ text }] });
        const lines = text.split('\n');
        const completion = await client.request<{ items: Array<{ label: string }> } | Array<{ label: string }>>('textDocument/completion', {
            textDocument: { uri: RETURN }, position: { line: lines.length - 1, character: lines.at(-1)!.length },
        });
        const labels = (Array.isArray(completion) ? completion : completion.items).map(item => item.label);
        assert.ok(labels.includes('dana'), `dana offered: ${labels.join(', ')}`);

    });

    it('reports our diagnostic codes in an open document', async () => {
        client = await startWorkerClient(browser, {});
        await initialize(client, FOLDER);
        const uri = `${FOLDER}/bad.journey`;
        await open(uri, 'persona p "P"\njourney j "J" for p {\n  stage s "S" {\n    step a "A" {\n      emotion 9\n    }\n  }\n}\n');
        const diagnostics = await client.diagnostics(uri, d => d.length > 0);
        assert.ok(diagnostics.some(d => d.code === 'emotion-out-of-range'), JSON.stringify(diagnostics));
    });

    it('picks up workspace files created, changed and deleted (workspace/didChangeWatchedFiles)', async () => {
        client = await startWorkerClient(browser, { [RETURN]: giftReturn });
        await initialize(client, FOLDER);
        await open(RETURN, giftReturn);
        const before = await client.diagnostics(RETURN, d => unresolved(d).length > 0);
        assert.ok(unresolved(before).some(d => d.message.includes('dana')), 'dana is not declared anywhere yet');

        await client.setFile(COMMON, common);
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: COMMON, type: FileChange.Created }] });
        await client.diagnostics(RETURN, d => unresolved(d).length === 0);

        await client.setFile(COMMON, common.replace(/\bpersona dana\b/, 'persona dana_renamed'));
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: COMMON, type: FileChange.Changed }] });
        const changed = await client.diagnostics(RETURN, d => unresolved(d).length > 0);
        assert.ok(unresolved(changed).every(d => d.message.includes('dana')), JSON.stringify(unresolved(changed)));

        await client.setFile(COMMON, common);
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: COMMON, type: FileChange.Changed }] });
        await client.diagnostics(RETURN, d => unresolved(d).length === 0);

        await client.setFile(COMMON, undefined);
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: COMMON, type: FileChange.Deleted }] });
        await client.diagnostics(RETURN, d => unresolved(d).some(u => u.message.includes('dana')));
    });

    for (const mode of ['never-answer', 'fail'] as const) {
        it(`checks an open document at once when the client ${mode === 'fail' ? 'fails to list' : 'never lists'} the workspace`, async () => {
            client = await startWorkerClient(browser, { [COMMON]: common }, mode);
            await initialize(client, FOLDER);
            await open(RETURN, giftReturn);
            const diagnostics = await client.diagnostics(RETURN, d => d.length > 0);
            // Nothing from the workspace: the shared names are unresolved, but the file is checked.
            assert.ok(unresolved(diagnostics).some(d => d.message.includes('dana')), JSON.stringify(diagnostics));
            const completion = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', {
                textDocument: { uri: RETURN }, position: { line: 2, character: 0 },
            });
            const labels = (Array.isArray(completion) ? completion : completion.items).map(item => item.label);
            assert.ok(labels.includes('journey') || labels.includes('persona'), `keywords offered: ${labels.join(', ')}`);
            const model = await client.request<{ model?: { journeys: Array<{ id: string }> } }>('journeymap/model', { uri: RETURN });
            assert.ok(model.model?.journeys.some(j => j.id === 'gift_return'));
            if (mode === 'fail') {
                const logs = (await client.received()).filter(m => m.method === 'window/logMessage').map(m => String(m.params.message));
                assert.ok(logs.some(l => l.includes('did not list the workspace') && l.includes('no file system here')), logs.join('\n'));
            }
        });
    }
});
