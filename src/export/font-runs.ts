/**
 * The bundled fallback font, put where it is needed: each run of characters that Liberation Sans
 * (in the line's weight and style) lacks and DejaVu Sans has (arrows, shapes, Hebrew, Arabic…)
 * gets its own <tspan font-family="DejaVu Sans">, and the rest of the line stays in Liberation
 * Sans, whose widths the layout measured. Neither renderer falls back well on its own: pdfkit
 * draws a box for a missing glyph, and resvg redraws the whole line, in the regular weight, in
 * the first font that has the character; so every character is given a font that has it, and each
 * run after the first starts at its own x (the advance of the runs before it, from the fonts'
 * metrics): a new text chunk, which resvg shapes on its own.
 *
 * It reads the markup of svg-tree.ts `toMarkup` (explicit end tags, text only in text elements),
 * keeping the weight, style and family each element inherits.
 */
import { escapeText } from '../../webview/render/svg-tree.js';
import { fontMetrics, type FontMetrics } from './font-metrics.js';
import { FALLBACK_FAMILY, fontPaths } from './fonts.js';

export interface FontSet {
    main: { regular: FontMetrics; bold: FontMetrics; italic: FontMetrics; boldItalic: FontMetrics };
    fallback: { regular: FontMetrics; bold: FontMetrics };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' };

function decodeText(text: string): string {
    return text.replace(/&(?:#(\d+)|#x([\da-fA-F]+)|(\w+));/g, (all, dec: string, hex: string, name: string) =>
        dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ENTITIES[name] ?? all);
}

/** White space, marks, joiners and variation selectors: they go with the run they are in. */
const NEUTRAL = /^[\s\p{M}\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]$/u;
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;
const PLAIN = /^[\x20-\x7E\s]*$/;
const TOKEN = /<(\/?)([\w:-]+)([^>]*?)(\/?)>|<[!?][^>]*>|([^<]+)/g;

interface Inherited {
    tag: string;
    bold: boolean;
    italic: boolean;
    fallbackFamily: boolean;
    fontSize: number;
    /** Only the element's own x: where its text starts. */
    x?: number;
    /** Runs can be placed one after the other: text anchored at its start, left to right. */
    startAnchored: boolean;
}

function attr(attrs: string, name: string): string | undefined {
    return new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
}

function isBold(weight: string): boolean {
    return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
}

/** How a run is drawn: in the main font, in the fallback font, or in the fallback font's regular weight (its bold lacks the character). */
type RunFont = 'main' | 'fallback' | 'fallback-regular';

/** `svg` with the fallback family on the runs of text the main font cannot draw and the fallback can. */
export function withFallbackRuns(svg: string, fonts: FontSet): string {
    const stack: Inherited[] = [{ tag: '', bold: false, italic: false, fallbackFamily: false, fontSize: 16, startAnchored: true }];
    let out = '';
    let replaced = false;
    for (const match of svg.matchAll(TOKEN)) {
        const [token, closing, tag, attrs, selfClosing, text] = match;
        if (text !== undefined) {
            const parent = stack[stack.length - 1];
            const runs = (parent.tag === 'tspan' || parent.tag === 'text') && !parent.fallbackFamily && !PLAIN.test(text) ? fontRuns(decodeText(text), parent, fonts) : undefined;
            if (runs) {
                replaced = true;
                out += runs;
            } else {
                out += text;
            }
            continue;
        }
        out += token;
        if (tag === undefined) continue;
        if (closing) {
            stack.pop();
        } else if (!selfClosing) {
            const parent = stack[stack.length - 1];
            const weight = attr(attrs, 'font-weight');
            const style = attr(attrs, 'font-style');
            const family = attr(attrs, 'font-family');
            const size = Number(attr(attrs, 'font-size'));
            const x = Number(attr(attrs, 'x') ?? NaN);
            const anchor = attr(attrs, 'text-anchor');
            const direction = attr(attrs, 'direction');
            stack.push({
                tag,
                bold: weight !== undefined ? isBold(weight) : parent.bold,
                italic: style !== undefined ? style === 'italic' || style === 'oblique' : parent.italic,
                fallbackFamily: family !== undefined ? family.includes(FALLBACK_FAMILY) : parent.fallbackFamily,
                fontSize: size > 0 ? size : parent.fontSize,
                ...(Number.isFinite(x) ? { x } : {}),
                startAnchored: (anchor === undefined ? parent.startAnchored : anchor === 'start') && direction !== 'rtl',
            });
        }
    }
    return replaced ? out : svg;
}

/** `text` as markup with fallback runs, or undefined when the main font has every character. */
function fontRuns(text: string, at: Inherited, fonts: FontSet): string | undefined {
    const main = at.bold ? (at.italic ? fonts.main.boldItalic : fonts.main.bold) : at.italic ? fonts.main.italic : fonts.main.regular;
    const fallback = at.bold ? fonts.fallback.bold : fonts.fallback.regular;
    const fontOf = (ch: string): RunFont => {
        const cp = ch.codePointAt(0)!;
        if (main.has(cp)) return 'main';
        if (fallback.has(cp)) return 'fallback';
        if (at.bold && fonts.fallback.regular.has(cp)) return 'fallback-regular';
        // No bundled font has it (CJK, emoji): left in the main font, drawn as its missing-glyph box.
        return 'main';
    };
    const runs: Array<{ font: RunFont; text: string }> = [];
    for (const ch of text) {
        const last = runs[runs.length - 1];
        const font = NEUTRAL.test(ch) ? last?.font ?? 'main' : fontOf(ch);
        if (last && last.font === font) last.text += ch;
        else runs.push({ font, text: ch });
    }
    if (runs.every(run => run.font === 'main')) return undefined;
    const regularOnly = (font: RunFont) => font === 'fallback-regular' ? ' font-weight="normal"' : '';
    // Right-to-left, centred or end-anchored text, or a line with no x of its own: one run in the
    // fallback font (splitting it would break its bidi reordering or its anchoring).
    if (!at.startAnchored || at.x === undefined || RTL.test(text)) {
        return `<tspan font-family="${FALLBACK_FAMILY}"${regularOnly(runs.some(r => r.font === 'fallback-regular') ? 'fallback-regular' : 'fallback')}>${escapeText(text)}</tspan>`;
    }
    const metricsOf = (font: RunFont) => font === 'main' ? main : font === 'fallback' ? fallback : fonts.fallback.regular;
    let x = at.x;
    return runs.map((run, i) => {
        const position = i === 0 ? '' : ` x="${Math.round(x * 100) / 100}"`;
        x += metricsOf(run.font).advance(run.text, at.fontSize);
        if (run.font === 'main') return i === 0 ? escapeText(run.text) : `<tspan${position}>${escapeText(run.text)}</tspan>`;
        return `<tspan${position} font-family="${FALLBACK_FAMILY}"${regularOnly(run.font)}>${escapeText(run.text)}</tspan>`;
    }).join('');
}

/** `withFallbackRuns` with the bundled fonts of `fontsDir`. */
export function withBundledFallback(svg: string, fontsDir: string): string {
    const paths = fontPaths(fontsDir);
    return withFallbackRuns(svg, {
        main: { regular: fontMetrics(paths.regular), bold: fontMetrics(paths.bold), italic: fontMetrics(paths.italic), boldItalic: fontMetrics(paths.boldItalic) },
        fallback: { regular: fontMetrics(paths.fallback), bold: fontMetrics(paths.fallbackBold) },
    });
}
