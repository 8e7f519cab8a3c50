/**
 * Langium's startLanguageServer, with two fixes:
 * - Diagnostics are published with the version of the text they were computed from (LSP
 *   `PublishDiagnosticsParams.version`), and not at all when that text is already out of date
 *   (a newer build follows and publishes).
 * - Errors returned by Langium's handlers reach the client as errors. Langium 4.4 builds them
 *   with its own copy of vscode-jsonrpc (10.x, through vscode-languageserver-protocol 3.18.5)
 *   while the connection comes from vscode-languageserver 10.1 and its vscode-jsonrpc 9.x: the
 *   connection's `instanceof ResponseError` fails and a cancelled request was answered with the
 *   error object as its *result*. So no `$/cancelRequest` was ever seen to be honoured.
 */
import { DocumentState } from 'langium';
import * as lsp from 'langium/lsp';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResponseError, type Connection } from 'vscode-languageserver';
import { parsedVersion } from '../workspace/journey-document-factory.js';

export function startJourneyLanguageServer(services: LangiumSharedServices): void {
    const raw = services.lsp.Connection;
    if (!raw) throw new Error('Starting a language server requires a connection.');
    const connection = withOwnResponseErrors(raw);
    lsp.addDocumentUpdateHandler(connection, services);
    lsp.addFileOperationHandler(connection, services);
    addVersionedDiagnosticsHandler(connection, services);
    // Completion parses the text around the cursor itself (JourneyCompletionProvider) and takes names
    // from the scopes and the index: it needs the current text parsed and its scopes computed, not the
    // whole file linked, so it does not wait for the linker on a big map.
    lsp.addCompletionHandler(connection, services, DocumentState.ComputedScopes);
    lsp.addFindReferencesHandler(connection, services);
    lsp.addDocumentSymbolHandler(connection, services);
    lsp.addGotoDefinitionHandler(connection, services);
    lsp.addGoToTypeDefinitionHandler(connection, services);
    lsp.addGoToImplementationHandler(connection, services);
    lsp.addDocumentHighlightHandler(connection, services);
    lsp.addFoldingRangeHandler(connection, services);
    lsp.addFormattingHandler(connection, services);
    lsp.addCodeActionHandler(connection, services);
    lsp.addRenameHandler(connection, services);
    // Hover, likewise: it resolves the one reference under the pointer on demand (Langium links a
    // reference when it is first read) and needs no other, so it does not wait for the whole file
    // to be linked either; while typing on a big map that wait was seconds long.
    lsp.addHoverHandler(connection, services, DocumentState.ComputedScopes);
    lsp.addInlayHintHandler(connection, services);
    lsp.addSemanticTokenHandler(connection, services);
    lsp.addExecuteCommandHandler(connection, services);
    lsp.addSignatureHelpHandler(connection, services);
    lsp.addCallHierarchyHandler(connection, services);
    lsp.addTypeHierarchyHandler(connection, services);
    lsp.addCodeLensHandler(connection, services);
    lsp.addTextDocumentContentRequestHandler(connection, services);
    lsp.addDocumentLinkHandler(connection, services);
    lsp.addConfigurationChangeHandler(connection, services);
    lsp.addGoToDeclarationHandler(connection, services);
    lsp.addWorkspaceSymbolHandler(connection, services);
    connection.onInitialize(params => services.lsp.LanguageServer.initialize(params));
    connection.onInitialized(params => services.lsp.LanguageServer.initialized(params));
    services.workspace.TextDocuments.listen(connection);
    connection.listen();
}

/** Whether the document was built from the text now in the editor (always, for a file not open). */
export function isCurrent(services: LangiumSharedServices, document: { uri: { toString(): string } } & Parameters<typeof parsedVersion>[0]): boolean {
    const text = services.workspace.TextDocuments.get(document.uri.toString());
    return text === undefined || parsedVersion(document) === text.version;
}

/** A ResponseError of another copy of vscode-jsonrpc, as the connection's own class. */
function ownError(value: unknown): unknown {
    if (value instanceof ResponseError || typeof value !== 'object' || value === null) return value;
    const error = value as { code?: unknown; message?: unknown; data?: unknown; toJson?: unknown };
    if (typeof error.code !== 'number' || typeof error.message !== 'string' || typeof error.toJson !== 'function') return value;
    return new ResponseError(error.code, error.message, error.data);
}

function ownErrors(handler: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
    return (...args) => {
        const result = handler(...args);
        if (result instanceof Promise) return result.then(ownError, (error: unknown) => Promise.reject(ownError(error)));
        return ownError(result);
    };
}

/**
 * The connection as Langium's handler registrations see it: every handler passed to an `on…`
 * method (also under `languages` and `workspace`) has its errors converted by ownError.
 */
export function withOwnResponseErrors<T extends object>(target: T, nested = false): T {
    return new Proxy(target, {
        get(object, property, receiver) {
            const value = Reflect.get(object, property, receiver) as unknown;
            if (typeof value === 'function') {
                const method = value as (...args: unknown[]) => unknown;
                if (typeof property !== 'string' || !/^on/.test(property)) return method.bind(object);
                return (handler: unknown, ...rest: unknown[]) => method.call(object,
                    typeof handler === 'function' ? ownErrors(handler as (...args: unknown[]) => unknown) : handler, ...rest);
            }
            // `connection.languages.semanticTokens.on(…)`, `connection.workspace.textDocumentContent.on(…)`.
            if (typeof value === 'object' && value !== null && (nested || property === 'languages' || property === 'workspace')) {
                return withOwnResponseErrors(value, true);
            }
            return value;
        },
    });
}

function addVersionedDiagnosticsHandler(connection: Connection, services: LangiumSharedServices): void {
    const builder = services.workspace.DocumentBuilder;
    builder.onUpdate((_changed, deleted) => {
        for (const uri of deleted) void connection.sendDiagnostics({ uri: uri.toString(), diagnostics: [] });
    });
    builder.onDocumentPhase(DocumentState.Validated, document => {
        if (!document.diagnostics || !isCurrent(services, document)) return;
        void connection.sendDiagnostics({ uri: document.uri.toString(), version: parsedVersion(document), diagnostics: document.diagnostics });
    });
}
