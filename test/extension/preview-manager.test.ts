import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import type { JourneyDocumentModel } from '../../language/model/journey-model.js';
import type { ModelChangedParams, ModelResult, TextModelParams, TextModelResult } from '../../language/protocol.js';
import { buildTextModel } from '../../language/server/journey-text-model.js';
import type { ModelSource } from '../../src/extension/preview/model-source.js';
import { JourneyPreviewManager, PreviewCommands } from '../../src/extension/preview/preview-manager.js';
import { nodePdfWriter } from '../../src/extension/preview/pdf-writer-node.js';
import { PREVIEW_VIEW_TYPE, REFRESH_DELAY_MS } from '../../src/extension/preview/preview-panel.js';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { flatMapSvg } from '../../webview/render/flat-svg.js';
import { ensureBuilt, journeymap } from '../cli/cli-process.js';
import { ROOT } from '../webview/browser.js';
import { example, modelOf } from '../webview/preview-fixtures.js';
import { Emitter, createFakeVscode, fakeDocument, settle, type FakePanel } from './fake-vscode.js';

/** Stands in for the language client: models by URI, and the server's change notification. */
class FakeModelSource implements ModelSource {
    readonly results = new Map<string, ModelResult>();
    readonly requests: string[] = [];
    readonly changed = new Emitter<ModelChangedParams>();
    set(uri: string, model: JourneyDocumentModel | undefined, extra: Partial<ModelResult> = {}): void {
        const version = (this.results.get(uri)?.version ?? 0) + 1;
        this.results.set(uri, { uri, version, syntaxErrors: 0, errors: 0, ...(model ? { model } : {}), ...extra });
        this.changed.fire({ uri, version });
    }
    async request(uri: string): Promise<ModelResult> {
        this.requests.push(uri);
        return this.results.get(uri) ?? { uri, version: 0, syntaxErrors: 0, errors: 0 };
    }
    requestText(params: TextModelParams): Promise<TextModelResult> {
        return buildTextModel(params, () => []);
    }
    onDidChange(listener: (params: ModelChangedParams) => void) {
        return this.changed.event(listener);
    }
}

const EXTENSION = URI.file('/ext');

describe('preview panels in the extension host (fake vscode)', () => {
    const a = fakeDocument('/work/a.journey');
    const b = fakeDocument('/work/b.journey');
    let model: JourneyDocumentModel;
    before(async () => { model = await modelOf(example('gift-purchase.journey')); });

    function setup(extension = EXTENSION) {
        const fake = createFakeVscode();
        const source = new FakeModelSource();
        source.set(a.uri.toString(), { ...model, uri: a.uri.toString() });
        source.set(b.uri.toString(), { ...model, uri: b.uri.toString(), journeys: [{ ...model.journeys[0], id: 'other' }] });
        const manager = new JourneyPreviewManager(fake.api, extension as never, source, nodePdfWriter(fake.api as never, extension as never));
        const disposables = manager.register();
        return { fake, source, manager, disposables };
    }

    const models = (panel: FakePanel) => panel.webview.posted.filter(m => m.type === 'model');

    it('registers every command package.json contributes, with the keybinding and title-bar button', () => {
        const { fake } = setup();
        const pkg = JSON.parse(readFileSync(ROOT + 'package.json', 'utf8'));
        const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).filter((c: string) => c.startsWith('journeymap.preview.'));
        assert.deepEqual([...fake.record.commands.keys()].sort(), contributed.sort());
        assert.deepEqual(Object.values(PreviewCommands).sort(), contributed.sort());
        assert.ok(pkg.contributes.keybindings.some((k: { command: string; key: string; mac: string }) => k.command === PreviewCommands.openToSide && k.key === 'ctrl+k v' && k.mac === 'cmd+k v'));
        assert.ok(pkg.contributes.menus['editor/title'].some((m: { command: string; group: string }) => m.command === PreviewCommands.openToSide && m.group === 'navigation'));
        assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${PREVIEW_VIEW_TYPE}`));
        assert.ok(fake.record.serializers.has(PREVIEW_VIEW_TYPE));
    });

    it('opens a preview beside the active editor with a strict page limited to the bundle, and sends the model once the page is ready', async () => {
        const { fake } = setup();
        fake.activate(a);
        await fake.api.commands.executeCommand(PreviewCommands.openToSide);
        const [panel] = fake.record.panels;
        assert.equal(panel.viewType, PREVIEW_VIEW_TYPE);
        assert.deepEqual((panel.showOptions as { viewColumn: number }).viewColumn, -2);
        assert.deepEqual(panel.webview.options.localResourceRoots!.map(u => u.path), ['/ext/dist/webview']);
        const nonce = /script-src 'nonce-([A-Za-z0-9+/]{22}==)'/.exec(panel.webview.html)?.[1];
        assert.ok(nonce, panel.webview.html);
        assert.ok(panel.webview.html.includes(`<script nonce="${nonce}" src="https://fake.vscode-cdn.net/ext/dist/webview/preview.js"></script>`), panel.webview.html);
        assert.equal(panel.title, 'Preview a.journey');
        await settle();
        assert.deepEqual(panel.webview.posted, [], 'nothing is posted before the page says ready');
        await panel.send({ type: 'ready' });
        const [message] = models(panel);
        assert.equal(message.uri, a.uri.toString());
        assert.equal((message.model as JourneyDocumentModel).journeys[0].id, 'gift_purchase');
        assert.equal(message.label, 'a.journey');
        // A second page for the same file is not opened: the panel is reused.
        await fake.api.commands.executeCommand(PreviewCommands.open);
        assert.equal(fake.record.panels.length, 1);
    });

    it('follows the active .journey editor unless locked', async () => {
        const { fake } = setup();
        fake.activate(a);
        await fake.api.commands.executeCommand(PreviewCommands.openToSide);
        const [panel] = fake.record.panels;
        await panel.send({ type: 'ready' });
        fake.activate(fakeDocument('/work/notes.md', 'markdown'));
        fake.activate(b);
        await settle();
        assert.deepEqual(models(panel).map(m => m.uri), [a.uri.toString(), b.uri.toString()]);
        assert.equal(panel.title, 'Preview b.journey');
        await panel.send({ type: 'lock', locked: true });
        assert.equal(panel.title, '[Locked] Preview b.journey');
        assert.equal(models(panel).at(-1)!.locked, true);
        fake.activate(a);
        await settle();
        assert.equal(models(panel).at(-1)!.uri, b.uri.toString(), 'a locked preview stays on its file');
        await fake.api.commands.executeCommand(PreviewCommands.toggleLock);
        fake.activate(a);
        await settle();
        assert.equal(models(panel).at(-1)!.uri, a.uri.toString());
    });

    it('redraws once per burst of server notifications, only for its own file', async () => {
        const { fake, source } = setup();
        fake.activate(a);
        await fake.api.commands.executeCommand(PreviewCommands.openToSide);
        const [panel] = fake.record.panels;
        await panel.send({ type: 'ready' });
        const before = models(panel).length;
        for (let i = 0; i < 5; i++) source.set(a.uri.toString(), model);
        source.set(b.uri.toString(), model);
        await settle(REFRESH_DELAY_MS + 40);
        assert.equal(models(panel).length, before + 1);
        assert.equal(models(panel).at(-1)!.version, source.results.get(a.uri.toString())!.version);
        source.set(a.uri.toString(), model, { syntaxErrors: 2, errors: 2 });
        await settle(REFRESH_DELAY_MS + 40);
        assert.equal(models(panel).at(-1)!.syntaxErrors, 2);
    });

    it('routes a card click and the error banner to an editor selection, and cursor moves to the page', async () => {
        const { fake, source } = setup();
        fake.activate(a);
        fake.window.visibleTextEditors = [{ document: a, viewColumn: 1 }];
        await fake.api.commands.executeCommand(PreviewCommands.openToSide);
        const [panel] = fake.record.panels;
        await panel.send({ type: 'ready' });
        const range = { start: { line: 10, character: 4 }, end: { line: 12, character: 5 } };
        await panel.send({ type: 'reveal', uri: a.uri.toString(), range });
        const shown = fake.record.shown[0];
        assert.equal(shown.document, a);
        assert.deepEqual([shown.options.selection.start, shown.options.selection.end].map(p => [p.line, p.character]), [[10, 4], [12, 5]]);
        assert.equal(shown.options.viewColumn, 1);
        assert.equal(shown.revealed.length, 1);
        source.set(a.uri.toString(), model, { syntaxErrors: 1, errors: 1, firstError: { start: { line: 3, character: 7 }, end: { line: 3, character: 9 } } });
        await settle(REFRESH_DELAY_MS + 40);
        await panel.send({ type: 'revealFirstError', uri: a.uri.toString() });
        assert.deepEqual([fake.record.shown[1].options.selection.start.line, fake.record.shown[1].options.selection.start.character], [3, 7]);
        fake.moveCursor(a, 20, 3);
        fake.moveCursor(b, 1, 1);
        const cursors = panel.webview.posted.filter(m => m.type === 'cursor');
        assert.deepEqual(cursors, [{ type: 'cursor', uri: a.uri.toString(), position: { line: 20, character: 3 } }]);
    });

    it('exports through a save dialog next to the file, and the export commands ask the page for the picture', async () => {
        const { fake } = setup();
        fake.activate(a);
        await fake.api.commands.executeCommand(PreviewCommands.openToSide);
        const [panel] = fake.record.panels;
        await panel.send({ type: 'ready' });
        await fake.api.commands.executeCommand(PreviewCommands.exportPng);
        assert.deepEqual(panel.webview.posted.at(-1), { type: 'exportRequest', format: 'png' });
        await fake.api.commands.executeCommand(PreviewCommands.exportPdf);
        assert.deepEqual(panel.webview.posted.at(-1), { type: 'exportRequest', format: 'pdf' });
        fake.record.saveDialogResult = URI.file('/work/out.svg');
        await panel.send({ type: 'save', format: 'svg', data: '<svg data-journey="x"></svg>', name: 'gift_purchase' });
        const options = fake.record.saveDialogOptions[0] as { defaultUri: URI; filters: Record<string, string[]> };
        assert.equal(options.defaultUri.path, '/work/gift_purchase.svg');
        assert.deepEqual(Object.values(options.filters), [['svg']]);
        // The file `journeymap render -o x.svg` writes: XML declaration, picture, line break.
        assert.equal(new TextDecoder().decode(fake.record.writes[0].bytes), '<?xml version="1.0" encoding="UTF-8"?>\n<svg data-journey="x"></svg>\n');
        fake.record.saveDialogResult = URI.file('/work/out.png');
        await panel.send({ type: 'save', format: 'png', data: 'data:image/png;base64,iVBORw0KGgo=', name: 'gift_purchase' });
        assert.deepEqual([...fake.record.writes[1].bytes.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
        fake.record.saveDialogResult = undefined;
        await panel.send({ type: 'save', format: 'svg', data: '<svg/>', name: 'x' });
        assert.equal(fake.record.writes.length, 2, 'cancelled dialog writes nothing');
    });

    it('makes a PDF from the page\'s flattened SVG with the command line\'s code: the same bytes as `journeymap render -o x.pdf`', async function () {
        this.timeout(60_000);
        ensureBuilt();
        // The extension loads its PDF bundle (dist/export-pdf.cjs) and fonts from its own folder.
        const { fake } = setup(URI.file(ROOT));
        fake.activate(a);
        await fake.api.commands.executeCommand(PreviewCommands.openToSide);
        const [panel] = fake.record.panels;
        await panel.send({ type: 'ready' });
        const dir = mkdtempSync(join(tmpdir(), 'journeymap-preview-pdf-'));
        try {
            // The map and common.journey in a folder: what the fixture's model is built from.
            const file = join(dir, 'gift-purchase.journey');
            writeFileSync(file, example('gift-purchase.journey'));
            writeFileSync(join(dir, 'common.journey'), example('common.journey'));
            for (const theme of ['light', 'dark'] as const) {
                const flat = flatMapSvg(layoutJourney(model.journeys[0]), { palette: theme });
                fake.record.saveDialogResult = URI.file(`/work/out-${theme}.pdf`);
                await panel.send({ type: 'save', format: 'pdf', data: flat, name: 'gift_purchase', theme, title: model.journeys[0].title });
                const written = fake.record.writes.at(-1)!;
                assert.equal(written.uri.path, `/work/out-${theme}.pdf`);
                const cliPdf = join(dir, `${theme}.pdf`);
                const cli = await journeymap(['render', file, '--theme', theme, '-o', cliPdf]);
                assert.equal(cli.code, 0, cli.stderr);
                assert.ok(Buffer.from(written.bytes).equals(readFileSync(cliPdf)), `${theme}: the PDF is byte for byte the CLI's`);
            }
            const options = fake.record.saveDialogOptions.at(-1) as { defaultUri: URI; filters: Record<string, string[]> };
            assert.deepEqual(Object.values(options.filters), [['pdf']]);
            assert.equal(options.defaultUri.path, '/work/gift_purchase.pdf');
            assert.deepEqual(fake.record.messages, []);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('opens a clicked link with openExternal (the editor asks first), only for http, https and mailto', async () => {
        const { fake } = setup();
        fake.activate(a);
        await fake.api.commands.executeCommand(PreviewCommands.openToSide);
        const [panel] = fake.record.panels;
        await panel.send({ type: 'ready' });
        for (const url of ['https://practice.example/a?b=1', 'mailto:team@practice.example', 'http://x.example/']) await panel.send({ type: 'openLink', url });
        // A webview message is not trusted: the scheme is checked again here.
        for (const url of ['javascript:alert(1)', 'data:text/html,x', 'command:workbench.action.quit', 'file:///etc/passwd', ' https://x.example', 'vscode://x']) {
            await panel.send({ type: 'openLink', url });
        }
        await panel.send({ type: 'openLink', url: 42 } as never);
        assert.deepEqual(fake.record.openedExternal, ['https://practice.example/a?b=1', 'mailto:team@practice.example', 'http://x.example/']);
    });

    it('restores a panel after a reload from its saved state, and forgets a closed one', async () => {
        const { fake, source, manager } = setup();
        const serializer = fake.record.serializers.get(PREVIEW_VIEW_TYPE)!;
        const restored = fake.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'old title', {}, {}) as unknown as FakePanel;
        await serializer.deserializeWebviewPanel(restored, { uri: b.uri.toString(), locked: true, journeyId: 'other' });
        assert.match(restored.webview.html, /Content-Security-Policy/);
        assert.equal(restored.title, '[Locked] Preview b.journey');
        await restored.send({ type: 'ready' });
        assert.equal(models(restored)[0].uri, b.uri.toString());
        assert.equal(models(restored)[0].locked, true);
        assert.equal(manager.openPanels.length, 1);
        restored.dispose();
        assert.equal(manager.openPanels.length, 0);
        const posted = restored.webview.posted.length;
        source.set(b.uri.toString(), model);
        await settle(REFRESH_DELAY_MS + 40);
        assert.equal(restored.webview.posted.length, posted);
    });
});
