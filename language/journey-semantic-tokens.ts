import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAction, isChannel, isChannelUse, isEmotion, isEvidence, isJourney, isOpportunity, isPain, isPersona, isStage, isStep, isStepOwner, isTeam,
} from './generated/ast.js';

/**
 * Semantic colours where the TextMate grammar can only guess: a declared id versus a reference
 * (`channel web` declares at the top level but refers inside a step), each kind of element its
 * own type, evidence kinds and severities as enum members, and the emotion score as a number.
 */
export class JourneySemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declaration = [SemanticTokenModifiers.declaration];
        if (isJourney(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: declaration });
            if (node.persona) acceptor({ node, property: 'persona', type: SemanticTokenTypes.class });
        } else if (isStage(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: declaration });
        } else if (isStep(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.function, modifier: declaration });
        } else if (isPersona(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: declaration });
        } else if (isChannel(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.interface, modifier: declaration });
        } else if (isTeam(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.struct, modifier: declaration });
        } else if (isChannelUse(node)) {
            node.channels.forEach((_, index) => acceptor({ node, property: 'channels', index, type: SemanticTokenTypes.interface }));
        } else if (isAction(node) || isOpportunity(node) || isStepOwner(node)) {
            if (node.team) acceptor({ node, property: 'team', type: SemanticTokenTypes.struct });
        } else if (isEmotion(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
        } else if (isEvidence(node)) {
            acceptor({ node, property: 'kind', type: SemanticTokenTypes.enumMember });
        } else if (isPain(node) && node.severity) {
            acceptor({ node, property: 'severity', type: SemanticTokenTypes.enumMember });
        }
    }
}
