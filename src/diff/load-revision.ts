import { URI, type LangiumDocument } from 'langium';
import type { Document } from '../../language/generated/ast.js';
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
 *
 * `only` (paths): build the models of these files alone. Every file is still parsed and linked,
 * since the others declare what these refer to, but a diff of 20 changed files in a workspace of
 * 2,000 builds 20 models, not 2,000.
 *
 * Only the built-in validation runs (lexer, parser, linker): a diff reports syntax errors, not
 * the language's checks, and the workspace-wide ones (duplicate ids, unused declarations) cost
 * more than parsing on a big workspace.
 */
export async function loadRevision(files: readonly RevisionFile[], root = '/revision', only?: ReadonlySet<string>): Promise<LoadedRevision> {
    const workspace = new JourneyWorkspace();
    const factory = workspace.shared.workspace.LangiumDocumentFactory;
    const documents = workspace.shared.workspace.LangiumDocuments;
    const loaded: LangiumDocument<Document>[] = files.map(file => {
        const document = factory.fromString<Document>(file.text, URI.file(`${root}/${file.path}`));
        documents.addDocument(document);
        return document;
    });
    await workspace.shared.workspace.DocumentBuilder.build(loaded, { validation: { categories: ['built-in'] } });
    const models = new Map<string, JourneyDocumentModel>();
    const errors = new Map<string, FileError['errors']>();
    loaded.forEach((document, i) => {
        const path = files[i].path;
        const syntax = (document.diagnostics ?? []).filter(d => d.severity === 1 && (d.code === undefined || d.code === 'syntax-error'));
        if (syntax.length > 0 || document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0) {
            errors.set(path, syntax.map(d => ({ line: d.range.start.line + 1, column: d.range.start.character + 1, message: String(d.message) })));
        } else if (!only || only.has(path)) {
            models.set(path, workspace.services.model.JourneyModelBuilder.build(document));
        }
    });
    return { models, errors };
}
