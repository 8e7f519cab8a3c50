import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS } from '../../language/server/server-node-options.js';
import { JourneyCompareManager } from './compare/compare-manager.js';
import { trustedGitRevisions } from './compare/compare-node-git.js';
import { languageClientInsightsSource } from './insights/insights-source.js';
import { JourneyInsightsView } from './insights/insights-view.js';
import { JourneyMarkdownFences, languageClientFenceSource } from './markdown/markdown-fences.js';
import type { MarkdownItLike } from './markdown/journey-fence-plugin.js';
import { languageClientModelSource } from './preview/model-source.js';
import { JourneyPreviewManager } from './preview/preview-manager.js';
import { nodePdfWriter } from './preview/pdf-writer-node.js';

let client: LanguageClient | undefined;

/** What the extension exports: VS Code's Markdown extension calls `extendMarkdownIt` (`markdown.markdownItPlugins`). */
export interface JourneymapExports {
    extendMarkdownIt(md: MarkdownItLike): MarkdownItLike;
}

export async function activate(context: vscode.ExtensionContext): Promise<JourneymapExports> {
    const serverModule = context.asAbsolutePath('dist/language-server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] } },
    };
    const outputChannel = vscode.window.createOutputChannel('Journeymap', { log: true });
    const clientOptions: LanguageClientOptions = {
        // Files only: a revision shown in a diff editor (`git:`) or by the compare view is not a
        // document of the workspace, and would otherwise clash with the file's own declarations.
        documentSelector: [{ language: 'journey', scheme: 'file' }, { language: 'journey', scheme: 'untitled' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.journey') },
        outputChannel,
    };
    // The client reads `journeymap.trace.server` by itself: the id below is the setting's prefix.
    client = new LanguageClient('journeymap', 'Journeymap', serverOptions, clientOptions);
    context.subscriptions.push(outputChannel);
    await client.start();
    // The swimlane preview, the compare view and the insights view get their data from the server started above.
    const models = languageClientModelSource(client);
    context.subscriptions.push(
        ...new JourneyPreviewManager(vscode, context.extensionUri, models, nodePdfWriter(vscode, context.extensionUri)).register(),
        ...new JourneyCompareManager(vscode, context.extensionUri, models, trustedGitRevisions(() => vscode.workspace.isTrusted)).register(),
        ...new JourneyInsightsView(vscode, languageClientInsightsSource(client)).register(),
    );
    // ```journey fences in the Markdown preview, drawn from models the same server builds.
    const fences = new JourneyMarkdownFences(vscode, languageClientFenceSource(client));
    context.subscriptions.push(...fences.register());
    await openOnStartup();
    return { extendMarkdownIt: fences.extendMarkdownIt };
}

/** `journeymap.openOnStartup`: a map to open with its preview when the window opens (npm start sets it). */
async function openOnStartup(): Promise<void> {
    const file = vscode.workspace.getConfiguration('journeymap').get<string>('openOnStartup');
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!file || !folder || vscode.window.visibleTextEditors.length > 0) return;
    try {
        await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, file));
        await vscode.commands.executeCommand('journeymap.preview.openToSide');
    } catch (error) {
        client?.warn(`journeymap.openOnStartup: cannot open ${file}: ${(error as Error).message}`);
    }
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
