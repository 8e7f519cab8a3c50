import type { Level, Range } from '../../../language/model/journey-model.js';
import type { InsightsResult } from '../../../language/protocol.js';
import type { Located, OpportunityInsight } from '../../insights/insights-model.js';
import { namesFromTitles } from '../../insights/insights-names.js';
import { byStatus, emotionText, placeTitle, plural, type ReportInput } from '../../insights/report-text.js';

/**
 * The Journey Insights tree, as plain data: the report's sections (docs/report.md) for the whole
 * workspace, in the report's orders. Groups hold entries; an entry opens its source.
 */
export type InsightsNode = InsightsGroup | InsightsEntry;

export interface InsightsGroup {
    kind: 'group';
    /** Stable across refreshes, so VS Code keeps what the user expanded. */
    id: string;
    label: string;
    description?: string;
    icon: string;
    expanded: boolean;
    children: InsightsNode[];
}

export interface InsightsEntry {
    kind: 'entry';
    label: string;
    description: string;
    /** Everything the row says, in words: the tooltip and what a screen reader reads. */
    tooltip: string;
    icon: string;
    /** The document's URI and the item's range in it. */
    uri: string;
    range: Range;
}

const SEVERITY_ICONS: Record<Level | 'none', string> = { high: 'error', medium: 'warning', low: 'info', none: 'circle-outline' };

export function insightsTree(result: InsightsResult, relativePath: (uri: string) => string): InsightsNode[] {
    const { insights } = result;
    const input: ReportInput = { insights, names: namesFromTitles(result.titles) };
    const where = (item: Parameters<typeof placeTitle>[0]) => placeTitle(item, input);
    const source = (item: { file: string; line: number }) => `${relativePath(item.file)}:${item.line}`;

    const pains = insights.pains.map((pain): InsightsEntry => {
        const severity = pain.severity ?? 'none';
        const facts = [
            pain.severity ? `${pain.severity} severity` : 'no severity', where(pain),
            ...pain.emotion !== null ? [`emotion ${emotionText(pain.emotion)}`] : [], ...pain.momentOfTruth ? ['moment of truth'] : [],
            pain.opportunities > 0 ? plural(pain.opportunities, 'opportunity', 'opportunities') : 'no opportunity',
        ];
        return {
            kind: 'entry', label: pain.text, description: `${pain.severity ?? '—'} · ${where(pain)}`,
            tooltip: `Pain: ${pain.text} — ${facts.join(', ')} (${source(pain)})`, icon: SEVERITY_ICONS[severity], uri: pain.file, range: pain.range,
        };
    });

    const opportunity = (o: Located<OpportunityInsight>): InsightsEntry => {
        const owner = o.owner === null ? 'no owner' : input.names.team(o.owner);
        const facts = [where(o), `owner ${owner}`, `impact ${o.impact ?? '—'}`, `effort ${o.effort ?? '—'}`, `status ${o.status ?? '—'}`, plural(o.pains, 'pain', 'pains')];
        return {
            kind: 'entry', label: o.text, description: `${owner} · impact ${o.impact ?? '—'} · effort ${o.effort ?? '—'}`,
            tooltip: `Opportunity: ${o.text} — ${facts.join(', ')} (${source(o)})`,
            icon: o.status === 'done' ? 'pass' : o.status === 'dropped' ? 'circle-slash' : 'lightbulb', uri: o.file, range: o.range,
        };
    };
    const statuses = byStatus(insights.opportunities).map((group): InsightsGroup => ({
        kind: 'group', id: `opportunities/${group.title}`, label: group.title, description: String(group.items.length), icon: 'folder',
        expanded: group.title !== 'Done' && group.title !== 'Dropped', children: group.items.map(opportunity),
    }));

    const owners = insights.owners.map((owner): InsightsGroup => ({
        kind: 'group', id: `owners/${owner.team}`, label: input.names.team(owner.team), description: `${owner.open} open · ${owner.done} done`,
        icon: 'organization', expanded: false, children: insights.opportunities.filter(o => o.owner === owner.team).map(opportunity),
    }));

    const offTarget = insights.metrics.filter(m => m.onTarget === false).map((m): InsightsEntry => {
        const values = `${m.baseline ?? '—'} → ${m.value ?? '—'} → ${m.target}`;
        return {
            kind: 'entry', label: m.name, description: `${values} · ${where(m)}`,
            tooltip: `KPI off target: ${m.name} — baseline ${m.baseline ?? '—'}, value ${m.value ?? '—'}, target ${m.target}; ${where(m)} (${source(m)})`,
            icon: 'graph-line', uri: m.file, range: m.range,
        };
    });

    const unsupported = insights.evidence.stepsWithout.map((step): InsightsEntry => {
        const title = input.names.step(step.journey, step.step);
        return {
            kind: 'entry', label: title, description: input.names.journey(step.journey),
            tooltip: `Assumption to test: step ${title} of ${input.names.journey(step.journey)} rests on no evidence (${source(step)})`,
            icon: 'question', uri: step.file, range: step.range,
        };
    });

    const group = (id: string, label: string, icon: string, children: InsightsNode[], count: number, expanded: boolean): InsightsGroup =>
        ({ kind: 'group', id, label, description: String(count), icon, expanded, children });
    return [
        group('pains', 'Pains', 'flame', pains, pains.length, true),
        group('opportunities', 'Opportunities', 'lightbulb', statuses, insights.opportunities.length, true),
        group('owners', 'Owners', 'organization', owners, owners.length, false),
        group('kpis', 'KPIs off target', 'graph-line', offTarget, offTarget.length, false),
        group('evidence', 'Steps without evidence', 'question', unsupported, unsupported.length, false),
    ];
}
