import { execFile, spawn } from 'node:child_process';
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

/**
 * Every `.journey` file of a revision ('' the index, undefined the working tree), for scoping.
 * With the default `git`, a revision's files are read by one `git cat-file --batch` (a process
 * per file took minutes on a repository of thousands of maps); another runner (one that cannot
 * feed stdin) reads them with one `git show` each.
 */
export async function revisionFiles(root: string, revision: string | undefined, run: Git = git): Promise<RevisionFile[]> {
    if (revision !== undefined) {
        if (run === git) return revisionBlobs(root, revision);
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

/** The `.journey` blobs of a revision ('' the index): their ids from one listing, their text from one `cat-file --batch`. */
async function revisionBlobs(root: string, revision: string): Promise<RevisionFile[]> {
    // Entries are `<mode> SP <type> SP <id> TAB <path>` (ls-tree) or `<mode> SP <id> SP <stage> TAB <path>` (ls-files -s).
    const list = revision === '' ? ['ls-files', '-z', '--cached', '--stage'] : ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', revision];
    const entries: Array<{ path: string; id: string }> = [];
    for (const entry of (await git(list, root)).split('\0')) {
        const tab = entry.indexOf('\t');
        if (tab < 0) continue;
        const path = entry.slice(tab + 1);
        const [mode, second, third] = entry.slice(0, tab).split(' ');
        if (!path.endsWith('.journey') || mode === '160000') continue; // a submodule is not a file
        if (revision === '') {
            if (third === '0') entries.push({ path, id: second }); // stages 1-3: an unresolved conflict, no file yet
        } else if (second === 'blob') {
            entries.push({ path, id: third });
        }
    }
    if (entries.length === 0) return [];
    const blobs = await catFileBatch(root, entries.map(entry => entry.id));
    return entries.map((entry, i) => ({ path: entry.path, text: blobs[i].toString('utf8') }));
}

/**
 * The contents of the objects `ids`, in order, from one `git cat-file --batch` (ids on stdin, so
 * nothing the user typed is ever an argument). Its output is binary-safe: `<id> <type> <size>\n`,
 * then exactly `size` bytes and a newline, per object.
 */
export function catFileBatch(root: string, ids: readonly string[]): Promise<Buffer[]> {
    return new Promise((resolvePromise, reject) => {
        const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks: Buffer[] = [];
        const errors: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
        child.on('error', error => reject(new GitError(`git cat-file --batch: ${error.message}`)));
        child.stdin.on('error', () => { /* git ended early: reported by 'close' */ });
        child.on('close', code => {
            if (code !== 0) {
                reject(new GitError(`git cat-file --batch: ${Buffer.concat(errors).toString('utf8').trim() || `exit ${code}`}`));
                return;
            }
            const output = Buffer.concat(chunks);
            const blobs: Buffer[] = [];
            let at = 0;
            for (const id of ids) {
                const newline = output.indexOf(0x0a, at);
                const header = output.toString('utf8', at, newline < 0 ? output.length : newline).split(' ');
                if (newline < 0 || header.length !== 3 || header[0] !== id) {
                    reject(new GitError(`git cat-file --batch: cannot read object ${id} (${header.join(' ')})`));
                    return;
                }
                const size = Number(header[2]);
                blobs.push(output.subarray(newline + 1, newline + 1 + size));
                at = newline + 1 + size + 1;
            }
            resolvePromise(blobs);
        });
        child.stdin.end(ids.map(id => `${id}\n`).join(''));
    });
}
