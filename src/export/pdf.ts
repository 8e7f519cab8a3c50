/**
 * SVG → PDF with pdfkit and svg-to-pdfkit: one page, the picture as vector paths and real text
 * (selectable, searchable) in the bundled fonts, embedded as subsets. No time stamps and no
 * random file id: the same map gives the same bytes on every run.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { withBundledFallback } from './font-runs.js';
import { FALLBACK_FAMILY, fontPaths } from './fonts.js';
import { placeOnPage, svgSize, type PageName } from './pdf-page.js';

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
