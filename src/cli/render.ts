import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { flatMapSvg } from '../../webview/render/flat-svg.js';
import { EXPORT_THEMES, PALETTES, type ExportTheme } from '../../webview/render/map-style.js';
import { mapSvg } from '../../webview/render/svg-markup.js';
import { findFontsDir, MissingFontsError } from '../export/fonts.js';
import { DEFAULT_PAGE, PAGE_NAMES, type PageName } from '../export/pdf-page.js';
import { DEFAULT_PNG_SCALE, MAX_PNG_PIXELS, MAX_PNG_SCALE, pngScale, PngUnavailableError, svgToPng } from '../export/png.js';
import { xmlSafe } from '../../webview/render/svg-tree.js';
import { displayPath, terminalText } from '../text/terminal-text.js';
import { oneOf, parseArgs } from './args.js';
import { formatText, toFileDiagnostic } from './diagnostics-format.js';
import type { CommandIO } from './main.js';
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
        // A page gets a fresh nonce for its script and styles (the picture's own <style> included).
        const nonce = format === 'html' ? randomBytes(16).toString('base64') : undefined;
        const svg = mapSvg(layout, { palette: theme, ...(nonce ? { styleNonce: nonce } : {}) });
        content = nonce ? standaloneHtml(svg, journey.title, theme, nonce) : `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
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

function escapeHtml(text: string): string {
    return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The pan/zoom script, built next to the CLI bundle (dist/webview/standalone.js). */
function standaloneScript(): string {
    const candidates = [new URL('./webview/standalone.js', import.meta.url), new URL('../../dist/webview/standalone.js', import.meta.url)];
    const found = candidates.find(url => existsSync(fileURLToPath(url)));
    if (!found) throw new Error('dist/webview/standalone.js is missing: run `npm run build`');
    // Inline in a <script>: a literal "</script" inside would end it early.
    return readFileSync(fileURLToPath(found), 'utf8').replace(/<\/(script)/gi, '<\\/$1').replace(/\/\/# sourceMappingURL=.*$/m, '');
}

function standaloneHtml(svg: string, title: string, theme: ExportTheme, nonce: string): string {
    const palette = PALETTES[theme];
    // No network at all: the policy forbids every fetch; style and script are inline, by nonce.
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Journeymap</title>
<style nonce="${nonce}">
html,body{margin:0;height:100%;overflow:hidden;background:${palette.bg};color:${palette.fg};font-family:Arial,'Liberation Sans',Helvetica,sans-serif;}
#jm-canvas-host{position:fixed;inset:0;}
.jm-canvas{display:block;cursor:grab;}
#jm-fit{position:fixed;top:8px;right:8px;z-index:1;padding:4px 10px;}
</style>
</head>
<body>
<button id="jm-fit" type="button">Fit width</button>
<div id="jm-canvas-host">${svg}</div>
<script nonce="${nonce}">${standaloneScript()}</script>
</body>
</html>
`;
}
