import assert from 'node:assert/strict';
import type { JourneyModel } from '../../language/model/journey-model.js';
import { generateJourneyMap } from '../../bench/generate-map.js';
import { layoutJourney, type LayoutOptions } from '../../webview/layout/journey-layout.js';
import { LayoutMemo, likeness } from '../../webview/layout/layout-memo.js';
import { example, FULL_MAP, gpBookingNext, hostileMap, journeyOf } from './preview-fixtures.js';

/** Every range in the model one line further down: what a line added at the top of the file does. */
function shifted<T>(value: T): T {
    const copy = structuredClone(value);
    const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
            const record = node as Record<string, unknown>;
            if (typeof record.line === 'number' && typeof record.character === 'number') record.line += 1;
            else Object.values(record).forEach(walk);
        }
    };
    walk(copy);
    return copy;
}

/** A run of edits like typing makes, each a new model (as each message is). */
function edits(original: JourneyModel): Array<{ what: string; journey: JourneyModel; options?: LayoutOptions }> {
    const edit = (what: string, change: (j: JourneyModel) => void, from: JourneyModel = original) => {
        const journey = structuredClone(from);
        change(journey);
        return { what, journey };
    };
    const steps = (j: JourneyModel) => j.stages.flatMap(s => s.steps);
    const list = [
        { what: 'the first picture', journey: structuredClone(original) },
        edit('a step retitled', j => { const step = steps(j)[0]; if (step) step.title += ' (edited)'; }),
        { what: 'every range a line down', journey: shifted(original) },
        edit('a step retitled to a long title', j => { const step = steps(j).at(-1); if (step) step.title = `${step.title} ${'and much more '.repeat(12)}`; }),
        edit('a pain rewritten, a touchpoint added', j => {
            const step = steps(j).find(s => s.pains.length > 0) ?? steps(j)[0];
            if (!step) return;
            if (step.pains[0]) step.pains[0].text = 'Nobody answers the phone for twenty minutes';
            step.touchpoints.push({ text: 'A brand new touchpoint', range: step.range });
        }),
        edit('a step removed', j => { const stage = j.stages.find(s => s.steps.length > 1); stage?.steps.splice(1, 1); }),
        edit('stages swapped', j => { if (j.stages.length > 1) [j.stages[0], j.stages[1]] = [j.stages[1], j.stages[0]]; }),
        edit('a stage goal changed', j => { if (j.stages[0]) j.stages[0].goal = 'A goal that is new'; }),
        edit('the persona and the title changed', j => { j.title += ' (draft)'; if (j.persona) j.persona.quote = 'I just want it to work.'; }),
        { what: 'lanes hidden', journey: structuredClone(original), options: { hiddenLanes: new Set(['mindset', 'pains']) } },
        { what: 'back to the first', journey: structuredClone(original) },
    ];
    return list;
}

async function journeys(): Promise<Array<[string, JourneyModel]>> {
    const named: Array<[string, JourneyModel]> = [];
    for (const name of ['gift-purchase.journey', 'gift-return.journey', 'saas-onboarding.journey', 'gp-booking-today.journey']) named.push([name, await journeyOf(example(name))]);
    named.push(['gp-booking-next.journey (future of)', await gpBookingNext()]);
    named.push(['every member', await journeyOf(FULL_MAP)]);
    named.push(['hostile text', await journeyOf(hostileMap())]);
    named.push(['100 generated steps', await journeyOf(generateJourneyMap({ steps: 100, seed: 3 }))]);
    return named;
}

describe('layout memo (webview/layout/layout-memo.ts)', function () {
    this.timeout(60_000);

    it('never changes a layout: each of a run of edits lays out exactly as without the memo', async () => {
        for (const [name, journey] of await journeys()) {
            const memo = new LayoutMemo();
            for (const { what, journey: edited, options } of edits(journey)) {
                assert.deepStrictEqual(layoutJourney(edited, { ...options, memo }), layoutJourney(edited, options), `${name}: ${what}`);
            }
        }
    });

    it('gives back the same card objects for the steps an edit left alone, and new ones for the step it changed', async () => {
        const journey = await journeyOf(generateJourneyMap({ steps: 100, seed: 5 }));
        const memo = new LayoutMemo();
        const before = layoutJourney(journey, { memo });
        const edited = structuredClone(journey);
        const step = edited.stages[3].steps[0];
        step.title = 'Retitled';
        const after = layoutJourney(edited, { memo });
        const previous = new Map(before.cards.map(c => [c.key, c]));
        const lanes = after.cards.filter(c => c.lane !== 'header' && c.kind !== 'stage' && c.stage === undefined);
        const edits = lanes.filter(c => c.step === step.id);
        const others = lanes.filter(c => c.step !== step.id);
        assert.ok(edits.length > 0 && others.length > 500);
        assert.ok(edits.every(c => c !== previous.get(c.key)), 'the retitled step is laid out again');
        // Cards in the same column below the retitled step card may move; every other card is the very same object.
        const column = after.columns.find(c => c.step === step.id)!;
        const elsewhere = others.filter(c => c.x !== column.x);
        assert.ok(elsewhere.length > 500);
        assert.ok(elsewhere.every(c => c === previous.get(c.key)), 'cards of unchanged steps are reused');
    });

    it('tells same, moved and changed apart', () => {
        const range = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 9 } });
        const a = { title: 'Pays', range: range(3), pains: [{ text: 'Slow', range: range(4) }], idRange: range(3) };
        assert.equal(likeness(a, structuredClone(a)), 'same');
        assert.equal(likeness(a, { ...a, range: range(5), pains: [{ text: 'Slow', range: range(6) }], idRange: range(5) }), 'moved');
        assert.equal(likeness(a, { ...a, title: 'Paid' }), 'changed');
        assert.equal(likeness(a, { ...a, pains: [] }), 'changed');
        assert.equal(likeness(a, { ...a, extra: undefined }), 'changed');
        assert.equal(likeness([1, 2], [1, 2, 3]), 'changed');
    });
});
