import type { OpportunityStatus } from '../../language/model/journey-model.js';
import type { InsightPlace, Insights, OpportunityInsight } from './insights-model.js';
import type { InsightsNames } from './insights-names.js';

/**
 * What the Markdown and HTML reports share: the insights, the titles to show, and the wording
 * that does not depend on the format (escaping does, so every function here takes the escaper).
 */
export interface ReportInput {
    insights: Insights;
    names: InsightsNames;
    /** Base URL of the files (`https://github.com/o/r/blob/<sha>`): `file:line` become links. */
    linkBase?: string;
}

/** How many pains the "top pains" table shows, and steps the "assumptions to test" list. */
export const TOP_PAINS = 10;
export const ASSUMPTIONS_SHOWN = 25;

export function headline(totals: Insights['totals'], strong: (s: string) => string): string {
    const t = totals;
    const part = (n: number, one: string, many: string) => `${strong(String(n))} ${n === 1 ? one : many}`;
    return [
        part(t.journeys, 'journey', 'journeys'), part(t.stages, 'stage', 'stages'), part(t.steps, 'step', 'steps'),
        part(t.pains, 'pain', 'pains'), part(t.opportunities, 'opportunity', 'opportunities'),
        part(t.failPoints, 'fail point', 'fail points'), part(t.momentsOfTruth, 'moment of truth', 'moments of truth'),
    ].join(' · ');
}

/** Where an item is, by title: the step (with its journey when there are several), the stage or the journey. */
export function placeTitle(place: InsightPlace, input: ReportInput): string {
    const { names } = input;
    const several = input.insights.totals.journeys > 1;
    if (place.step !== null) return several ? `${names.step(place.journey, place.step)} (${names.journey(place.journey)})` : names.step(place.journey, place.step);
    if (place.stage !== null) return `${names.stage(place.journey, place.stage)} (whole stage${several ? ` of ${names.journey(place.journey)}` : ''})`;
    return `${names.journey(place.journey)} (whole journey)`;
}

export function emotionText(emotion: number | null): string {
    return emotion === null ? '—' : emotion > 0 ? `+${emotion}` : String(emotion);
}

/** The portfolio's groups, in the report's order: the open statuses first (each its own group for people), then done, dropped. */
export const STATUS_GROUPS: ReadonlyArray<{ status: OpportunityStatus | null; title: string }> = [
    { status: 'doing', title: 'Doing' },
    { status: 'planned', title: 'Planned' },
    { status: 'idea', title: 'Idea' },
    { status: null, title: 'No status' },
    { status: 'done', title: 'Done' },
    { status: 'dropped', title: 'Dropped' },
];

export function byStatus<T extends OpportunityInsight>(opportunities: readonly T[]): Array<{ title: string; items: T[] }> {
    return STATUS_GROUPS.map(group => ({ title: group.title, items: opportunities.filter(o => o.status === group.status) }))
        .filter(group => group.items.length > 0);
}

export function plural(n: number, one: string, many: string): string {
    return `${n} ${n === 1 ? one : many}`;
}
