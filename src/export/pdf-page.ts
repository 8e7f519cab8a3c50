/**
 * The page of a PDF export: paper sizes and where the picture goes. Apart from the writer
 * (pdf.ts), so that options can be checked without loading pdfkit.
 */

export const PAGE_NAMES = ['a3', 'a4', 'letter', 'fit'] as const;
export type PageName = typeof PAGE_NAMES[number];
export const DEFAULT_PAGE: PageName = 'a3';

/** Paper sizes in points (1/72 inch), long side first. */
const PAPER: Readonly<Record<Exclude<PageName, 'fit'>, readonly [number, number]>> = {
    a3: [1190.55, 841.89],
    a4: [841.89, 595.28],
    letter: [792, 612],
};

/** A CSS pixel is 1/96 inch; a point 1/72. */
const PT_PER_PX = 0.75;
/** White space around the picture on a paper page (the picture has its own padding too). */
const MARGIN_PT = 18;
/** The largest page side PDF readers accept (Acrobat's limit: 200 inches). */
const MAX_SIDE_PT = 14_400;

export interface PagePlacement {
    width: number;
    height: number;
    /** Where the picture goes on the page, and its scale from pixels to points. */
    x: number;
    y: number;
    scale: number;
}

/**
 * The page for a `width`×`height` pixel picture: a paper size turned to the picture's shape
 * (landscape unless the picture is taller than wide), the picture scaled to fill it inside the
 * margin and centred; or, for `fit`, a page the picture's own size (made smaller if it would
 * pass the largest page readers open).
 */
export function placeOnPage(width: number, height: number, page: PageName): PagePlacement {
    if (page === 'fit') {
        const scale = Math.min(PT_PER_PX, MAX_SIDE_PT / width, MAX_SIDE_PT / height);
        return { width: round2(width * scale), height: round2(height * scale), x: 0, y: 0, scale };
    }
    const [long, short] = PAPER[page];
    const [pageWidth, pageHeight] = height > width ? [short, long] : [long, short];
    const scale = Math.min((pageWidth - 2 * MARGIN_PT) / width, (pageHeight - 2 * MARGIN_PT) / height);
    return { width: pageWidth, height: pageHeight, x: (pageWidth - width * scale) / 2, y: (pageHeight - height * scale) / 2, scale };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The root <svg>'s width and height attributes, in pixels. */
export function svgSize(svg: string): { width: number; height: number } {
    const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
    const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
    const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
    if (!(width > 0 && height > 0)) throw new Error('the picture has no width and height');
    return { width, height };
}
