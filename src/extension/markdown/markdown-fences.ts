/**
 * ```journey fences in VS Code's built-in Markdown preview (docs/markdown.md): the markdown-it
 * plugin the extension hands to the Markdown extension (`extendMarkdownIt`), fed by the
 * language server, and kept up to date when the workspace's maps change.
 */
import type * as vscode from 'vscode';
import { FenceModelRequest, type FenceModelParams, type FenceModelResult } from '../../../language/protocol.js';
import { FencePictures, type FenceModelSource } from './fence-pictures.js';
import { journeyFencePlugin, type MarkdownItLike } from './journey-fence-plugin.js';

/** The parts of the `vscode` module used here (the tests pass a fake). */
export type MarkdownVscodeApi = {
    commands: Pick<typeof vscode.commands, 'executeCommand'>;
    workspace: Pick<typeof vscode.workspace, 'onDidChangeTextDocument' | 'createFileSystemWatcher'>;
};

/** The subset of vscode-languageclient's LanguageClient used here. */
export interface FenceClient {
    sendRequest<R>(method: string, params: unknown): Promise<R>;
}

export function languageClientFenceSource(client: FenceClient): FenceModelSource {
    return params => client.sendRequest<FenceModelResult>(FenceModelRequest, params satisfies FenceModelParams);
}

/** After the last edit of a map, how long to wait before the fences are drawn again. */
export const WORKSPACE_SETTLE_MS = 300;

export class JourneyMarkdownFences {
    readonly pictures: FencePictures;
    private settleTimer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly api: MarkdownVscodeApi, source: FenceModelSource) {
        // The preview renders again from the cache; the command re-renders every Markdown preview open.
        this.pictures = new FencePictures(source, () => void api.commands.executeCommand('markdown.preview.refresh'));
    }

    /** What `activate` returns as `extendMarkdownIt`. */
    readonly extendMarkdownIt = (md: MarkdownItLike): MarkdownItLike => journeyFencePlugin(md, this.pictures);

    register(): vscode.Disposable[] {
        const watcher = this.api.workspace.createFileSystemWatcher('**/*.journey');
        const changed = () => this.workspaceChanged();
        return [
            // An edit of a map not yet saved counts: its declarations are the ones the server links against.
            this.api.workspace.onDidChangeTextDocument(event => { if (event.document.languageId === 'journey' && event.contentChanges.length > 0) changed(); }),
            watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed), watcher,
            { dispose: () => { clearTimeout(this.settleTimer); this.pictures.dispose(); } },
        ];
    }

    private workspaceChanged(): void {
        clearTimeout(this.settleTimer);
        this.settleTimer = setTimeout(() => this.pictures.invalidate(), WORKSPACE_SETTLE_MS);
    }
}
