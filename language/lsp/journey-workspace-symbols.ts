import { AstUtils, GrammarUtils, interruptAndCheck, type AstNode, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import type { FuzzyMatcher, LangiumSharedServices, NodeKindProvider, WorkspaceSymbolProvider } from 'langium/lsp';
import { CancellationToken, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { isChannel, isJourney, isPersona, isStage, isStep, isTeam } from '../generated/ast.js';

type Named = AstNode & { name: string; title?: string };

function isNamed(node: AstNode): node is Named {
    return isJourney(node) || isStage(node) || isStep(node) || isPersona(node) || isChannel(node) || isTeam(node);
}

/**
 * The default lists only what the index exports (top-level declarations and journeys); stages and
 * steps are no scope symbols, yet "go to step" is what people search for. So this walks every
 * document and matches the query against the id and the title.
 */
export class JourneyWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    protected readonly documents: LangiumDocuments;
    protected readonly nodeKindProvider: NodeKindProvider;
    protected readonly fuzzyMatcher: FuzzyMatcher;

    constructor(services: LangiumSharedServices & LangiumSharedCoreServices) {
        this.documents = services.workspace.LangiumDocuments;
        this.nodeKindProvider = services.lsp.NodeKindProvider;
        this.fuzzyMatcher = services.lsp.FuzzyMatcher;
    }

    async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const query = params.query.toLowerCase();
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            const root = document.parseResult?.value;
            if (!root) continue;
            for (const node of AstUtils.streamAllContents(root)) {
                if (!isNamed(node) || !node.name) continue;
                if (!this.fuzzyMatcher.match(query, node.name) && !(node.title && this.fuzzyMatcher.match(query, node.title))) continue;
                const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name');
                if (!nameNode) continue;
                const container = node.$container as Partial<Named> | undefined;
                symbols.push({
                    name: node.name,
                    kind: this.nodeKindProvider.getSymbolKind(node),
                    containerName: container?.name && container.$type ? `${container.$type.toLowerCase()} ${container.name}` : undefined,
                    location: { uri: document.uri.toString(), range: nameNode.range },
                });
            }
        }
        return symbols;
    }
}
