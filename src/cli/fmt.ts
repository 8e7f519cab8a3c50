import { writeFile } from 'node:fs/promises';
import { JourneyFormatter } from '../../language/lsp/journey-formatter.js';
import { JourneyWorkspace } from '../../language/workspace/journey-workspace.js';
import { parseArgs } from './args.js';
import { formatText, sortDiagnostics, toFileDiagnostic } from './diagnostics-format.js';
import { readInputFiles, type InputFile } from './files.js';
import { displayPath } from '../text/terminal-text.js';
import type { CommandIO } from './main.js';
import { ExitCode, UsageError } from './usage-error.js';

import { fmtUsage } from './usages.js';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * `journeymap fmt`: rewrites each file in the canonical layout (docs/formatting.md) and prints the
 * files it changed; `--check` writes nothing and lists the files that are not formatted. A file
 * with syntax errors is reported and left untouched. Every file is read before any is written, so
 * an unreadable one (exit 2) stops the run with nothing changed.
 */
export async function fmt(argv: readonly string[], io: CommandIO): Promise<number> {
    const args = parseArgs(argv, { flags: ['--check'] });
    const checkOnly = args.options.has('--check');
    if (args.positional.length === 0) throw new UsageError(`no paths given. Usage: ${fmtUsage}`);
    // `a.journey` and `./a.journey` are one file: format it once.
    const files = (await readInputFiles(args.positional, line => io.err(line + '\n')))
        .filter((file, i, all) => all.findIndex(other => other.uri.toString() === file.uri.toString()) === i);
    const workspace = new JourneyWorkspace();
    const formatter = workspace.services.lsp.Formatter;
    if (!(formatter instanceof JourneyFormatter)) throw new Error('the journey formatter is not registered');
    const loaded = await workspace.load(files);
    let failed = false;
    let unformatted = 0;
    for (const [i, file] of files.entries()) {
        const { document, diagnostics } = loaded[i];
        const result = formatter.format(document);
        if (result.kind === 'syntax-error') {
            const syntaxErrors = sortDiagnostics(diagnostics.filter(d => d.code === 'syntax-error').map(d => toFileDiagnostic(file.path, d)));
            for (const error of syntaxErrors) io.err(formatText(error) + '\n');
            io.err(`${displayPath(file.path)}: not formatted: the file has syntax errors\n`);
            failed = true;
            continue;
        }
        if (result.kind === 'unsafe') {
            io.err(`${displayPath(file.path)}: not formatted: internal error, the layout would change the text (${result.reason})\n`);
            failed = true;
            continue;
        }
        if (result.text === file.text) continue;
        unformatted++;
        if (!checkOnly) await writeFormatted(file, result.text);
        io.out(displayPath(file.path) + '\n');
    }
    if (checkOnly && unformatted > 0) {
        io.err(`${unformatted} file${unformatted === 1 ? '' : 's'} not formatted; run: journeymap fmt ${args.positional.join(' ')}\n`);
    }
    return failed || (checkOnly && unformatted > 0) ? ExitCode.Failed : ExitCode.Ok;
}

/** Writes the text back, keeping a byte order mark the file had (reading dropped it). */
async function writeFormatted(file: InputFile, text: string): Promise<void> {
    try {
        await writeFile(file.path, Buffer.concat([file.bom ? UTF8_BOM : Buffer.alloc(0), Buffer.from(text, 'utf8')]));
    } catch (error) {
        throw new UsageError(`${displayPath(file.path)}: cannot write: ${(error as Error).message}`);
    }
}
