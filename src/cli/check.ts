import { JourneyWorkspace } from '../../language/workspace/journey-workspace.js';
import { oneOf, parseArgs } from './args.js';
import { formatGithub, formatText, sortDiagnostics, toFileDiagnostic } from './diagnostics-format.js';
import { readInputFiles } from './files.js';
import { safeJson } from '../text/json-text.js';
import type { CommandIO } from './main.js';
import { ExitCode, UsageError } from './usage-error.js';

import { checkUsage } from './usages.js';

/** `journeymap check`: the files given form one workspace; exit 1 when any has an error. */
export async function check(argv: readonly string[], io: CommandIO): Promise<number> {
    const args = parseArgs(argv, { valued: ['--format'] });
    const format = oneOf('--format', args.options.get('--format'), ['text', 'json', 'github'] as const, 'text');
    if (args.positional.length === 0) throw new UsageError(`no paths given. Usage: ${checkUsage}`);
    const files = await readInputFiles(args.positional, line => io.err(line + '\n'));
    const loaded = await new JourneyWorkspace().load(files);
    const diagnostics = sortDiagnostics(loaded.flatMap((result, i) => result.diagnostics.map(d => toFileDiagnostic(files[i].path, d))));
    const errors = diagnostics.filter(d => d.severity === 'error').length;
    switch (format) {
        case 'json':
            io.out(safeJson(diagnostics) + '\n');
            break;
        case 'github':
            for (const d of diagnostics) {
                const line = formatGithub(d);
                if (line) io.out(line + '\n');
            }
            break;
        case 'text': {
            const shown = diagnostics.filter(d => d.severity !== 'hint');
            for (const d of shown) io.out(formatText(d) + '\n');
            const count = (severity: string) => diagnostics.filter(d => d.severity === severity).length;
            io.err(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ` +
                `${count('warning')} warning${count('warning') === 1 ? '' : 's'}, ${count('info')} info\n`);
            break;
        }
    }
    return errors > 0 ? ExitCode.Failed : ExitCode.Ok;
}
