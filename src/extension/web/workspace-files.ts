/**
 * The web extension host's answers to the language server's file requests (language/protocol.ts:
 * `journeymap/workspaceFiles`, `journeymap/readFile`). The server runs in a Web Worker with no
 * disk: it reads the workspace through VS Code's file system (`vscode.workspace.fs`), which on
 * vscode.dev or github.dev is the browser's folder or the repository. No Node import.
 */
import type * as vscode from 'vscode';
import {
    ReadFileRequest, WorkspaceFilesRequest,
    type ReadFileParams, type ReadFileResult, type WorkspaceFilesParams, type WorkspaceFilesResult,
} from '../../../language/protocol.js';

/** The parts of the `vscode` API used here (a fake in the tests). */
export interface WorkspaceFilesApi {
    workspace: {
        findFiles(include: vscode.GlobPattern, exclude?: vscode.GlobPattern | null): Thenable<vscode.Uri[]>;
        fs: { readFile(uri: vscode.Uri): Thenable<Uint8Array> };
    };
    Uri: { parse(value: string): vscode.Uri };
    RelativePattern: new (base: vscode.Uri, pattern: string) => vscode.RelativePattern;
}

/** The subset of vscode-languageclient's client used here. */
export interface RequestHandlingClient {
    onRequest(method: string, handler: (params: never) => Promise<unknown>): vscode.Disposable;
}

/** Dependencies and build output are not the user's maps (as the desktop server skips node_modules). */
const EXCLUDE = '**/node_modules/**';

export function workspaceFilesHandlers(api: WorkspaceFilesApi) {
    return {
        async workspaceFiles(params: WorkspaceFilesParams): Promise<WorkspaceFilesResult> {
            const include = params?.folder ? new api.RelativePattern(api.Uri.parse(params.folder), '**/*.journey') : '**/*.journey';
            const uris = await api.workspace.findFiles(include, EXCLUDE);
            return { uris: uris.map(uri => uri.toString()) };
        },
        async readFile(params: ReadFileParams): Promise<ReadFileResult> {
            const bytes = await api.workspace.fs.readFile(api.Uri.parse(params.uri));
            // As the desktop server reads files: UTF-8, without a byte order mark.
            return { text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '') };
        },
    };
}

/** Registers the answers on the client; before `start()`, so the server's first request finds them. */
export function registerWorkspaceFiles(client: RequestHandlingClient, api: WorkspaceFilesApi): vscode.Disposable[] {
    const handlers = workspaceFilesHandlers(api);
    return [
        client.onRequest(WorkspaceFilesRequest, (params: WorkspaceFilesParams) => handlers.workspaceFiles(params)),
        client.onRequest(ReadFileRequest, (params: ReadFileParams) => handlers.readFile(params)),
    ];
}
