/**
 * What one layout of a journey leaves for the next: each step's card drafts, keyed by the step's
 * column key. Typing changes a step or two between two layouts; the others' drafts come back with
 * their measured widths, wrapped text and placed cards, so an update re-makes only what changed
 * and allocates little (its garbage, not its arithmetic, was what made some updates miss a frame).
 *
 * A memo never changes what a layout is: a layout with one is deep-equal to one without (tested).
 * Between two layouts it holds the steps of the last one only.
 */
import type { Range, StepModel } from '../../language/model/journey-model.js';
import type { CardDraft } from './card-draft.js';
import type { CardKind } from './layout-types.js';

interface StepEntry {
    step: StepModel;
    column: number;
    tone: number;
    drafts: CardDraft[];
}

export type StepDraftMaker = (step: StepModel, column: number, keyId: string, tone: number) => CardDraft[];

export class LayoutMemo {
    private previous = new Map<string, StepEntry>();
    private current = new Map<string, StepEntry>();
    private previousOthers = new Map<string, CardDraft>();
    private currentOthers = new Map<string, CardDraft>();

    /** Starts a layout: what the last one kept is what this one may reuse. */
    begin(): void {
        this.previous = this.current;
        this.previousOthers = this.currentOthers;
        this.current = new Map();
        this.currentOthers = new Map();
    }

    /** Ends a layout: lets go of the one before (and of its model). */
    end(): void {
        this.previous = new Map();
        this.previousOthers = new Map();
    }

    /**
     * For drafts made afresh every layout (the header's, the stages'): takes the last layout's
     * measured width and wrapped text of the draft with the same key when its content is the same.
     */
    adoptCaches(drafts: readonly CardDraft[]): void {
        for (let i = 0; i < drafts.length; i++) {
            const d = drafts[i];
            const before = this.previousOthers.get(d.key);
            if (before && likeness(before.blocks, d.blocks) === 'same') {
                if (before.want !== undefined) d.want = before.want;
                if (before.wrapped) d.wrapped = before.wrapped;
            }
            this.currentOthers.set(d.key, d);
        }
    }

    /** The drafts of a step: the last layout's when the step is the same but for where its text sits, otherwise `make`'s. */
    stepDrafts(step: StepModel, column: number, keyId: string, tone: number, make: StepDraftMaker): CardDraft[] {
        const before = this.previous.get(keyId);
        let drafts: CardDraft[] | undefined;
        if (before && before.tone === tone) {
            const like = likeness(before.step, step);
            if (like === 'same' && before.column === column) drafts = before.drafts;
            else if (like !== 'changed') {
                drafts = before.drafts.map(d => ({ ...d, column, range: like === 'same' ? d.range : itemRange(step, d.kind, d.index ?? 0) }));
            }
        }
        drafts ??= make(step, column, keyId, tone);
        this.current.set(keyId, { step, column, tone, drafts });
        return drafts;
    }
}

/** The step's lists each card kind is made from. */
const ITEM_LISTS = {
    physical: 'physical', channel: 'channels', touchpoint: 'touchpoints', thinks: 'thinks', feels: 'feels', says: 'says',
    onstage: 'onstage', offstage: 'offstage', support: 'support', pain: 'pains', opportunity: 'opportunities', metric: 'metrics',
} as const satisfies Partial<Record<CardKind, keyof StepModel>>;

/** The range of the `n`th item of a step a card of `kind` is made from (the step's own for its card). */
export function itemRange(step: StepModel, kind: CardKind, n: number): Range {
    if (kind === 'step') return step.range;
    if (kind === 'wait') return step.wait!.range;
    const list = step[ITEM_LISTS[kind as keyof typeof ITEM_LISTS]] as Array<{ range: Range }> | undefined;
    return list![n].range;
}

/** How two model values compare: equal; equal but for their ranges (lines added or removed above); or different. */
export type Likeness = 'same' | 'moved' | 'changed';

export function likeness(a: unknown, b: unknown): Likeness {
    const state = { moved: false };
    return alike(a, b, false, state) ? (state.moved ? 'moved' : 'same') : 'changed';
}

/** Deep equality of plain values without allocating; a difference under a range only marks `moved`. */
function alike(a: unknown, b: unknown, positional: boolean, state: { moved: boolean }): boolean {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
        if (!positional) return false;
        state.moved = true;
        return true;
    }
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
        const list = b as unknown[];
        if (a.length !== list.length) return false;
        for (let i = 0; i < a.length; i++) if (!alike(a[i], list[i], positional, state)) return false;
        return true;
    }
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    let count = 0;
    for (const key in x) {
        count++;
        if (!(key in y)) return false;
        if (!alike(x[key], y[key], positional || key === 'range' || key.endsWith('Range'), state)) return false;
    }
    for (const _ in y) count--;
    return count === 0;
}
