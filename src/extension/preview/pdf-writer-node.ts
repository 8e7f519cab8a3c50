/**
 * The desktop's PDF writer: dist/export-pdf.cjs, a bundle of its own (esbuild.mjs), loaded on the
 * first PDF export so that pdfkit costs nothing until then, with the fonts the extension ships.
 */
import { pathToFileURL } from 'node:url';
import type * as vscode from 'vscode';
import type { PdfWriter } from './pdf-writer.js';

type PdfModule = typeof import('../../export/pdf.js');

export function nodePdfWriter(api: Pick<typeof vscode, 'Uri'>, extensionUri: vscode.Uri): PdfWriter {
    let module: Promise<PdfModule> | undefined;
    const load = async (): Promise<PdfModule> => {
        const bundle = api.Uri.joinPath(extensionUri, 'dist', 'export-pdf.cjs').fsPath;
        // A CommonJS bundle imported: its exports are named ones, and `default` too.
        const loaded = await import(pathToFileURL(bundle).href) as Partial<PdfModule> & { default: PdfModule };
        return loaded.svgToPdf ? loaded as PdfModule : loaded.default;
    };
    return async (svg, options) => {
        module ??= load();
        const { svgToPdf } = await module;
        return svgToPdf(svg, { ...options, fontsDir: api.Uri.joinPath(extensionUri, 'fonts').fsPath });
    };
}
