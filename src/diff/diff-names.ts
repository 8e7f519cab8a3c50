import type { JourneyModel } from '../../language/model/journey-model.js';
import type { JourneyChange } from './diff-model.js';

interface Names {
    title: Map<string, string>;
    /** Titles that two stages (steps) of this version share. */
    shared: Set<string>;
}

function names(items: readonly { id: string; title: string }[]): Names {
    const idsOf = new Map<string, Set<string>>();
    for (const item of items) idsOf.set(item.title, (idsOf.get(item.title) ?? new Set()).add(item.id));
    return {
        title: new Map(items.map(item => [item.id, item.title])),
        shared: new Set([...idsOf].filter(([, ids]) => ids.size > 1).map(([title]) => title)),
    };
}

/**
 * Gives a journey's changes the titles of the stages and steps they are in, so every format can
 * name them as a reader knows them (docs/diff.md), and marks the titles another stage or step of
 * the journey shares (in either version): formats add the id after those. Old titles name what
 * was removed and where a move came from; new titles the rest.
 */
export function nameChanges(o: JourneyModel, n: JourneyModel, changes: readonly JourneyChange[]): void {
    const stages = { old: names(o.stages), new: names(n.stages) };
    const steps = { old: names(o.stages.flatMap(s => s.steps)), new: names(n.stages.flatMap(s => s.steps)) };
    const sharedStage = (title: string) => stages.old.shared.has(title) || stages.new.shared.has(title);
    const sharedStep = (title: string) => steps.old.shared.has(title) || steps.new.shared.has(title);
    const stageTitle = (id: string, side: 'old' | 'new') => stages[side].title.get(id) ?? stages[side === 'old' ? 'new' : 'old'].title.get(id) ?? id;
    const stepTitle = (id: string, side: 'old' | 'new') => steps[side].title.get(id) ?? steps[side === 'old' ? 'new' : 'old'].title.get(id) ?? id;
    const holderTitle = (key: string, side: 'old' | 'new', journey: JourneyModel) => {
        if (key.startsWith('stage:')) return stageTitle(key.slice('stage:'.length), side);
        if (key.startsWith('step:')) return stepTitle(key.slice('step:'.length), side);
        return journey.title;
    };
    const holderShared = (key: string, title: string) => (key.startsWith('stage:') ? sharedStage(title) : key.startsWith('step:') ? sharedStep(title) : false);

    for (const change of changes) {
        const side = change.kind === 'removed' ? 'old' : 'new';
        const ambiguous: string[] = [];
        if (change.element === 'stage') {
            const title = change.title ?? stageTitle(String(change.kind === 'renamed' ? change.to : change.id), side);
            change.title = title;
            if (sharedStage(title)) ambiguous.push('title');
        }
        if (change.element === 'step' && change.title !== undefined && sharedStep(change.title)) ambiguous.push('title');
        if (typeof change.stage === 'string') {
            change.stageTitle = stageTitle(change.stage, side);
            if (sharedStage(change.stageTitle)) ambiguous.push('stageTitle');
        } else if (change.stage) {
            change.stageTitle = { from: stageTitle(change.stage.from, 'old'), to: stageTitle(change.stage.to, 'new') };
            if (sharedStage(change.stageTitle.from) || sharedStage(change.stageTitle.to)) ambiguous.push('stageTitle');
        }
        if (change.step !== undefined) {
            change.stepTitle = stepTitle(change.step, side);
            if (sharedStep(change.stepTitle)) ambiguous.push('stepTitle');
        }
        if (change.holder) {
            change.holderTitle = { from: holderTitle(change.holder.from, 'old', o), to: holderTitle(change.holder.to, 'new', n) };
            if (holderShared(change.holder.from, change.holderTitle.from) || holderShared(change.holder.to, change.holderTitle.to)) ambiguous.push('holderTitle');
        }
        if (ambiguous.length) change.ambiguous = ambiguous;
    }
}
