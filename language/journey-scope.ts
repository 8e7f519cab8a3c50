import { DefaultScopeComputation, type AstNode, type AstNodeDescription, type LangiumDocument, type MultiMap } from 'langium';
import { isChannel, isPersona, isTeam } from './generated/ast.js';

/**
 * Only personas, channels and teams can be referenced. Top-level ones are exported to the
 * workspace (the default: direct children of the document); those inside a journey become local
 * symbols of that journey, which the default scope provider puts in front of the global scope,
 * so they shadow global ones of the same id. Stages and steps are never referenced, so they stay
 * out of every scope.
 */
export class JourneyScopeComputation extends DefaultScopeComputation {
    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        if (isPersona(node) || isChannel(node) || isTeam(node)) {
            super.addLocalSymbol(node, document, symbols);
        }
    }
}
