import type * as vscode from 'vscode';
import type { PreviewState } from '../../../webview/messages.js';
import type { ModelSource } from './model-source.js';
import type { PdfWriter } from './pdf-writer.js';
import { JourneyPreviewPanel, PREVIEW_VIEW_TYPE } from './preview-panel.js';
import type { VscodeApi } from './vscode-api.js';

export const PreviewCommands = {
    open: 'journeymap.preview.open',
    openToSide: 'journeymap.preview.openToSide',
    toggleLock: 'journeymap.preview.toggleLock',
    exportSvg: 'journeymap.preview.exportSvg',
    exportPng: 'journeymap.preview.exportPng',
    exportPdf: 'journeymap.preview.exportPdf',
} as const;

const isJourney = (document: vscode.TextDocument | undefined) => document?.languageId === 'journey';

/**
 * Owns every preview panel: the commands that open them, following the active `.journey`
 * editor (panels not locked), forwarding the server's change notifications and cursor moves,
 * and the serializer that restores panels after a window reload.
 */
export class JourneyPreviewManager {
    private readonly panels: JourneyPreviewPanel[] = [];
    private active?: JourneyPreviewPanel;

    constructor(
        private readonly api: VscodeApi,
        private readonly extensionUri: vscode.Uri,
        private readonly models: ModelSource,
        private readonly pdfWriter?: PdfWriter,
    ) { }

    register(): vscode.Disposable[] {
        const { commands, window } = this.api;
        return [
            commands.registerCommand(PreviewCommands.open, (uri?: vscode.Uri) => this.open(uri, this.api.ViewColumn.Active)),
            commands.registerCommand(PreviewCommands.openToSide, (uri?: vscode.Uri) => this.open(uri, this.api.ViewColumn.Beside)),
            commands.registerCommand(PreviewCommands.toggleLock, () => this.toggleLock()),
            commands.registerCommand(PreviewCommands.exportSvg, () => this.target()?.requestExport('svg')),
            commands.registerCommand(PreviewCommands.exportPng, () => this.target()?.requestExport('png')),
            commands.registerCommand(PreviewCommands.exportPdf, () => this.target()?.requestExport('pdf')),
            window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
                deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => { this.restore(panel, state as PreviewState | undefined); },
            }),
            window.onDidChangeActiveTextEditor(editor => {
                if (!editor || !isJourney(editor.document)) return;
                for (const panel of this.panels) if (!panel.isLocked) panel.show(editor.document.uri);
            }),
            window.onDidChangeTextEditorSelection(event => {
                if (!isJourney(event.textEditor.document)) return;
                for (const panel of this.panels) panel.cursorMoved(event.textEditor.document.uri, event.selections[0].active);
            }),
            this.models.onDidChange(params => {
                for (const panel of this.panels) panel.modelChanged(params.uri);
            }),
            { dispose: () => { for (const panel of [...this.panels]) panel.dispose(); } },
        ];
    }

    get openPanels(): readonly JourneyPreviewPanel[] {
        return this.panels;
    }

    /** Opens (or reuses the unlocked) preview of `uri`, default the active `.journey` editor. */
    open(uri: vscode.Uri | undefined, column: vscode.ViewColumn): JourneyPreviewPanel | undefined {
        const editor = this.api.window.activeTextEditor;
        const target = uri ?? (isJourney(editor?.document) ? editor!.document.uri : undefined);
        if (!target) {
            void this.api.window.showInformationMessage('Journeymap: open a .journey file to preview it.');
            return undefined;
        }
        const reusable = this.panels.find(p => p.documentUri?.toString() === target.toString()) ?? this.panels.find(p => !p.isLocked);
        if (reusable) {
            reusable.show(target, { force: true });
            reusable.panel.reveal(column === this.api.ViewColumn.Beside ? undefined : column, true);
            return reusable;
        }
        const panel = this.api.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: true }, {
            enableScripts: true,
            retainContextWhenHidden: false,
            localResourceRoots: [this.api.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
        });
        const preview = this.adopt(panel);
        preview.show(target, { force: true });
        return preview;
    }

    /** Brings back a panel VS Code kept across a reload. */
    restore(panel: vscode.WebviewPanel, state: PreviewState | undefined): JourneyPreviewPanel {
        const preview = this.adopt(panel);
        if (state?.uri) preview.show(this.api.Uri.parse(state.uri), { force: true, locked: Boolean(state.locked) });
        return preview;
    }

    private adopt(panel: vscode.WebviewPanel): JourneyPreviewPanel {
        const preview = new JourneyPreviewPanel(this.api, panel, this.extensionUri, this.models, gone => {
            this.panels.splice(this.panels.indexOf(gone), 1);
            if (this.active === gone) this.active = undefined;
            this.updateContext();
        }, this.pdfWriter);
        this.panels.push(preview);
        this.active = preview;
        panel.onDidChangeViewState(event => {
            if (event.webviewPanel.active) this.active = preview;
            this.updateContext();
        });
        this.updateContext();
        return preview;
    }

    /** The panel a command applies to: the focused one, else the last one opened. */
    private target(): JourneyPreviewPanel | undefined {
        return this.panels.find(p => p.panel.active) ?? this.active ?? this.panels.at(-1);
    }

    private toggleLock(): void {
        const panel = this.target();
        if (!panel) return;
        panel.setLocked(!panel.isLocked);
        this.updateContext();
    }

    private updateContext(): void {
        const focused = this.panels.find(p => p.panel.active);
        void this.api.commands.executeCommand('setContext', 'journeymap.previewFocused', focused !== undefined);
        void this.api.commands.executeCommand('setContext', 'journeymap.previewLocked', focused?.isLocked ?? false);
    }
}
