import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { startBrowserLanguageServer } from '../../../language/server/journey-browser-services.js';
import type { ClientWorkspaceManager } from '../../../language/workspace/client-workspace-manager.js';
import { CompareCommands, JourneyCompareManager } from '../../../src/extension/compare/compare-manager.js';
import { NO_GIT } from '../../../src/extension/compare/compare-sides.js';
import { languageClientModelSource } from '../../../src/extension/preview/model-source.js';
import { webDocumentSelector } from '../../../src/extension/web/web-document-selector.js';
import { registerWorkspaceFiles, type WorkspaceFilesApi } from '../../../src/extension/web/workspace-files.js';
import type { CompareMessage } from '../../../webview/compare-messages.js';
import { EXAMPLES_DIR } from '../../language/journey-test-helpers.js';
import { createFakeVscode, RelativePattern, settle } from '../fake-vscode.js';

const FOLDER = URI.parse('vscode-vfs://github/acme/maps');
const COMMON = URI.parse(`${FOLDER}/common.journey`);
const RETURN = URI.parse(`${FOLDER}/gift-return.journey`);
const common = readFileSync(EXAMPLES_DIR + 'common.journey', 'utf8');
const giftReturn = readFileSync(EXAMPLES_DIR + 'gift-return.journey', 'utf8');

/**
 * The web extension host's code (src/extension/extension-web.ts and what it wires) with the fake
 * `vscode`, against the web language server's services (the worker's, here over an in-process
 * connection): the workspace is served from `vscode.workspace.fs`, and the compare view works
 * without git. The worker bundle itself runs in Chromium in test/language/server/main-browser.test.ts.
 */
describe('web extension host (fake vscode, the web server in process)', function () {
    this.timeout(60_000);
    let client: MessageConnection;
    let workspace: ClientWorkspaceManager;
    let fake: ReturnType<typeof createFakeVscode>;
    const diagnostics = new Map<string, Array<{ code?: string; message: string }>>();

    before(async () => {
        fake = createFakeVscode();
        fake.record.files.push(COMMON, RETURN, URI.parse('vscode-vfs://github/acme/other/elsewhere.journey'));
        fake.record.texts.set(COMMON.toString(), `\uFEFF${common}`);
        fake.record.texts.set(RETURN.toString(), giftReturn);
        const toServer = new PassThrough();
        const toClient = new PassThrough();
        const server = startBrowserLanguageServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
        workspace = server.shared.workspace.WorkspaceManager as ClientWorkspaceManager;
        client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
        registerWorkspaceFiles(client, fake.api as unknown as WorkspaceFilesApi);
        client.onRequest((method, params) => method === 'workspace/configuration' ? (params as { items: unknown[] }).items.map(() => null) : null);
        client.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Array<{ code?: string; message: string }> }) => {
            diagnostics.set(params.uri, params.diagnostics);
        });
        client.listen();
        await client.sendRequest('initialize', { processId: null, rootUri: FOLDER.toString(), workspaceFolders: [{ uri: FOLDER.toString(), name: 'maps' }], capabilities: {} });
        await client.sendNotification('initialized', {});
    });
    after(() => client?.dispose());

    it('serves the workspace folder\'s .journey files from vscode.workspace.fs, and the server resolves across them', async () => {
        await settle(50);
        await workspace.loaded;
        // Listed below the workspace folder only, without node_modules.
        const call = fake.record.findFilesCalls.at(-1)!;
        assert.ok(call.include instanceof RelativePattern && call.include.baseUri.toString() === FOLDER.toString() && call.include.pattern === '**/*.journey');
        assert.equal(call.exclude, '**/node_modules/**');
        assert.deepEqual(fake.record.reads.sort(), [COMMON.toString(), RETURN.toString()]);

        await client.sendNotification('textDocument/didOpen', { textDocument: { uri: RETURN.toString(), languageId: 'journey', version: 1, text: giftReturn } });
        for (let waited = 0; waited < 20_000 && !diagnostics.has(RETURN.toString()); waited += 50) await settle(50);
        const found = diagnostics.get(RETURN.toString());
        assert.ok(found, 'diagnostics published');
        assert.deepEqual(found.filter(d => d.code === 'unresolved-reference'), [], 'dana, the channels and teams come from common.journey (read with its BOM dropped)');
    });

    it('opens the visual diff of a diff editor without git: both sides read through the editor\'s documents', async () => {
        const models = languageClientModelSource(client);
        const manager = new JourneyCompareManager(fake.api, URI.file('/ext'), models);
        const disposables = manager.register();
        try {
            // github.dev's diff editor: the base revision under its own scheme, the working copy in vscode-vfs.
            const original = URI.parse('github://acme/maps/gift-return.journey?ref=main');
            fake.record.texts.set(original.toString(), giftReturn.replace('"Reads the return policy"', '"Reads the policy"'));
            fake.tabGroups.activeTabGroup.activeTab = { input: { original, modified: RETURN } };
            await fake.record.commands.get(CompareCommands.diffEditor)!();
            const panel = fake.record.panels.at(-1)!;
            await panel.send({ type: 'ready' });
            let message: CompareMessage | undefined;
            for (let waited = 0; waited < 20_000 && !message; waited += 50) {
                message = panel.webview.posted.find(m => m.type === 'compare') as unknown as CompareMessage | undefined;
                await settle(50);
            }
            assert.ok(message, 'the compare view got its content');
            assert.deepEqual(message.spec.old, { kind: 'resource', uri: original.toString(), location: RETURN.toString() });
            assert.deepEqual([message.old.errors, message.new.errors], [[], []]);
            assert.deepEqual(message.journeys[0].changes.map(c => c.text), ['step Reads the return policy: title “Reads the policy” → “Reads the return policy”']);
        } finally {
            disposables.forEach(d => d.dispose());
        }
    });

    it('git by revision name says why it cannot run, and Compare with… offers other files only', async () => {
        const manager = new JourneyCompareManager(fake.api, URI.file('/ext'), languageClientModelSource(client));
        const disposables = manager.register();
        try {
            const panels = fake.record.panels.length;
            await fake.record.commands.get(CompareCommands.withHead)!(RETURN);
            await fake.record.commands.get(CompareCommands.withStaged)!(RETURN);
            assert.equal(fake.record.panels.length, panels, 'no view opened');
            assert.deepEqual(fake.record.messages.slice(-2), [`Journeymap: ${NO_GIT}`, `Journeymap: ${NO_GIT}`]);

            fake.record.quickPickAnswers.push(() => undefined);
            await fake.record.commands.get(CompareCommands.with)!(RETURN);
            assert.deepEqual(fake.record.quickPicks.at(-1)!.items.map(i => i.label), ['$(file) Another .journey file…']);
        } finally {
            disposables.forEach(d => d.dispose());
        }
    });

    it('sends the workspace\'s own schemes to the server, never git revisions', () => {
        assert.deepEqual(webDocumentSelector([{ uri: FOLDER }]).map(s => s.scheme), ['file', 'untitled', 'vscode-vfs']);
        assert.deepEqual(webDocumentSelector([{ uri: URI.parse('vscode-test-web://mount/') }, { uri: URI.parse('git:/x') }]).map(s => s.scheme),
            ['file', 'untitled', 'vscode-vfs', 'vscode-test-web']);
    });
});
