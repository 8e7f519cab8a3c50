import type {
    ActionModel, EvidenceModel, LinkModel, MetricModel, MetricValueModel, OpportunityModel, PainModel, Range, TextItem, ThoughtModel,
} from '../../language/model/journey-model.js';
import type { ChangedPair, HolderKey, JourneyChange, MemberAttributes } from './diff-model.js';
import { NEAR_EDIT, similarity } from './similarity.js';

/**
 * The list members of a journey, a stage or a step (docs/diff.md): matched by text (metrics by
 * name, opportunities with an id by id), then their attributes compared one by one. Pure.
 */

/** The element that holds the members, as its changes name it. */
export interface HolderBase {
    element: 'journey' | 'stage' | 'step';
    journey: string;
    id: string;
    /** A step's stage. */
    stage?: string;
    /** A step's title (changes of a step name it). */
    title?: string;
}

type At = { from: number; to: number };

export interface ItemMatch<T> {
    /** Same key on both sides, paired in order. */
    same: [T, T][];
    /** Near enough to be one item edited, the most alike first taken. */
    edited: [T, T][];
    added: T[];
    removed: T[];
}

/**
 * Members matched by exact key, in order; leftovers near enough (when `near`) are one item edited.
 * With `signature` (the attributes), members of one key pair with an equal signature first, so
 * of two pains with one text, the one whose severity stayed is the one kept.
 */
export function matchItems<T>(olds: readonly T[], news: readonly T[], key: (item: T) => string, near = true, signature?: (item: T) => string): ItemMatch<T> {
    const result: ItemMatch<T> = { same: [], edited: [], added: [], removed: [] };
    // Most lists of most steps are untouched: skip the matching for them.
    if (olds.length === news.length && olds.every((item, i) => key(item) === key(news[i]))) {
        result.same = olds.map((item, i) => [item, news[i]]);
        return result;
    }
    const waiting = new Map<string, T[]>();
    for (const item of news) waiting.set(key(item), [...(waiting.get(key(item)) ?? []), item]);
    const partner = new Map<T, T>();
    const take = (item: T, alike: boolean) => {
        const list = waiting.get(key(item));
        if (!list?.length) return;
        const at = alike ? list.findIndex(n => signature!(n) === signature!(item)) : 0;
        if (at < 0) return;
        partner.set(list[at], item);
        list.splice(at, 1);
    };
    const paired = () => new Set(partner.values());
    if (signature) for (const item of olds) if ((waiting.get(key(item))?.length ?? 0) > 0) take(item, true);
    let taken = paired();
    for (const item of olds) if (!taken.has(item)) take(item, false);
    taken = paired();
    for (const item of olds) if (!taken.has(item)) result.removed.push(item);
    for (const item of news) {
        const old = partner.get(item);
        if (old) result.same.push([old, item]);
        else result.added.push(item);
    }
    if (!near || result.added.length === 0 || result.removed.length === 0) return result;
    // Pair the most alike removed/added items first, so one edit cannot steal another's partner.
    const candidates: { r: number; a: number; score: number }[] = [];
    result.removed.forEach((r, ri) => result.added.forEach((a, ai) => {
        const score = similarity(key(r), key(a));
        if (score >= NEAR_EDIT) candidates.push({ r: ri, a: ai, score });
    }));
    candidates.sort((x, y) => y.score - x.score || x.r - y.r || x.a - y.a);
    const usedR = new Set<number>();
    const usedA = new Set<number>();
    const pairs: { r: number; a: number }[] = [];
    for (const c of candidates) {
        if (usedR.has(c.r) || usedA.has(c.a)) continue;
        usedR.add(c.r);
        usedA.add(c.a);
        pairs.push(c);
    }
    pairs.sort((x, y) => x.a - y.a);
    result.edited = pairs.map(p => [result.removed[p.r], result.added[p.a]]);
    result.added = result.added.filter((_, i) => !usedA.has(i));
    result.removed = result.removed.filter((_, i) => !usedR.has(i));
    return result;
}

/** Members matched by exact text; leftovers near enough are one item edited (`changed`). */
export function diffTexts(from: readonly string[], to: readonly string[]): { added: string[]; removed: string[]; changed?: ChangedPair[] } | undefined {
    const m = matchItems(from, to, text => text);
    if (m.added.length + m.removed.length + m.edited.length === 0) return undefined;
    return { added: m.added, removed: m.removed, ...(m.edited.length ? { changed: m.edited.map(([f, t]) => ({ from: f, to: t })) } : {}) };
}

export function linkText(link: LinkModel): string {
    return link.label !== undefined ? `${link.url} (${link.label})` : link.url;
}

const links = (items: readonly LinkModel[] | undefined): MemberAttributes => (items?.length ? { links: items.map(linkText) } : {});

/** A list of members: how to name one, how to read its attributes, whether a near edit is one item. */
interface MemberList<T> {
    field: string;
    key: (item: T) => string;
    attributes?: (item: T) => MemberAttributes;
    near?: boolean;
}

const text = (item: TextItem) => item.text;
const defined = (entries: [string, string | undefined][]): MemberAttributes =>
    Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined));

export const PAINS: MemberList<PainModel> = { field: 'pains', key: text, attributes: p => defined([['severity', p.severity]]), near: true };
const action = (field: string): MemberList<ActionModel> => ({ field, key: text, attributes: a => defined([['team', a.team?.id], ['fail', a.fail?.text]]), near: true });
export const ONSTAGE = action('onstage');
export const OFFSTAGE = action('offstage');
export const SUPPORT = action('support');
const thought = (field: string): MemberList<ThoughtModel> => ({ field, key: text, attributes: t => defined([['from', t.from]]), near: true });
export const THINKS = thought('thinks');
export const FEELS = thought('feels');
export const SAYS = thought('says');
export const TOUCHPOINTS: MemberList<TextItem> = { field: 'touchpoints', key: text, near: true };
export const PHYSICAL: MemberList<TextItem> = { field: 'physical', key: text, near: true };
export const NOTES: MemberList<TextItem> = { field: 'notes', key: text, near: true };
export const EVIDENCE: MemberList<EvidenceModel> = { field: 'evidence', key: e => `${e.kind} "${e.source}"`, attributes: e => links(e.links), near: true };
/** Links are addresses, not prose: no near-edit pairing. */
export const LINKS: MemberList<LinkModel> = { field: 'links', key: linkText };

export function opportunityAttributes(o: OpportunityModel): MemberAttributes {
    return { ...defined([['id', o.id], ['owner', o.owner?.id], ['impact', o.impact], ['effort', o.effort], ['status', o.status]]), ...links(o.links) };
}

/** The order attributes are compared and spelled out in. */
const ATTRIBUTE_ORDER = ['id', 'severity', 'team', 'fail', 'from', 'owner', 'impact', 'effort', 'status', 'value', 'baseline', 'target', 'links'];

function attributeNames(a: MemberAttributes, b: MemberAttributes): string[] {
    const names = new Set([...Object.keys(a), ...Object.keys(b)]);
    return ATTRIBUTE_ORDER.filter(name => names.has(name));
}

/** One list of a holder: the list's own change (members added, removed, edited), then each kept member's attribute changes. */
export function diffList<T>(out: JourneyChange[], base: HolderBase, list: MemberList<T>, olds: readonly T[], news: readonly T[], at: At): void {
    if (olds.length === 0 && news.length === 0) return;
    const attributes = list.attributes;
    const m = matchItems(olds, news, list.key, list.near ?? false, attributes && (item => JSON.stringify(attributes(item))));
    pushListChange(out, base, list.field, m, list.key, list.attributes, at);
    if (!list.attributes) return;
    for (const [o, n] of [...m.same, ...m.edited]) {
        const change = { ...base, member: list.field, item: list.key(n) };
        pushAttributeChanges(out, change, list.attributes(o), list.attributes(n), at);
    }
}

function pushListChange<T>(out: JourneyChange[], base: HolderBase, field: string, m: ItemMatch<T>, key: (item: T) => string,
    attributes: ((item: T) => MemberAttributes) | undefined, at: At): void {
    if (m.added.length + m.removed.length + m.edited.length === 0) return;
    const change: JourneyChange = { kind: 'changed', ...base, field, added: m.added.map(key), removed: m.removed.map(key) };
    if (m.edited.length) change.changed = m.edited.map(([o, n]) => ({ from: key(o), to: key(n) }));
    if (attributes) {
        const added = m.added.map(attributes);
        const removed = m.removed.map(attributes);
        const some = (list: MemberAttributes[]) => list.some(a => Object.keys(a).length > 0);
        if (some(added) || some(removed)) change.attributes = { ...(some(added) ? { added } : {}), ...(some(removed) ? { removed } : {}) };
    }
    change.line = at;
    out.push(change);
}

/** One change per attribute that differs: single values `from`/`to`, links `added`/`removed`. */
function pushAttributeChanges(out: JourneyChange[], base: Omit<JourneyChange, 'kind'>, a: MemberAttributes, b: MemberAttributes, at: At): void {
    for (const name of attributeNames(a, b)) {
        const from = a[name];
        const to = b[name];
        if (Array.isArray(from) || Array.isArray(to)) {
            const delta = matchItems((from as string[] | undefined) ?? [], (to as string[] | undefined) ?? [], s => s, false);
            if (delta.added.length + delta.removed.length === 0) continue;
            out.push({ kind: 'changed', ...base, field: name, added: delta.added, removed: delta.removed, line: at });
        } else if (from !== to) {
            out.push({ kind: 'changed', ...base, field: name, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), line: at });
        }
    }
}

function lines(a: { range: Range }, b: { range: Range }): At {
    return { from: a.range.start.line + 1, to: b.range.start.line + 1 };
}

// --- Metrics ---------------------------------------------------------------------------------

function metricValue(metric: MetricModel): Record<string, string> {
    // Schema 2: a metric may have only a target, and a baseline.
    const show = (v: MetricValueModel | undefined) => v?.text;
    return defined([['value', show(metric.value)], ['baseline', show(metric.baseline)], ['target', show(metric.target)]]) as Record<string, string>;
}

/** Metrics match by name; a value, baseline or target change carries `from`/`to` objects. */
export function diffMetrics(out: JourneyChange[], base: HolderBase, from: readonly MetricModel[], to: readonly MetricModel[], at: At): void {
    if (from.length === 0 && to.length === 0) return;
    const m = matchItems(from, to, metric => metric.name, false);
    pushListChange(out, base, 'metrics', m, metric => metric.name, metricValue, at);
    for (const [old, metric] of m.same) {
        const a = metricValue(old);
        const b = metricValue(metric);
        if (a.value !== b.value || a.baseline !== b.baseline || a.target !== b.target) {
            out.push({ kind: 'changed', ...base, field: 'metrics', metric: metric.name, from: a, to: b, line: at });
        }
    }
}

// --- Opportunities ---------------------------------------------------------------------------

/** The journey-wide matching of opportunities with an id (ids are unique within a journey). */
export interface OpportunityIds {
    /** New opportunity → its old self and where that was (old ids, and in the new ids where that place still is). */
    partner: Map<OpportunityModel, { old: OpportunityModel; holder: HolderKey; mappedHolder?: HolderKey }>;
    /** Old opportunities matched by id: reported where their partner is. */
    matchedOld: Set<OpportunityModel>;
}

export interface PlacedOpportunity { opportunity: OpportunityModel; holder: HolderKey; mappedHolder?: HolderKey }

/** Pairs opportunities with the same id across the journey; a repeated id pairs in order, like steps. */
export function matchOpportunityIds(olds: readonly PlacedOpportunity[], news: readonly OpportunityModel[]): OpportunityIds {
    const byId = new Map<string, PlacedOpportunity[]>();
    for (const entry of olds) {
        const id = entry.opportunity.id;
        if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), entry]);
    }
    const result: OpportunityIds = { partner: new Map(), matchedOld: new Set() };
    for (const opportunity of news) {
        if (opportunity.id === undefined) continue;
        const entry = byId.get(opportunity.id)?.shift();
        if (!entry) continue;
        result.partner.set(opportunity, { old: entry.opportunity, holder: entry.holder, mappedHolder: entry.mappedHolder });
        result.matchedOld.add(entry.opportunity);
    }
    return result;
}

/**
 * The opportunities of one holder: those matched by id anywhere in the journey are reported here,
 * where they now are (moved, if they were elsewhere); the others match by text as other members.
 */
export function diffOpportunities(out: JourneyChange[], base: HolderBase, holder: HolderKey, ids: OpportunityIds,
    olds: readonly OpportunityModel[], news: readonly OpportunityModel[], at: At): void {
    if (olds.length === 0 && news.length === 0) return;
    const oldsHere = olds.filter(o => !ids.matchedOld.has(o));
    const newsHere = news.filter(n => !ids.partner.has(n));
    const m = matchItems(oldsHere, newsHere, text, true, item => JSON.stringify(opportunityAttributes(item)));
    pushListChange(out, base, 'opportunities', m, text, opportunityAttributes, at);
    const place = opportunityPlace(base);
    const pairs = new Map<OpportunityModel, OpportunityModel>([...m.same, ...m.edited].map(([o, n]) => [n, o]));
    for (const n of news) {
        const byId = ids.partner.get(n);
        const o = byId?.old ?? pairs.get(n);
        if (!o) continue;
        const change = { element: 'opportunity' as const, journey: base.journey, ...(n.id !== undefined ? { id: n.id } : {}), title: n.text, ...place };
        const oat = lines(o, n);
        if (byId && byId.mappedHolder !== holder) {
            out.push({ kind: 'moved', ...change, holder: { from: byId.holder, to: holder }, line: oat });
        }
        if (byId && o.text !== n.text) out.push({ kind: 'changed', ...change, field: 'text', from: o.text, to: n.text, line: oat });
        pushAttributeChanges(out, change, opportunityAttributes(o), opportunityAttributes(n), oat);
    }
}

/** Where an opportunity change is: its stage, and its step when it is a step's. */
function opportunityPlace(base: HolderBase): { stage?: string; step?: string } {
    if (base.element === 'step') return { stage: base.stage, step: base.id };
    if (base.element === 'stage') return { stage: base.id };
    return {};
}
