import type {
    ChannelModel, JourneyDocumentModel, JourneyModel, PersonaModel, Range, StageModel, StepModel, TeamModel,
} from '../../language/model/journey-model.js';
import { DIFF_SCHEMA_VERSION, summarize, type JourneyChange, type JourneyDiff } from './diff-model.js';
import {
    diffList, diffMetrics, diffOpportunities, diffTexts, EVIDENCE, FEELS, LINKS, matchOpportunityIds, NOTES, OFFSTAGE, ONSTAGE, PAINS,
    PHYSICAL, SAYS, SUPPORT, THINKS, TOUCHPOINTS, type HolderBase, type OpportunityIds, type PlacedOpportunity,
} from './diff-members.js';
import { nameChanges } from './diff-names.js';

export { diffTexts } from './diff-members.js';

/**
 * The semantic diff of two versions of a journey file (docs/diff.md). Pure: plain models in,
 * plain changes out, so the CLI, the extension and the bench share it. Either side may be absent
 * (file added or deleted).
 */
export function diffDocuments(oldDoc: JourneyDocumentModel | undefined, newDoc: JourneyDocumentModel | undefined): JourneyDiff {
    const changes = diffDocumentChanges(oldDoc, newDoc);
    return { schemaVersion: DIFF_SCHEMA_VERSION, summary: summarize(changes), changes };
}

export function diffDocumentChanges(oldDoc: JourneyDocumentModel | undefined, newDoc: JourneyDocumentModel | undefined): JourneyChange[] {
    const out: JourneyChange[] = [];
    diffDeclarations('persona', oldDoc?.personas ?? [], newDoc?.personas ?? [], undefined, out);
    diffDeclarations('channel', oldDoc?.channels ?? [], newDoc?.channels ?? [], undefined, out);
    diffDeclarations('team', oldDoc?.teams ?? [], newDoc?.teams ?? [], undefined, out);
    const journeys = matchById(oldDoc?.journeys ?? [], newDoc?.journeys ?? [], (a, b) => a.title === b.title || journeyLikeness(a, b) >= 0.5);
    for (const entry of journeys) {
        if (!entry.old) {
            out.push({ kind: 'added', element: 'journey', journey: entry.new!.id, id: entry.new!.id, title: entry.new!.title, line: { to: line(entry.new!.range) } });
        } else if (!entry.new) {
            out.push({ kind: 'removed', element: 'journey', journey: entry.old.id, id: entry.old.id, title: entry.old.title, line: { from: line(entry.old.range) } });
        } else {
            diffJourney(entry.old, entry.new, out);
        }
    }
    return out;
}

interface Pair<T> { old?: T; new?: T; renamed?: boolean }

/**
 * Matches by id, then pairs leftover removed/added elements that `alike` calls one element
 * renamed. Result in the new order, with removed elements placed after the element that came
 * before them in the old order ("where they stood").
 */
function matchById<T extends { id: string }>(olds: readonly T[], news: readonly T[], alike: (a: T, b: T) => boolean): Pair<T>[] {
    const partnerOfOld = pairById(olds, news, item => item.id);
    const matchedNew = new Set(partnerOfOld.values());
    const unmatchedNew = news.filter(item => !matchedNew.has(item));
    const renamed = new Set<T>();
    for (const item of olds) {
        if (partnerOfOld.has(item)) continue;
        const candidate = unmatchedNew.find(n => !renamed.has(n) && alike(item, n));
        if (candidate) {
            partnerOfOld.set(item, candidate);
            renamed.add(candidate);
        }
    }
    const oldOfNew = new Map<T, T>();
    for (const [o, n] of partnerOfOld) oldOfNew.set(n, o);
    const result: Pair<T>[] = [];
    const removedAfter = new Map<T | undefined, T[]>();
    let previous: T | undefined;
    for (const item of olds) {
        const partner = partnerOfOld.get(item);
        if (partner) {
            previous = partner;
        } else {
            const list = removedAfter.get(previous) ?? [];
            list.push(item);
            removedAfter.set(previous, list);
        }
    }
    for (const item of removedAfter.get(undefined) ?? []) result.push({ old: item });
    for (const item of news) {
        const old = oldOfNew.get(item);
        result.push({ old, new: item, renamed: old !== undefined && old.id !== item.id });
        for (const removed of removedAfter.get(item) ?? []) result.push({ old: removed });
    }
    return result;
}

/**
 * Old → new element with the same id. A repeated id (a `duplicate-id` error, which does not stop
 * the diff) pairs in order, the n-th old with the n-th new, so a file compared with itself has
 * no change.
 */
function pairById<T>(olds: readonly T[], news: readonly T[], id: (item: T) => string): Map<T, T> {
    const newById = new Map<string, T[]>();
    for (const item of news) newById.set(id(item), [...(newById.get(id(item)) ?? []), item]);
    const partner = new Map<T, T>();
    for (const item of olds) {
        const match = newById.get(id(item))?.shift();
        if (match) partner.set(item, match);
    }
    return partner;
}

function line(range: Range): number {
    return range.start.line + 1;
}

function lines(a: { range: Range }, b: { range: Range }): { from: number; to: number } {
    return { from: line(a.range), to: line(b.range) };
}

type Declaration = PersonaModel | ChannelModel | TeamModel;

function diffDeclarations(element: 'persona' | 'channel' | 'team', olds: readonly Declaration[], news: readonly Declaration[], journey: string | undefined, out: JourneyChange[]): void {
    const pairs = matchById(olds, news, (a, b) => a.title === b.title && !readableDefault(a));
    for (const pair of pairs) {
        const base = { element, ...(journey ? { journey } : {}) } as const;
        if (!pair.old) {
            out.push({ kind: 'added', ...base, id: pair.new!.id, title: pair.new!.title, line: { to: line(pair.new!.range) } });
            continue;
        }
        if (!pair.new) {
            out.push({ kind: 'removed', ...base, id: pair.old.id, title: pair.old.title, line: { from: line(pair.old.range) } });
            continue;
        }
        if (pair.renamed) out.push({ kind: 'renamed', ...base, from: pair.old.id, to: pair.new.id, line: lines(pair.old, pair.new) });
        const id = pair.new.id;
        const field = (name: string, from: unknown, to: unknown) => singleField(out, { ...base, id }, name, from, to, lines(pair.old!, pair.new!));
        field('title', pair.old.title, pair.new.title);
        if (element === 'persona') {
            const o = pair.old as PersonaModel;
            const n = pair.new as PersonaModel;
            field('description', o.description, n.description);
            listField(out, { ...base, id }, 'goals', o.goals, n.goals, lines(o, n));
            listField(out, { ...base, id }, 'needs', o.needs, n.needs, lines(o, n));
            field('segment', o.segment, n.segment);
            field('quote', o.quote, n.quote);
        }
    }
}

/** Whether the title is the id made readable (no explicit title): then only the id identifies it. */
function readableDefault(item: Declaration): boolean {
    return item.title.toLowerCase() === item.id.replace(/[_-]+/g, ' ').toLowerCase();
}

function singleField(out: JourneyChange[], base: Partial<JourneyChange>, field: string, from: unknown, to: unknown, at: { from: number; to: number }): void {
    if (from === to) return;
    const change: JourneyChange = { kind: 'changed', element: base.element!, ...base, field };
    if (from !== undefined) change.from = from;
    if (to !== undefined) change.to = to;
    change.line = at;
    out.push(change);
}

function listField(out: JourneyChange[], base: Partial<JourneyChange>, field: string, from: readonly string[], to: readonly string[], at: { from: number; to: number }): void {
    const delta = diffTexts(from, to);
    if (!delta) return;
    out.push({ kind: 'changed', element: base.element!, ...base, field, ...delta, line: at });
}

function journeyLikeness(a: JourneyModel, b: JourneyModel): number {
    const oldStages = new Set(a.stages.map(s => s.id));
    const shared = b.stages.filter(s => oldStages.has(s.id)).length;
    return shared / Math.max(1, a.stages.length, b.stages.length);
}

function diffJourney(o: JourneyModel, n: JourneyModel, out: JourneyChange[]): void {
    const journey = n.id;
    const base = { element: 'journey' as const, journey, id: journey };
    const at = lines(o, n);
    if (o.id !== n.id) out.push({ kind: 'renamed', element: 'journey', journey, from: o.id, to: n.id, line: at });
    singleField(out, base, 'title', o.title, n.title, at);
    singleField(out, base, 'persona', o.for?.id, n.for?.id, at);
    singleField(out, base, 'scenario', o.scenario, n.scenario, at);
    listField(out, base, 'objectives', o.objectives, n.objectives, at);
    singleField(out, base, 'futureOf', o.futureOf, n.futureOf, at);
    const first = out.length;
    diffDeclarations('channel', o.channels, n.channels, journey, out);
    diffDeclarations('team', o.teams, n.teams, journey, out);
    const journeyAt = out.length;

    // Stages: by id, a leftover pair with the same title or mostly the same steps is a rename.
    const stagePairs = matchById(o.stages, n.stages, (a, b) => a.title === b.title || stepOverlap(a, b) >= 0.5);
    const newStageOfOld = new Map<string, string>();
    for (const pair of stagePairs) if (pair.old && pair.new) newStageOfOld.set(pair.old.id, pair.new.id);

    // Steps: by id across the whole journey, wherever their stage is.
    const oldSteps = o.stages.flatMap(stage => stage.steps.map(step => ({ step, stage: stage.id })));
    const newSteps = n.stages.flatMap(stage => stage.steps.map(step => ({ step, stage: stage.id })));
    const partner = new Map<StepModel, StepModel>();
    for (const [o, n] of pairById(oldSteps, newSteps, entry => entry.step.id)) partner.set(o.step, n.step);
    // A removed and an added step in the same (mapped) stage, alike enough: one step renamed.
    const matchedNew = new Set(partner.values());
    const unmatchedNew = newSteps.filter(entry => !matchedNew.has(entry.step));
    const taken = new Set<StepModel>();
    for (const entry of oldSteps) {
        if (partner.has(entry.step)) continue;
        const stage = newStageOfOld.get(entry.stage);
        const candidate = unmatchedNew.find(c => !taken.has(c.step) && c.stage === stage && stepsAlike(entry.step, c.step));
        if (candidate) {
            partner.set(entry.step, candidate.step);
            taken.add(candidate.step);
        }
    }
    const oldOfNew = new Map<StepModel, { step: StepModel; stage: string }>();
    for (const entry of oldSteps) {
        const p = partner.get(entry.step);
        if (p) oldOfNew.set(p, entry);
    }

    const ids = opportunityIds(o, n, newStageOfOld, partner);
    // The journey's own members come after its declarations, before its stages.
    const journeyMembers: JourneyChange[] = [];
    diffMembers(journeyMembers, { element: 'journey', journey, id: journey }, 'journey', ids, o, n, at);
    out.splice(journeyAt, 0, ...journeyMembers);

    for (const pair of stagePairs) {
        if (!pair.new) {
            const stage = pair.old!;
            out.push({ kind: 'removed', element: 'stage', journey, id: stage.id, title: stage.title, line: { from: line(stage.range) } });
            // Steps of a removed stage that went nowhere are removed with it.
            for (const step of stage.steps) if (!partner.has(step)) out.push(removedStep(journey, stage.id, step));
            continue;
        }
        const stage = pair.new;
        if (!pair.old) {
            out.push({ kind: 'added', element: 'stage', journey, id: stage.id, title: stage.title, line: { to: line(stage.range) } });
        } else {
            const sat = lines(pair.old, stage);
            if (pair.renamed) out.push({ kind: 'renamed', element: 'stage', journey, from: pair.old.id, to: stage.id, line: sat });
            singleField(out, { element: 'stage', journey, id: stage.id }, 'title', pair.old.title, stage.title, sat);
            singleField(out, { element: 'stage', journey, id: stage.id }, 'goal', pair.old.goal, stage.goal, sat);
            diffMembers(out, { element: 'stage', journey, id: stage.id }, `stage:${stage.id}`, ids, pair.old, stage, sat);
        }
        diffStageSteps(journey, pair.old, stage, partner, oldOfNew, newStageOfOld, ids, out);
    }
    nameChanges(o, n, out.slice(first));
}

/** Opportunities with an id, matched across the whole journey wherever they are. */
function opportunityIds(o: JourneyModel, n: JourneyModel, newStageOfOld: Map<string, string>, partner: Map<StepModel, StepModel>): OpportunityIds {
    const olds: PlacedOpportunity[] = (o.opportunities ?? []).map(opportunity => ({ opportunity, holder: 'journey', mappedHolder: 'journey' }));
    for (const stage of o.stages) {
        const mappedStage = newStageOfOld.get(stage.id);
        for (const opportunity of stage.opportunities ?? []) {
            olds.push({ opportunity, holder: `stage:${stage.id}`, ...(mappedStage ? { mappedHolder: `stage:${mappedStage}` } : {}) });
        }
        for (const step of stage.steps) {
            const mappedStep = partner.get(step);
            for (const opportunity of step.opportunities) {
                olds.push({ opportunity, holder: `step:${step.id}`, ...(mappedStep ? { mappedHolder: `step:${mappedStep.id}` } : {}) });
            }
        }
    }
    const news = [...(n.opportunities ?? []), ...n.stages.flatMap(stage => [...(stage.opportunities ?? []), ...stage.steps.flatMap(step => step.opportunities)])];
    return matchOpportunityIds(olds, news);
}

/** What a journey, a stage and a step may all hold (schema 2 for journeys and stages). */
interface MemberHolder {
    pains?: StepModel['pains'];
    opportunities?: StepModel['opportunities'];
    metrics?: StepModel['metrics'];
    evidence?: StepModel['evidence'];
    notes?: StepModel['notes'];
}

function diffMembers(out: JourneyChange[], base: HolderBase, holder: string, ids: OpportunityIds, o: MemberHolder, n: MemberHolder, at: { from: number; to: number }): void {
    diffList(out, base, PAINS, o.pains ?? [], n.pains ?? [], at);
    diffOpportunities(out, base, holder, ids, o.opportunities ?? [], n.opportunities ?? [], at);
    diffMetrics(out, base, o.metrics ?? [], n.metrics ?? [], at);
    diffList(out, base, EVIDENCE, o.evidence ?? [], n.evidence ?? [], at);
    diffList(out, base, NOTES, o.notes ?? [], n.notes ?? [], at);
}

function removedStep(journey: string, stage: string, step: StepModel): JourneyChange {
    return { kind: 'removed', element: 'step', journey, id: step.id, stage, title: step.title, line: { from: line(step.range) } };
}

function diffStageSteps(
    journey: string, oldStage: StageModel | undefined, stage: StageModel,
    partner: Map<StepModel, StepModel>, oldOfNew: Map<StepModel, { step: StepModel; stage: string }>,
    newStageOfOld: Map<string, string>, ids: OpportunityIds, out: JourneyChange[],
): void {
    // Steps that stayed in this stage: those off the longest common order moved within it.
    const stayedOld = (oldStage?.steps ?? []).filter(step => {
        const p = partner.get(step);
        return p !== undefined && stage.steps.includes(p);
    });
    const stayedNew = stage.steps.filter(step => {
        const o = oldOfNew.get(step);
        return o !== undefined && oldStage !== undefined && newStageOfOld.get(o.stage) === stage.id;
    });
    const inOrder = longestCommonOrder(stayedOld.map(s => partner.get(s)!), stayedNew);

    // Removed steps placed after their old predecessor in this stage.
    const removedAfter = new Map<StepModel | undefined, StepModel[]>();
    let previous: StepModel | undefined;
    for (const step of oldStage?.steps ?? []) {
        const p = partner.get(step);
        if (p) {
            if (stage.steps.includes(p)) previous = p;
        } else {
            const list = removedAfter.get(previous) ?? [];
            list.push(step);
            removedAfter.set(previous, list);
        }
    }
    for (const step of removedAfter.get(undefined) ?? []) out.push(removedStep(journey, oldStage!.id, step));
    stage.steps.forEach(step => {
        const old = oldOfNew.get(step);
        if (!old) {
            out.push({ kind: 'added', element: 'step', journey, id: step.id, stage: stage.id, title: step.title, line: { to: line(step.range) } });
        } else {
            const at = lines(old.step, step);
            // An added stage has no old steps: with a repeated stage id its steps may come from the stage of that id.
            if (!oldStage || newStageOfOld.get(old.stage) !== stage.id) {
                out.push({ kind: 'moved', element: 'step', journey, id: step.id, title: step.title, stage: { from: old.stage, to: stage.id }, line: at });
            } else if (!inOrder.has(step)) {
                const from = oldStage!.steps.indexOf(old.step);
                out.push({ kind: 'moved', element: 'step', journey, id: step.id, title: step.title, stage: stage.id, index: { from, to: stage.steps.indexOf(step) }, line: at });
            }
            if (old.step.id !== step.id) out.push({ kind: 'renamed', element: 'step', journey, stage: stage.id, from: old.step.id, to: step.id, title: step.title, line: at });
            diffStep(journey, stage.id, old.step, step, ids, out);
        }
        for (const removed of removedAfter.get(step) ?? []) out.push(removedStep(journey, oldStage!.id, removed));
    });
}

/** The members of `b` that appear in `a`'s order as a longest common subsequence. */
function longestCommonOrder<T>(a: readonly T[], b: readonly T[]): Set<T> {
    // Patience-style LIS over positions: O(n log n), so a 1,000-step stage stays cheap.
    const position = new Map(a.map((item, i) => [item, i]));
    const seq = b.map(item => position.get(item)!);
    const tails: number[] = [];
    const tailIndex: number[] = [];
    const prev: number[] = new Array(seq.length).fill(-1);
    seq.forEach((value, i) => {
        let lo = 0;
        let hi = tails.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (tails[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        tails[lo] = value;
        tailIndex[lo] = i;
        prev[i] = lo > 0 ? tailIndex[lo - 1] : -1;
    });
    const keep = new Set<T>();
    let k = tails.length > 0 ? tailIndex[tails.length - 1] : -1;
    while (k >= 0) {
        keep.add(b[k]);
        k = prev[k];
    }
    return keep;
}

function stepOverlap(a: StageModel, b: StageModel): number {
    const ids = new Set(a.steps.map(s => s.id));
    const shared = b.steps.filter(s => ids.has(s.id)).length;
    return a.steps.length + b.steps.length === 0 ? 0 : shared / Math.max(a.steps.length, b.steps.length);
}

/** The comparable members of a step, each as one string, for rename detection. */
function stepFingerprint(step: StepModel): string[] {
    const texts = (items: readonly { text: string }[]) => items.map(i => i.text).join('\n');
    return [
        step.channels.map(c => c.id).join(','), texts(step.touchpoints), String(step.emotion ?? ''),
        texts(step.thinks), texts(step.feels), texts(step.says), texts(step.onstage), texts(step.offstage),
        texts(step.support), texts(step.pains), texts(step.opportunities),
        step.metrics.map(m => `${m.name} ${m.value?.text ?? ''}`).join('\n'), texts(step.notes),
    ];
}

function stepsAlike(a: StepModel, b: StepModel): boolean {
    if (a.title === b.title) return true;
    const fa = stepFingerprint(a);
    const fb = stepFingerprint(b);
    let filled = 0;
    let equal = 0;
    fa.forEach((value, i) => {
        if (value === '' && fb[i] === '') return;
        filled++;
        if (value === fb[i]) equal++;
    });
    return filled > 0 && equal / filled > 0.5;
}

function diffStep(journey: string, stage: string, o: StepModel, n: StepModel, ids: OpportunityIds, out: JourneyChange[]): void {
    const base: HolderBase = { element: 'step', journey, id: n.id, stage, title: n.title };
    const at = lines(o, n);
    singleField(out, base, 'title', o.title, n.title, at);
    if (o.emotion !== n.emotion) {
        const change: JourneyChange = { kind: 'changed', ...base, field: 'emotion' };
        if (o.emotion !== undefined) change.from = o.emotion;
        if (n.emotion !== undefined) change.to = n.emotion;
        if (o.emotion !== undefined && n.emotion !== undefined) change.direction = n.emotion > o.emotion ? 'better' : 'worse';
        change.line = at;
        out.push(change);
    }
    singleField(out, base, 'moment', momentValue(o), momentValue(n), at);
    singleField(out, base, 'owner', o.owner?.id, n.owner?.id, at);
    singleField(out, base, 'duration', o.duration?.text, n.duration?.text, at);
    objectField(out, base, 'wait', waitValue(o), waitValue(n), at);
    // Channel ids are names, not prose: no near-edit pairing.
    const channels = (s: StepModel) => s.channels.map(c => c.id);
    const from = channels(o);
    const to = channels(n);
    if (from.length !== to.length || from.some((id, i) => id !== to[i])) {
        const added = to.filter(id => !from.includes(id));
        const removed = from.filter(id => !to.includes(id));
        if (added.length + removed.length > 0) out.push({ kind: 'changed', ...base, field: 'channels', added, removed, line: at });
    }
    diffList(out, base, TOUCHPOINTS, o.touchpoints, n.touchpoints, at);
    diffList(out, base, PHYSICAL, o.physical ?? [], n.physical ?? [], at);
    diffList(out, base, THINKS, o.thinks, n.thinks, at);
    diffList(out, base, FEELS, o.feels, n.feels, at);
    diffList(out, base, SAYS, o.says, n.says, at);
    diffList(out, base, ONSTAGE, o.onstage, n.onstage, at);
    diffList(out, base, OFFSTAGE, o.offstage, n.offstage, at);
    diffList(out, base, SUPPORT, o.support, n.support, at);
    diffMembers(out, base, `step:${n.id}`, ids, o, n, at);
    diffList(out, base, LINKS, o.links ?? [], n.links ?? [], at);
}

function momentValue(step: StepModel): string | undefined {
    if (!step.moment) return undefined;
    return step.moment.why ?? 'moment of truth';
}

function waitValue(step: StepModel): { value: string; why?: string } | undefined {
    if (!step.wait) return undefined;
    return { value: step.wait.value.text, ...(step.wait.why !== undefined ? { why: step.wait.why } : {}) };
}

/** A single value that is an object (a wait): compared by content, carried whole. */
function objectField(out: JourneyChange[], base: Partial<JourneyChange>, field: string, from: object | undefined, to: object | undefined, at: { from: number; to: number }): void {
    if (JSON.stringify(from) === JSON.stringify(to)) return;
    const change: JourneyChange = { kind: 'changed', element: base.element!, ...base, field };
    if (from !== undefined) change.from = from;
    if (to !== undefined) change.to = to;
    change.line = at;
    out.push(change);
}
