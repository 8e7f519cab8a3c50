/**
 * What a TrueType font draws and how wide: its `cmap` (formats 4 and 12, the ones every Unicode
 * font carries) and `hmtx` tables read directly, so placing runs of text in the bundled fonts
 * needs no font library. Widths are advance widths without kerning (a pixel or so on a line).
 */
import { readFileSync } from 'node:fs';

export interface FontMetrics {
    /** Does the font have a glyph (other than .notdef) for the character? */
    has(codePoint: number): boolean;
    /** The advance width of `text` at `fontSize`, in the same unit as the size. */
    advance(text: string, fontSize: number): number;
}

interface Table {
    offset: number;
    length: number;
}

function tables(view: DataView): Map<string, Table> {
    const found = new Map<string, Table>();
    const count = view.getUint16(4);
    for (let i = 0; i < count; i++) {
        const record = 12 + 16 * i;
        const tag = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
        found.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
    }
    return found;
}

/** Character → glyph id (characters without a glyph are left out). */
function readCmap(view: DataView, cmap: number): Map<number, number> {
    const subtables = view.getUint16(cmap + 2);
    let best: { offset: number; format: number } | undefined;
    for (let i = 0; i < subtables; i++) {
        const platform = view.getUint16(cmap + 4 + 8 * i);
        const encoding = view.getUint16(cmap + 6 + 8 * i);
        const offset = cmap + view.getUint32(cmap + 8 + 8 * i);
        const format = view.getUint16(offset);
        const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
        if (!unicode || (format !== 4 && format !== 12)) continue;
        if (!best || (format === 12 && best.format === 4)) best = { offset, format };
    }
    if (!best) throw new Error('the font has no Unicode cmap');
    const glyphs = new Map<number, number>();
    const at = best.offset;
    if (best.format === 12) {
        const groups = view.getUint32(at + 12);
        for (let i = 0; i < groups; i++) {
            const g = at + 16 + 12 * i;
            const first = view.getUint32(g);
            const last = view.getUint32(g + 4);
            const start = view.getUint32(g + 8);
            for (let c = first; c <= last; c++) if (start + c - first !== 0) glyphs.set(c, start + c - first);
        }
        return glyphs;
    }
    const segments = view.getUint16(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
        const end = view.getUint16(ends + 2 * s);
        const start = view.getUint16(starts + 2 * s);
        const delta = view.getUint16(deltas + 2 * s);
        const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
        for (let c = start; c <= end && c !== 0xFFFF; c++) {
            let glyph = rangeOffset === 0 ? (c + delta) & 0xFFFF : view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
            if (rangeOffset !== 0 && glyph !== 0) glyph = (glyph + delta) & 0xFFFF;
            if (glyph !== 0) glyphs.set(c, glyph);
        }
    }
    return glyphs;
}

export function parseFontMetrics(font: Uint8Array): FontMetrics {
    const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
    const found = tables(view);
    const need = (tag: string) => {
        const table = found.get(tag);
        if (!table) throw new Error(`the font has no ${tag} table`);
        return table.offset;
    };
    const glyphs = readCmap(view, need('cmap'));
    const unitsPerEm = view.getUint16(need('head') + 18);
    const metrics = view.getUint16(need('hhea') + 34);
    const hmtx = need('hmtx');
    // Glyphs past the last metric share its advance (monospaced tails).
    const advanceOf = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, metrics - 1));
    return {
        has: codePoint => glyphs.has(codePoint),
        advance(text, fontSize) {
            let units = 0;
            for (const ch of text) units += advanceOf(glyphs.get(ch.codePointAt(0)!) ?? 0);
            return units / unitsPerEm * fontSize;
        },
    };
}

const cache = new Map<string, FontMetrics>();

/** The metrics of the font file at `path` (read once per process). */
export function fontMetrics(path: string): FontMetrics {
    let metrics = cache.get(path);
    if (!metrics) cache.set(path, metrics = parseFontMetrics(readFileSync(path)));
    return metrics;
}
