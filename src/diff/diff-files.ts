import type { JourneyDocumentModel } from '../../language/model/journey-model.js';
import { diffDocumentChanges } from './diff-engine.js';
import { DIFF_SCHEMA_VERSION, summarize, type FileError, type JourneyChange, type JourneyDiff } from './diff-model.js';
import type { LoadedRevision } from './load-revision.js';

export interface FilePair { path: string; oldPath?: string; status: 'added' | 'deleted' | 'modified' | 'renamed' }

/** Diffs the given file pairs of two loaded revisions into one report, files in path order. */
export function diffRevisions(oldRev: LoadedRevision, newRev: LoadedRevision, pairs: readonly FilePair[]): JourneyDiff {
    const changes: JourneyChange[] = [];
    const errors: FileError[] = [];
    for (const pair of [...pairs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        const oldPath = pair.oldPath ?? pair.path;
        const oldErrors = pair.status === 'added' ? undefined : oldRev.errors.get(oldPath);
        const newErrors = pair.status === 'deleted' ? undefined : newRev.errors.get(pair.path);
        if (oldErrors) errors.push({ file: oldPath, side: 'old', errors: oldErrors });
        if (newErrors) errors.push({ file: pair.path, side: 'new', errors: newErrors });
        if (oldErrors || newErrors) continue;
        const oldModel: JourneyDocumentModel | undefined = pair.status === 'added' ? undefined : oldRev.models.get(oldPath);
        const newModel: JourneyDocumentModel | undefined = pair.status === 'deleted' ? undefined : newRev.models.get(pair.path);
        for (const change of diffDocumentChanges(oldModel, newModel)) changes.push({ file: pair.path, ...change });
    }
    const diff: JourneyDiff = { schemaVersion: DIFF_SCHEMA_VERSION, summary: summarize(changes), changes };
    diff.files = pairs.map(p => ({ ...p }));
    if (errors.length > 0) diff.errors = errors;
    return diff;
}
