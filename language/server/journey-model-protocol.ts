/**
 * Server side of the model protocol (language/protocol.ts): after each validation of an open
 * document the server builds its plain journey model — only when the text has no syntax error,
 * so the preview keeps the last good picture while the user types — and tells the client it
 * changed; the client then asks for it. One data path: the webview never parses text.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import { DiagnosticCode } from '../validation/journey-diagnostics.js';
import type { JourneyServices } from '../journey-module.js';
import { ModelChangedNotification, ModelRequest, type ModelChangedParams, type ModelRequestParams, type ModelResult } from '../protocol.js';

export class JourneyModelStore {
    private readonly results = new Map<string, ModelResult>();
    private version = 0;

    constructor(private readonly services: JourneyServices) { }

    /** Records the state of a just-validated document; the model only if it parses. */
    update(document: LangiumDocument): ModelResult {
        const result = this.describe(document, document.diagnostics ?? []);
        this.results.set(result.uri, result);
        return result;
    }

    /** The result for a document with these diagnostics, without recording it (a file not open). */
    describe(document: LangiumDocument, diagnostics: readonly Diagnostic[]): ModelResult {
        const uri = document.uri.toString();
        const syntax = diagnostics.filter(d => d.code === DiagnosticCode.SyntaxError);
        const errors = diagnostics.filter(d => d.severity === 1);
        const previous = this.results.get(uri);
        const model = syntax.length === 0 ? this.services.model.JourneyModelBuilder.build(document as LangiumDocument<Document>) : previous?.model;
        // The banner is about syntax errors: jump to the first of those, else to the first error.
        const first = [...(syntax.length > 0 ? syntax : errors)].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
        return {
            uri, version: ++this.version, syntaxErrors: syntax.length, errors: errors.length,
            ...(model ? { model } : {}), ...(first ? { firstError: first.range } : {}),
        };
    }

    get(uri: string): ModelResult | undefined {
        return this.results.get(uri);
    }

    delete(uri: string): void {
        this.results.delete(uri);
    }
}

/** Wires the store to the connection: `journeymap/model` requests and `journeymap/modelChanged` notifications. */
export function registerJourneyModelProtocol(connection: Connection, shared: LangiumSharedServices, services: JourneyServices): JourneyModelStore {
    const store = new JourneyModelStore(services);
    const isOpen = (uri: string) => shared.workspace.TextDocuments.get(uri) !== undefined;
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        // Every file is revalidated on each change; build models only for files open in an editor.
        const open = documents.filter(document => isOpen(document.uri.toString())).map(document => ({ document, parsed: document.parseResult }));
        if (open.length === 0) return;
        // After this turn, so Langium's own Validated listener publishes the diagnostics first.
        setImmediate(() => {
            for (const { document, parsed } of open) {
                // A newer edit was parsed meanwhile: its own validation will bring its model.
                if (document.parseResult !== parsed || document.state < DocumentState.Validated) continue;
                const result = store.update(document);
                void connection.sendNotification(ModelChangedNotification, { uri: result.uri, version: result.version } satisfies ModelChangedParams);
            }
        });
    });
    shared.workspace.TextDocuments.onDidClose(event => store.delete(event.document.uri));
    connection.onRequest(ModelRequest, async (params: ModelRequestParams): Promise<ModelResult> => {
        const known = store.get(params.uri);
        if (known) return known;
        const uri = URI.parse(params.uri);
        const documents = shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) return { uri: params.uri, version: 0, syntaxErrors: 0, errors: 0 };
        // Langium validates the files of the workspace only once they are opened or changed: a
        // file never opened is linked, and is validated here, without changing its state.
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, uri);
        const document = documents.getDocument(uri)!;
        if (document.state >= DocumentState.Validated) return store.get(params.uri) ?? store.describe(document, document.diagnostics ?? []);
        return store.describe(document, await services.validation.DocumentValidator.validateDocument(document));
    });
    return store;
}
