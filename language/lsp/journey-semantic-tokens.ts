import { AstUtils, CstUtils, GrammarAST, isLeafCstNode, type AstNode, type CstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAction, isChannel, isChannelUse, isJourney, isOpportunity, isPersona, isStage, isStep, isStepOwner, isTeam,
} from '../generated/ast.js';

/** Value rules whose words are enum members, not keywords. */
const ENUM_RULES = new Set(['EvidenceKind', 'Severity', 'Level', 'Status']);

/**
 * Semantic colours where the TextMate grammar can only guess: a declared id versus a reference
 * (`channel web` declares at the top level but refers inside a step), each kind of element its
 * own type, evidence kinds and severities as enum members, keywords only where they are keywords
 * (`team support` declares a team called `support`), strings and numbers.
 */
export class JourneySemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        this.highlightLeaves(node, acceptor);
        const declaration = [SemanticTokenModifiers.declaration];
        if (isJourney(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: declaration });
            if (node.persona) acceptor({ node, property: 'persona', type: SemanticTokenTypes.class });
            if (node.futureOf) acceptor({ node, property: 'futureOf', type: SemanticTokenTypes.namespace });
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
        } else if (isAction(node) || isStepOwner(node)) {
            if (node.team) acceptor({ node, property: 'team', type: SemanticTokenTypes.struct });
        } else if (isOpportunity(node)) {
            if (node.team) acceptor({ node, property: 'team', type: SemanticTokenTypes.struct });
            if (node.name) acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: declaration });
        }
    }

    /** Keywords, enum words, strings and numbers written directly by this node (ids are coloured above). */
    protected highlightLeaves(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (!node.$cstNode) return;
        for (const leaf of CstUtils.streamCst(node.$cstNode)) {
            if (!isLeafCstNode(leaf) || leaf.hidden || leaf.astNode !== node) continue;
            const source = leaf.grammarSource;
            if (GrammarAST.isKeyword(source)) {
                if (!/^\w/.test(source.value)) continue; // braces and commas
                const rule = AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name;
                if (rule === 'Id' || insideId(leaf)) continue; // a keyword used as an id (`channel social`)
                acceptor({ cst: leaf, type: rule && ENUM_RULES.has(rule) ? SemanticTokenTypes.enumMember : SemanticTokenTypes.keyword });
            } else if (leaf.tokenType.name === 'STRING') {
                // One token per line: Langium's own split of a multi-line token miscounts the first line's length.
                const { line, character } = leaf.range.start;
                leaf.text.split(/\r\n|\r|\n/).forEach((piece, i) => {
                    if (piece.length > 0) acceptor({ line: line + i, char: i === 0 ? character : 0, length: piece.length, type: SemanticTokenTypes.string });
                });
            } else if (leaf.tokenType.name === 'NUMBER' || leaf.tokenType.name === 'QUANTITY') {
                acceptor({ cst: leaf, type: SemanticTokenTypes.number });
            }
        }
    }
}

/** Whether a leaf was parsed through the `Id` rule or a reference (both take evidence kinds via `EvidenceKind`). */
function insideId(leaf: CstNode): boolean {
    for (let node: CstNode | undefined = leaf.container; node && node.astNode === leaf.astNode; node = node.container) {
        const source = node.grammarSource;
        if (GrammarAST.isCrossReference(source) || (GrammarAST.isRuleCall(source) && source.rule.ref?.name === 'Id')) return true;
    }
    return false;
}
