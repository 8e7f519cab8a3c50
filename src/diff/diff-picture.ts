/**
 * From a journey's changes to the marks a picture of it carries (element key → change, the keys
 * of webview/render/render-map.ts). Pure and plain, so the CLI's html diff and the editor's
 * compare view draw the same picture.
 */
import type { JourneyModel, StageModel } from '../../language/model/journey-model.js';
import type { ChangeKind } from '../../webview/layout/layout-types.js';
import type { JourneyChange } from './diff-model.js';
import { markMembers, markOldMembers } from './diff-picture-members.js';

export interface DiffPicture {
    /** The journey to draw: the new one with removed steps and stages back where they stood. */
    journey?: JourneyModel;
    marks: Map<string, ChangeKind>;
}

/**
 * The kind a change list shows for a change: a list record whose members were all added (a pain
 * added) reads as added, all removed as removed; anything else as its own kind.
 */
export function listedKind(change: JourneyChange): JourneyChange['kind'] {
    if (change.kind !== 'changed' || change.changed?.length) return change.kind;
    if (change.added?.length && !change.removed?.length) return 'added';
    if (change.removed?.length && !change.added?.length) return 'removed';
    return change.kind;
}

/** The element of the new picture a change is about (`step:<id>`, `stage:<id>`), or '' for none. */
export function changeTarget(change: JourneyChange): string {
    if (change.element === 'stage') return `stage:${change.kind === 'renamed' ? change.to : change.id}`;
    if (change.element === 'step') return `step:${change.kind === 'renamed' ? change.to : change.id}`;
    return opportunityHolder(change);
}

/** An opportunity's change is about the step or stage that holds it. */
function opportunityHolder(change: JourneyChange): string {
    if (change.element !== 'opportunity') return '';
    if (change.step !== undefined) return `step:${change.step}`;
    return typeof change.stage === 'string' ? `stage:${change.stage}` : '';
}

/** The same element in the old picture: renamed elements by their old id. */
export function changeTargetOld(change: JourneyChange): string {
    if (change.element === 'opportunity') return change.kind === 'moved' ? (change.holder?.from ?? '').replace(/^journey$/, '') : opportunityHolder(change);
    if (change.element !== 'stage' && change.element !== 'step') return '';
    return `${change.element}:${change.kind === 'renamed' ? change.from : change.id}`;
}

/** The new journey with removed steps/stages put back as ghosts, and the marks by card key. */
export function newPicture(before: JourneyModel | undefined, after: JourneyModel | undefined, changes: readonly JourneyChange[]): DiffPicture {
    if (!after) return { journey: before, marks: allMarked(before, 'removed') };
    if (!before) return { journey: after, marks: allMarked(after, 'added') };
    const marks = new Map<string, ChangeKind>();
    const stages: StageModel[] = after.stages.map(stage => ({ ...stage, steps: [...stage.steps] }));
    for (const change of changes) {
        if (change.kind === 'removed' && change.element === 'stage') {
            const old = before.stages.find(s => s.id === change.id);
            if (old) {
                const at = before.stages.indexOf(old);
                stages.splice(Math.min(at, stages.length), 0, { ...old, steps: [] });
                marks.set(`stage:${old.id}`, 'removed');
            }
        }
    }
    for (const change of changes) {
        const id = change.kind === 'renamed' ? String(change.to) : change.id;
        if (change.element === 'step') {
            if (change.kind === 'removed') {
                const oldStage = before.stages.find(s => s.id === change.stage);
                const step = oldStage?.steps.find(s => s.id === change.id);
                const stage = stages.find(s => s.id === change.stage);
                if (step && stage && oldStage) {
                    stage.steps.splice(Math.min(oldStage.steps.indexOf(step), stage.steps.length), 0, step);
                    marks.set(`step:${step.id}`, 'removed');
                }
            } else if (id) {
                mark(marks, `step:${id}`, change.kind === 'renamed' ? 'changed' : change.kind);
                if (change.field === 'emotion') marks.set(`emotion:${id}`, 'changed');
            }
        } else if (change.element === 'stage' && change.kind !== 'removed' && id) {
            marks.set(`stage:${id}`, change.kind === 'renamed' ? 'changed' : change.kind);
        }
    }
    const journey: JourneyModel = { ...after, stages, ...oldCurve(before, after) };
    markMembers(before, journey, changes, marks);
    markHeader(after, changes, marks);
    return { journey, marks };
}

/**
 * The old emotion curve, drawn dashed under the new one, where the emotions or the steps changed:
 * the layout draws a journey's `asIs` that way, points matched by step id. In a diff picture it is
 * the old version (labelled so), in place of the as-is journey a to-be map would show.
 */
function oldCurve(before: JourneyModel, after: JourneyModel): Pick<JourneyModel, 'asIs'> {
    const curve = (j: JourneyModel) => j.stages.flatMap(s => s.steps.map(st => `${st.id}\0${st.emotion ?? ''}`)).join('\n');
    if (curve(before) === curve(after)) return {};
    return {
        asIs: {
            id: before.id, title: before.title, labels: { before: 'before', after: 'after' },
            steps: before.stages.flatMap(s => s.steps.map(st => ({ id: st.id, title: st.title, stage: s.id, ...(st.emotion !== undefined ? { emotion: st.emotion } : {}) }))),
        },
    };
}

/** Marks on the old journey as it was: what went away, what changed or moved (by old ids). */
export function oldPicture(before: JourneyModel | undefined, after: JourneyModel | undefined, changes: readonly JourneyChange[]): DiffPicture {
    if (!before) return { marks: new Map() };
    if (!after) return { journey: before, marks: allMarked(before, 'removed') };
    const marks = new Map<string, ChangeKind>();
    for (const change of changes) {
        if (change.element !== 'step' && change.element !== 'stage') continue;
        if (change.kind === 'added') continue;
        const key = changeTargetOld(change);
        mark(marks, key, change.kind === 'renamed' ? 'changed' : change.kind);
        if (change.element === 'step' && change.field === 'emotion') marks.set(`emotion:${key.slice('step:'.length)}`, 'changed');
    }
    markOldMembers(before, changes, marks);
    markHeader(before, changes, marks);
    return { journey: before, marks };
}

/**
 * The header's persona and scenario cards: changed when the journey's persona, scenario or
 * objectives changed, or the persona's own declaration did (its goals, needs, quote…).
 */
function markHeader(journey: JourneyModel, changes: readonly JourneyChange[], marks: Map<string, ChangeKind>): void {
    for (const change of changes) {
        if (change.element === 'journey' && (change.field === 'scenario' || change.field === 'objectives')) marks.set('scenario:@journey', 'changed');
        const persona = journey.persona?.id;
        if (persona === undefined) continue;
        if ((change.element === 'journey' && change.field === 'persona') || (change.element === 'persona' && change.id === persona)) marks.set(`persona:${persona}`, 'changed');
    }
}

/** A step both moved and edited shows as moved: the stronger news. */
function mark(marks: Map<string, ChangeKind>, key: string, kind: ChangeKind): void {
    if (!marks.has(key) || kind === 'added' || kind === 'moved' || kind === 'removed') marks.set(key, kind);
}

function allMarked(journey: JourneyModel | undefined, kind: ChangeKind): Map<string, ChangeKind> {
    return new Map(journey?.stages.flatMap(s => [[`stage:${s.id}`, kind] as [string, ChangeKind], ...s.steps.map(st => [`step:${st.id}`, kind] as [string, ChangeKind])]));
}
