import type { JourneyModel, StepModel } from '../../language/model/journey-model.js';

/**
 * The emotion curve of a journey before and after a change, over the steps present in both
 * versions (matched by id, then by title; in the new order). What the pull-request comment draws
 * (REACH.md: "In the pull request itself"). Plain data: formats draw it.
 */
export interface EmotionChart {
    /** Titles of the steps in both versions, in the new order. */
    steps: string[];
    /** Emotion of each of those steps before and after; a step without emotion counts as 0. */
    before: number[];
    after: number[];
    /** Titles of the steps only in the new version, and only in the old one: the chart leaves them out. */
    added: string[];
    removed: string[];
}

/** The chart of a journey whose emotions changed (a step in both versions feels different), else undefined. */
export function emotionChart(before: JourneyModel, after: JourneyModel): EmotionChart | undefined {
    const oldSteps = before.stages.flatMap(s => s.steps);
    const newSteps = after.stages.flatMap(s => s.steps);
    const partner = matchSteps(oldSteps, newSteps);
    const chart: EmotionChart = { steps: [], before: [], after: [], added: [], removed: [] };
    let changed = false;
    for (const step of newSteps) {
        const old = partner.get(step);
        if (!old) {
            chart.added.push(label(step));
            continue;
        }
        chart.steps.push(label(step));
        chart.before.push(old.emotion ?? 0);
        chart.after.push(step.emotion ?? 0);
        if (old.emotion !== step.emotion) changed = true;
    }
    const matchedOld = new Set(partner.values());
    chart.removed = oldSteps.filter(step => !matchedOld.has(step)).map(label);
    return changed ? chart : undefined;
}

/** A step by its title, by its id where the title is empty. */
function label(step: StepModel): string {
    return step.title.trim() ? step.title : step.id;
}

/** New step → its old version: the same id first (a repeated id pairs in order), then the same title. */
function matchSteps(olds: readonly StepModel[], news: readonly StepModel[]): Map<StepModel, StepModel> {
    const partner = new Map<StepModel, StepModel>();
    const taken = new Set<StepModel>();
    const pair = (key: (step: StepModel) => string) => {
        const free = new Map<string, StepModel[]>();
        for (const step of olds) if (!taken.has(step)) free.set(key(step), [...(free.get(key(step)) ?? []), step]);
        for (const step of news) {
            if (partner.has(step)) continue;
            const old = free.get(key(step))?.shift();
            if (old) {
                partner.set(step, old);
                taken.add(old);
            }
        }
    };
    pair(step => step.id);
    pair(step => step.title);
    return partner;
}
