import type * as vscode from 'vscode';
import type { ModelResult } from '../../../language/protocol.js';
import type { Range } from '../../../language/model/journey-model.js';
import type { ExportFormat, HostToWebviewMessage, PreviewState, SaveMessage, WebviewToHostMessage } from '../../../webview/messages.js';
import { EXPORT_THEMES, PALETTES } from '../../../webview/render/map-style.js';
import { DEFAULT_PAGE } from '../../export/pdf-page.js';
import type { ModelSource } from './model-source.js';
import type { PdfWriter } from './pdf-writer.js';
import { revealSource } from '../reveal-source.js';
import { randomNonce } from '../../text/nonce.js';
import { previewHtml } from './preview-html.js';
import { safeLinkUrl } from '../../../webview/layout/safe-link.js';
import type { VscodeApi } from './vscode-api.js';

export const PREVIEW_VIEW_TYPE = 'journeymap.preview';

const SAVE_FILTERS: Readonly<Record<ExportFormat, Record<string, string[]>>> = {
    svg: { 'SVG image': ['svg'] },
    png: { 'PNG image': ['png'] },
    pdf: { 'PDF document': ['pdf'] },
};

/** Edits arrive faster than anyone can look: redraw at most this often while typing. */
export const REFRESH_DELAY_MS = 80;

function basename(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/**
 * One preview panel: shows the model of one document (the one it follows or is locked to),
 * routes the webview's messages back to the editor, and refreshes when the server says the
 * model changed.
 */
export class JourneyPreviewPanel {
    private uri?: vscode.Uri;
    private locked = false;
    private ready = false;
    private shownVersion = -1;
    private timer?: ReturnType<typeof setTimeout>;
    private last?: ModelResult;
    private readonly disposables: vscode.Disposable[] = [];
    private disposed = false;

    constructor(
        private readonly api: VscodeApi,
        readonly panel: vscode.WebviewPanel,
        extensionUri: vscode.Uri,
        private readonly models: ModelSource,
        private readonly onDispose: (panel: JourneyPreviewPanel) => void,
        /** Absent where the host cannot write PDFs (the browser): the export says so. */
        private readonly pdfWriter?: PdfWriter,
    ) {
        const bundleRoot = api.Uri.joinPath(extensionUri, 'dist', 'webview');
        panel.webview.options = { enableScripts: true, localResourceRoots: [bundleRoot] };
        panel.webview.html = previewHtml({
            cspSource: panel.webview.cspSource,
            scriptUri: panel.webview.asWebviewUri(api.Uri.joinPath(bundleRoot, 'preview.js')).toString(),
            nonce: randomNonce(),
        });
        this.disposables.push(
            panel.webview.onDidReceiveMessage((message: WebviewToHostMessage) => { void this.onMessage(message); }),
            panel.onDidDispose(() => this.dispose()),
        );
    }

    get documentUri(): vscode.Uri | undefined {
        return this.uri;
    }

    get isLocked(): boolean {
        return this.locked;
    }

    /** Follow `uri` (unless locked to another file, or `force`). */
    show(uri: vscode.Uri, options: { force?: boolean; locked?: boolean } = {}): void {
        if (this.locked && !options.force && this.uri?.toString() !== uri.toString()) return;
        if (options.locked !== undefined) this.locked = options.locked;
        if (this.uri?.toString() !== uri.toString()) {
            this.uri = uri;
            this.shownVersion = -1;
            this.panel.title = this.title();
        }
        void this.refresh();
    }

    setLocked(locked: boolean): void {
        this.locked = locked;
        this.panel.title = this.title();
        this.shownVersion = -1;
        void this.refresh();
    }

    /** The server rebuilt `uri`'s model: fetch it soon (debounced). */
    modelChanged(uri: string): void {
        if (uri !== this.uri?.toString()) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, REFRESH_DELAY_MS);
    }

    cursorMoved(uri: vscode.Uri, position: vscode.Position): void {
        if (uri.toString() !== this.uri?.toString()) return;
        this.post({ type: 'cursor', uri: uri.toString(), position: { line: position.line, character: position.character } });
    }

    requestExport(format: ExportFormat): void {
        this.post({ type: 'exportRequest', format });
    }

    async refresh(): Promise<void> {
        const uri = this.uri;
        if (!uri || !this.ready || this.disposed) return;
        const result = await this.models.request(uri.toString());
        if (this.disposed || uri !== this.uri || result.version === this.shownVersion) return;
        this.shownVersion = result.version;
        this.last = result;
        this.post({
            type: 'model', uri: result.uri, label: basename(uri), version: result.version,
            ...(result.model ? { model: result.model } : {}),
            syntaxErrors: result.syntaxErrors, errors: result.errors, locked: this.locked,
        });
    }

    private post(message: HostToWebviewMessage): void {
        if (this.ready && !this.disposed) void this.panel.webview.postMessage(message);
    }

    private title(): string {
        return `${this.locked ? '[Locked] ' : ''}Preview ${this.uri ? basename(this.uri) : ''}`.trim();
    }

    private async onMessage(message: WebviewToHostMessage): Promise<void> {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                this.shownVersion = -1;
                return this.refresh();
            case 'reveal':
                return this.reveal(message.uri, message.range);
            case 'revealFirstError': {
                const result = this.last?.uri === message.uri ? this.last : await this.models.request(message.uri);
                if (result.firstError) await this.reveal(message.uri, result.firstError);
                return;
            }
            case 'lock':
                return this.setLocked(message.locked);
            case 'save':
                return this.save(message);
            case 'openLink':
                return this.openLink(message.url);
        }
    }

    /** Opens a link of the picture outside the editor, after the editor's own confirmation; web and mail links only. */
    private async openLink(url: unknown): Promise<void> {
        const safe = typeof url === 'string' ? safeLinkUrl(url) : undefined;
        if (!safe) return;
        await this.api.env.openExternal(this.api.Uri.parse(safe));
    }

    /** Selects `range` in the document's editor: the visible one if any, else in the first column. */
    private reveal(uriText: string, range: Range): Promise<void> {
        return revealSource(this.api, this.api.Uri.parse(uriText), range, this.api.ViewColumn.One);
    }

    /**
     * Writes an export where the user says. SVG gets the XML declaration `journeymap render`
     * writes, so the two files are the same bytes; a PDF is made here from the page's flattened
     * SVG by the command line's own code (src/export/pdf.ts, loaded on first use), with the fonts
     * the extension ships (fonts/).
     */
    private async save(message: SaveMessage): Promise<void> {
        const { format, name } = message;
        const folder = this.uri ? this.api.Uri.joinPath(this.uri, '..') : undefined;
        const target = await this.api.window.showSaveDialog({
            ...(folder ? { defaultUri: this.api.Uri.joinPath(folder, `${name}.${format}`) } : {}),
            filters: SAVE_FILTERS[format],
            title: `Export the journey map as ${format.toUpperCase()}`,
        });
        if (!target) return;
        if (format === 'pdf' && !this.pdfWriter) {
            void this.api.window.showErrorMessage('Journeymap: PDF export needs the desktop VS Code (or `journeymap render -o map.pdf`); SVG and PNG work here.');
            return;
        }
        try {
            await this.api.workspace.fs.writeFile(target, await this.fileBytes(message));
        } catch (error) {
            void this.api.window.showErrorMessage(`Journeymap: could not save ${target.path}: ${(error as Error).message}`);
        }
    }

    private async fileBytes({ format, data, theme, title, name }: SaveMessage): Promise<Uint8Array> {
        if (format === 'svg') return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${data}\n`);
        if (format === 'png') return Uint8Array.from(atob(data.slice(data.indexOf(',') + 1)), c => c.charCodeAt(0));
        const palette = PALETTES[theme && EXPORT_THEMES.includes(theme) ? theme : 'light'];
        return this.pdfWriter!(data, { page: DEFAULT_PAGE, background: palette.bg, title: title ?? name });
    }

    /** What the serializer needs to bring the panel back after a reload. */
    state(): PreviewState {
        return { ...(this.uri ? { uri: this.uri.toString() } : {}), locked: this.locked };
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
