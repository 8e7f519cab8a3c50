/**
 * Server side of `journeymap/fenceModel` (language/protocol.ts): the model of a ```journey fence
 * of a Markdown file, for the Markdown preview. The fence is parsed as a document of its own and
 * linked against the live workspace's index, so a persona declared in common.journey resolves;
 * but it is never added to the workspace: it exports nothing, is not revalidated by builds and has
 * no diagnostics published. Its cost is that of its own text, whatever the size of the workspace
 * (a throwaway workspace, as `journeymap/textModel` builds, would parse every file again per fence).
 */
import { DocumentState, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { DiagnosticCode } from '../validation/journey-diagnostics.js';
import { FenceModelRequest, type FenceModelParams, type FenceModelResult } from '../protocol.js';

/** The name the fence's document gets: its own scheme, so it never meets a file of the workspace. */
export function fenceDocumentUri(markdownUri: string | undefined): URI {
    const path = markdownUri ? URI.parse(markdownUri).path : '/untitled.md';
    return URI.from({ scheme: 'journeymap-fence', path: `${path}.journey` });
}

/** Parses and links `params.text` against the workspace of `services`, and builds its model unless it has syntax errors. */
export async function buildFenceModel(services: JourneyServices, params: FenceModelParams, cancelToken = CancellationToken.None): Promise<FenceModelResult> {
    const shared = services.shared;
    const document = shared.workspace.LangiumDocumentFactory.fromString<Document>(params.text, fenceDocumentUri(params.uri));
    // Langium's build phases for one document, minus the two that would make it part of the
    // workspace (indexing its exports and its references).
    document.localSymbols = await services.references.ScopeComputation.collectLocalSymbols(document, cancelToken);
    document.state = DocumentState.ComputedScopes;
    await services.references.Linker.link(document, cancelToken);
    document.state = DocumentState.Linked;
    // Lexing, parsing and linking errors only: the workspace-wide checks would count the fence's
    // declarations as duplicates of their own copies in the workspace.
    const diagnostics = await services.validation.DocumentValidator.validateDocument(document, { categories: ['built-in'] }, cancelToken);
    const syntaxErrors = diagnostics.filter(d => d.code === DiagnosticCode.SyntaxError)
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .map(d => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: String(d.message) }));
    if (syntaxErrors.length > 0) return { syntaxErrors };
    const model = services.model.JourneyModelBuilder.build(document as LangiumDocument<Document>);
    return { model, syntaxErrors: [] };
}

export function registerFenceModelRequest(connection: Connection, shared: LangiumSharedServices, services: JourneyServices): void {
    connection.onRequest(FenceModelRequest, async (params: FenceModelParams, cancelToken: CancellationToken): Promise<FenceModelResult | ResponseError> => {
        try {
            await shared.workspace.WorkspaceManager.ready;
            await editsLinked(shared, cancelToken);
            return await buildFenceModel(services, params, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
            throw error;
        }
    });
}

/**
 * Waits until the workspace's declarations are the ones last edited: every open map is linked at
 * the version the client last sent (a build the server was still holding back for more keys is
 * started now), and so is any file changed on disk.
 */
async function editsLinked(shared: LangiumSharedServices, cancelToken: CancellationToken): Promise<void> {
    const builder = shared.workspace.DocumentBuilder;
    for (const text of shared.workspace.TextDocuments.all()) {
        try {
            await builder.waitUntil(DocumentState.Linked, URI.parse(text.uri), cancelToken);
        } catch (error) {
            // A document closed or left out of the build meanwhile: the others still count.
            if (isOperationCancelled(error) || cancelToken.isCancellationRequested) throw error;
        }
    }
    await builder.waitUntil(DocumentState.Linked, cancelToken);
}
