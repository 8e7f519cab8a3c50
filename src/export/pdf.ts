/**
 * SVG → PDF with pdfkit and svg-to-pdfkit: one page, the picture as vector paths and real text
 * (selectable, searchable) in the bundled fonts, embedded as subsets. No time stamps and no
 * random file id: the same map gives the same bytes on every run.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { withBundledFallback } from './font-runs.js';
import { FALLBACK_FAMILY, fontPaths } from './fonts.js';

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
/** Instead of the current time: a PDF's dates go into its file id, and the bytes must repeat. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export interface PdfOptions {
    page: PageName;
    /** The picture's background colour: the whole page is painted with it (no white border round a dark map). */
    background: string;
    /** The document title (the journey's). */
    title: string;
    fontsDir: string;
}

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

/** The registered name of each bundled font in the document. */
const FONT = { regular: 'jm-regular', bold: 'jm-bold', italic: 'jm-italic', boldItalic: 'jm-bold-italic', fallback: 'jm-fallback', fallbackBold: 'jm-fallback-bold' } as const;

/** A page of `svg` (text with presentation attributes, as inline-style.ts makes it) as PDF bytes. */
export function svgToPdf(svg: string, options: PdfOptions): Promise<Uint8Array> {
    const fonts = fontPaths(options.fontsDir);
    const { width, height } = svgSize(svg);
    const placement = placeOnPage(width, height, options.page);
    const info = { Title: options.title, Creator: 'Journeymap', Producer: 'Journeymap (PDFKit)', CreationDate: FIXED_DATE, ModDate: FIXED_DATE };
    // `font: null`: no default font, so pdfkit never loads its standard Helvetica (a file beside
    // its own module, which a bundle does not have) nor embeds a font nobody uses.
    const doc = new PDFDocument({ size: [placement.width, placement.height], margin: 0, info, font: null as unknown as string, displayTitle: true });
    for (const role of Object.keys(FONT) as Array<keyof typeof FONT>) doc.registerFont(FONT[role], fonts[role]);
    const chunks: Uint8Array[] = [];
    const done = new Promise<Uint8Array>((resolve, reject) => {
        doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);
    });
    const drawn = withBundledFallback(svg, options.fontsDir);
    doc.rect(0, 0, placement.width, placement.height).fill(options.background);
    // The picture in its own pixels, placed and scaled here (svg-to-pdfkit's own px→pt step is off).
    doc.save().translate(placement.x, placement.y).scale(placement.scale);
    SVGtoPDF(doc, drawn, 0, 0, {
        width, height, assumePt: true,
        fontCallback: (family, bold, italic, fontOptions) => {
            if (family.includes(FALLBACK_FAMILY)) {
                // DejaVu Sans comes in regular and bold only: italic is slanted by svg-to-pdfkit.
                fontOptions.fauxItalic = italic;
                return bold ? FONT.fallbackBold : FONT.fallback;
            }
            return bold ? (italic ? FONT.boldItalic : FONT.bold) : italic ? FONT.italic : FONT.regular;
        },
        warningCallback: () => undefined,
    });
    doc.restore();
    doc.end();
    return done;
}
