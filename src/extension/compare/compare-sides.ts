/**
 * Reads one side of a comparison and has the language server build its model: a file as it is
 * in the editor, a file at a git revision or in the index (git run with argument arrays, the
 * revision's other `.journey` files sent along so references resolve as they did then), or any
 * other readable resource (a side of a diff editor). No vscode import: the editor's documents
 * come in through `openText`, so the tests drive this with a real server and real git. No Node
 * import either: git comes in through `GitRevisions` (compare-node-git.ts on the desktop), and
 * where there is no shell (the web, docs/web.md) it is absent and a git side is refused.
 */
import { URI } from 'vscode-uri';
import type { TextModelResult, TextSource } from '../../../language/protocol.js';
import type { Git } from '../../diff/git-revisions.js';
import type { RevisionFile } from '../../diff/load-revision.js';
import type { CompareSideSpec } from '../../../webview/compare-messages.js';
import type { ModelSource } from '../preview/model-source.js';
import type { CompareSideContent } from './compare-model.js';

export interface SideReader {
    models: ModelSource;
    /** The text of a document, as the editor has it (unsaved edits included). */
    openText(uri: string): Promise<string>;
    /** Absent where no process can be started (the web extension host). */
    git?: GitRevisions;
}

/** Git by revision name: how it is run, and a revision's `.journey` files (for cross-file references). */
export interface GitRevisions {
    run: Git;
    files(root: string, ref: string): Promise<RevisionFile[]>;
}

/** The message for a git side where there is no git. */
export const NO_GIT = 'Comparing with a git revision needs git, which is not available here (vscode.dev, github.dev: see docs/web.md).';

/** The folder part and the name of a file system path, either separator (no node:path in the web build). */
function splitPath(fsPath: string): { dir: string; name: string } {
    const at = Math.max(fsPath.lastIndexOf('/'), fsPath.lastIndexOf('\\'));
    return at < 0 ? { dir: '.', name: fsPath } : { dir: fsPath.slice(0, at) || fsPath.slice(0, at + 1), name: fsPath.slice(at + 1) };
}

/** A file of a repository (path '/'-separated, from the top) as a file URI. */
function repositoryFile(root: string, path: string): URI {
    return URI.file(`${root.replace(/[\\/]+$/, '')}/${path}`);
}

/** A file's repository and its path in it ('/'-separated, from the top). */
export async function gitLocation(git: Git, fsPath: string): Promise<{ root: string; path: string }> {
    const { dir, name } = splitPath(fsPath);
    let root: string;
    try {
        root = (await git(['rev-parse', '--show-toplevel'], dir)).trim();
    } catch {
        throw new CompareError(`${name} is not in a git repository.`);
    }
    const prefix = (await git(['rev-parse', '--show-prefix'], dir)).trim();
    return { root, path: prefix + name };
}

/** A failure to tell the user as it is (the view shows it in its banner). */
export class CompareError extends Error { }

/** `fsPath` at `ref` ('' = the index): its repository, path, and text (undefined when not there). */
export async function gitFile(git: Git, fsPath: string, ref: string): Promise<{ root: string; path: string; text?: string }> {
    const { root, path } = await gitLocation(git, fsPath);
    await verifyRevision(git, root, ref);
    const text = await git(['show', '--end-of-options', `${ref}:${path}`], root).catch(() => undefined);
    return { root, path, ...(text !== undefined ? { text } : {}) };
}

export async function verifyRevision(git: Git, root: string, ref: string): Promise<void> {
    if (ref === '') return;
    try {
        await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root);
    } catch {
        throw new CompareError(`"${ref}" is not a revision of this repository.`);
    }
}

export async function readSide(spec: CompareSideSpec, label: string, reader: SideReader): Promise<CompareSideContent> {
    switch (spec.kind) {
        case 'file': {
            // The server has the file's model when the editor has it open; else build it from its text.
            const known = await reader.models.request(spec.uri);
            if (known.model && known.syntaxErrors === 0) return { label, errors: [], model: known.model };
            // Mid-typing: keep comparing the last text that parsed, as the preview keeps its last picture.
            if (known.model) {
                const n = known.syntaxErrors;
                return { label, errors: [], model: known.model, notice: `${label}: ${n} syntax error${n === 1 ? '' : 's'}, comparing the last valid version.` };
            }
            let text: string;
            try {
                text = await reader.openText(spec.uri);
            } catch {
                return { label, errors: [] }; // gone: everything in the other version was removed
            }
            return content(label, await reader.models.requestText({ uri: spec.uri, text }));
        }
        case 'resource': {
            const text = await reader.openText(spec.uri);
            return content(label, await reader.models.requestText({ uri: spec.location, text }));
        }
        case 'git': {
            if (!reader.git) throw new CompareError(NO_GIT);
            const { root, path, text } = await gitFile(reader.git.run, URI.parse(spec.uri).fsPath, spec.ref);
            if (text === undefined) return { label, errors: [] };
            const files = await reader.git.files(root, spec.ref);
            const context: TextSource[] = files.map(file => ({ uri: repositoryFile(root, file.path).toString(), text: file.text }));
            const uri = repositoryFile(root, path).toString();
            return content(label, await reader.models.requestText({ uri, text, context }));
        }
    }
}

function content(label: string, result: TextModelResult): CompareSideContent {
    return {
        label,
        errors: result.syntaxErrors.map(e => `line ${e.line}, column ${e.column}: ${e.message}`),
        ...(result.model ? { model: result.model } : {}),
    };
}
