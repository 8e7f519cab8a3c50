import type {
    JourneyDocumentModel, JourneyModel, MetricModel, OpportunityModel, PainModel, Range, StageModel, StepModel,
} from '../../language/model/journey-model.js';
import {
    INSIGHTS_SCHEMA_VERSION, type Insights, type InsightPlace, type LocatedInsights, type LowestMoment, type MetricInsight,
    type OpportunityInsight, type OwnerInsight, type PainInsight,
} from './insights-model.js';
import { metricOnTarget } from './metric-target.js';
import { compareMetrics, compareOpportunities, comparePains, compareSource, compareText, isOpen, type Positioned } from './insights-order.js';

/** One file of the workspace: its path as the reader should see it, and its plain model. */
export interface InsightsSource {
    file: string;
    model: JourneyDocumentModel;
}

export interface InsightsOptions {
    /** Only the journeys with this id. */
    journey?: string;
}

/** A journey with the file it lives in, in file order (path, then line). */
export interface SourcedJourney {
    file: string;
    journey: JourneyModel;
}

/** The journeys the report covers, in file order. */
export function reportedJourneys(sources: readonly InsightsSource[], options: InsightsOptions = {}): SourcedJourney[] {
    const all = sources.flatMap(source => source.model.journeys.map(journey => ({ file: source.file, journey })));
    return all.filter(({ journey }) => options.journey === undefined || journey.id === options.journey)
        .sort((a, b) => compareSource(at(a.file, a.journey.range), at(b.file, b.journey.range)));
}

/** The insights of docs/report.md over the plain models of a workspace. Pure: no parser, no I/O. */
export function computeInsights(sources: readonly InsightsSource[], options: InsightsOptions = {}): Insights {
    const located = computeLocatedInsights(sources, options);
    return {
        ...located,
        pains: located.pains.map(withoutRange),
        opportunities: located.opportunities.map(withoutRange),
        metrics: located.metrics.map(withoutRange),
        evidence: { ...located.evidence, stepsWithout: located.evidence.stepsWithout.map(withoutRange) },
    };
}

/**
 * The same insights, each item with the range of its source: the editor's Journey Insights view
 * selects it on a click. The JSON report has the line only.
 */
export function computeLocatedInsights(sources: readonly InsightsSource[], options: InsightsOptions = {}): LocatedInsights {
    const journeys = reportedJourneys(sources, options);
    const pains: Array<PainInsight & Located> = [];
    const opportunities: Array<OpportunityInsight & Located> = [];
    const metrics: Array<MetricInsight & Located> = [];
    const stepsWithout: LocatedInsights['evidence']['stepsWithout'] = [];
    const lowestMoments: LowestMoment[] = [];
    const totals = { journeys: journeys.length, stages: 0, steps: 0, pains: 0, opportunities: 0, failPoints: 0, momentsOfTruth: 0 };
    let solicited = 0;
    let unsolicited = 0;

    for (const { file, journey } of journeys) {
        const place = (stage?: StageModel, step?: StepModel): InsightPlace => ({ journey: journey.id, stage: stage?.id ?? null, step: step?.id ?? null });
        const addPain = (pain: PainModel, where: InsightPlace, step: StepModel | undefined, opportunityCount: number) => pains.push({
            ...where, text: pain.text, severity: pain.severity ?? null, emotion: step?.emotion ?? null, momentOfTruth: step?.moment !== undefined,
            opportunities: opportunityCount, ...at(file, pain.range),
        });
        const addOpportunity = (opportunity: OpportunityModel, where: InsightPlace, painCount: number) => opportunities.push({
            ...where, id: opportunity.id ?? null, text: opportunity.text, owner: opportunity.owner?.id ?? null,
            impact: opportunity.impact ?? null, effort: opportunity.effort ?? null, status: opportunity.status ?? null,
            pains: painCount, ...at(file, opportunity.range),
        });
        const addMetric = (metric: MetricModel, where: InsightPlace) => {
            if (!metric.target) return;
            metrics.push({
                ...where, name: metric.name, value: metric.value?.text ?? null, baseline: metric.baseline?.text ?? null,
                target: metric.target.text, onTarget: metricOnTarget(metric), ...at(file, metric.range),
            });
        };
        const countEvidence = (items: ReadonlyArray<{ solicited: boolean }> | undefined) => {
            for (const item of items ?? []) {
                if (item.solicited) solicited++;
                else unsolicited++;
            }
        };

        const journeyPains = journey.stages.reduce((sum, stage) => sum + stagePainCount(stage), 0);
        for (const opportunity of journey.opportunities ?? []) addOpportunity(opportunity, place(), journeyPains);
        for (const metric of journey.metrics ?? []) addMetric(metric, place());
        countEvidence(journey.evidence);
        totals.opportunities += journey.opportunities?.length ?? 0;
        totals.pains += journeyPains;

        for (const stage of journey.stages) {
            totals.stages++;
            const stageOpportunities = stage.opportunities?.length ?? 0;
            totals.opportunities += stageOpportunities;
            for (const pain of stage.pains ?? []) addPain(pain, place(stage), undefined, stageOpportunities);
            for (const opportunity of stage.opportunities ?? []) addOpportunity(opportunity, place(stage), stagePainCount(stage));
            for (const metric of stage.metrics ?? []) addMetric(metric, place(stage));
            countEvidence(stage.evidence);
            for (const step of stage.steps) {
                totals.steps++;
                totals.opportunities += step.opportunities.length;
                if (step.moment) totals.momentsOfTruth++;
                totals.failPoints += [...step.onstage, ...step.offstage, ...step.support].filter(action => action.fail).length;
                for (const pain of step.pains) addPain(pain, place(stage, step), step, step.opportunities.length + stageOpportunities);
                for (const opportunity of step.opportunities) addOpportunity(opportunity, place(stage, step), step.pains.length);
                for (const metric of step.metrics) addMetric(metric, place(stage, step));
                countEvidence(step.evidence);
                if (step.evidence.length === 0 && !stage.evidence?.length) {
                    const { file: f, line, range } = at(file, step.range);
                    stepsWithout.push({ journey: journey.id, step: step.id, file: f, line, range });
                }
            }
        }
        lowestMoments.push(...lowestOf(journey));
    }

    return {
        schemaVersion: INSIGHTS_SCHEMA_VERSION,
        totals,
        pains: pains.sort(comparePains).map(withoutColumn),
        opportunities: opportunities.sort(compareOpportunities).map(withoutColumn),
        owners: ownersOf(opportunities),
        metrics: metrics.sort(compareMetrics).map(withoutColumn),
        evidence: { solicited, unsolicited, stepsWithout },
        lowestMoments,
    };
}

/** Every pain of a stage: its own and its steps'. */
function stagePainCount(stage: StageModel): number {
    return (stage.pains?.length ?? 0) + stage.steps.reduce((sum, step) => sum + step.pains.length, 0);
}

/** The steps with the journey's lowest emotion, then its moments of truth below 0 not listed yet; file order in each. */
function lowestOf(journey: JourneyModel): LowestMoment[] {
    const steps = journey.stages.flatMap(stage => stage.steps).filter(step => step.emotion !== undefined);
    if (steps.length === 0) return [];
    const lowest = Math.min(...steps.map(step => step.emotion as number));
    const listed = steps.filter(step => step.emotion === lowest);
    const moments = steps.filter(step => step.moment && (step.emotion as number) < 0 && !listed.includes(step));
    return [...listed, ...moments].map(step => ({ journey: journey.id, step: step.id, emotion: step.emotion!, momentOfTruth: step.moment !== undefined }));
}

function ownersOf(opportunities: readonly OpportunityInsight[]): OwnerInsight[] {
    const owners = new Map<string, OwnerInsight>();
    for (const opportunity of opportunities) {
        if (opportunity.owner === null) continue;
        const owner = owners.get(opportunity.owner) ?? { team: opportunity.owner, open: 0, done: 0 };
        owners.set(owner.team, owner);
        if (isOpen(opportunity.status)) owner.open++;
        else if (opportunity.status === 'done') owner.done++;
    }
    return [...owners.values()].sort((a, b) => b.open - a.open || compareText(a.team, b.team));
}

type Located = Positioned & { range: Range };

/** 1-based line (as the command line's diagnostics), the 0-based column for the last tie-break, and the whole range. */
function at(file: string, range: Range): Located {
    return { file, line: range.start.line + 1, column: range.start.character, range };
}

function withoutRange<T extends { range: Range }>(item: T): Omit<T, 'range'> {
    const { range: _range, ...rest } = item;
    return rest;
}

function withoutColumn<T extends { column: number }>(item: T): Omit<T, 'column'> {
    const { column: _column, ...rest } = item;
    return rest;
}
