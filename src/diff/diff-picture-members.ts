/**
 * The member cards of a diff picture (docs/diff.md, Schema 2): an added pain's card marked added,
 * an edited one changed, a removed opportunity put back where it stood as a ghost marked removed.
 * Cards are keyed as the layout keys them: `<kind>:<step id>:<n>`, `<kind>:@stage:<stage id>:<n>`
 * and, in the header, `<kind>:@journey:<n>` (webview/layout/journey-layout.ts), n the position in
 * the list as drawn, ghosts included.
 */
import type { JourneyModel, StageModel, StepModel } from '../../language/model/journey-model.js';
import type { ChangeKind } from '../../webview/layout/layout-types.js';
import type { JourneyChange } from './diff-model.js';

/** List fields with a card per member, and the card kind the layout gives them. */
const CARD_KIND: Record<string, string> = {
    pains: 'pain', opportunities: 'opportunity', metrics: 'metric', touchpoints: 'touchpoint', thinks: 'thinks', feels: 'feels',
    says: 'says', onstage: 'onstage', offstage: 'offstage', support: 'support', notes: 'note', physical: 'physical', evidence: 'evidence',
};

type Member = Record<string, unknown>;

/** A member's text as the diff names it (diff-members.ts): metrics by name, evidence by kind and source. */
function memberKey(field: string, item: Member): string {
    if (field === 'metrics') return String(item.name);
    if (field === 'evidence') return `${String(item.kind)} "${String(item.source)}"`;
    return String(item.text);
}

interface Wanted { added: string[]; changed: string[]; removed: string[]; moved: string[]; ids: Map<string, ChangeKind> }

/** Where a change's members are: `<step id>`, `@stage:<stage id>` or `@journey` (the header's). */
function holderOf(change: JourneyChange): string | undefined {
    if (change.element === 'opportunity') {
        if (change.kind === 'moved' && change.holder) return holderKey(change.holder.to);
        if (change.step !== undefined) return change.step;
        return typeof change.stage === 'string' ? `@stage:${change.stage}` : JOURNEY;
    }
    if (change.element === 'journey') return JOURNEY;
    const id = change.kind === 'renamed' ? String(change.to) : change.id;
    if (id === undefined) return undefined;
    if (change.element === 'step') return id;
    if (change.element === 'stage') return `@stage:${id}`;
    return undefined;
}

/** The holder of the journey's own members: the header's cards. */
const JOURNEY = '@journey';

function holderKey(holder: string): string | undefined {
    if (holder.startsWith('step:')) return holder.slice('step:'.length);
    if (holder.startsWith('stage:')) return `@stage:${holder.slice('stage:'.length)}`;
    return holder === 'journey' ? JOURNEY : undefined;
}

/** What each holder's lists should show, from the changes. */
function wantedMarks(changes: readonly JourneyChange[]): Map<string, Wanted> {
    const wanted = new Map<string, Wanted>();
    const at = (holder: string, field: string): Wanted => {
        const key = `${holder}\0${field}`;
        let w = wanted.get(key);
        if (!w) wanted.set(key, w = { added: [], changed: [], removed: [], moved: [], ids: new Map() });
        return w;
    };
    for (const change of changes) {
        const holder = holderOf(change);
        if (holder === undefined) continue;
        if (change.element === 'opportunity') {
            const w = at(holder, 'opportunities');
            const kind: ChangeKind = change.kind === 'moved' ? 'moved' : 'changed';
            if (change.id !== undefined) w.ids.set(change.id, kind);
            else if (change.title !== undefined) (kind === 'moved' ? w.moved : w.changed).push(change.title);
            continue;
        }
        if (change.kind !== 'changed') continue;
        if (change.member !== undefined && change.item !== undefined && CARD_KIND[change.member]) {
            at(holder, change.member).changed.push(change.item);
            continue;
        }
        const field = change.field ?? '';
        if (!CARD_KIND[field]) continue;
        const w = at(holder, field);
        if (field === 'metrics' && change.metric !== undefined) w.changed.push(change.metric);
        w.added.push(...change.added ?? []);
        w.removed.push(...change.removed ?? []);
        w.changed.push(...(change.changed ?? []).map(pair => pair.to));
    }
    return wanted;
}

/**
 * Marks the member cards of `picture` (a copy of the new journey, removed steps back in its
 * copied stages) and puts removed members back into their lists, where they stood in `before`.
 * Steps, stages and lists it changes are replaced by copies; the models themselves are not touched.
 */
export function markMembers(before: JourneyModel, picture: JourneyModel, changes: readonly JourneyChange[], marks: Map<string, ChangeKind>): void {
    for (const [key, w] of wantedMarks(changes)) {
        const [holder, field] = key.split('\0');
        const place = findHolder(picture, holder);
        if (!place) continue;
        const oldList = listOf(findHolder({ ...before, stages: before.stages.map(s => ({ ...s })) }, holder)?.get(), field);
        const list = [...listOf(place.get(), field)];
        const kinds = new Map<Member, ChangeKind>();
        const claim = (text: string, kind: ChangeKind) => {
            const item = list.find(m => !kinds.has(m) && memberKey(field, m) === text);
            if (item) kinds.set(item, kind);
        };
        w.added.forEach(text => claim(text, 'added'));
        w.moved.forEach(text => claim(text, 'moved'));
        w.changed.forEach(text => claim(text, 'changed'));
        for (const [id, kind] of w.ids) {
            const item = list.find(m => m.id === id);
            if (item && !kinds.has(item)) kinds.set(item, kind);
        }
        const used = new Set<Member>();
        for (const text of w.removed) {
            const ghost = oldList.find(m => !used.has(m) && memberKey(field, m) === text);
            if (!ghost) continue;
            used.add(ghost);
            list.splice(Math.min(oldList.indexOf(ghost), list.length), 0, ghost);
            kinds.set(ghost, 'removed');
        }
        if (w.removed.length > 0) place.set(field, list);
        const cardKind = CARD_KIND[field];
        list.forEach((item, n) => {
            const kind = kinds.get(item);
            if (kind) marks.set(`${cardKind}:${holder}:${n}`, kind);
        });
    }
}

/** Marks on the old picture: the members that went away or changed, at their old places. */
export function markOldMembers(before: JourneyModel, changes: readonly JourneyChange[], marks: Map<string, ChangeKind>): void {
    for (const [key, w] of wantedMarks(changes.map(oldSided))) {
        const [holder, field] = key.split('\0');
        const list = listOf(findHolder({ ...before, stages: before.stages.map(s => ({ ...s })) }, holder)?.get(), field);
        const taken = new Set<Member>();
        const mark = (text: string, kind: ChangeKind) => {
            const n = list.findIndex(m => !taken.has(m) && memberKey(field, m) === text);
            if (n < 0) return;
            taken.add(list[n]);
            marks.set(`${CARD_KIND[field]}:${holder}:${n}`, kind);
        };
        w.removed.forEach(text => mark(text, 'removed'));
        w.changed.forEach(text => mark(text, 'changed'));
    }
}

/** A change as seen from the old side: edited members by their old text, steps by their old id. */
function oldSided(change: JourneyChange): JourneyChange {
    const old: JourneyChange = { ...change, added: [], changed: (change.changed ?? []).map(pair => ({ from: pair.to, to: pair.from })) };
    if (change.kind === 'renamed') old.to = change.from;
    if (change.element === 'opportunity') return { ...old, kind: 'changed', id: undefined, title: undefined };
    return old;
}

type Holder = StepModel | StageModel | JourneyModel;

function listOf(holder: Holder | undefined, field: string): Member[] {
    const list = (holder as Record<string, unknown> | undefined)?.[field];
    return Array.isArray(list) ? list as unknown as Member[] : [];
}

interface Place {
    get(): Holder;
    set(field: string, list: Member[]): void;
}

/**
 * A step (by id), a stage (`@stage:<id>`) or the journey itself (`@journey`) of `journey`, whose
 * stages and steps are replaced by copies when a list is set (the journey is a copy already).
 */
function findHolder(journey: JourneyModel, holder: string): Place | undefined {
    if (holder === JOURNEY) return { get: () => journey, set: (field, list) => { (journey as unknown as Record<string, unknown>)[field] = list; } };
    const stages = journey.stages;
    if (holder.startsWith('@stage:')) {
        const i = stages.findIndex(s => s.id === holder.slice('@stage:'.length));
        if (i < 0) return undefined;
        return { get: () => stages[i], set: (field, list) => { stages[i] = { ...stages[i], [field]: list }; } };
    }
    for (const stage of stages) {
        const j = stage.steps.findIndex(s => s.id === holder);
        if (j >= 0) return { get: () => stage.steps[j], set: (field, list) => { stage.steps[j] = { ...stage.steps[j], [field]: list }; } };
    }
    return undefined;
}
