/**
 * The workspace of a server that reads files through its client (the web worker). Langium's
 * manager lists and reads every file before the workspace is "ready", and every build and request
 * waits for that: a slow client, or one that never answers, would leave the open document
 * unchecked. Here the workspace is ready at once (open documents are built straight away) and the
 * client's files are loaded afterwards, a batch at a time, each batch an ordinary update: names
 * declared in other files resolve as their files arrive, and the open documents are relinked.
 */
import { DefaultWorkspaceManager, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { ClientFileSystemProvider } from './client-file-system.js';

/** Files per update: small enough that the first names resolve soon, large enough not to rebuild per file. */
const BATCH = 25;

export class ClientWorkspaceManager extends DefaultWorkspaceManager {
    /** Settles when the client's files are loaded (or could not be): tests and the benchmark wait for it. */
    loaded: Promise<void> = Promise.resolve();

    private readonly warn: (message: string) => void;

    constructor(services: LangiumSharedCoreServices & { lsp?: { Connection?: { console: { warn(message: string): void } } } }) {
        super(services);
        // To the client's output channel (window/logMessage): a worker's console is seen by nobody.
        this.warn = message => (services.lsp?.Connection?.console ?? console).warn(`Journeymap: ${message}`);
    }

    protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        // No folders for Langium to traverse: this resolves `ready` without asking the client anything.
        const documents = await super.performStartup([]);
        // Not awaited: the lock this runs under must be free for the open documents' builds.
        this.loaded = this.loadFromClient(folders);
        return documents;
    }

    private async loadFromClient(folders: WorkspaceFolder[]): Promise<void> {
        const provider = this.fileSystemProvider;
        if (!(provider instanceof ClientFileSystemProvider) || folders.length === 0) return;
        let uris: URI[];
        try {
            const lists = await Promise.all(folders.map(folder => provider.journeyFiles(URI.parse(folder.uri))));
            uris = [...new Map(lists.flat().map(uri => [uri.toString(), uri])).values()];
        } catch (error) {
            this.warn(`the client did not list the workspace's files (${(error as Error).message}); only open documents are checked.`);
            return;
        }
        for (let start = 0; start < uris.length; start += BATCH) {
            const batch: URI[] = [];
            await Promise.all(uris.slice(start, start + BATCH)
                .filter(uri => !this.langiumDocuments.hasDocument(uri) && this.shouldIncludeEntry({ uri, isFile: true, isDirectory: false }))
                .map(async uri => {
                    try {
                        await provider.readAheadFile(uri);
                        batch.push(uri);
                    } catch (error) {
                        this.warn(`cannot read ${uri.toString()} (${(error as Error).message}).`);
                    }
                }));
            // Opened meanwhile: the editor's text is the document, not the saved file.
            const fresh = batch.filter(uri => !this.langiumDocuments.hasDocument(uri));
            for (const uri of batch) if (!fresh.includes(uri)) provider.forget(uri);
            if (fresh.length === 0) continue;
            // A later edit may cancel this build; the documents stay unbuilt and the next update builds them.
            await this.mutex.write(token => this.documentBuilder.update(fresh, [], token)).catch((error: unknown) => {
                this.warn(`loading workspace files failed (${(error as Error).message}).`);
            });
        }
    }
}
