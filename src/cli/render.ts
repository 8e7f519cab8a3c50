import { writeFile } from 'node:fs/promises';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { flatMapSvg } from '../../webview/render/flat-svg.js';
import { EXPORT_THEMES, PALETTES } from '../../webview/render/map-style.js';
import { mapSvg } from '../../webview/render/svg-markup.js';
import { findFontsDir, MissingFontsError } from '../export/fonts.js';
import { DEFAULT_PAGE, PAGE_NAMES, type PageName } from '../export/pdf-page.js';
import { DEFAULT_PNG_SCALE, MAX_PNG_PIXELS, MAX_PNG_SCALE, pngScale, PngUnavailableError, svgToPng } from '../export/png.js';
import { displayPath, terminalText } from '../text/terminal-text.js';
import { oneOf, parseArgs } from './args.js';
import { formatText, toFileDiagnostic } from './diagnostics-format.js';
import type { CommandIO } from './main.js';
import { standaloneHtml } from './render-html.js';
import { ExitCode, UsageError } from './usage-error.js';
import { loadFileInWorkspace } from './workspace-of.js';

import { renderUsage } from './usages.js';

type Format = 'svg' | 'html' | 'png' | 'pdf';

/**
 * `journeymap render`: the swimlane picture of one journey, drawn by the preview's own layout and
 * renderer (its string backend: no DOM). SVG to stdout or to `-o x.svg`; `-o x.html` writes one
 * self-contained page with pan, zoom and tooltips that loads nothing from the network; `-o x.png`
 * and `-o x.pdf` draw the same picture with the bundled fonts (src/export/).
 */
export async function render(argv: readonly string[], io: CommandIO): Promise<number> {
    const args = parseArgs(argv, { valued: ['--output', '--journey', '--theme', '--workspace', '--scale', '--page'], aliases: { '-o': '--output' } });
    const theme = oneOf('--theme', args.options.get('--theme'), EXPORT_THEMES, 'light');
    if (args.positional.length !== 1) throw new UsageError(`give exactly one file. Usage: ${renderUsage}`);
    const output = args.options.get('--output');
    const format: Format = typeof output === 'string' ? formatOf(output) : 'svg';
    const scale = scaleOption(args.options.get('--scale'), format);
    const page = pageOption(args.options.get('--page'), format);
    // Before the maps are read: a broken installation says so at once.
    const fontsDir = format === 'png' || format === 'pdf' ? fontsDirOrFail() : undefined;
    const workspaceDir = args.options.get('--workspace');
    // Files of the workspace that cannot be read are skipped with a warning, as `export` does.
    const { file, model, syntaxErrors } = await loadModel(args.positional[0], typeof workspaceDir === 'string' ? workspaceDir : undefined, line => io.err(line + '\n'));
    if (!model) {
        for (const d of syntaxErrors) io.err(formatText(toFileDiagnostic(file.path, d)) + '\n');
        io.err(`${displayPath(file.path)}: not rendered: the file has syntax errors\n`);
        return ExitCode.Failed;
    }
    const wanted = args.options.get('--journey');
    const journey = typeof wanted === 'string' ? model.journeys.find(j => j.id === wanted) : model.journeys[0];
    if (!journey) {
        const ids = model.journeys.map(j => j.id);
        if (typeof wanted === 'string') throw new UsageError(`no journey '${terminalText(wanted)}' in ${terminalText(file.path)}${ids.length ? ` (it has: ${terminalText(ids.join(', '))})` : ''}`);
        io.err(`${displayPath(file.path)}: not rendered: the file has no journey\n`);
        return ExitCode.Failed;
    }
    if (typeof wanted !== 'string' && model.journeys.length > 1) {
        io.err(`${displayPath(file.path)}: rendered journey '${terminalText(journey.id)}'; the file also has ${terminalText(model.journeys.slice(1).map(j => `'${j.id}'`).join(', '))} (choose with --journey ID)\n`);
    }
    const layout = layoutJourney(journey);
    let content: string | Uint8Array;
    if (format === 'png' || format === 'pdf') {
        const flat = flatMapSvg(layout, { palette: theme });
        if (format === 'png') {
            const used = pngScale(layout.width, layout.height, scale);
            if (used < scale) io.err(`${displayPath(file.path)}: warning: drawn at --scale ${used} instead of ${scale}: the PNG would have more than ${MAX_PNG_PIXELS / 1e6} million pixels\n`);
            try {
                content = await svgToPng(flat, { scale: used, fontsDir: fontsDir! });
            } catch (error) {
                if (error instanceof PngUnavailableError) throw new UsageError(terminalText(error.message));
                throw error;
            }
        } else {
            // pdfkit is a chunk of its own (twice the rest of the CLI): loaded only for a PDF.
            const { svgToPdf } = await import('../export/pdf.js');
            content = await svgToPdf(flat, { page, background: PALETTES[theme].bg, title: journey.title, fontsDir: fontsDir! });
        }
    } else {
        content = format === 'html' ? standaloneHtml(journey, theme, layout) : `<?xml version="1.0" encoding="UTF-8"?>\n${mapSvg(layout, { palette: theme })}\n`;
    }
    if (typeof output !== 'string') {
        io.out(content as string);
        return ExitCode.Ok;
    }
    try {
        await writeFile(output, content);
    } catch (error) {
        throw new UsageError(`${terminalText(output)}: ${terminalText((error as Error).message)}`);
    }
    return ExitCode.Ok;
}

/** `--scale N`: PNG only, a number above 0 and at most 8; default 2. */
function scaleOption(value: string | true | undefined, format: Format): number {
    if (value === undefined) return DEFAULT_PNG_SCALE;
    if (format !== 'png') throw new UsageError(`--scale applies to PNG output only (-o map.png)`);
    const scale = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (!(scale > 0 && scale <= MAX_PNG_SCALE)) {
        throw new UsageError(`--scale must be a number above 0 and at most ${MAX_PNG_SCALE}, like 1, 1.5 or 2 (got '${terminalText(String(value))}')`);
    }
    return scale;
}

/** `--page a3|a4|letter|fit`: PDF only; default a3. */
function pageOption(value: string | true | undefined, format: Format): PageName {
    if (value !== undefined && format !== 'pdf') throw new UsageError(`--page applies to PDF output only (-o map.pdf)`);
    return oneOf('--page', value === undefined ? undefined : typeof value === 'string' ? value.toLowerCase() : value, PAGE_NAMES, DEFAULT_PAGE);
}

function fontsDirOrFail(): string {
    try {
        return findFontsDir(import.meta.url);
    } catch (error) {
        if (error instanceof MissingFontsError) throw new UsageError(error.message);
        throw error;
    }
}

/**
 * The plain model of the file, or its syntax errors. Its own function so the Langium workspace
 * (the documents, their syntax trees and indexes: most of the memory) is garbage before the
 * picture is drawn.
 */
async function loadModel(path: string, workspaceDir: string | undefined, skipped: (line: string) => void) {
    const { file, loaded, workspace } = await loadFileInWorkspace(path, workspaceDir, skipped);
    const syntaxErrors = loaded.diagnostics.filter(d => d.code === 'syntax-error');
    const model = syntaxErrors.length > 0 ? undefined : workspace.services.model.JourneyModelBuilder.build(loaded.document);
    return { file, model, syntaxErrors };
}

function formatOf(path: string): Format {
    const lower = path.toLowerCase();
    if (lower.endsWith('.svg')) return 'svg';
    if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
    if (lower.endsWith('.png')) return 'png';
    if (lower.endsWith('.pdf')) return 'pdf';
    throw new UsageError(`-o must name a .svg, .html, .png or .pdf file (got '${terminalText(path)}')`);
}
