import type * as vscode from 'vscode';
import type { Range } from '../../../language/model/journey-model.js';
import type { CompareSideSpec, CompareSpec, CompareToHostMessage, HostToCompareMessage } from '../../../webview/compare-messages.js';
import { randomNonce } from '../../text/nonce.js';
import { previewHtml } from '../preview/preview-html.js';
import { revealSource } from '../reveal-source.js';
import { REFRESH_DELAY_MS } from '../preview/preview-panel.js';
import { compareMessage, type CompareSideContent } from './compare-model.js';
import { CompareError, readSide, type SideReader } from './compare-sides.js';
import { compareTitle, revisionDocumentUri, sideLabels } from './compare-spec.js';
import type { CompareVscodeApi } from './compare-vscode-api.js';

export const COMPARE_VIEW_TYPE = 'journeymap.compare';

/**
 * One compare view: reads both sides, diffs them and sends the pictures to its webview; a side
 * that is a file in the editor is read again on each of its model changes (debounced), so the
 * view follows typing. Clicks in the webview select the source of the side they came from.
 */
export class JourneyComparePanel {
    private ready = false;
    private disposed = false;
    private timer?: ReturnType<typeof setTimeout>;
    /** Sides that do not change while the view is open (a revision), read once per refresh(true). */
    private fixed = new Map<'old' | 'new', CompareSideContent>();
    private generation = 0;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly api: CompareVscodeApi,
        readonly panel: vscode.WebviewPanel,
        extensionUri: vscode.Uri,
        readonly spec: CompareSpec,
        private readonly reader: SideReader,
        private readonly onDispose: (panel: JourneyComparePanel) => void,
    ) {
        const bundleRoot = api.Uri.joinPath(extensionUri, 'dist', 'webview');
        panel.webview.options = { enableScripts: true, localResourceRoots: [bundleRoot] };
        panel.title = compareTitle(spec);
        panel.webview.html = previewHtml({
            cspSource: panel.webview.cspSource,
            scriptUri: panel.webview.asWebviewUri(api.Uri.joinPath(bundleRoot, 'compare.js')).toString(),
            nonce: randomNonce(),
            title: 'Journeymap Compare',
        });
        this.disposables.push(
            panel.webview.onDidReceiveMessage((message: CompareToHostMessage) => { void this.onMessage(message); }),
            panel.onDidDispose(() => this.dispose()),
        );
    }

    /** The server rebuilt a document's model: refresh soon if a live side shows it. */
    modelChanged(uri: string): void {
        const live = [this.spec.old, this.spec.new].some(side => side.kind === 'file' && side.uri === uri);
        if (!live || this.disposed) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, REFRESH_DELAY_MS);
    }

    /** Reads the sides (the fixed ones too when `reread`), diffs, and posts the result. */
    async refresh(reread = false): Promise<void> {
        if (!this.ready || this.disposed) return;
        if (reread) this.fixed.clear();
        const generation = ++this.generation;
        const labels = sideLabels(this.spec);
        let message: HostToCompareMessage;
        try {
            const [old, now] = await Promise.all([this.side('old', labels.old), this.side('new', labels.new)]);
            message = compareMessage(this.spec, compareTitle(this.spec), old, now);
        } catch (error) {
            message = { type: 'compareFailed', spec: this.spec, message: error instanceof CompareError ? error.message : `Cannot compare: ${(error as Error).message}` };
        }
        // A newer refresh started meanwhile: its answer is the one to show.
        if (generation === this.generation && !this.disposed) void this.panel.webview.postMessage(message);
    }

    private async side(which: 'old' | 'new', label: string): Promise<CompareSideContent> {
        const spec = this.spec[which];
        const cached = this.fixed.get(which);
        if (cached) return cached;
        const content = await readSide(spec, label, this.reader);
        if (spec.kind !== 'file') this.fixed.set(which, content);
        return content;
    }

    private async onMessage(message: CompareToHostMessage): Promise<void> {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                return this.refresh();
            case 'reveal':
                return this.reveal(this.spec[message.side], message.range);
        }
    }

    /** Selects `range` in that side's source: the file itself, or the revision as a read-only document. */
    private async reveal(side: CompareSideSpec, range: Range): Promise<void> {
        const uri = side.kind === 'git' ? revisionDocumentUri(this.api.Uri, side) : this.api.Uri.parse(side.uri);
        try {
            await revealSource(this.api, uri, range, this.api.ViewColumn.Beside);
        } catch (error) {
            void this.api.window.showErrorMessage(`Journeymap: cannot open ${uri.path}: ${(error as Error).message}`);
        }
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (this.timer) clearTimeout(this.timer);
        for (const d of this.disposables) d.dispose();
        this.onDispose(this);
        this.panel.dispose();
    }
}
