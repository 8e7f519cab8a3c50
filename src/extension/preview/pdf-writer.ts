/**
 * How the preview turns its flattened SVG into a PDF. On the desktop the extension host runs the
 * command line's own writer (src/export/pdf.ts) from its bundle, dist/export-pdf.cjs; in the
 * browser (docs/web.md) there is no writer: pdfkit needs Node's file system for its fonts.
 */
import type { PageName } from '../../export/pdf-page.js';

export interface PdfOptions {
    page: PageName;
    background: string;
    title: string;
}

export type PdfWriter = (svg: string, options: PdfOptions) => Promise<Uint8Array>;
