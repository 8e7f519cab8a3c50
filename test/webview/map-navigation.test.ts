import assert from 'node:assert/strict';
import { firstCard, nextCard, type Direction } from '../../webview/app/map-navigation.js';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import type { MapLayout } from '../../webview/layout/layout-types.js';
import { gpBookingNext, journeyOf, twelveStepMap } from './preview-fixtures.js';

/** The keys a sequence of arrow keys visits from `start`. */
function walk(layout: MapLayout, start: string, keys: Direction[]): Array<string | undefined> {
    let card = layout.cards.find(c => c.key === start)!;
    return keys.map(direction => {
        const next = nextCard(layout, card, direction);
        if (next) card = next;
        return next?.key;
    });
}

describe('map navigation (arrow keys, from the layout)', () => {
    it('goes along a lane step by step, across lanes in a column, and stops at the edges', async () => {
        const layout = layoutJourney(await journeyOf(twelveStepMap()));
        assert.equal(firstCard(layout)?.key, 'step:s0');
        assert.deepEqual(walk(layout, 'step:s0', ['left', 'right', 'right', 'down', 'down', 'down', 'up']),
            [undefined, 'step:s1', 'step:s2', 'thinks:s2:0', 'onstage:s2:0', undefined, 'thinks:s2:0']);
        assert.deepEqual(walk(layout, 'step:s3', ['down', 'down', 'down', 'right', 'left', 'up']),
            ['thinks:s3:0', 'onstage:s3:0', 'pain:s3:0', undefined, undefined, 'onstage:s3:0']);
        assert.deepEqual(walk(layout, 'step:s8', ['up', 'down', 'end', 'home', 'up', 'right', 'right']),
            ['stage:two', 'step:s6', 'step:s11', 'step:s0', 'stage:one', 'stage:two', undefined]);
    });

    it('reaches every card of a schema-2 map (header, stage-level, stacked members) from the first step', async () => {
        const layout = layoutJourney(await gpBookingNext());
        const seen = new Set<string>();
        const queue = [firstCard(layout)!];
        while (queue.length > 0) {
            const card = queue.pop()!;
            if (seen.has(card.key)) continue;
            seen.add(card.key);
            for (const direction of ['left', 'right', 'up', 'down'] as const) {
                const next = nextCard(layout, card, direction);
                if (next && !seen.has(next.key)) queue.push(next);
            }
        }
        assert.deepEqual(layout.cards.map(c => c.key).filter(k => !seen.has(k)), []);
    });
});
