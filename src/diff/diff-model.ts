/** The semantic diff's output (docs/diff.md, JSON schema version 1). Plain data, no langium/vscode. */

export const DIFF_SCHEMA_VERSION = 1;

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved' | 'renamed';
export type ChangeElement = 'journey' | 'stage' | 'step' | 'persona' | 'channel' | 'team';

export interface ChangedPair { from: string; to: string }

export interface JourneyChange {
    kind: ChangeKind;
    element: ChangeElement;
    /** The journey the element belongs to (absent for top-level declarations). */
    journey?: string;
    id?: string;
    /** Stage of a step (string), or `{from, to}` on a move across stages. */
    stage?: string | { from: string; to: string };
    title?: string;
    field?: string;
    /** Metric name on a `metrics` value/target change. */
    metric?: string;
    from?: unknown;
    to?: unknown;
    added?: string[];
    removed?: string[];
    changed?: ChangedPair[];
    index?: { from: number; to: number };
    /** Emotion changes only. */
    direction?: 'better' | 'worse';
    /** 1-based lines in the old and new file. */
    line?: { from?: number; to?: number };
    /** The file (relative path) when several files are compared. */
    file?: string;
}

export interface DiffSummary {
    added: number;
    removed: number;
    changed: number;
    moved: number;
    renamed: number;
    emotion: { better: number; worse: number };
}

export interface FileError { file: string; side: 'old' | 'new'; errors: { line: number; column: number; message: string }[] }

export interface JourneyDiff {
    schemaVersion: typeof DIFF_SCHEMA_VERSION;
    summary: DiffSummary;
    changes: JourneyChange[];
    /** Files that did not parse on one side: reported, not diffed. */
    errors?: FileError[];
    /** Files compared (relative paths), with their status. */
    files?: { path: string; oldPath?: string; status: 'added' | 'deleted' | 'modified' | 'renamed' }[];
}

export function summarize(changes: readonly JourneyChange[]): DiffSummary {
    const summary: DiffSummary = { added: 0, removed: 0, changed: 0, moved: 0, renamed: 0, emotion: { better: 0, worse: 0 } };
    for (const change of changes) {
        summary[change.kind]++;
        if (change.direction) summary.emotion[change.direction]++;
    }
    return summary;
}
