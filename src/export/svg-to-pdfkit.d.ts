// svg-to-pdfkit ships no types: the part of its API src/export/pdf.ts uses.
declare module 'svg-to-pdfkit' {
    interface SvgToPdfOptions {
        width?: number;
        height?: number;
        preserveAspectRatio?: string;
        /** Read the SVG's units as points instead of pixels (1px = 0.75pt). */
        assumePt?: boolean;
        fontCallback?: (family: string, bold: boolean, italic: boolean, options: { fauxItalic: boolean; fauxBold: boolean }) => string;
        warningCallback?: (warning: string) => void;
    }
    function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x?: number, y?: number, options?: SvgToPdfOptions): void;
    export default SVGtoPDF;
}
