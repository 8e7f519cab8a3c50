import { AstUtils, GrammarAST, OperationCancelled, type AstNode, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CancellationToken, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isChannelUse, isJourney, isPersona, isStage, isStep, type Document } from '../generated/ast.js';
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
    /** The document being completed, by its text document (findFeaturesAt gets only the latter). */
    private readonly completing = new WeakMap<TextDocument, LangiumDocument>();

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        if (cancelToken?.isCancellationRequested) throw OperationCancelled;
        this.completing.set(document.textDocument, document);
        const result = await super.getCompletion(document, params, cancelToken);
        // Cancelled meanwhile (the user typed on): the answer is of no use, say so.
        if (cancelToken?.isCancellationRequested) throw OperationCancelled;
        return result;
    }

    /**
     * Langium finds the grammar features at the cursor by parsing all the text before it, on every
     * request: the cost grows with the file. The grammar is block structured and a repetition of
     * members knows nothing of the members before, so the complete members before the one being
     * written are blanked out (same offsets, whitespace instead): the parse covers the header of
     * the enclosing journey and stage and the current stage's members only.
     */
    protected override findFeaturesAt(textDocument: TextDocument, offset: number): NextFeature[] {
        const document = this.completing.get(textDocument);
        const prefix = document ? completionPrefix(document, textDocument.getText(), offset) : undefined;
        if (prefix === undefined) return super.findFeaturesAt(textDocument, offset);
        // Langium reads the text before the cursor through getText: hand it the blanked one.
        return super.findFeaturesAt({ getText: () => prefix, positionAt: () => textDocument.positionAt(offset) } as unknown as TextDocument, offset);
    }

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

/**
 * The text before `offset` with the complete members before the current one blanked out, at the
 * top level, in the enclosing journey and in the enclosing stage; undefined when the document's
 * AST is not of this very text (then the whole text is parsed, as Langium does).
 */
export function completionPrefix(document: LangiumDocument, text: string, offset: number): string | undefined {
    const root = document.parseResult.value as Document;
    if (root.$cstNode?.root.fullText !== text) return undefined;
    const blanks: Array<[number, number]> = [];
    const current = (nodes: AstNode[]): AstNode | undefined => {
        const placed = nodes.filter(node => node.$cstNode).sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset);
        let found: AstNode | undefined;
        for (const node of placed) {
            if (node.$cstNode!.offset >= offset) break;
            found = node;
        }
        if (found && found !== placed[0]) blanks.push([placed[0].$cstNode!.offset, found.$cstNode!.offset]);
        return found;
    };
    const top = current([...root.personas, ...root.channels, ...root.teams, ...root.journeys]);
    if (isJourney(top)) {
        const member = current([...top.scenarios, ...top.objectives, ...top.personas, ...top.channels, ...top.teams, ...top.stages]);
        if (isStage(member)) current([...member.goals, ...member.steps]);
    }
    let prefix = '';
    let at = 0;
    for (const [start, end] of blanks) {
        prefix += text.slice(at, start) + ' '.repeat(end - start);
        at = end;
    }
    return prefix + text.slice(at, offset);
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
