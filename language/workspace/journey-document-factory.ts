import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

const parsedVersions = new WeakMap<LangiumDocument, number>();

/**
 * The editor's version of the text a document was last parsed from (undefined for a file read
 * from disk). The text document is shared and changes in place with every edit, so its version
 * says nothing about the AST; this does: diagnostics are published with it, and a request waits
 * until the version it was sent against is parsed.
 */
export function parsedVersion(document: LangiumDocument): number | undefined {
    return parsedVersions.get(document);
}

/** Langium's factory, recording the version of the text each update parses. */
export class JourneyDocumentFactory extends DefaultLangiumDocumentFactory {
    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        // Read in the same turn as super.update reads the text: no edit can come in between.
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const version = textDocument?.version;
        if (textDocument && document.parseResult.value.$cstNode?.root.fullText !== textDocument.getText()) {
            // Let the old AST go before the new one is built, not after: at 10,000 steps each is
            // about 200 MB, and the heap would otherwise have to hold both.
            (document as { parseResult: LangiumDocument['parseResult'] }).parseResult = { value: { $type: 'Document', personas: [], channels: [], teams: [], journeys: [] } as AstNode, lexerErrors: [], parserErrors: [] };
        }
        const updated = await super.update(document, cancellationToken);
        if (version === undefined) parsedVersions.delete(document);
        else parsedVersions.set(document, version);
        return updated;
    }
}
