import assert from 'node:assert/strict';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import type { MapLayout } from '../../webview/layout/layout-types.js';
import { layoutAligned } from '../../webview/layout/stage-alignment.js';
import { journeyOf } from './preview-fixtures.js';

function map(stages: Record<string, string[]>, long = ''): string {
    const body = Object.entries(stages).map(([stage, steps]) =>
        `  stage ${stage} {\n${steps.map(step => `    step ${step} "${step === 'wide' ? long : step}" { emotion 1 }\n`).join('')}  }\n`).join('');
    return `journey j "J" {\n${body}}\n`;
}

/** x and right edge of each stage card. */
function stages(layout: MapLayout): Record<string, [number, number]> {
    return Object.fromEntries(layout.cards.filter(c => c.kind === 'stage').map(c => [c.id!, [c.x, c.x + c.width]]));
}

function assertColumnsInOrder(layout: MapLayout): void {
    for (let i = 1; i < layout.columns.length; i++) {
        const [a, b] = [layout.columns[i - 1], layout.columns[i]];
        assert.ok(b.x >= a.x + a.width, `column ${b.key} overlaps ${a.key}`);
    }
}

describe('stage alignment of two pictures', () => {
    it('puts each stage at the same x and width in both, leaving a gap for a stage one side lacks', async () => {
        const before = await journeyOf(map({ a: ['a1'], b: ['b1', 'b2'], c: ['c1'] }));
        const after = await journeyOf(map({ a: ['a1', 'wide'], c: ['c1', 'c2', 'c3'], d: ['d1'] }, 'A step title long enough to widen its column a lot'));
        const aligned = layoutAligned(before, after);
        const [old, now] = [stages(aligned.old!), stages(aligned.new!)];
        assert.deepEqual(old.a, now.a);
        assert.deepEqual(old.c, now.c);
        assert.ok(now.c[0] > old.b[1], 'the new picture leaves the place of the removed stage b empty');
        assert.ok(now.d[0] > now.c[1]);
        // Each side is at least as wide as it would be alone, and never overlaps itself.
        for (const [side, journey] of [[aligned.old!, before], [aligned.new!, after]] as const) {
            assertColumnsInOrder(side);
            const alone = stages(layoutJourney(journey));
            for (const [id, [x0, x1]] of Object.entries(stages(side))) assert.ok(x1 - x0 >= alone[id][1] - alone[id][0], `stage ${id} kept its width`);
        }
        // The emotion points follow the columns they belong to.
        for (const point of aligned.new!.emotion!.points) {
            const column = aligned.new!.columns.find(c => c.step === point.step)!;
            assert.ok(point.x >= column.x && point.x <= column.x + column.width);
        }
    });

    it('keeps widths but its own order when a stage moved, and is deterministic', async () => {
        const before = await journeyOf(map({ a: ['a1'], b: ['b1'], c: ['c1'] }));
        const after = await journeyOf(map({ b: ['b1'], a: ['a1'], c: ['c1'] }));
        const aligned = layoutAligned(before, after);
        assertColumnsInOrder(aligned.old!);
        assertColumnsInOrder(aligned.new!);
        const now = stages(aligned.new!);
        assert.ok(now.b[0] < now.a[0], 'the new picture keeps its own stage order');
        assert.deepEqual(layoutAligned(before, after), aligned);
    });

    it('lays out a side alone when the other has no such journey', async () => {
        const journey = await journeyOf(map({ a: ['a1'] }));
        assert.deepEqual(layoutAligned(undefined, journey), { new: layoutJourney(journey) });
        assert.deepEqual(layoutAligned(journey, undefined), { old: layoutJourney(journey) });
    });
});
