/**
 * The extension where there is no Node (vscode.dev, github.dev; docs/web.md): the language server
 * runs in a Web Worker and reads the workspace through this host (web/workspace-files.ts); the
 * preview, the compare view and the insights view are the desktop's, without git by revision name.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { JourneyCompareManager } from './compare/compare-manager.js';
import { languageClientInsightsSource } from './insights/insights-source.js';
import { JourneyInsightsView } from './insights/insights-view.js';
import { JourneyMarkdownFences, languageClientFenceSource } from './markdown/markdown-fences.js';
import type { MarkdownItLike } from './markdown/journey-fence-plugin.js';
import { languageClientModelSource } from './preview/model-source.js';
import { JourneyPreviewManager } from './preview/preview-manager.js';
import { registerWorkspaceFiles } from './web/workspace-files.js';
import { webDocumentSelector } from './web/web-document-selector.js';

let client: LanguageClient | undefined;

/** As on the desktop: VS Code's Markdown extension calls `extendMarkdownIt` (`markdown.markdownItPlugins`). */
export async function activate(context: vscode.ExtensionContext): Promise<{ extendMarkdownIt(md: MarkdownItLike): MarkdownItLike }> {
    const worker = new Worker(await workerUrl(vscode.Uri.joinPath(context.extensionUri, 'dist', 'language-server-web.js')));
    const outputChannel = vscode.window.createOutputChannel('Journeymap', { log: true });
    const clientOptions: LanguageClientOptions = {
        documentSelector: webDocumentSelector(vscode.workspace.workspaceFolders ?? []),
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.journey') },
        outputChannel,
    };
    client = new LanguageClient('journeymap', 'Journeymap', worker, clientOptions);
    context.subscriptions.push(outputChannel, ...registerWorkspaceFiles(client, vscode));
    await client.start();
    const models = languageClientModelSource(client);
    context.subscriptions.push(
        ...new JourneyPreviewManager(vscode, context.extensionUri, models).register(),
        // No git: the compare view compares files and the two sides of a diff editor.
        ...new JourneyCompareManager(vscode, context.extensionUri, models).register(),
        ...new JourneyInsightsView(vscode, languageClientInsightsSource(client)).register(),
    );
    // ```journey fences in the Markdown preview: the same plugin, models from the worker.
    const fences = new JourneyMarkdownFences(vscode, languageClientFenceSource(client));
    context.subscriptions.push(...fences.register());
    return { extendMarkdownIt: fences.extendMarkdownIt };
}

/**
 * A URL the browser can start the server's worker from. On vscode.dev and github.dev the extension
 * is served over https and its URI is one. An extension installed on a remote (code-server, a
 * Codespace opened in the browser) has a `vscode-remote:` URI, from which VS Code refuses to start
 * workers: its bytes are read through VS Code's file system and started from a blob instead.
 */
async function workerUrl(uri: vscode.Uri): Promise<string> {
    if (uri.scheme === 'https' || uri.scheme === 'http' || uri.scheme === 'file') return uri.toString(true);
    const script = await vscode.workspace.fs.readFile(uri);
    return URL.createObjectURL(new Blob([script as Uint8Array<ArrayBuffer>], { type: 'text/javascript' }));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
