/**
 * Reads one side of a comparison and has the language server build its model: a file as it is
 * in the editor, a file at a git revision or in the index (git run with argument arrays, the
 * revision's other `.journey` files sent along so references resolve as they did then), or any
 * other readable resource (a side of a diff editor). No vscode import: the editor's documents
 * come in through `openText`, so the tests drive this with a real server and real git.
 */
import { basename, dirname, join } from 'node:path';
import { URI } from 'vscode-uri';
import type { TextModelResult, TextSource } from '../../../language/protocol.js';
import { revisionFiles, type Git } from '../../diff/git-revisions.js';
import type { CompareSideSpec } from '../../../webview/compare-messages.js';
import type { ModelSource } from '../preview/model-source.js';
import type { CompareSideContent } from './compare-model.js';

export interface SideReader {
    models: ModelSource;
    /** The text of a document, as the editor has it (unsaved edits included). */
    openText(uri: string): Promise<string>;
    git: Git;
}

/** A file's repository and its path in it ('/'-separated, from the top). */
export async function gitLocation(git: Git, fsPath: string): Promise<{ root: string; path: string }> {
    const dir = dirname(fsPath);
    let root: string;
    try {
        root = (await git(['rev-parse', '--show-toplevel'], dir)).trim();
    } catch {
        throw new CompareError(`${basename(fsPath)} is not in a git repository.`);
    }
    const prefix = (await git(['rev-parse', '--show-prefix'], dir)).trim();
    return { root, path: prefix + basename(fsPath) };
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
            const { root, path, text } = await gitFile(reader.git, URI.parse(spec.uri).fsPath, spec.ref);
            if (text === undefined) return { label, errors: [] };
            const files = await revisionFiles(root, spec.ref, reader.git);
            const context: TextSource[] = files.map(file => ({ uri: URI.file(join(root, file.path)).toString(), text: file.text }));
            const uri = URI.file(join(root, path)).toString();
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
