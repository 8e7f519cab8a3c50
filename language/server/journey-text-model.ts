/**
 * Server side of `journeymap/textModel` (language/protocol.ts): the model of a text in a
 * throwaway workspace, for the compare view's older side. Scoping must see the declarations of
 * the files around it (a persona declared in common.journey), so the other files come too —
 * those of the same revision when the client sends them, else the ones the server has now.
 */
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { DiagnosticCode } from '../validation/journey-diagnostics.js';
import { JourneyWorkspace } from '../workspace/journey-workspace.js';
import { TextModelRequest, type TextModelParams, type TextModelResult, type TextSource } from '../protocol.js';

export async function buildTextModel(params: TextModelParams, current: () => TextSource[]): Promise<TextModelResult> {
    const context = (params.context ?? current()).filter(source => source.uri !== params.uri);
    const workspace = new JourneyWorkspace();
    const [target] = await workspace.load([params, ...context].map(source => ({ uri: URI.parse(source.uri), text: source.text })));
    const { lexerErrors, parserErrors } = target.document.parseResult;
    const syntax = target.diagnostics.filter(d => d.code === DiagnosticCode.SyntaxError)
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .map(d => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: String(d.message) }));
    if (syntax.length > 0 || lexerErrors.length > 0 || parserErrors.length > 0) return { uri: params.uri, syntaxErrors: syntax };
    return { uri: params.uri, model: workspace.services.model.JourneyModelBuilder.build(target.document), syntaxErrors: [] };
}

export function registerTextModelRequest(connection: Connection, shared: LangiumSharedServices): void {
    const current = () => shared.workspace.LangiumDocuments.all
        .filter(document => document.uri.path.endsWith('.journey'))
        .map(document => ({ uri: document.uri.toString(), text: document.textDocument.getText() }))
        .toArray();
    connection.onRequest(TextModelRequest, (params: TextModelParams) => buildTextModel(params, current));
}
