import { oneOf, parseArgs } from './args.js';
import { formatText, toFileDiagnostic } from './diagnostics-format.js';
import type { CommandIO } from './main.js';
import { safeJson } from '../text/json-text.js';
import { displayPath } from '../text/terminal-text.js';
import { ExitCode, UsageError } from './usage-error.js';
import { loadFileInWorkspace } from './workspace-of.js';

import { exportUsage } from './usages.js';

/**
 * `journeymap export`: the plain journey model (docs/model.md). A file with syntax errors has no
 * model: the errors go to stderr and the exit status is 1. Other errors are reported on stderr
 * and the model is still printed.
 */
export async function exportModel(argv: readonly string[], io: CommandIO): Promise<number> {
    const args = parseArgs(argv, { valued: ['--format', '--workspace'] });
    oneOf('--format', args.options.get('--format'), ['json'] as const, 'json');
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
    io.out(safeJson(model) + '\n');
    return ExitCode.Ok;
}
