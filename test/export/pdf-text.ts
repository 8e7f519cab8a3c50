import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** What a reader sees in a PDF: its pages' sizes and each page's text, read with pdf.js. */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: Array<{ width: number; height: number; text: string }>; title: unknown }> {
    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
    try {
        const pages = [];
        for (let n = 1; n <= pdf.numPages; n++) {
            const page = await pdf.getPage(n);
            const [x0, y0, x1, y1] = page.view;
            const content = await page.getTextContent();
            // Items in drawing order; a wrapped title is two items: joined with a space, as it reads.
            const text = content.items.map(item => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
            pages.push({ width: x1 - x0, height: y1 - y0, text });
        }
        const { info } = await pdf.getMetadata();
        return { pages, title: (info as { Title?: unknown }).Title };
    } finally {
        await pdf.destroy();
    }
}
