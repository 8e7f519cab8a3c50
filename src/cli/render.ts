import { writeFile } from 'node:fs/promises';
import { journeyMapSvg } from '../../webview/render/svg-markup.js';
import { displayPath, terminalText } from '../text/terminal-text.js';
import { oneOf, parseArgs } from './args.js';
import { formatText, toFileDiagnostic } from './diagnostics-format.js';
import type { CommandIO } from './main.js';
import { standaloneHtml } from './render-html.js';
import { ExitCode, UsageError } from './usage-error.js';
import { loadFileInWorkspace } from './workspace-of.js';

import { renderUsage } from './usages.js';

/**
 * `journeymap render`: the swimlane picture of one journey, drawn by the preview's own layout and
 * renderer (its string backend: no DOM). SVG to stdout or to `-o x.svg`; `-o x.html` writes one
 * self-contained page with pan, zoom and tooltips that loads nothing from the network.
 */
export async function render(argv: readonly string[], io: CommandIO): Promise<number> {
    const args = parseArgs(argv, { valued: ['--output', '--journey', '--theme', '--workspace'], aliases: { '-o': '--output' } });
    const theme = oneOf('--theme', args.options.get('--theme'), ['light', 'dark'] as const, 'light');
    if (args.positional.length !== 1) throw new UsageError(`give exactly one file. Usage: ${renderUsage}`);
    const output = args.options.get('--output');
    const format = typeof output === 'string' ? formatOf(output) : 'svg';
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
    const text = format === 'html' ? standaloneHtml(journey, theme) : `<?xml version="1.0" encoding="UTF-8"?>\n${journeyMapSvg(journey, { palette: theme })}\n`;
    if (typeof output !== 'string') {
        io.out(text);
        return ExitCode.Ok;
    }
    try {
        await writeFile(output, text, 'utf8');
    } catch (error) {
        throw new UsageError(`${terminalText(output)}: ${terminalText((error as Error).message)}`);
    }
    return ExitCode.Ok;
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

function formatOf(path: string): 'svg' | 'html' {
    const lower = path.toLowerCase();
    if (lower.endsWith('.svg')) return 'svg';
    if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
    throw new UsageError(`-o must name a .svg or .html file (got '${terminalText(path)}')`);
}
