import { execFile } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { FilePair } from './diff-files.js';
import type { RevisionFile } from './load-revision.js';

/** Raised when git fails: the CLI turns it into exit status 2. */
export class GitError extends Error { }

/** How git is run: arguments as an array, in a folder, stdout back. */
export type Git = (args: readonly string[], cwd: string) => Promise<string>;

/** Runs git with an argument array (never a shell string), in `cwd`. */
export function git(args: readonly string[], cwd: string): Promise<string> {
    return new Promise((resolvePromise, reject) => {
        execFile('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (error) reject(new GitError(`git ${args.join(' ')}: ${(stderr || error.message).trim()}`));
            else resolvePromise(stdout);
        });
    });
}

export async function repositoryRoot(cwd: string): Promise<string> {
    return (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
}

/** Paths given on the command line, relative to the cwd, as pathspecs from the repository root. */
export function pathspecs(root: string, cwd: string, paths: readonly string[]): string[] {
    return paths.map(path => relative(root, resolve(cwd, path)).replace(/\\/g, '/') || '.');
}

/**
 * `.journey` files that differ between `base` and `head` (undefined: the working tree), renames
 * followed (`-M`), limited to `specs`.
 */
export async function changedJourneyFiles(root: string, base: string, head: string | undefined, specs: readonly string[]): Promise<FilePair[]> {
    // `--end-of-options`: revisions from the command line are never read as git options.
    const args = ['diff', '--name-status', '-z', '-M', '--no-color', '--end-of-options', base, ...(head ? [head] : []), '--', ...(specs.length ? specs : ['.'])];
    const fields = (await git(args, root)).split('\0').filter(field => field !== '');
    const pairs: FilePair[] = [];
    for (let i = 0; i < fields.length;) {
        const status = fields[i++];
        if (status.startsWith('R') || status.startsWith('C')) {
            const oldPath = fields[i++];
            const path = fields[i++];
            if (path.endsWith('.journey') || oldPath.endsWith('.journey')) {
                if (status.startsWith('C')) pairs.push({ path, status: 'added' });
                else if (!oldPath.endsWith('.journey')) pairs.push({ path, status: 'added' });
                else if (!path.endsWith('.journey')) pairs.push({ path: oldPath, status: 'deleted' });
                else pairs.push({ path, oldPath, status: 'renamed' });
            }
            continue;
        }
        const path = fields[i++];
        if (!path.endsWith('.journey')) continue;
        pairs.push({ path, status: status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified' });
    }
    if (!head) {
        // Untracked new files are part of the working tree too.
        const untracked = (await git(['ls-files', '-z', '--others', '--exclude-standard', '--', ...(specs.length ? specs : ['.'])], root))
            .split('\0').filter(path => path.endsWith('.journey'));
        for (const path of untracked) pairs.push({ path, status: 'added' });
    }
    return pairs;
}

/** Every `.journey` file of a revision ('' the index, undefined the working tree), for scoping. */
export async function revisionFiles(root: string, revision: string | undefined, run: Git = git): Promise<RevisionFile[]> {
    if (revision !== undefined) {
        // `--end-of-options`: a revision given by the user is never read as an option.
        const list = revision === '' ? ['ls-files', '-z', '--cached'] : ['ls-tree', '-r', '-z', '--name-only', '--end-of-options', revision];
        const paths = (await run(list, root)).split('\0').filter(p => p.endsWith('.journey'));
        return Promise.all(paths.map(async path => ({ path, text: await run(['show', '--end-of-options', `${revision}:${path}`], root) })));
    }
    const paths = (await run(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root)).split('\0').filter(p => p.endsWith('.journey'));
    const files: RevisionFile[] = [];
    for (const path of paths) {
        try {
            files.push({ path, text: (await readFile(resolve(root, path), 'utf8')).replace(/^\uFEFF/, '') });
        } catch {
            // Deleted in the working tree but still in the index: absent from this revision.
        }
    }
    return files;
}
