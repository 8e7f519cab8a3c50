import type { EmotionValue } from '../../language/model/journey-model.js';
import type { SourcedJourney } from './insights-engine.js';

/**
 * Titles for people: the JSON report names journeys, stages, steps and teams by id; the Markdown
 * and HTML reports show their titles, and HTML draws each journey's emotion curve. Built from the
 * same journeys as the insights.
 */
export interface InsightsNames {
    journey(journey: string): string;
    stage(journey: string, stage: string): string;
    step(journey: string, step: string): string;
    team(team: string): string;
    /** Each journey's steps in order with their emotions, for the curves. */
    curves: JourneyCurve[];
}

export interface JourneyCurve {
    journey: string;
    title: string;
    file: string;
    line: number;
    steps: Array<{ id: string; title: string; emotion?: EmotionValue; momentOfTruth: boolean }>;
}

/**
 * The titles as plain data (entries keyed by id; stages and steps by `journey\0id`), so they can
 * cross a process boundary: the language server sends them with `journeymap/insights`.
 */
export interface InsightsTitles {
    journeys: Array<[string, string]>;
    stages: Array<[string, string]>;
    steps: Array<[string, string]>;
    teams: Array<[string, string]>;
    curves: JourneyCurve[];
}

export function insightsNames(journeys: readonly SourcedJourney[]): InsightsNames {
    return namesFromTitles(insightsTitles(journeys));
}

export function namesFromTitles(titles: InsightsTitles): InsightsNames {
    const journeyTitles = new Map(titles.journeys);
    const stageTitles = new Map(titles.stages);
    const stepTitles = new Map(titles.steps);
    const teamTitles = new Map(titles.teams);
    return {
        journey: id => journeyTitles.get(id) ?? id,
        stage: (journey, id) => stageTitles.get(`${journey}\0${id}`) ?? id,
        step: (journey, id) => stepTitles.get(`${journey}\0${id}`) ?? id,
        team: id => teamTitles.get(id) ?? id,
        curves: titles.curves,
    };
}

export function insightsTitles(journeys: readonly SourcedJourney[]): InsightsTitles {
    const journeyTitles = new Map<string, string>();
    const stageTitles = new Map<string, string>();
    const stepTitles = new Map<string, string>();
    const teamTitles = new Map<string, string>();
    // First one wins: a duplicated journey id is an error the maps already report.
    const remember = (map: Map<string, string>, key: string, title: string) => { if (!map.has(key)) map.set(key, title); };
    const curves: JourneyCurve[] = [];
    for (const { file, journey } of journeys) {
        remember(journeyTitles, journey.id, journey.title);
        const steps: JourneyCurve['steps'] = [];
        const opportunities = [...journey.opportunities ?? []];
        for (const stage of journey.stages) {
            remember(stageTitles, `${journey.id}\0${stage.id}`, stage.title);
            opportunities.push(...stage.opportunities ?? []);
            for (const step of stage.steps) {
                remember(stepTitles, `${journey.id}\0${step.id}`, step.title);
                opportunities.push(...step.opportunities);
                steps.push({ id: step.id, title: step.title, ...(step.emotion !== undefined ? { emotion: step.emotion } : {}), momentOfTruth: step.moment !== undefined });
            }
        }
        for (const team of journey.teams) remember(teamTitles, team.id, team.title);
        for (const opportunity of opportunities) {
            if (opportunity.owner?.title) remember(teamTitles, opportunity.owner.id, opportunity.owner.title);
        }
        curves.push({ journey: journey.id, title: journey.title, file, line: journey.range.start.line + 1, steps });
    }
    return { journeys: [...journeyTitles], stages: [...stageTitles], steps: [...stepTitles], teams: [...teamTitles], curves };
}
