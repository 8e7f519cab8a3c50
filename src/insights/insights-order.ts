import type { Level, OpportunityStatus } from '../../language/model/journey-model.js';
import type { MetricInsight, OpportunityInsight, PainInsight, SourceLine } from './insights-model.js';

/**
 * The orderings of docs/report.md, one comparator per list. Each ends on file, line (and the
 * column, so two items on one line keep their source order): the result never depends on the
 * order the files were given in.
 */

/** A source position to break the last tie with: the file and the 0-based position of the item. */
export interface Positioned extends SourceLine {
    column: number;
}

const SEVERITY: Record<Level, number> = { high: 0, medium: 1, low: 2 };
const IMPACT: Record<Level, number> = { high: 0, medium: 1, low: 2 };
const EFFORT: Record<Level, number> = { low: 0, medium: 1, high: 2 };
const ABSENT = 3;

/** Open (`doing`, `planned`, `idea`, none) as one group, then done, then dropped. */
export function statusGroup(status: OpportunityStatus | null): 0 | 1 | 2 {
    return status === 'done' ? 1 : status === 'dropped' ? 2 : 0;
}

export function isOpen(status: OpportunityStatus | null): boolean {
    return statusGroup(status) === 0;
}

/** Code-unit order of paths (not the locale's), so the order is the same on every machine. */
export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSource(a: Positioned, b: Positioned): number {
    return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

type Ranked<T> = T & { column: number };

export function comparePains(a: Ranked<PainInsight>, b: Ranked<PainInsight>): number {
    return rank(SEVERITY, a.severity) - rank(SEVERITY, b.severity)
        || Number(b.momentOfTruth) - Number(a.momentOfTruth)
        || (a.emotion ?? 0) - (b.emotion ?? 0)
        || Number(a.opportunities > 0) - Number(b.opportunities > 0)
        || compareSource(a, b);
}

export function compareOpportunities(a: Ranked<OpportunityInsight>, b: Ranked<OpportunityInsight>): number {
    return statusGroup(a.status) - statusGroup(b.status)
        || rank(IMPACT, a.impact) - rank(IMPACT, b.impact)
        || rank(EFFORT, a.effort) - rank(EFFORT, b.effort)
        || b.pains - a.pains
        || compareSource(a, b);
}

/** Off target, on target, no value (or not comparable). */
export function compareMetrics(a: Ranked<MetricInsight>, b: Ranked<MetricInsight>): number {
    return targetGroup(a.onTarget) - targetGroup(b.onTarget) || compareSource(a, b);
}

function targetGroup(onTarget: boolean | null): number {
    return onTarget === false ? 0 : onTarget === true ? 1 : 2;
}

function rank(order: Record<Level, number>, level: Level | null): number {
    return level === null ? ABSENT : order[level];
}
