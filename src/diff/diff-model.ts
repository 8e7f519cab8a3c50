/** The semantic diff's output (docs/diff.md, JSON schema version 1). Plain data, no langium/vscode. */

export const DIFF_SCHEMA_VERSION = 1;

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved' | 'renamed';
export type ChangeElement = 'journey' | 'stage' | 'step' | 'persona' | 'channel' | 'team' | 'opportunity';

export interface ChangedPair { from: string; to: string }

/**
 * The attributes of one list member as written (schema 2): a pain's severity, an action's team and
 * fail point, a thought's source, an opportunity's id, owner, impact, effort, status and links, a
 * metric's value, baseline and target, an evidence's links. Absent ones are left out.
 */
export type MemberAttributes = Record<string, string | string[]>;

/** Where an opportunity is: `journey`, `stage:<id>` or `step:<id>`. */
export type HolderKey = string;

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
    /** Metric name on a `metrics` value/baseline/target change. */
    metric?: string;
    /**
     * On a change of one member's attribute (`field` is the attribute: `severity`, `team`, `fail`,
     * `from`, `links`): the list the member is in (`pains`, `offstage`, …) and its text.
     */
    member?: string;
    item?: string;
    /** Title of the stage the change is in (`{from, to}` on a move across stages). */
    stageTitle?: string | { from: string; to: string };
    /** Opportunity changes at a step: the step's id and title. */
    step?: string;
    stepTitle?: string;
    /** A moved opportunity: its old and new place (`journey`, `stage:<id>`, `step:<id>`) and their titles. */
    holder?: { from: HolderKey; to: HolderKey };
    holderTitle?: { from: string; to: string };
    /** Which of `title`, `stageTitle`, `stepTitle`, `holderTitle` another stage or step of the journey shares: formats add the id. */
    ambiguous?: string[];
    from?: unknown;
    to?: unknown;
    added?: string[];
    removed?: string[];
    changed?: ChangedPair[];
    /** The attributes of the `added` and `removed` members, index for index; present when any has some. */
    attributes?: { added?: MemberAttributes[]; removed?: MemberAttributes[] };
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

/**
 * The counts of the headline. A change of a list carries members: each added member counts one
 * added, each removed one removed, each edited one changed, so "0 added" never heads an added pain.
 */
export function summarize(changes: readonly JourneyChange[]): DiffSummary {
    const summary: DiffSummary = { added: 0, removed: 0, changed: 0, moved: 0, renamed: 0, emotion: { better: 0, worse: 0 } };
    for (const change of changes) {
        if (change.kind === 'changed' && (change.added || change.removed)) {
            summary.added += change.added?.length ?? 0;
            summary.removed += change.removed?.length ?? 0;
            summary.changed += change.changed?.length ?? 0;
            continue;
        }
        summary[change.kind]++;
        if (change.direction) summary.emotion[change.direction]++;
    }
    return summary;
}
