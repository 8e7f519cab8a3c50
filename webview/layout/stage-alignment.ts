/**
 * Two pictures of one journey, before and after, laid out so each stage starts at the same x in
 * both: the compare view then pans them together and a stage sits above (or beside) itself.
 * Pure, like the layout it calls twice.
 */
import type { JourneyModel } from '../../language/model/journey-model.js';
import { layoutJourney, stageWidths, type LayoutOptions, type StageFrame } from './journey-layout.js';
import type { MapLayout } from './layout-types.js';

export interface AlignedLayouts {
    old?: MapLayout;
    new?: MapLayout;
}

export function layoutAligned(before: JourneyModel | undefined, after: JourneyModel | undefined, options: LayoutOptions = {}): AlignedLayouts {
    if (!before || !after) {
        return { ...(before ? { old: layoutJourney(before, options) } : {}), ...(after ? { new: layoutJourney(after, options) } : {}) };
    }
    const frame = stageFrame(before, after, options);
    return { old: layoutJourney(before, { ...options, stageFrame: frame }), new: layoutJourney(after, { ...options, stageFrame: frame }) };
}

/**
 * The stages of both versions in one order — the new order, with stages only the old one has
 * after the stage that preceded them there — each as wide as the wider of its two pictures.
 */
function stageFrame(before: JourneyModel, after: JourneyModel, options: LayoutOptions = {}): StageFrame {
    const widths = new Map<string, number>();
    for (const journey of [before, after]) {
        for (const [id, width] of stageWidths(journey, options)) widths.set(id, Math.max(widths.get(id) ?? 0, width));
    }
    const order = after.stages.map(s => s.id);
    before.stages.forEach((stage, i) => {
        if (order.includes(stage.id)) return;
        const previous = i > 0 ? order.indexOf(before.stages[i - 1].id) : -1;
        order.splice(previous + 1, 0, stage.id);
    });
    return { order: [...new Set(order)], widths };
}
