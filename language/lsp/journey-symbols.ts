import type { AstNode, AstNodeDescription, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider, DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Journey: SymbolKind.Module, Stage: SymbolKind.Namespace, Step: SymbolKind.Event,
    Persona: SymbolKind.Class, Channel: SymbolKind.Interface, Team: SymbolKind.Struct,
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Journey: CompletionItemKind.Module, Stage: CompletionItemKind.Module, Step: CompletionItemKind.Event,
    Persona: CompletionItemKind.Class, Channel: CompletionItemKind.Interface, Team: CompletionItemKind.Struct,
};

/** Distinct icons for each kind of element in the outline, workspace symbols and completion. */
export class JourneyNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

/** The outline (journey > stage > step) shows each element's title beside its id. */
export class JourneyDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = (astNode as { title?: string }).title;
        return title ? { ...symbol, detail: title } : symbol;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
