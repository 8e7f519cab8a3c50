import { relative } from 'node:path';
import { diffRevisions, type FilePair } from '../diff/diff-files.js';
import type { JourneyDiff } from '../diff/diff-model.js';
import { formatHtml } from '../diff/format-html.js';
import { formatMarkdown } from '../diff/format-markdown.js';
import { formatText } from '../diff/format-text.js';
import { portfolioLine } from '../diff/portfolio-change.js';
import { changedJourneyFiles, GitError, pathspecs, repositoryRoot, revisionFiles } from '../diff/git-revisions.js';
import { loadRevision, type LoadedRevision, type RevisionFile } from '../diff/load-revision.js';
import { oneOf, parseArgs } from './args.js';
import { expandPaths, readInputFile, statPath, type SkipReporter } from './files.js';
import { safeJson } from '../text/json-text.js';
import { displayPath, terminalText } from '../text/terminal-text.js';
import type { CommandIO } from './main.js';
import { ExitCode, UsageError } from './usage-error.js';

import { diffUsage } from './usages.js';

/**
 * `journeymap diff` (docs/diff.md): the semantic diff of two files, two directories, or the
 * `.journey` files that differ between two git revisions (or a revision and the working tree).
 */
export async function diff(argv: readonly string[], io: CommandIO): Promise<number> {
    const args = parseArgs(argv, { valued: ['--format', '--link-base', '--old-link-base'], flags: ['--git', '--exit-code'] });
    const isTty = process.stdout.isTTY === true;
    const format = oneOf('--format', args.options.get('--format'), ['markdown', 'json', 'text', 'html'] as const, isTty ? 'text' : 'markdown');
    const linkBase = args.options.get('--link-base');
    const oldLinkBase = args.options.get('--old-link-base');
    let compared: Compared;
    try {
        compared = args.options.has('--git') ? await diffGit(args.positional, args.rest) : await diffPaths(args.positional, args.rest, line => io.err(line + '\n'));
    } catch (error) {
        if (error instanceof GitError) throw new UsageError(error.message);
        throw error;
    }
    const result = compared.result;
    for (const error of result.errors ?? []) {
        for (const e of error.errors) io.err(`${displayPath(error.file)}:${e.line}:${e.column} - error syntax-error: ${terminalText(e.message)} (${error.side} version)\n`);
        io.err(`${displayPath(error.file)}: not compared: the ${error.side} version has syntax errors\n`);
    }
    if (format === 'json') io.out(safeJson(result) + '\n');
    else if (format === 'markdown') io.out(formatMarkdown(result, {
        linkBase: typeof linkBase === 'string' ? linkBase : undefined,
        oldLinkBase: typeof oldLinkBase === 'string' ? oldLinkBase : undefined,
        portfolio: portfolioLine(compared.oldRev, compared.newRev, compared.pairs),
        documents: file => {
            const pair = compared.pairs.find(p => p.path === file);
            return pair ? { before: compared.oldRev.models.get(pair.oldPath ?? pair.path), after: compared.newRev.models.get(pair.path) } : {};
        },
    }));
    else if (format === 'html') io.out(formatHtml(result, compared.oldRev, compared.newRev, compared.pairs));
    else io.out(formatText(result, isTty));
    const s = result.summary;
    const anything = s.added + s.removed + s.changed + s.moved + s.renamed > 0;
    return args.options.has('--exit-code') && anything ? ExitCode.Failed : ExitCode.Ok;
}

interface Compared { result: JourneyDiff; oldRev: LoadedRevision; newRev: LoadedRevision; pairs: FilePair[] }

async function diffGit(positional: readonly string[], paths: readonly string[]): Promise<Compared> {
    if (positional.length < 1 || positional.length > 2) throw new UsageError(`--git takes BASE and optionally HEAD. Usage: ${diffUsage}`);
    const [base, head] = positional;
    const cwd = process.cwd();
    const root = await repositoryRoot(cwd);
    const pairs = await changedJourneyFiles(root, base, head, pathspecs(root, cwd, paths));
    const [oldFiles, newFiles] = await Promise.all([revisionFiles(root, base), revisionFiles(root, head)]);
    return compare(oldFiles, newFiles, pairs);
}

/**
 * Loads each side as one workspace, one after the other (the first side's workspace is garbage
 * before the second is parsed, which halves the memory of a big diff and the collector's work),
 * building the models of the files that changed only, then diffs them.
 */
async function compare(oldFiles: readonly RevisionFile[], newFiles: readonly RevisionFile[], pairs: FilePair[]): Promise<Compared> {
    const oldRev = await loadRevision(oldFiles, undefined, new Set(pairs.filter(p => p.status !== 'added').map(p => p.oldPath ?? p.path)));
    const newRev = await loadRevision(newFiles, undefined, new Set(pairs.filter(p => p.status !== 'deleted').map(p => p.path)));
    return { result: diffRevisions(oldRev, newRev, pairs), oldRev, newRev, pairs };
}

/** Two files, or two directories whose files match by relative path. */
async function diffPaths(positional: readonly string[], rest: readonly string[], skipped: SkipReporter): Promise<Compared> {
    if (positional.length !== 2 || rest.length > 0) throw new UsageError(`give OLD and NEW. Usage: ${diffUsage}`);
    const [oldPath, newPath] = positional;
    const kinds = await Promise.all(positional.map(async path => (await statPath(path)).isDirectory()));
    if (kinds[0] !== kinds[1]) throw new UsageError('OLD and NEW must both be files or both be directories');
    if (!kinds[0]) {
        const [a, b] = await Promise.all([readInputFile(oldPath), readInputFile(newPath)]);
        const name = relative(process.cwd(), newPath).replace(/\\/g, '/');
        return compare([{ path: name, text: a.text }], [{ path: name, text: b.text }], [{ path: name, status: 'modified' }]);
    }
    const read = async (dir: string): Promise<RevisionFile[]> => Promise.all((await expandPaths([dir], skipped)).map(async path => ({
        path: relative(dir, path).replace(/\\/g, '/'), text: (await readInputFile(path)).text,
    })));
    const [oldFiles, newFiles] = await Promise.all([read(oldPath), read(newPath)]);
    const oldText = new Map(oldFiles.map(f => [f.path, f.text]));
    const newText = new Map(newFiles.map(f => [f.path, f.text]));
    const pairs: FilePair[] = [];
    for (const path of new Set([...oldText.keys(), ...newText.keys()])) {
        const before = oldText.get(path);
        const after = newText.get(path);
        if (before === after) continue;
        pairs.push({ path, status: before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified' });
    }
    return compare(oldFiles, newFiles, pairs);
}
