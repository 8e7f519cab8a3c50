import { AstUtils, GrammarAST, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import { isChannelUse, isJourney, isPersona, isStage, isStep } from '../generated/ast.js';
import { EMOTION_MEANINGS, OPPORTUNITY_STATUSES, SOLICITED_EVIDENCE, readableTitle, type EmotionValue, type EvidenceKind } from '../model/journey-model.js';
import { EFFORT_MEANINGS, IMPACT_MEANINGS, KEYWORD_DOCS, SEVERITY_MEANINGS, STATUS_MEANINGS } from './keyword-docs.js';

const EVIDENCE_KINDS = new Set<string>(['survey', 'interview', 'nps', 'feedback', 'analytics', 'review', 'social', 'ticket', 'observation', 'frontline']);
const LEVELS = ['low', 'medium', 'high'];
const SEVERITIES: Record<string, string> = { low: 'Low severity', medium: 'Medium severity', high: 'High severity' };

/**
 * Langium's grammar-driven completion already offers exactly the keywords valid at the cursor and
 * the references in scope. This adds what the grammar cannot say: emotion values with their
 * meaning, what each evidence kind and severity means, declaration titles beside references, and
 * snippets for a new stage, step and moment of truth.
 */
export class JourneyCompletionProvider extends DefaultCompletionProvider {
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (next.property === 'value' && AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'Emotion') {
            for (const value of [2, 1, 0, -1, -2] as EmotionValue[]) {
                const label = value > 0 ? `+${value}` : String(value);
                acceptor(context, {
                    label, kind: CompletionItemKind.Value, detail: EMOTION_MEANINGS[value],
                    documentation: `Emotion ${label}: the customer feels ${EMOTION_MEANINGS[value]} at this step.`,
                    sortText: String(2 - value),
                });
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const word = keyword.value;
        if (EVIDENCE_KINDS.has(word)) {
            const solicited = SOLICITED_EVIDENCE.includes(word as EvidenceKind);
            acceptor(context, { label: word, kind: CompletionItemKind.EnumMember, detail: solicited ? 'solicited evidence' : 'unsolicited evidence', sortText: (solicited ? '0' : '1') + word });
            return;
        }
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        if (rule === 'Severity') {
            acceptor(context, { label: word, kind: CompletionItemKind.EnumMember, detail: SEVERITIES[word], documentation: `${SEVERITIES[word]}: ${SEVERITY_MEANINGS[word]}`, sortText: String(LEVELS.indexOf(word)) });
            return;
        }
        if (rule === 'Level') {
            // The same words rate impact and effort: the keyword before the cursor says which.
            const effort = /\beffort\s*$/.test(context.textDocument.getText().slice(0, context.tokenOffset));
            const [name, meanings] = effort ? ['effort', EFFORT_MEANINGS] : ['impact', IMPACT_MEANINGS];
            const detail = `${word.charAt(0).toUpperCase()}${word.slice(1)} ${name}`;
            acceptor(context, { label: word, kind: CompletionItemKind.EnumMember, detail, documentation: `${detail}: ${meanings[word as 'low']}`, sortText: String(LEVELS.indexOf(word)) });
            return;
        }
        if (rule === 'Status') {
            const meaning = STATUS_MEANINGS[word as 'idea'];
            acceptor(context, { label: word, kind: CompletionItemKind.EnumMember, detail: `Status: ${meaning.replace(/[.:].*$/, '')}`, documentation: `Status ${word}: ${meaning}`, sortText: String(OPPORTUNITY_STATUSES.indexOf(word as 'idea')) });
            return;
        }
        const snippet = SNIPPETS[word];
        if (snippet) {
            acceptor(context, {
                label: `${word} …`, kind: CompletionItemKind.Snippet, detail: snippet.detail,
                insertText: snippet.body, insertTextFormat: InsertTextFormat.Snippet, filterText: word, sortText: `~${word}`,
            });
        }
        if (word === 'moment') return; // `moment of truth` is the snippet; the lone keyword is no use.
        const where = memberContainer(context.node);
        const doc = (where && KEYWORD_DOCS[`${where}.${word}`]) ?? KEYWORD_DOCS[`${rule}.${word}`] ?? KEYWORD_DOCS[word];
        if (!doc) return super.completionForKeyword(context, keyword, acceptor);
        acceptor(context, { label: word, kind: CompletionItemKind.Keyword, detail: doc, sortText: '1' + word });
    }

    /** A journey-local declaration shadows a global one of the same id: offer only the one that a reference would reach. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context).distinct(description => description.name);
        // `channel web, |`: a channel already in the list is no use twice (the one being typed stays).
        if (!isChannelUse(refInfo.container)) return candidates;
        const listed = new Set(refInfo.container.channels
            .filter(ref => ref.$refNode && !(ref.$refNode.offset <= context.offset && context.offset <= ref.$refNode.end))
            .map(ref => ref.$refText));
        return candidates.filter(description => !listed.has(description.name));
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const node = nodeDescription.node as { title?: string; name?: string } | undefined;
        const title = node?.title ?? readableTitle(nodeDescription.name);
        const where = nodeDescription.documentUri.toString() === context.document.uri.toString() ? '' : ` (${nodeDescription.documentUri.path.split('/').pop()})`;
        const description = isPersona(nodeDescription.node) ? nodeDescription.node.fields.find(f => f.kind === 'description')?.text : undefined;
        return {
            ...item, detail: `${nodeDescription.type.toLowerCase()} "${title}"${where}`,
            // Plain text: user text must never become markup.
            ...(description ? { documentation: { kind: MarkupKind.PlainText, value: description } } : {}),
        };
    }
}

const SNIPPETS: Record<string, { detail: string; body: string }> = {
    stage: { detail: 'New stage with a step', body: 'stage ${1:id} "${2:Title}" {\n\tgoal "${3:What the customer tries to achieve}"\n\tstep ${4:step_id} "${5:Title}" {\n\t\temotion ${6:0}\n\t\t$0\n\t}\n}' },
    step: { detail: 'New step', body: 'step ${1:id} "${2:Title}" {\n\ttouchpoint "${3:Touchpoint}"\n\temotion ${4:0}\n\t$0\n}' },
    moment: { detail: 'Mark a moment of truth', body: 'moment of truth "${1:Why it matters}"' },
};

/** Whether the cursor stands among the members of a step, a stage or a journey (stage and journey members get their own wording). */
function memberContainer(node: AstNode | undefined): 'Step' | 'Stage' | 'Journey' | undefined {
    const container = node && AstUtils.getContainerOfType(node, n => isStep(n) || isStage(n) || isJourney(n));
    return container?.$type as 'Step' | 'Stage' | 'Journey' | undefined;
}
