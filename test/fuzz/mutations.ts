/**
 * Seeded damage to `.journey` text. Two tables: what an editor sees mid-typing (also used by
 * test/language/journey-robustness.test.ts, whose seeds replay only while this table keeps its
 * order), and hostile input for the fuzzer (unicode, line ends, token surgery, splices between
 * files, sizes). Every mutation is a pure function of its text and random numbers.
 */
export type Random = () => number;
/** `others`: texts a splice may take lines from. */
export type Mutation = (text: string, random: Random, others: readonly string[]) => string;

export const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)];
/** An offset in `text`, its end included. */
export const at = (text: string, random: Random): number => Math.floor(random() * (text.length + 1));
const insert = (text: string, i: number, piece: string) => text.slice(0, i) + piece + text.slice(i);

function lineSplice(text: string, random: Random, change: (lines: string[], index: number) => void): string {
    const lines = text.split('\n');
    change(lines, Math.floor(random() * lines.length));
    return lines.join('\n');
}

const CHARACTERS = ['{', '}', '"', '"', ',', '\n', '/', '*', '\\', '%', '-', '+', '0', '7', '.', 'a', 'x', '_', ' ', '\t', 'é', '😀', '\r'];
export const KEYWORDS = [
    'persona', 'channel', 'team', 'journey', 'for', 'scenario', 'objective', 'stage', 'step', 'goal', 'touchpoint', 'emotion',
    'thinks', 'feels', 'says', 'moment', 'of', 'truth', 'onstage', 'offstage', 'support', 'by', 'pain', 'severity', 'high',
    'opportunity', 'owner', 'metric', 'target', 'evidence', 'survey', 'note', 'description', '62%', '3.5s', '-2', '+9',
    // schema 2
    'physical', 'duration', 'wait', 'fail', 'from', 'link', 'impact', 'effort', 'status', 'idea', 'done', 'baseline', 'future', '4min',
];
const LINES = [
    '}', '{', '"', 'stage s "S" {', 'step x {', 'journey j for nobody {', 'moment of truth', 'metric "m" 62% target 3d',
    'emotion 5', 'channel nowhere, web', '/*', '*/', '// comment', 'persona p "P" { goal "g" }', '"unterminated', 'team',
    // schema 2
    'physical "Card"', 'wait 10min "Queue"', 'duration 62%', 'onstage "x" by nobody fail "y"', 'says "s" from "P4"',
    'opportunity o "x" owner ops impact high status doing link "https://x.example"', 'opportunity o "y" impact low impact high',
    'metric "m" baseline 3 target 4%', 'metric "empty"', 'link "javascript:alert(1)"', 'link "www.example.org" "Label"',
    'journey t for p future of t {', 'future of', 'stage bare', 'evidence survey "s" link "mailto:a@b.example"',
];
const COMMENTS = [' /* c */ ', '/**/', '// note\n', ' // note\n', '\n/* multi\n   line */\n', '\n// own line\n'];

/** Typing damage: the table of the robustness test. Append only: its seeds index into this order. */
export const EDITOR_MUTATIONS: Record<string, Mutation> = {
    deleteCharacter: (text, random) => { const i = at(text, random); return text.slice(0, i) + text.slice(i + 1); },
    duplicateCharacter: (text, random) => { const i = at(text, random); return text.slice(0, i) + text.slice(i, i + 1) + text.slice(i); },
    insertCharacter: (text, random) => insert(text, at(text, random), pick(CHARACTERS, random)),
    insertKeyword: (text, random) => insert(text, at(text, random), ` ${pick(KEYWORDS, random)} `),
    deleteRange: (text, random) => { const i = at(text, random); return text.slice(0, i) + text.slice(i + 1 + Math.floor(random() * 40)); },
    deleteLine: (text, random) => lineSplice(text, random, (lines, i) => lines.splice(i, 1)),
    duplicateLine: (text, random) => lineSplice(text, random, (lines, i) => lines.splice(i, 0, lines[i])),
    insertLine: (text, random) => lineSplice(text, random, (lines, i) => lines.splice(i, 0, pick(LINES, random))),
    // Layout damage, which mostly still parses: what the formatter has to repair.
    insertComment: (text, random) => insert(text, at(text, random), pick(COMMENTS, random)),
    joinLines: (text, random) => lineSplice(text, random, (lines, i) => lines.splice(i, 2, `${lines[i]}${pick(['', ' ', '\t'], random)}${(lines[i + 1] ?? '').trimStart()}`)),
    reindentLine: (text, random) => lineSplice(text, random, (lines, i) => { lines[i] = pick(['', ' ', '\t\t', '         '], random) + lines[i].trimStart(); }),
    insertWhitespace: (text, random) => insert(text, at(text, random), pick([' ', '\n', '\n\n\n', '\t', '\r\n', '  \n  '], random)),
};

// Text a user can paste: emoji (with joiners, flags, skin tones), right-to-left scripts, bidi
// controls, NUL and other controls, lone surrogates (invalid UTF-16), BOM, odd spaces and line
// separators, combining marks.
const UNICODE = [
    '😀', '👩‍👩‍👧', '🇫🇷', '👍🏽', 'שלום', 'مرحبا', 'ع', '\u202E', '\u202D', '\u2066', '\u2067', '\u2069', '\u200F', '\u200E', '\u061C',
    '\0', '\u0001', '\u001B', '\u007F', '\uD800', '\uDFFF', '\uDBFF', '\uFEFF', '\u00A0', '\u2028', '\u2029', '\u0085',
    '\u000B', '\u000C', '\u0301', 'e\u0301', '\u200B', '\u200D', '\uFFFD', '\uFFFF', '𝒳', 'Ⅻ', 'ß', 'İ', 'ﬁ',
];
const LINE_ENDS = ['\r', '\r\n', '\n\r', '\r\r\n', '\u2028'];
const BRACKETS = ['{', '}', '{}', '}{', '"', '""', '"""', '\\"', '\\', '/*', '*/', '//', ',', ',,'];
// Numbers at the edges: beyond float range, precision, signs, units the grammar does not know.
const NUMBERS = ['1e309', '99999999999999999999999', '-0', '+0', '0.0000001', '1.', '.5', '--1', '+-3', '62%%', '3.5ss', '1e3', '0x10', 'NaN', 'Infinity', '-Infinity', '12min', '2h', '3d', '100000%'];

/** Tokens as a lexer-agnostic scanner sees them: strings, comments, words, numbers, single symbols. */
const TOKEN = /"(?:\\.|[^"\\\n])*"?|\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*|[\p{L}_][\p{L}\p{N}_-]*|[+-]?\d+(?:\.\d+)?[%\p{L}]*|\S/gu;

function tokens(text: string): Array<{ start: number; end: number }> {
    return Array.from(text.matchAll(TOKEN), m => ({ start: m.index, end: m.index + m[0].length }));
}

function withToken(text: string, random: Random, change: (token: string, before: string, after: string) => string): string {
    const all = tokens(text);
    if (all.length === 0) return text;
    const t = pick(all, random);
    return change(text.slice(t.start, t.end), text.slice(0, t.start), text.slice(t.end));
}

/** The fuzzer's additions. */
export const HOSTILE_MUTATIONS: Record<string, Mutation> = {
    insertUnicode: (text, random) => insert(text, at(text, random), pick(UNICODE, random)),
    insertLineEnd: (text, random) => insert(text, at(text, random), pick(LINE_ENDS, random)),
    allCrlf: text => text.replace(/\r?\n/g, '\r\n'),
    allCr: text => text.replace(/\r?\n/g, '\r'),
    mixLineEnds: (text, random) => text.replace(/\n/g, () => pick(['\n', '\r\n', '\r'], random)),
    insertBracket: (text, random) => insert(text, at(text, random), pick(BRACKETS, random)),
    insertNumber: (text, random) => insert(text, at(text, random), ` ${pick(NUMBERS, random)} `),
    deleteToken: (text, random) => withToken(text, random, (_, before, after) => before + after),
    duplicateToken: (text, random) => withToken(text, random, (token, before, after) => `${before}${token} ${token}${after}`),
    replaceToken: (text, random) => withToken(text, random, (_, before, after) => before + pick([...KEYWORDS, ...NUMBERS, ...BRACKETS], random) + after),
    unicodeInToken: (text, random) => withToken(text, random, (token, before, after) => {
        const i = Math.floor(random() * (token.length + 1));
        return before + token.slice(0, i) + pick(UNICODE, random) + token.slice(i) + after;
    }),
    swapTokens: (text, random) => {
        const all = tokens(text);
        if (all.length < 2) return text;
        const i = Math.floor(random() * (all.length - 1));
        const [a, b] = [all[i], all[i + 1]];
        return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
    },
    moveToken: (text, random) => withToken(text, random, (token, before, after) => {
        const rest = before + after;
        return insert(rest, at(rest, random), ` ${token} `);
    }),
    // Damage that mostly keeps the syntax, so the model, the picture, the diff and the formatter
    // see it too: text inside a string, another number, an id reused, two lines swapped.
    unicodeInString: (text, random) => {
        const strings = Array.from(text.matchAll(/"(?:\\.|[^"\\\n])*"/g));
        if (strings.length === 0) return text;
        const m = pick(strings, random);
        const i = m.index + 1 + Math.floor(random() * (m[0].length - 1));
        return insert(text, i, pick([...UNICODE, ...LINE_ENDS, '\\"', '\\\\', '<script>', '&amp;', ']]>', '*_`#'], random));
    },
    replaceNumber: (text, random) => {
        const numbers = Array.from(text.matchAll(/(?<![\p{L}\p{N}_])[+-]?\d+(?:\.\d+)?/gu));
        if (numbers.length === 0) return text;
        const m = pick(numbers, random);
        return text.slice(0, m.index) + pick(['0', '-2', '+2', '3', '-3', '2.5', '1e309', '99999999999999999999', '007', '-0'], random) + text.slice(m.index + m[0].length);
    },
    reuseId: (text, random) => {
        const ids = Array.from(text.matchAll(/\b(persona|channel|team|journey|stage|step|for|by|owner) ([\p{L}_][\p{L}\p{N}_-]*)/gu));
        if (ids.length < 2) return text;
        const [target, source] = [pick(ids, random), pick(ids, random)];
        const start = target.index + target[1].length + 1;
        return text.slice(0, start) + source[2] + text.slice(start + target[2].length);
    },
    swapLines: (text, random) => lineSplice(text, random, (lines, i) => {
        const j = Math.floor(random() * lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
    }),
    /** Lines of another file (or this one) pasted at a random line. */
    spliceLines: (text, random, others) => {
        const source = (others.length > 0 ? pick(others, random) : text).split('\n');
        const from = Math.floor(random() * source.length);
        const piece = source.slice(from, from + 1 + Math.floor(random() * 15));
        return lineSplice(text, random, (lines, i) => lines.splice(i, Math.floor(random() * 3), ...piece));
    },
    /** A cut at any character of another file glued to a cut of this one. */
    spliceTail: (text, random, others) => {
        const other = others.length > 0 ? pick(others, random) : text;
        return text.slice(0, at(text, random)) + other.slice(at(other, random));
    },
    truncate: (text, random) => text.slice(0, at(text, random)),
    // Sizes: a long word, a long string, a deep nest, a long run of one keyword. Runs of elements
    // stay in the hundreds: a thousand steps is a benchmark size (bench/), not a fuzz input.
    insertLong: (text, random) => insert(text, at(text, random), pick([
        'x'.repeat(20_000), `"${'long text '.repeat(2_000)}"`, '{'.repeat(2_000), '}'.repeat(2_000), 'step '.repeat(400),
        '"'.repeat(2_001), '/*'.repeat(2_000), 'emotion 1 '.repeat(1_000), '😀'.repeat(5_000), '\u202E'.repeat(1_000),
        'pain "p" '.repeat(400),
    ], random)),
    duplicateBlock: (text, random) => {
        const lines = text.split('\n');
        const from = Math.floor(random() * lines.length);
        const count = 1 + Math.floor(random() * 30);
        lines.splice(from, 0, ...lines.slice(from, from + count));
        return lines.join('\n');
    },
};

export const ALL_MUTATIONS: Record<string, Mutation> = { ...EDITOR_MUTATIONS, ...HOSTILE_MUTATIONS };

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
