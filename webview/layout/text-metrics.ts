/**
 * Text measurement without a DOM, so `journeymap render` in Node and the webview in a browser
 * compute the same layout. Widths come from a table of Arial/Liberation Sans advance widths
 * (1/1000 em) for ASCII and from conservative per-class estimates for everything else; every
 * estimate errs wide, because a card a little too large is harmless and clipped text is not.
 */

/** The font every picture asks for; Liberation Sans is metric-compatible with Arial. */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif";

/** Fallback fonts (DejaVu Sans, say) are up to ~12% wider than Arial: measure for them too. */
const SAFETY = 1.12;

// Advance widths of ASCII 32..126 in Arial / Helvetica, regular and bold.
const REGULAR = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const ZERO_WIDTH = /[\p{M}\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]|[\u{E0000}-\u{E007F}]/u;
const RTL_STRONG = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const LTR_STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u058F\u0900-\u1FFF\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/u;

function isWide(cp: number): boolean {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/** Width of one code point in 1/1000 em. */
function codePointWidth(ch: string, bold: boolean): number {
    const cp = ch.codePointAt(0)!;
    if (cp >= 32 && cp <= 126) return (bold ? BOLD : REGULAR)[cp - 32];
    if (ch === '\t') return 1112;
    if (ZERO_WIDTH.test(ch) || cp < 32) return 0;
    // Emoji fonts draw wider than 1 em; an unsupported ZWJ sequence shows each part, so count each.
    if (PICTOGRAPHIC.test(ch) && cp > 0xff) return 1300;
    if (isWide(cp)) return 1000;
    if (cp >= 0x2000 && cp <= 0x2BFF) return 1000; // punctuation, arrows, symbols: fonts vary a lot
    if (cp >= 0x0590 && cp <= 0x08FF) return 700; // Hebrew, Arabic (wide joined forms)
    if (ch !== ch.toLowerCase()) return 780;
    return bold ? 700 : 650;
}

// Created on first use: it is costly to make and only words too long for a line need it.
let graphemes: Intl.Segmenter | undefined;

export function splitGraphemes(text: string): string[] {
    graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
    return Array.from(graphemes.segment(text), s => s.segment);
}

/** Width of `text` in 1/1000 em: the sum of its code points' widths (so widths add up). */
function emWidth(text: string, bold: boolean): number {
    const table = bold ? BOLD : REGULAR;
    let em = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 32 && code <= 126) {
            em += table[code - 32];
            continue;
        }
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        em += codePointWidth(String.fromCodePoint(cp), bold);
    }
    return em;
}

const toPx = (em: number, fontSize: number) => Math.ceil(em / 1000 * fontSize * SAFETY * 100) / 100;

/** Width of `text` in px at `fontSize`, never narrower than the browser will draw it. */
export function measureText(text: string, fontSize: number, bold = false): number {
    return toPx(emWidth(text, bold), fontSize);
}

/** `rtl` when the first strongly directional character is Hebrew, Arabic or similar. */
export function textDirection(text: string): 'ltr' | 'rtl' {
    // Fast path: most texts start with an ASCII letter after some punctuation or digits.
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 128) break;
        if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return 'ltr';
    }
    for (const ch of text) {
        if (RTL_STRONG.test(ch)) return 'rtl';
        if (LTR_STRONG.test(ch)) return 'ltr';
    }
    return 'ltr';
}

/**
 * Breaks `text` into lines no wider than `maxWidth`: at spaces where possible, between grapheme
 * clusters inside a word too long for a line (a URL, an id, a word in a script without spaces).
 * `\n` in the text is a hard break. Never returns a line wider than `maxWidth` unless a single
 * grapheme is wider, and never loses a character (other than the spaces it breaks at).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
    const lines: string[] = [];
    const space = (bold ? BOLD : REGULAR)[0];
    const fits = (em: number) => toPx(em, fontSize) <= maxWidth;
    for (const paragraph of text.indexOf('\r') >= 0 ? text.replace(/\r\n?/g, '\n').split('\n') : text.split('\n')) {
        const words = paragraph.split(/[ \t]+/).filter(w => w.length > 0);
        let line = '';
        let lineEm = 0;
        for (const word of words) {
            const wordEm = emWidth(word, bold);
            if (line !== '' && fits(lineEm + space + wordEm)) {
                line += ' ' + word;
                lineEm += space + wordEm;
                continue;
            }
            if (line === '' && fits(wordEm)) {
                line = word;
                lineEm = wordEm;
                continue;
            }
            if (line !== '') lines.push(line);
            line = '';
            lineEm = 0;
            if (fits(wordEm)) {
                line = word;
                lineEm = wordEm;
                continue;
            }
            // Too long even alone: cut between grapheme clusters.
            for (const g of splitGraphemes(word)) {
                const gEm = emWidth(g, bold);
                if (line !== '' && !fits(lineEm + gEm)) {
                    lines.push(line);
                    line = '';
                    lineEm = 0;
                }
                line += g;
                lineEm += gEm;
            }
        }
        lines.push(line);
    }
    return lines;
}

/**
 * In one pass: the width of `text`'s widest line if not wrapped, and of its widest word (what no
 * wrapping can make narrower), in px.
 */
export function textExtent(text: string, fontSize: number, bold = false): { natural: number; word: number } {
    const table = bold ? BOLD : REGULAR;
    let line = 0;
    let word = 0;
    let natural = 0;
    let widestWord = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 10) {
            natural = Math.max(natural, line);
            widestWord = Math.max(widestWord, word);
            line = word = 0;
            continue;
        }
        let w: number;
        if (code >= 32 && code <= 126) {
            w = table[code - 32];
        } else {
            const cp = text.codePointAt(i)!;
            if (cp > 0xffff) i++;
            w = codePointWidth(String.fromCodePoint(cp), bold);
        }
        line += w;
        if (code === 32 || code === 9) {
            widestWord = Math.max(widestWord, word);
            word = 0;
        } else {
            word += w;
        }
    }
    return { natural: toPx(Math.max(natural, line), fontSize), word: toPx(Math.max(widestWord, word), fontSize) };
}

/**
 * Remembered results by font and width, then by text: the text itself is the key, so a lookup
 * allocates nothing (a map of thousands of cards would otherwise make garbage on every edit).
 */
class TextCache<T> {
    private readonly byFont = new Map<number, Map<string, T>>();
    private size = 0;

    get(fontKey: number, text: string, compute: () => T): T {
        let map = this.byFont.get(fontKey);
        if (!map) this.byFont.set(fontKey, map = new Map());
        let value = map.get(text);
        if (value === undefined) {
            if (++this.size > 100_000) {
                this.byFont.clear();
                this.size = 0;
                this.byFont.set(fontKey, map = new Map());
            }
            value = compute();
            map.set(text, value);
        }
        return value;
    }
}

const wrapCache = new TextCache<string[]>();
const extentCache = new TextCache<{ natural: number; word: number }>();

/** wrapText, remembered. */
export function wrapTextCached(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
    return wrapCache.get((Math.round(maxWidth * 100) * 64 + fontSize) * 2 + (bold ? 1 : 0), text, () => wrapText(text, maxWidth, fontSize, bold));
}

/** textExtent, remembered. */
export function textExtentCached(text: string, fontSize: number, bold = false): { natural: number; word: number } {
    return extentCache.get(fontSize * 2 + (bold ? 1 : 0), text, () => textExtent(text, fontSize, bold));
}

/** The widest unbreakable piece of `text` (its longest word), for sizing columns. */
export function longestWordWidth(text: string, fontSize: number, bold = false): number {
    let widest = 0;
    for (const word of text.split(/\s+/)) widest = Math.max(widest, emWidth(word, bold));
    return toPx(widest, fontSize);
}
