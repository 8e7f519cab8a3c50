import { DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';

/**
 * Only personas, channels and teams can be referenced. Top-level ones are exported to the
 * workspace (the default: direct children of the document) and are also local symbols of the
 * document; those inside a journey are local symbols of that journey, which the default scope
 * provider puts in front of the global scope, so they shadow global ones of the same id.
 *
 * The default local-symbol phase walks every node of the document (with a cancellation check per
 * node); declarations only ever stand at the top level or directly in a journey, so visiting those
 * lists gives the same symbols at a fraction of the cost (docs/benchmarks.md).
 */
export class JourneyScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(document: LangiumDocument, _cancelToken?: CancellationToken): Promise<LocalSymbols> {
        const root = document.parseResult.value as Document;
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const add = (container: AstNode, nodes: ReadonlyArray<AstNode & { name?: string }>) => {
            for (const node of nodes) {
                if (node.name) symbols.add(container, this.descriptions.createDescription(node, node.name, document));
            }
        };
        add(root, [...root.personas, ...root.channels, ...root.teams]);
        for (const journey of root.journeys) {
            add(journey, [...journey.personas, ...journey.channels, ...journey.teams]);
        }
        return symbols;
    }
}
