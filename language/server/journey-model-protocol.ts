/**
 * Server side of the model protocol (language/protocol.ts). After each validation of an open
 * document the server tells the client cheaply that its model changed; it builds the model only
 * when asked (`journeymap/model`, sent by a preview), once per build of the text, and only when
 * the text has no syntax error, so the preview keeps the last good picture while the user types.
 * One data path: the webview never parses text.
 */
import { DocumentState, isOperationCancelled, OperationCancelled, URI, type LangiumDocument, type ParseResult } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import { DiagnosticCode } from '../validation/journey-diagnostics.js';
import type { JourneyServices } from '../journey-module.js';
import { ModelChangedNotification, ModelRequest, type ModelChangedParams, type ModelRequestParams, type ModelResult } from '../protocol.js';
import { isCurrent } from './journey-language-server.js';

interface Entry {
    /** The parse the result below was built from, and its linking (a relink makes a new `references` list). */
    parse?: WeakRef<ParseResult>;
    links?: WeakRef<object>;
    /**
     * The document's latest build, as numbered in `journeymap/modelChanged`. A build need not
     * parse anew: when a file the document draws on changes (its as-is journey, the file of its
     * persona), Langium links and validates it again with the same parse.
     */
    version: number;
    result?: ModelResult;
}

export class JourneyModelStore {
    private readonly entries = new Map<string, Entry>();
    private version = 0;

    constructor(private readonly services: JourneyServices) { }

    /** A new build of an open document was validated: its number, for the notification. No model is built. */
    validated(document: LangiumDocument): number {
        const uri = document.uri.toString();
        const entry = this.entries.get(uri) ?? { version: 0 };
        entry.version = ++this.version;
        this.entries.set(uri, entry);
        return entry.version;
    }

    /**
     * The result for the document as built now, cached per build. Langium validates the files of
     * the workspace only once they are opened or changed: a file never opened is linked, and is
     * validated here (once per build), without changing its state.
     */
    async current(document: LangiumDocument, cancelToken: CancellationToken): Promise<ModelResult> {
        const entry = this.entries.get(document.uri.toString());
        if (entry && isFresh(entry, document)) return entry.result!;
        const diagnostics = document.state >= DocumentState.Validated
            ? document.diagnostics ?? []
            : await this.services.validation.DocumentValidator.validateDocument(document, {}, cancelToken);
        return this.resultFor(document, diagnostics, cancelToken);
    }

    /** The result for the document as validated now: cached per build; the model built only if the text parses. */
    async resultFor(document: LangiumDocument, diagnostics: readonly Diagnostic[], cancelToken: CancellationToken): Promise<ModelResult> {
        const uri = document.uri.toString();
        const entry = this.entries.get(uri) ?? { version: ++this.version };
        this.entries.set(uri, entry);
        if (isFresh(entry, document)) return entry.result!;
        const parse = document.parseResult;
        const links = document.references;
        const syntax = diagnostics.filter(d => d.code === DiagnosticCode.SyntaxError);
        const errors = diagnostics.filter(d => d.severity === 1);
        const model = syntax.length === 0
            ? await this.services.model.JourneyModelBuilder.buildAsync(document as LangiumDocument<Document>, cancelToken)
            : entry.result?.model;
        // The banner is about syntax errors: jump to the first of those, else to the first error.
        const first = [...(syntax.length > 0 ? syntax : errors)].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
        const result: ModelResult = {
            uri, version: entry.version, syntaxErrors: syntax.length, errors: errors.length,
            ...(model ? { model } : {}), ...(first ? { firstError: first.range } : {}),
        };
        // Weakly: the cache must not keep an outdated AST alive.
        entry.parse = new WeakRef(parse);
        entry.links = new WeakRef(links);
        entry.result = result;
        return result;
    }

    delete(uri: string): void {
        this.entries.delete(uri);
    }
}

/**
 * Whether the entry's result is for the document's latest build: its parse, linked as now (a file
 * it draws on changed: its references were linked again), and for an open document the build
 * numbered last.
 */
function isFresh(entry: Entry, document: LangiumDocument): boolean {
    return entry.result !== undefined && entry.result.version === entry.version && entry.parse?.deref() === document.parseResult
        && entry.links?.deref() === document.references;
}

/** Wires the store to the connection: `journeymap/model` requests and `journeymap/modelChanged` notifications. */
export function registerJourneyModelProtocol(connection: Connection, shared: LangiumSharedServices, services: JourneyServices): JourneyModelStore {
    const store = new JourneyModelStore(services);
    const isOpen = (uri: string) => shared.workspace.TextDocuments.get(uri) !== undefined;
    // Registered after the diagnostics handler, so the client has the diagnostics first.
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        const uri = document.uri.toString();
        // Every validated file of the workspace passes here; only open ones have a preview, and
        // a build of a text already edited again is followed by the build of the newer text.
        if (!isOpen(uri) || !isCurrent(shared, document)) return;
        void connection.sendNotification(ModelChangedNotification, { uri, version: store.validated(document) } satisfies ModelChangedParams);
    });
    shared.workspace.TextDocuments.onDidClose(event => store.delete(event.document.uri));
    // The insights keep entries of files never opened: a file deleted from the workspace drops its own.
    shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => { for (const uri of deleted) store.delete(uri.toString()); });
    connection.onRequest(ModelRequest, async (params: ModelRequestParams, cancelToken: CancellationToken): Promise<ModelResult | ResponseError> => {
        try {
            return await answer(params.uri, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
            throw error;
        }
    });

    async function answer(uriText: string, cancelToken: CancellationToken): Promise<ModelResult> {
        for (;;) {
            try {
                return await answerOnce(uriText, cancelToken);
            } catch (error) {
                // The text changed while the model was being built: answer for the newer one.
                if (!isOperationCancelled(error) || cancelToken.isCancellationRequested) throw error;
            }
        }
    }

    async function answerOnce(uriText: string, cancelToken: CancellationToken): Promise<ModelResult> {
        const uri = URI.parse(uriText);
        const documents = shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) return { uri: uriText, version: 0, syntaxErrors: 0, errors: 0 };
        await shared.workspace.WorkspaceManager.ready;
        // An open document is validated by every build; the wait also covers the edits sent before this request.
        await shared.workspace.DocumentBuilder.waitUntil(isOpen(uriText) ? DocumentState.Validated : DocumentState.Linked, uri, cancelToken);
        const document = documents.getDocument(uri)!;
        if (cancelToken.isCancellationRequested) throw OperationCancelled;
        return store.current(document, cancelToken);
    }
    return store;
}
