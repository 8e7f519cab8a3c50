import { URI } from 'langium';
import { JourneyWorkspace } from '../../language/workspace/journey-workspace.js';
import type { JourneyDocumentModel } from '../../language/model/journey-model.js';
import type { FileError } from './diff-model.js';

export interface RevisionFile { path: string; text: string }

export interface LoadedRevision {
    models: Map<string, JourneyDocumentModel>;
    errors: Map<string, FileError['errors']>;
}

/**
 * Loads every file of one revision as one workspace (so cross-file references resolve as they
 * did in that revision) and builds the plain model of each file that parses. Files with syntax
 * errors are kept aside with their errors: they are reported, not diffed.
 */
export async function loadRevision(files: readonly RevisionFile[], root = '/revision'): Promise<LoadedRevision> {
    const workspace = new JourneyWorkspace();
    const loaded = await workspace.load(files.map(file => ({ uri: URI.file(`${root}/${file.path}`), text: file.text })));
    const models = new Map<string, JourneyDocumentModel>();
    const errors = new Map<string, FileError['errors']>();
    loaded.forEach((entry, i) => {
        const path = files[i].path;
        const syntax = entry.diagnostics.filter(d => d.severity === 1 && (d.code === undefined || d.code === 'syntax-error'));
        if (syntax.length > 0 || entry.document.parseResult.lexerErrors.length > 0 || entry.document.parseResult.parserErrors.length > 0) {
            errors.set(path, syntax.map(d => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: String(d.message) })));
        } else {
            models.set(path, workspace.services.model.JourneyModelBuilder.build(entry.document));
        }
    });
    return { models, errors };
}
