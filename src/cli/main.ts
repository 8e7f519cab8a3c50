import { checkUsage, diffUsage, exportUsage, fmtUsage, importUsage, renderUsage, reportUsage } from './usages.js';
import { ExitCode, UsageError } from './usage-error.js';

// This file is the whole start-up cost of `journeymap --version` and `--help`: it imports only
// the usage lines and the exit codes. Each command is loaded with `import()` once it is known to
// run, so Langium, d3, linkedom and the diff engine are parsed only by the commands that use them
// (esbuild.mjs bundles the CLI with code splitting; see the comment there).

declare const JOURNEYMAP_VERSION: string;

export interface CommandIO {
    out(text: string): void;
    err(text: string): void;
}

type Run = (argv: readonly string[], io: CommandIO) => Promise<number>;

interface Command {
    usage: string;
    summary: string;
    load(): Promise<Run>;
}

/** Every subcommand; each lives in its own file, loaded on demand. */
const commands: Record<string, Command> = {
    check: { usage: checkUsage, summary: 'report syntax errors and diagnostics', load: async () => (await import('./check.js')).check },
    diff: { usage: diffUsage, summary: 'semantic diff of journey maps: files, folders or git revisions (--git)', load: async () => (await import('./diff.js')).diff },
    export: { usage: exportUsage, summary: 'print the journey model as JSON, or a journey as a Mermaid diagram (--format mermaid)', load: async () => (await import('./export.js')).exportModel },
    fmt: { usage: fmtUsage, summary: 'format files in the canonical layout (--check: only list them)', load: async () => (await import('./fmt.js')).fmt },
    import: { usage: importUsage, summary: 'a .journey map from the first Mermaid journey diagram of a .mmd or Markdown file', load: async () => (await import('./import.js')).importMermaid },
    report: { usage: reportUsage, summary: 'insights of a workspace: pains ranked, opportunities, owners, KPIs off target, evidence', load: async () => (await import('./report.js')).report },
    render: { usage: renderUsage, summary: 'draw the swimlane picture of a journey as SVG, standalone HTML, PNG or PDF', load: async () => (await import('./render.js')).render },
};

function help(): string {
    const width = Math.max(...Object.keys(commands).map(name => name.length));
    return [
        'journeymap — customer journey maps as code',
        '',
        'Usage:',
        ...Object.values(commands).map(command => `  ${command.usage}`),
        '',
        'Commands:',
        ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
        '',
        'Options: --help, --version. Exit status: 0 ok, 1 problems found, 2 usage or I/O error.',
        '',
    ].join('\n');
}

export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        io.out(help());
        return name === undefined ? ExitCode.Usage : ExitCode.Ok;
    }
    if (name === '--version' || name === '-v') {
        io.out(`${typeof JOURNEYMAP_VERSION === 'string' ? JOURNEYMAP_VERSION : 'dev'}\n`);
        return ExitCode.Ok;
    }
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) {
        io.err(`journeymap: unknown command '${name}'\n\n${help()}`);
        return ExitCode.Usage;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
        io.out(`Usage: ${command.usage}\n`);
        return ExitCode.Ok;
    }
    try {
        const run = await command.load();
        return await run(rest, io);
    } catch (error) {
        if (error instanceof UsageError) {
            io.err(`journeymap ${name}: ${error.message}\n`);
            return ExitCode.Usage;
        }
        io.err(`journeymap ${name}: internal error: ${(error as Error).stack ?? error}\n`);
        return ExitCode.Usage;
    }
}

const stdoutIO: CommandIO = {
    out: text => { process.stdout.write(text); },
    err: text => { process.stderr.write(text); },
};

// Wait for stdout to drain before exiting, so large outputs piped to another process are complete.
process.exitCode = await main(process.argv.slice(2), stdoutIO);
