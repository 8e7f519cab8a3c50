import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import { isChannelUse, isPersona } from '../generated/ast.js';
import { SEVERITY_MEANINGS } from './journey-hover.js';
import { EMOTION_MEANINGS, SOLICITED_EVIDENCE, readableTitle, type EmotionValue, type EvidenceKind } from '../model/journey-model.js';

const EVIDENCE_KINDS = new Set<string>(['survey', 'interview', 'nps', 'feedback', 'analytics', 'review', 'social', 'ticket', 'observation', 'frontline']);
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
        if (word in SEVERITIES && keyword.$container && GrammarAST.isAlternatives(keyword.$container)) {
            acceptor(context, { label: word, kind: CompletionItemKind.EnumMember, detail: SEVERITIES[word], documentation: `${SEVERITIES[word]}: ${SEVERITY_MEANINGS[word]}`, sortText: String(['low', 'medium', 'high'].indexOf(word)) });
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
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const doc = KEYWORD_DOCS[`${rule}.${word}`] ?? KEYWORD_DOCS[word];
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

/** What each keyword adds, shown beside it in the completion list (the wording of the language reference). */
const KEYWORD_DOCS: Record<string, string> = {
    persona: 'Declare a persona', journey: 'Declare a journey map', team: 'Declare a team', for: 'The persona this journey serves',
    scenario: 'The scenario of the journey', objective: 'A business objective of the journey',
    stage: 'A stage of the journey', step: 'A step of the stage',
    description: 'Who the persona is', need: 'A need of the persona', segment: 'The customer segment', quote: 'A quote from the persona',
    touchpoint: 'The concrete touchpoint (touchpoints lane)', emotion: 'The emotion, -2 very negative … +2 very positive',
    thinks: 'What the customer thinks', feels: 'What the customer feels', says: 'What the customer says',
    onstage: 'What the customer sees the business do (frontstage)', offstage: 'What the business does out of sight (backstage)',
    support: 'Support processes and systems', pain: 'A pain point', opportunity: 'An improvement opportunity',
    metric: 'A KPI measured at this step', evidence: 'Where the insight comes from', note: 'A free note',
    'Channel.channel': 'Declare a channel', 'ChannelUse.channel': 'The channels the step happens through',
    'PersonaField.goal': 'A goal of the persona', 'StageGoal.goal': 'What the customer tries to achieve in this stage',
    'StepOwner.owner': 'The team that owns the step', 'Opportunity.owner': 'The team that owns the opportunity',
    severity: 'How bad the pain is: low, medium or high', by: 'The team that does it', target: 'The target value of the metric',
};
