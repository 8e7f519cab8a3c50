import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument, type LexerResult } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, TextEdit,
} from 'vscode-languageserver';
import type { JourneyServices } from '../journey-module.js';

/**
 * The canonical layout of `.journey` files (docs/formatting.md), for the editor (LSP document and
 * range formatting) and `journeymap fmt`.
 *
 * It works on the token stream, comments included, and only ever rewrites the whitespace between
 * two tokens. Every token — strings, numbers, ids, comments — is copied byte for byte, so no
 * content can be lost by construction; a final re-lex of the result checks that the token
 * sequence is unchanged and refuses to format otherwise. Langium's AbstractFormatter works on the
 * CST instead, where comments are hidden nodes attached wherever the parser happened to be; this
 * formatter decides a comment's place from the source lines around it, so comments stay where
 * they were written.
 *
 * Only documents without syntax errors are formatted: with an error, where a block ends is a
 * guess, and re-indenting on a guess would scramble the file while it is being typed.
 */

const INDENT = '  ';

/** One whitespace gap to rewrite: source offsets [start, end) get `text`. */
export interface LayoutEdit {
    start: number;
    end: number;
    text: string;
}

export type JourneyFormatResult =
    | { kind: 'formatted'; text: string; edits: LayoutEdit[] }
    /** The document has lexer or parser errors; nothing is formatted. */
    | { kind: 'syntax-error' }
    /** The layout would have changed the token sequence; a bug, reported rather than applied. */
    | { kind: 'unsafe'; reason: string };

/** A place where a member (declaration, field, step member …) starts, by its first token's offset. */
interface MemberStart {
    /** A member with a `{ … }` body at top level or in a journey: set apart by blank lines. */
    spaced: boolean;
    /** The first member of its block (or of the file): never preceded by a blank line. */
    first: boolean;
}

interface Item {
    start: number;
    end: number;
    image: string;
    /** `token`, or the kind of comment. */
    kind: 'token' | 'line-comment' | 'block-comment';
}

/** Types whose nodes are members of a block: each begins on its own line. */
const MEMBER_TYPES = new Set([
    'Persona', 'Channel', 'Team', 'Journey', 'PersonaField', 'Scenario', 'Objective', 'Stage', 'StageGoal', 'Step',
    'ChannelUse', 'Touchpoint', 'Emotion', 'Thought', 'MomentOfTruth', 'Action', 'Pain', 'Opportunity', 'Metric',
    'Evidence', 'StepOwner', 'Note', 'Physical', 'StepDuration', 'Wait', 'Link',
]);

/** Types that are members only in some containers: a `link` is a step member, but the last clause of an evidence or opportunity. */
const MEMBER_ONLY_IN: Record<string, string> = { Link: 'Step' };

/** Containers in which blocks are set apart by a blank line (the file and a journey). */
const SPACED_CONTAINERS = new Set(['Document', 'Journey']);

export class JourneyFormatter implements Formatter {
    constructor(private readonly services: JourneyServices) { }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.textEdits(document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const textDocument = document.textDocument;
        const from = textDocument.offsetAt(params.range.start);
        const to = textDocument.offsetAt(params.range.end);
        // A gap reaching into the selection is rewritten whole: the indentation before a selected line belongs to it.
        return this.textEdits(document, edit => edit.end >= from && edit.start < to);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    /** Formats a parsed document; the result says why when nothing was formatted. */
    format(document: LangiumDocument): JourneyFormatResult {
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length > 0 || parserErrors.length > 0) return { kind: 'syntax-error' };
        const text = document.textDocument.getText();
        const lexed = this.services.parser.Lexer.tokenize(text);
        if (lexed.errors.length > 0) return { kind: 'syntax-error' };
        const items = toItems(lexed.tokens, lexed.hidden);
        const edits = layout(text, items, memberStarts(document.parseResult.value));
        const formatted = applyLayout(text, edits);
        const relexed = this.services.parser.Lexer.tokenize(formatted);
        const reason = sameTokens(items, toItems(relexed.tokens, relexed.hidden), relexed.errors.length);
        if (reason) return { kind: 'unsafe', reason };
        return { kind: 'formatted', text: formatted, edits };
    }

    private textEdits(document: LangiumDocument, keep: (edit: LayoutEdit) => boolean = () => true): TextEdit[] {
        const result = this.format(document);
        if (result.kind !== 'formatted') return [];
        const textDocument = document.textDocument;
        return result.edits.filter(keep).map(edit => ({
            range: { start: textDocument.positionAt(edit.start), end: textDocument.positionAt(edit.end) },
            newText: edit.text,
        }));
    }
}

function toItems(tokens: LexerResult['tokens'], hidden: LexerResult['hidden']): Item[] {
    const items = [...tokens, ...hidden].map((token): Item => {
        const kind = token.tokenType.name === 'SL_COMMENT' ? 'line-comment' : token.tokenType.name === 'ML_COMMENT' ? 'block-comment' : 'token';
        // A line comment's token runs to the line break, trailing blanks included; those blanks
        // are layout, not content, so they join the gap after the comment and go.
        const image = kind === 'line-comment' ? token.image.replace(/[ \t\f\v]+$/, '') : token.image;
        return { start: token.startOffset, end: token.startOffset + image.length, image, kind };
    });
    return items.sort((a, b) => a.start - b.start);
}

function memberStarts(root: AstNode): Map<number, MemberStart> {
    const starts = new Map<number, MemberStart>();
    const firstOfContainer = new Map<AstNode | undefined, number>();
    for (const node of AstUtils.streamAst(root)) {
        if (!MEMBER_TYPES.has(node.$type) || !node.$cstNode) continue;
        const onlyIn = MEMBER_ONLY_IN[node.$type];
        if (onlyIn && node.$container?.$type !== onlyIn) continue;
        const offset = node.$cstNode.offset;
        const container = node.$container;
        const spaced = container !== undefined && SPACED_CONTAINERS.has(container.$type)
            && GrammarUtils.findNodeForKeyword(node.$cstNode, '{') !== undefined;
        starts.set(offset, { spaced, first: false });
        const first = firstOfContainer.get(container);
        if (first === undefined || offset < first) firstOfContainer.set(container, offset);
    }
    for (const offset of firstOfContainer.values()) starts.get(offset)!.first = true;
    return starts;
}

function lineBreaks(gap: string): number {
    return gap.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** The whitespace that should stand between the items, as edits of the gaps that differ. */
function layout(text: string, items: Item[], members: Map<number, MemberStart>): LayoutEdit[] {
    const eol = /\r\n/.test(text) && text.indexOf('\r\n') === text.search(/\r\n|\r|\n/) ? '\r\n' : '\n';
    const gapBefore = (i: number) => text.slice(i === 0 ? 0 : items[i - 1].end, items[i].start);
    const sourceBreaks = items.map((_, i) => lineBreaks(gapBefore(i)));
    const isComment = (i: number) => items[i].kind !== 'token';
    const isMember = (i: number) => items[i].kind === 'token' && members.has(items[i].start);
    // A comment stays on its own line if it was written on one.
    const ownLine = (i: number) => i === 0 || sourceBreaks[i] > 0 || items[i - 1].kind === 'line-comment';

    // Blank lines demanded before spaced members; they go above the comments attached to the member.
    const forcedBlank = new Set<number>();
    for (let i = 0; i < items.length; i++) {
        const member = isMember(i) ? members.get(items[i].start)! : undefined;
        if (!member || member.first) continue;
        const previousSpaced = previousSiblingSpaced(items, i, members);
        if (!member.spaced && !previousSpaced) continue;
        let head = i;
        while (head > 0 && isComment(head - 1) && ownLine(head - 1) && sourceBreaks[head] < 2) head--;
        forcedBlank.add(head);
    }

    const edits: LayoutEdit[] = [];
    let depth = 0;
    for (let i = 0; i <= items.length; i++) {
        const start = i === 0 ? 0 : items[i - 1].end;
        const end = i === items.length ? text.length : items[i].start;
        let wanted: string;
        if (i === items.length) {
            wanted = items.length === 0 ? '' : eol;
        } else {
            const item = items[i];
            const previous = i > 0 ? items[i - 1] : undefined;
            if (item.image === '}' && item.kind === 'token') depth--;
            const newline = (indent: number) => {
                const blank = i > 0 && previous?.image !== '{' && !(item.kind === 'token' && item.image === '}')
                    && (forcedBlank.has(i) || sourceBreaks[i] >= 2);
                return (blank ? eol : '') + eol + INDENT.repeat(Math.max(indent, 0));
            };
            if (!previous) {
                wanted = '';
            } else if (item.kind === 'token' && item.image === '}') {
                wanted = previous.kind === 'token' && previous.image === '{' ? '' : newline(depth);
            } else if (isMember(i)) {
                wanted = newline(depth);
            } else if (isComment(i)) {
                wanted = ownLine(i) ? newline(continues(items, i, members) ? depth + 1 : depth) : ' ';
            } else if (previous.kind === 'line-comment' || (previous.kind === 'block-comment' && sourceBreaks[i] > 0)) {
                // A token after a comment that ends its line continues the member on the next line.
                wanted = newline(depth + 1);
            } else if (item.image === ',' && previous.kind === 'token') {
                wanted = '';
            } else {
                wanted = ' ';
            }
            if (item.kind === 'token' && item.image === '{') depth++;
        }
        if (text.slice(start, end) !== wanted) edits.push({ start, end, text: wanted });
    }
    return edits;
}

/** Whether the member before the one starting at item `i` (same block) had a `{ … }` body set apart. */
function previousSiblingSpaced(items: Item[], i: number, members: Map<number, MemberStart>): boolean {
    // Walk back over the previous member's tokens to its start, skipping nested blocks.
    let nesting = 0;
    for (let j = i - 1; j >= 0; j--) {
        const item = items[j];
        if (item.kind !== 'token') continue;
        if (item.image === '}') nesting++;
        else if (item.image === '{') {
            if (nesting === 0) return false;
            nesting--;
        } else if (nesting === 0 && members.has(item.start)) {
            return members.get(item.start)!.spaced;
        }
    }
    return false;
}

/** Whether the comment at `i` sits inside a member: the next token neither starts a member nor ends a block. */
function continues(items: Item[], i: number, members: Map<number, MemberStart>): boolean {
    for (let j = i + 1; j < items.length; j++) {
        const item = items[j];
        if (item.kind !== 'token') continue;
        return item.image !== '}' && !members.has(item.start);
    }
    return false;
}

function applyLayout(text: string, edits: LayoutEdit[]): string {
    let result = '';
    let at = 0;
    for (const edit of edits) {
        result += text.slice(at, edit.start) + edit.text;
        at = edit.end;
    }
    return result + text.slice(at);
}

/** Undefined when the formatted text lexes to the same tokens and comments; else why not. */
function sameTokens(before: Item[], after: Item[], lexerErrors: number): string | undefined {
    if (lexerErrors > 0) return 'the formatted text does not lex';
    if (before.length !== after.length) return `token count changed from ${before.length} to ${after.length}`;
    const index = before.findIndex((item, i) => item.image !== after[i].image || item.kind !== after[i].kind);
    return index < 0 ? undefined : `token ${index} changed from ${JSON.stringify(before[index].image)} to ${JSON.stringify(after[index].image)}`;
}
