import { oneOf, parseArgs } from './args.js';
import { formatText, toFileDiagnostic } from './diagnostics-format.js';
import type { CommandIO } from './main.js';
import { mermaidFence, toMermaidJourney } from '../mermaid/to-mermaid.js';
import { safeJson } from '../text/json-text.js';
import { displayPath, terminalText } from '../text/terminal-text.js';
import { ExitCode, UsageError } from './usage-error.js';
import { loadFileInWorkspace } from './workspace-of.js';

import { exportUsage } from './usages.js';

/**
 * `journeymap export`: the plain journey model (docs/model.md), or with `--format mermaid` one
 * journey as a Mermaid `journey` diagram (docs/mermaid.md). A file with syntax errors has no
 * model: the errors go to stderr and the exit status is 1. Other errors are reported on stderr
 * and the model is still printed.
 */
export async function exportModel(argv: readonly string[], io: CommandIO): Promise<number> {
    const args = parseArgs(argv, { valued: ['--format', '--workspace', '--journey'], flags: ['--fence'] });
    const format = oneOf('--format', args.options.get('--format'), ['json', 'mermaid'] as const, 'json');
    if (format !== 'mermaid' && (args.options.has('--journey') || args.options.has('--fence'))) {
        throw new UsageError(`--journey and --fence go with --format mermaid. Usage: ${exportUsage}`);
    }
    if (args.positional.length !== 1) throw new UsageError(`give exactly one file. Usage: ${exportUsage}`);
    const workspaceDir = args.options.get('--workspace');
    const { file, loaded, workspace } = await loadFileInWorkspace(args.positional[0], typeof workspaceDir === 'string' ? workspaceDir : undefined,
        line => io.err(line + '\n'));
    const errors = loaded.diagnostics.filter(d => d.severity === 1).map(d => toFileDiagnostic(file.path, d));
    for (const error of errors) io.err(formatText(error) + '\n');
    if (errors.some(e => e.code === 'syntax-error')) {
        io.err(`${displayPath(file.path)}: not exported: the file has syntax errors\n`);
        return ExitCode.Failed;
    }
    const model = workspace.services.model.JourneyModelBuilder.build(loaded.document);
    if (format === 'json') {
        io.out(safeJson(model) + '\n');
        return ExitCode.Ok;
    }
    const wanted = args.options.get('--journey');
    const journey = typeof wanted === 'string' ? model.journeys.find(j => j.id === wanted) : model.journeys[0];
    if (!journey) {
        const ids = model.journeys.map(j => j.id);
        if (typeof wanted === 'string') throw new UsageError(`no journey '${terminalText(wanted)}' in ${terminalText(file.path)}${ids.length ? ` (it has: ${terminalText(ids.join(', '))})` : ''}`);
        io.err(`${displayPath(file.path)}: not exported: the file has no journey\n`);
        return ExitCode.Failed;
    }
    if (typeof wanted !== 'string' && model.journeys.length > 1) {
        io.err(`${displayPath(file.path)}: exported journey '${terminalText(journey.id)}'; the file also has ${terminalText(model.journeys.slice(1).map(j => `'${j.id}'`).join(', '))} (choose with --journey ID)\n`);
    }
    const diagram = toMermaidJourney(journey);
    io.out(args.options.has('--fence') ? mermaidFence(diagram) : diagram);
    return ExitCode.Ok;
}
