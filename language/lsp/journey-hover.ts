import { AstUtils, CstUtils, GrammarAST, OperationCancelled, type AstNode, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { CancellationToken, Hover, HoverParams } from 'vscode-languageserver';
import { isChannel, isEmotion, isEvidence, isJourney, isMomentOfTruth, isOpportunity, isPain, isPersona, isStage, isStep, isTeam } from '../generated/ast.js';
import { EMOTION_MEANINGS, SOLICITED_EVIDENCE, readableTitle, type EmotionValue, type EvidenceKind } from '../model/journey-model.js';
import { KEYWORD_HOVERS, SEVERITY_MEANINGS, valueMeaning } from './keyword-docs.js';

export { SEVERITY_MEANINGS };

/**
 * Hover on a declaration or a reference shows the declaration: its kind, id, title and the
 * persona's profile; hover on an emotion shows what the number means; on an evidence kind,
 * whether it is solicited. User text is escaped: it is shown as text, never as markup.
 */
export class JourneyHoverProvider extends AstNodeHoverProvider {
    override async getHoverContent(document: LangiumDocument, params: HoverParams, cancelToken?: CancellationToken): Promise<Hover | undefined> {
        // Cancelled while it waited for the document to be built: the user has moved on.
        if (cancelToken?.isCancellationRequested) throw OperationCancelled;
        const root = document.parseResult?.value?.$cstNode;
        if (root) {
            const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
            const node = leaf?.astNode;
            if (isEmotion(node) && Number.isFinite(node.value)) {
                return markdown(emotionHover(node.value));
            }
            if (isPain(node) && leaf && node.severity && GrammarAST.isKeyword(leaf.grammarSource) && leaf.text === node.severity) {
                return markdown(`**Severity ${node.severity}**: ${SEVERITY_MEANINGS[node.severity] ?? ''}`);
            }
            if (isMomentOfTruth(node) && leaf && GrammarAST.isKeyword(leaf.grammarSource)) {
                return markdown('**Moment of truth**: a step where the customer decides whether to stay or leave; it should have an `emotion`.'
                    + (node.why ? `\n\n${escape(node.why)}` : ''));
            }
            if (leaf && GrammarAST.isKeyword(leaf.grammarSource) && !usedAsId(leaf)) {
                const keywordHover = this.keywordHover(node, leaf);
                if (keywordHover) return markdown(keywordHover);
            }
            if (isEvidence(node) && leaf && leaf.text === node.kind) {
                const solicited = SOLICITED_EVIDENCE.includes(node.kind as EvidenceKind);
                return markdown(`**${node.kind}**: ${solicited ? 'solicited' : 'unsolicited'} evidence — ${solicited
                    ? 'the customer was asked (survey, interview, NPS, feedback form).'
                    : 'observed without asking (analytics, reviews, social media, tickets, observation, frontline staff).'}`);
            }
        }
        return super.getHoverContent(document, params);
    }

    /** Schema-2 keywords and the value words of impact, effort and status (docs in keyword-docs.ts). */
    protected keywordHover(node: AstNode | undefined, leaf: CstNode): string | undefined {
        const word = leaf.text;
        if (isJourney(node) && (word === 'future' || word === 'of') && node.futureOf) {
            const asIs = node.futureOf.ref;
            return `${KEYWORD_HOVERS.future}\n\nAs-is: \`${node.futureOf.$refText}\`${asIs ? ` — ${escape(asIs.title ?? readableTitle(asIs.name))}` : ' (unknown journey)'}; to-be: \`${node.name}\`.`;
        }
        if (isOpportunity(node)) {
            const before = CstUtils.getPreviousNode(leaf, false)?.text;
            const meaning = before ? valueMeaning(before, word) : undefined;
            if (meaning) return meaning;
        }
        return KEYWORD_HOVERS[word];
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (isPersona(node)) {
            // A field still being typed (`goal` without its text) has no text: it shows nothing.
            const fields = (kind: string) => node.fields.filter(f => f.kind === kind && f.text !== undefined).map(f => f.text);
            const lines = [heading('persona', node.name, node.title)];
            for (const description of fields('description')) lines.push(escape(description));
            for (const goal of fields('goal')) lines.push(`- Goal: ${escape(goal)}`);
            for (const need of fields('need')) lines.push(`- Need: ${escape(need)}`);
            for (const segment of fields('segment')) lines.push(`- Segment: ${escape(segment)}`);
            for (const quote of fields('quote')) lines.push(`> ${escape(quote)}`);
            return lines.join('\n\n') + where(node);
        }
        if (isChannel(node) || isTeam(node)) {
            return heading(isChannel(node) ? 'channel' : 'team', node.name, node.title) + where(node);
        }
        if (isJourney(node)) {
            const lines = [heading('journey', node.name, node.title)];
            if (node.persona) lines.push(`For: ${escape(node.persona.ref?.title ?? node.persona.$refText)}`);
            if (node.scenarios[0]?.text !== undefined) lines.push(escape(node.scenarios[0].text));
            lines.push(`${node.stages.length} stage(s), ${node.stages.reduce((n, s) => n + s.steps.length, 0)} step(s)`);
            return lines.join('\n\n');
        }
        if (isStage(node)) {
            const lines = [heading('stage', node.name, node.title)];
            if (node.goals[0]?.text !== undefined) lines.push(`Goal: ${escape(node.goals[0].text)}`);
            return lines.join('\n\n');
        }
        if (isStep(node)) {
            const lines = [heading('step', node.name, node.title), `In stage ${escape(node.$container.title ?? readableTitle(node.$container.name))}`];
            const emotion = node.emotions[0]?.value;
            if (emotion !== undefined) lines.push(emotionHover(emotion));
            return lines.join('\n\n');
        }
        return undefined;
    }
}

/** Whether a keyword leaf stands as an id (`team fail`, `opportunity status "…"`): then it is no keyword to explain. */
function usedAsId(leaf: CstNode): boolean {
    for (let node: CstNode | undefined = leaf.container; node && node.astNode === leaf.astNode; node = node.container) {
        const source = node.grammarSource;
        if (GrammarAST.isCrossReference(source) || (GrammarAST.isRuleCall(source) && source.rule.ref?.name === 'Id')) return true;
    }
    return false;
}

function emotionHover(value: number): string {
    const meaning = EMOTION_MEANINGS[value as EmotionValue];
    return meaning
        ? `**Emotion ${value > 0 ? '+' : ''}${value}**: ${meaning} (scale -2 very negative … +2 very positive)`
        : `**Emotion ${value}** is outside the scale: use a whole number from -2 (very negative) to +2 (very positive).`;
}

function heading(kind: string, id: string, title: string | undefined): string {
    return `**${kind}** \`${id}\` — ${escape(title ?? readableTitle(id))}`;
}

function where(node: AstNode): string {
    const container = node.$container;
    const scope = isJourney(container) ? `declared in journey \`${container.name}\`` : `declared in ${AstUtils.getDocument(node).uri.path.split('/').pop()}`;
    return `\n\n*${scope}*`;
}

/** Markdown-escapes user text so that it shows as typed. */
export function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, ch => `\\${ch}`).replace(/\n/g, '  \n');
}

function markdown(value: string): Hover {
    return { contents: { kind: 'markdown', value } };
}
