import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { firstMermaidJourney } from '../mermaid/find-mermaid-diagram.js';
import { journeyFromMermaid } from '../mermaid/journey-from-mermaid.js';
import { MermaidSyntaxError, parseMermaidJourney } from '../mermaid/parse-mermaid-journey.js';
import { displayPath, terminalText } from '../text/terminal-text.js';
import { parseArgs } from './args.js';
import { readInputFile } from './files.js';
import type { CommandIO } from './main.js';
import { ExitCode, UsageError } from './usage-error.js';

import { importUsage } from './usages.js';

const MARKDOWN = /\.(md|markdown|mdown|mkd|mdx)$/i;

/**
 * `journeymap import` (docs/mermaid.md): the first Mermaid `journey` diagram of a `.mmd` file (the
 * whole file) or of a Markdown file (its first ```` ```mermaid ```` fence that is a journey) as a
 * `.journey` map, on stdout or into `-o FILE`. A diagram Mermaid would not parse is one line,
 * `file:line: reason`, and exit status 2.
 */
export async function importMermaid(argv: readonly string[], io: CommandIO): Promise<number> {
    const args = parseArgs(argv, { valued: ['--output'], aliases: { '-o': '--output' } });
    if (args.positional.length !== 1) throw new UsageError(`give exactly one file. Usage: ${importUsage}`);
    const file = await readInputFile(args.positional[0]);
    const found = MARKDOWN.test(file.path) ? firstMermaidJourney(file.text) : { text: file.text, firstLine: 1 };
    if (!found) {
        io.err(`${displayPath(file.path)}: no Mermaid journey diagram (a \`\`\`mermaid fence whose diagram starts with 'journey')\n`);
        return ExitCode.Usage;
    }
    let text: string;
    try {
        text = journeyFromMermaid(parseMermaidJourney(found.text, found.firstLine), basename(file.path, extname(file.path)));
    } catch (error) {
        if (!(error instanceof MermaidSyntaxError)) throw error;
        io.err(`${displayPath(file.path)}:${error.line}: ${terminalText(error.message)}\n`);
        return ExitCode.Usage;
    }
    const output = args.options.get('--output');
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
