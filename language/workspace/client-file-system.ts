/**
 * A Langium file system that asks the language client, for a server with no disk of its own (the
 * web worker, docs/web.md): the client lists the workspace's `.journey` files and reads them
 * (vscode.workspace.fs), over the typed protocol of language/protocol.ts. No Node import.
 */
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import {
    ReadFileRequest, WorkspaceFilesRequest,
    type ReadFileParams, type ReadFileResult, type WorkspaceFilesParams, type WorkspaceFilesResult,
} from '../protocol.js';

export class ClientFileSystemProvider implements FileSystemProvider {
    /** Texts read ahead by the workspace loader, handed out once to the parse that asks for them. */
    private readonly readAhead = new Map<string, string>();

    constructor(private readonly connection: () => Connection | undefined) { }

    /** The workspace's `.journey` files (below `folder` when given), as the client lists them. */
    async journeyFiles(folder?: URI): Promise<URI[]> {
        const params: WorkspaceFilesParams = folder ? { folder: folder.toString() } : {};
        const result = await this.client().sendRequest<WorkspaceFilesResult>(WorkspaceFilesRequest, params);
        return (Array.isArray(result?.uris) ? result.uris : []).filter(uri => typeof uri === 'string').map(uri => URI.parse(uri));
    }

    /** Reads a file now and keeps its text for the next readFile of it (the build that parses it). */
    async readAheadFile(uri: URI): Promise<void> {
        this.readAhead.set(uri.toString(), await this.readFile(uri));
    }

    /** Drops a text read ahead that no build will ask for (the file was opened meanwhile). */
    forget(uri: URI): void {
        this.readAhead.delete(uri.toString());
    }

    async readFile(uri: URI): Promise<string> {
        const key = uri.toString();
        const ahead = this.readAhead.get(key);
        if (ahead !== undefined) {
            this.readAhead.delete(key);
            return ahead;
        }
        const result = await this.client().sendRequest<ReadFileResult>(ReadFileRequest, { uri: key } satisfies ReadFileParams);
        if (typeof result?.text !== 'string') throw new Error(`The client sent no text for ${key}.`);
        return result.text;
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return new TextEncoder().encode(await this.readFile(uri));
    }

    /** Only `.journey` files are ever asked for; anything else (a created or deleted folder) is taken for a folder. */
    async stat(uri: URI): Promise<FileSystemNode> {
        return this.node(uri);
    }

    async exists(uri: URI): Promise<boolean> {
        try {
            await this.readFile(uri);
            return true;
        } catch {
            return false;
        }
    }

    /** A folder's `.journey` files at any depth, flat (the client lists them recursively, without node_modules). */
    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return (await this.journeyFiles(uri)).map(file => this.node(file));
    }

    statSync(): FileSystemNode { throw new Error('The client file system is asynchronous.'); }
    existsSync(): boolean { return false; }
    readBinarySync(): Uint8Array { throw new Error('The client file system is asynchronous.'); }
    readFileSync(): string { throw new Error('The client file system is asynchronous.'); }
    readDirectorySync(): FileSystemNode[] { throw new Error('The client file system is asynchronous.'); }

    private node(uri: URI): FileSystemNode {
        const isFile = uri.path.endsWith('.journey');
        return { uri, isFile, isDirectory: !isFile };
    }

    private client(): Connection {
        const connection = this.connection();
        if (!connection) throw new Error('No language client to read the workspace from.');
        return connection;
    }
}
