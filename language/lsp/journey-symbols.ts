import { GrammarUtils, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument } from 'langium';
import { isOpportunity } from '../generated/ast.js';
import { DefaultDocumentSymbolProvider, DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Journey: SymbolKind.Module, Stage: SymbolKind.Namespace, Step: SymbolKind.Event,
    Persona: SymbolKind.Class, Channel: SymbolKind.Interface, Team: SymbolKind.Struct, Opportunity: SymbolKind.Field,
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

/**
 * The outline (journey > stage > step) shows each element's title beside its id. Opportunities
 * of a journey or a stage are listed in it too, by id or else by their text; a step's
 * opportunities only when they have an id (the outline stays a map of the journey, not of every line).
 */
export class JourneyDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override getSymbol(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] {
        if (isOpportunity(astNode) && astNode.$cstNode) {
            const idNode = astNode.name ? GrammarUtils.findNodeForProperty(astNode.$cstNode, 'name') : undefined;
            const textNode = GrammarUtils.findNodeForProperty(astNode.$cstNode, 'text');
            const stepLevel = astNode.$container?.$type === 'Step';
            if ((stepLevel && !idNode) || !(idNode ?? textNode)) return [];
            const detail = [idNode ? astNode.text : undefined, astNode.statuses[0]].filter(Boolean).join(' — ');
            return [{
                kind: SymbolKind.Field,
                name: idNode ? astNode.name! : astNode.text,
                ...(detail ? { detail } : {}),
                range: astNode.$cstNode.range,
                selectionRange: (idNode ?? textNode)!.range,
            }];
        }
        return super.getSymbol(document, astNode);
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = (astNode as { title?: string }).title;
        return title ? { ...symbol, detail: title } : symbol;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
