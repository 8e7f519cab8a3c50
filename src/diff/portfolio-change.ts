import type { OpportunityStatus } from '../../language/model/journey-model.js';
import { computeInsights, type InsightsSource } from '../insights/insights-engine.js';
import type { OpportunityInsight, PainInsight, SourceLine } from '../insights/insights-model.js';
import type { FilePair } from './diff-files.js';
import type { LoadedRevision } from './load-revision.js';

const STATUS_ORDER: ReadonlyArray<OpportunityStatus | null> = ['doing', 'planned', 'idea', null, 'done', 'dropped'];

/**
 * The pull-request comment's one line on the portfolio (docs/diff.md): how the change moves the
 * opportunities and pains of the files it touches, e.g.
 * `opportunities: +1 planned, 1 planned → done; pains: +2 (1 high)`. undefined when it does not
 * move them. Only statuses, severities and counts: no user text, so nothing to escape.
 *
 * An opportunity is the same on both sides when its file, journey and id match (its text when it
 * has no id); a pain when its file, journey and text match. Files that do not parse on either
 * side are left out, as the diff leaves them out.
 */
export function portfolioLine(oldRev: LoadedRevision, newRev: LoadedRevision, pairs: readonly FilePair[]): string | undefined {
    const before: InsightsSource[] = [];
    const after: InsightsSource[] = [];
    for (const pair of pairs) {
        const oldPath = pair.oldPath ?? pair.path;
        if (oldRev.errors.has(oldPath) || newRev.errors.has(pair.path)) continue;
        const oldModel = pair.status === 'added' ? undefined : oldRev.models.get(oldPath);
        const newModel = pair.status === 'deleted' ? undefined : newRev.models.get(pair.path);
        // Keyed by the new path on both sides, so a renamed file's items match.
        if (oldModel) before.push({ file: pair.path, model: oldModel });
        if (newModel) after.push({ file: pair.path, model: newModel });
    }
    const old = computeInsights(before);
    const now = computeInsights(after);
    const parts = [opportunityParts(old.opportunities, now.opportunities), painParts(old.pains, now.pains)]
        .map((items, i) => (items.length ? `${i === 0 ? 'opportunities' : 'pains'}: ${items.join(', ')}` : ''))
        .filter(Boolean);
    return parts.length ? parts.join('; ') : undefined;
}

function opportunityParts(before: readonly OpportunityInsight[], after: readonly OpportunityInsight[]): string[] {
    const key = (o: OpportunityInsight) => `${o.file}\0${o.journey}\0${o.id !== null ? `id\0${o.id}` : `text\0${o.text}`}`;
    const { added, removed, matched } = match(before, after, key, o => (o.id === null ? place(o) : undefined));
    const moves = new Map<string, number>();
    for (const [from, to] of matched) {
        if (from.status !== to.status) moves.set(`${rank(from.status)}\0${rank(to.status)}`, (moves.get(`${rank(from.status)}\0${rank(to.status)}`) ?? 0) + 1);
    }
    const parts: string[] = [];
    for (const status of STATUS_ORDER) {
        const n = added.filter(o => o.status === status).length;
        if (n) parts.push(`+${n} ${name(status)}`);
    }
    for (const status of STATUS_ORDER) {
        const n = removed.filter(o => o.status === status).length;
        if (n) parts.push(`-${n} ${name(status)}`);
    }
    for (const [pair, n] of [...moves].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const [from, to] = pair.split('\0').map(Number);
        parts.push(`${n} ${name(STATUS_ORDER[from])} → ${name(STATUS_ORDER[to])}`);
    }
    return parts;
}

function painParts(before: readonly PainInsight[], after: readonly PainInsight[]): string[] {
    const { added, removed } = match(before, after, p => `${p.file}\0${p.journey}\0${p.text}`, place);
    const parts: string[] = [];
    const high = added.filter(p => p.severity === 'high').length;
    if (added.length) parts.push(`+${added.length}${high ? ` (${high} high)` : ''}`);
    if (removed.length) parts.push(`-${removed.length}`);
    return parts;
}

/** The step (or stage, or journey) an item is on. */
function place(item: { file: string; journey: string; stage: string | null; step: string | null }): string {
    return `${item.file}\0${item.journey}\0${item.stage ?? ''}\0${item.step ?? ''}`;
}

/**
 * Pairs items with equal keys, one for one (a key may occur more than once). Then what is left
 * pairs by `fallback` (the place), in source order: a pain whose text was edited on its step is the same
 * pain, as the diff says "pain edited", not one removed and one added.
 */
function match<T extends SourceLine>(before: readonly T[], after: readonly T[], key: (item: T) => string, fallback: (item: T) => string | undefined): { added: T[]; removed: T[]; matched: Array<[T, T]> } {
    const pass = (older: readonly T[], newer: readonly T[], by: (item: T) => string | undefined) => {
        const waiting = new Map<string, T[]>();
        const unkeyed: T[] = [];
        for (const item of older) {
            const k = by(item);
            if (k === undefined) {
                unkeyed.push(item);
                continue;
            }
            const list = waiting.get(k) ?? [];
            list.push(item);
            waiting.set(k, list);
        }
        const added: T[] = [];
        const matched: Array<[T, T]> = [];
        for (const item of newer) {
            const k = by(item);
            const earlier = k === undefined ? undefined : waiting.get(k)?.shift();
            if (earlier === undefined) added.push(item);
            else matched.push([earlier, item]);
        }
        return { added, removed: [...unkeyed, ...[...waiting.values()].flat()], matched };
    };
    const exact = pass(before, after, key);
    // In source order: the insights come ranked, and the n-th pain left on a step should meet the n-th.
    const bySource = (items: T[]) => items.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    const edited = pass(bySource(exact.removed), bySource(exact.added), fallback);
    return { added: edited.added, removed: edited.removed, matched: [...exact.matched, ...edited.matched] };
}

function rank(status: OpportunityStatus | null): number {
    return STATUS_ORDER.indexOf(status);
}

function name(status: OpportunityStatus | null): string {
    return status ?? 'without status';
}
