import { AstUtils, GrammarAST, type AstNodeDescription, type MaybePromise, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { EMOTION_MEANINGS, SOLICITED_EVIDENCE, readableTitle, type EmotionValue, type EvidenceKind } from './model/journey-model.js';

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
            acceptor(context, { label: word, kind: CompletionItemKind.EnumMember, detail: SEVERITIES[word], sortText: String(['low', 'medium', 'high'].indexOf(word)) });
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
        return super.completionForKeyword(context, keyword, acceptor);
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const node = nodeDescription.node as { title?: string; name?: string } | undefined;
        const title = node?.title ?? readableTitle(nodeDescription.name);
        const where = nodeDescription.documentUri.toString() === context.document.uri.toString() ? '' : ` (${nodeDescription.documentUri.path.split('/').pop()})`;
        return { ...item, detail: `${nodeDescription.type.toLowerCase()} "${title}"${where}` };
    }
}

const SNIPPETS: Record<string, { detail: string; body: string }> = {
    stage: { detail: 'New stage with a step', body: 'stage ${1:id} "${2:Title}" {\n\tgoal "${3:What the customer tries to achieve}"\n\tstep ${4:step_id} "${5:Title}" {\n\t\temotion ${6:0}\n\t\t$0\n\t}\n}' },
    step: { detail: 'New step', body: 'step ${1:id} "${2:Title}" {\n\ttouchpoint "${3:Touchpoint}"\n\temotion ${4:0}\n\t$0\n}' },
    moment: { detail: 'Mark a moment of truth', body: 'moment of truth "${1:Why it matters}"' },
};
