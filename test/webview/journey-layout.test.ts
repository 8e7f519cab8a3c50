import assert from 'node:assert/strict';
import { layoutJourney, LAYOUT, TYPE } from '../../webview/layout/journey-layout.js';
import { LINE_LABELS, ROW_ORDER, STAGE_TONES, type CardLayout, type MapLayout } from '../../webview/layout/layout-types.js';
import { measureText, wrapText } from '../../webview/layout/text-metrics.js';
import { mapSvg } from '../../webview/render/svg-markup.js';
import { FULL_MAP, HOSTILE_TEXTS, example, hostileMap, journeyOf, modelOf } from './preview-fixtures.js';

/** Rows (lanes and lines) top to bottom, by id. */
function rowOrder(layout: MapLayout): string[] {
    return [...layout.lanes.map(l => ({ id: l.id, y: l.y })), ...layout.lines.map(l => ({ id: l.id, y: l.y }))]
        .sort((a, b) => a.y - b.y).map(r => r.id);
}

function overlaps(a: CardLayout, b: CardLayout): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Every line fits its card (or its part) horizontally and vertically; every part its card; no two cards overlap. */
function assertNothingClippedOrOverlapping(layout: MapLayout): void {
    const firstLane = Math.min(...layout.lanes.map(l => l.y));
    for (const card of layout.cards) {
        for (const part of card.parts ?? []) {
            assert.ok(part.x >= 0 && part.y >= 0 && part.x + part.width <= card.width && part.y + part.height <= card.height, `part ${part.kind} leaves card ${card.key}`);
            for (const line of part.lines) {
                const width = measureText(line.text, line.size, line.bold);
                assert.ok(line.x >= 0 && line.x + width <= part.width + 0.01, `line "${line.text}" leaves its ${part.kind} in ${card.key}`);
                assert.ok(line.y - line.size >= 0 && line.y + line.size * 0.3 <= part.height, `line "${line.text}" leaves its ${part.kind} vertically`);
            }
        }
        for (const line of card.lines) {
            const width = measureText(line.text, line.size, line.bold);
            // A card's lines are relative to its top-left corner.
            const left = line.direction === 'rtl' ? line.x - width : line.x;
            assert.ok(left >= LAYOUT.cardPadX - 0.01 && left + width <= card.width - LAYOUT.cardPadX + 0.01,
                `line "${line.text}" (${width}px) leaves card ${card.key} (${card.width}px)`);
            assert.ok(line.y - line.size >= 0 && line.y + line.size * 0.3 <= card.height, `line "${line.text}" leaves card ${card.key} vertically`);
        }
        if (card.lane === 'header') {
            assert.ok(card.y + card.height < firstLane, `header card ${card.key} reaches into the lanes`);
        } else {
            const lane = layout.lanes.find(l => l.id === card.lane)!;
            assert.ok(card.y >= lane.y && card.y + card.height <= lane.y + lane.height, `card ${card.key} leaves lane ${lane.id}`);
        }
        assert.ok(card.x + card.width <= layout.width, `card ${card.key} leaves the picture`);
    }
    for (let i = 0; i < layout.cards.length; i++) {
        for (let j = i + 1; j < layout.cards.length; j++) {
            assert.ok(!overlaps(layout.cards[i], layout.cards[j]), `${layout.cards[i].key} overlaps ${layout.cards[j].key}`);
        }
    }
    const heading = Math.max(...layout.heading.map(l => l.y));
    assert.ok(layout.lanes.every(l => l.y > heading), 'the heading overlaps the lanes');
}

const svgOf = (layout: MapLayout) => mapSvg(layout, { palette: 'light' });

describe('journey layout', () => {
    it('puts every lane and line in the order of the spec when all hold something', async () => {
        const layout = layoutJourney(await journeyOf(FULL_MAP));
        assert.deepEqual(rowOrder(layout), [...ROW_ORDER]);
    });

    it('collapses empty lanes but always shows on-stage and off-stage with the line of visibility between them', async () => {
        const layout = layoutJourney(await journeyOf('journey j for dana { stage s { step a "A" } }'));
        assert.deepEqual(rowOrder(layout), ['stages', 'actions', 'interaction', 'onstage', 'visibility', 'offstage']);
        assert.equal(layout.emotion, undefined);
    });

    it('keeps the order of the spec for the examples', async () => {
        for (const name of ['gift-purchase.journey', 'saas-onboarding.journey', 'gift-return.journey']) {
            const model = await modelOf(example(name), name);
            for (const journey of model.journeys) {
                const rows = rowOrder(layoutJourney(journey));
                const expected = ROW_ORDER.filter(id => rows.includes(id));
                assert.deepEqual(rows, expected, name);
                assert.ok(rows.includes('onstage') && rows.includes('offstage') && rows.includes('visibility'), name);
            }
        }
    });

    it('draws the line of internal interaction only with the support lane, and hides toggled-off lanes', async () => {
        const journey = await journeyOf(FULL_MAP);
        const layout = layoutJourney(journey, { hiddenLanes: new Set(['support', 'pains']) });
        assert.deepEqual(rowOrder(layout), ROW_ORDER.filter(id => !['support', 'internal', 'pains'].includes(id)));
        assert.ok(layout.cards.every(c => c.lane !== 'pains'));
    });

    it('lays out one column per step, stage headers spanning their steps, and a gap in the curve for a step without emotion', async () => {
        const layout = layoutJourney(await journeyOf(FULL_MAP));
        assert.deepEqual(layout.columns.map(c => c.step), ['a', 'b']);
        const stage = layout.cards.find(c => c.key === 'stage:one')!;
        const [a, b] = layout.columns;
        assert.equal(stage.x, a.x);
        assert.equal(stage.x + stage.width, b.x + b.width);
        assert.deepEqual(layout.emotion!.points.map(p => p.value), [2, undefined]);
        const member = layout.cards.find(c => c.key === 'pain:a:0')!;
        assert.equal(member.kind, 'pain');
        assert.equal(member.step, 'a');
        assert.equal(member.variant, 'high');
    });

    it('sizes columns to their content instead of one fixed width', async () => {
        const layout = layoutJourney(await journeyOf(`journey j for dana { stage s {
            step a "A"
            step b "A much longer title that needs more room than the short one next to it" } }`));
        const [a, b] = layout.columns;
        assert.equal(a.width, LAYOUT.minColumn);
        assert.ok(b.width > a.width, `${b.width} > ${a.width}`);
        assert.ok(b.width <= LAYOUT.maxColumn);
    });

    it('is deterministic: the same model gives the same layout and byte-identical SVG', async () => {
        const first = layoutJourney((await modelOf(example('gift-purchase.journey'))).journeys[0]);
        const second = layoutJourney((await modelOf(example('gift-purchase.journey'))).journeys[0]);
        assert.deepEqual(first, second);
        const svg = svgOf(first);
        assert.equal(svgOf(second), svg);
        assert.ok(svg.length > 10_000);
        for (const n of [first.width, first.height, ...first.cards.flatMap(c => [c.x, c.y, c.width, c.height])]) assert.ok(Number.isInteger(n), `${n} is not an integer`);
    });

    it('never clips or overlaps long, unbroken, emoji, CJK and right-to-left text, and loses none of it', async () => {
        const journey = await journeyOf(hostileMap());
        const layout = layoutJourney(journey);
        assertNothingClippedOrOverlapping(layout);
        const longStep = layout.cards.find(c => c.key === 'step:long')!;
        assert.ok(longStep.lines.length > 5, 'a long title wraps into many lines and the card grows');
        const unbroken = layout.cards.find(c => c.key === 'step:unbroken')!;
        assert.equal(unbroken.lines.map(l => l.text).join(''), HOSTILE_TEXTS.unbroken, 'an unbroken word is cut between characters, none lost');
        const rtl = layout.cards.find(c => c.key === 'offstage:rtl:0')!;
        assert.ok(rtl.lines.every(l => l.direction === 'rtl' && l.x === rtl.width - LAYOUT.cardPadX));
        const emoji = layout.cards.find(c => c.key === 'feels:emoji:0')!;
        assert.equal(emoji.lines.slice(1).map(l => l.text).join(' ').replace(/ /g, ''), HOSTILE_TEXTS.emoji.replace(/ /g, ''));
        for (const example_ of ['gift-purchase.journey', 'saas-onboarding.journey', 'gift-return.journey']) {
            for (const j of (await modelOf(example(example_), example_)).journeys) assertNothingClippedOrOverlapping(layoutJourney(j));
        }
    });

    it('wraps at spaces, cuts only words wider than a line, and keeps hard line breaks', () => {
        assert.deepEqual(wrapText('aaa bbb', 1000, 12), ['aaa bbb']);
        const narrow = wrapText('aaa bbb', measureText('aaa', 12) + 1, 12);
        assert.deepEqual(narrow, ['aaa', 'bbb']);
        assert.deepEqual(wrapText('one\ntwo', 1000, 12), ['one', 'two']);
        const cut = wrapText('x'.repeat(100), 60, 12);
        assert.ok(cut.length > 1 && cut.every(l => measureText(l, 12) <= 60));
        assert.equal(cut.join(''), 'x'.repeat(100));
        // A family emoji (a ZWJ sequence) is one grapheme: never cut inside it.
        const family = '👨‍👩‍👧‍👦';
        assert.ok(wrapText(family.repeat(6), 40, 12).every(l => l.length % family.length === 0));
    });

    it('keeps keys unique when ids repeat (a duplicate-id error still draws)', async () => {
        const layout = layoutJourney(await journeyOf(`journey j for dana {
            stage s { step a { pain "P" emotion 1 } step a { pain "Q" emotion 2 } }
            stage s { step b } }`));
        const keys = [...layout.cards.map(c => c.key), ...layout.emotion!.points.map(p => p.key)];
        assert.equal(new Set(keys).size, keys.length, keys.join(' '));
        assert.ok(keys.includes('pain:a~2:0') && keys.includes('stage:s~2') && keys.includes('emotion:a~2'));
        assert.deepEqual(layout.cards.filter(c => c.kind === 'step').map(c => c.id), ['a', 'a', 'b']);
        assertNothingClippedOrOverlapping(layout);
    });

    it('shows a message instead of lanes for a journey without stages', async () => {
        const layout = layoutJourney(await journeyOf('journey j for dana { }'));
        assert.equal(layout.lanes.length, 0);
        assert.match(layout.emptyMessage!.text, /no stages/);
    });
});

describe('journey layout: the picture a CX lead presents', () => {
    it('sets a type scale: card text at 13 px or more, the story bigger and bolder than the annotations', async () => {
        const layout = layoutJourney(await journeyOf(FULL_MAP));
        const lines = layout.cards.flatMap(c => [...c.lines, ...(c.parts ?? []).flatMap(p => p.lines)].map(l => ({ ...l, kind: c.kind })));
        const sizes = (role: string, kind?: string) => lines.filter(l => l.role === role && (!kind || l.kind === kind)).map(l => l.size);
        assert.ok(sizes('body').length > 5 && sizes('body').every(s => s >= 13), `body sizes ${sizes('body')}`);
        assert.ok(lines.every(l => l.size >= TYPE.small), 'nothing below the smallest size of the scale');
        assert.ok(lines.filter(l => l.role !== 'chip').every(l => l.size >= 12), 'only chips are smaller than 12 px');
        const stepTitle = lines.find(l => l.kind === 'step' && l.role === 'title')!;
        const stageTitle = lines.find(l => l.kind === 'stage' && l.role === 'title')!;
        assert.ok(stepTitle.bold && stepTitle.size > TYPE.body, 'step titles bold and bigger than body text');
        assert.ok(stageTitle.bold && stageTitle.size > stepTitle.size, 'stage titles bigger still');
        assert.ok(sizes('meta').every(s => s < TYPE.body), 'annotations (team, owner, labels) smaller than the text they annotate');
        const heading = layout.heading.find(l => l.role === 'heading')!;
        assert.ok(heading.bold && heading.size > stageTitle.size);
        assert.ok(layout.lanes.every(l => l.labelLines.every(t => t.bold && t.size >= 13)), 'lane labels 13 px bold');
    });

    it('gives every stage a colour, cycling, and its step cards the same one', async () => {
        const stages = Array.from({ length: STAGE_TONES + 2 }, (_, i) => `stage s${i} { step a${i} "A" }`).join(' ');
        const layout = layoutJourney(await journeyOf(`journey j { ${stages} }`));
        const tones = layout.cards.filter(c => c.kind === 'stage').map(c => c.tone);
        assert.deepEqual(tones, Array.from({ length: STAGE_TONES + 2 }, (_, i) => i % STAGE_TONES));
        for (const step of layout.cards.filter(c => c.kind === 'step')) assert.equal(step.tone, Number(step.id!.slice(1)) % STAGE_TONES, step.key);
        assert.ok(layout.cards.filter(c => c.kind !== 'stage' && c.kind !== 'step').every(c => c.tone === undefined), 'annotations carry no stage colour');
    });

    it('shows severity as a shape and a word, not only a colour', async () => {
        const layout = layoutJourney(await journeyOf(`journey j { stage s {
            step a { pain "P1" severity high pain "P2" severity medium pain "P3" severity low pain "P4" } } }`));
        const firstLines = layout.cards.filter(c => c.kind === 'pain').map(c => [c.variant, c.lines[0].text, c.lines[0].role]);
        assert.deepEqual(firstLines, [
            ['high', '▲ High', 'severity-high'], ['medium', '● Medium', 'severity-medium'], ['low', '▽ Low', 'severity-low'], ['unrated', 'P4', 'body'],
        ]);
    });

    it('labels the blueprint lines with their name and what lies on either side, the rule starting after the label', async () => {
        const layout = layoutJourney(await journeyOf(FULL_MAP));
        for (const line of layout.lines) {
            const [name, hint] = line.labelLines;
            assert.equal(name.text, LINE_LABELS[line.id]);
            assert.ok(name.bold && name.size >= 12);
            assert.equal(hint.role, 'line-hint');
            assert.ok(hint.text.length > 5 && hint.x > line.labelEnd);
            assert.ok(line.x1 >= hint.x + measureText(hint.text, hint.size), `${line.id}: the rule starts after its label`);
        }
    });

    it('keeps empty on-stage and off-stage lanes, slim, saying what is missing', async () => {
        const layout = layoutJourney(await journeyOf('journey j { stage s { step a "A" } }'));
        const lane = (id: string) => layout.lanes.find(l => l.id === id)!;
        for (const [id, words] of [['onstage', 'No on-stage actions mapped'], ['offstage', 'No off-stage actions mapped']] as const) {
            assert.equal(lane(id).hint?.text, words);
            assert.ok(lane(id).height <= LAYOUT.slimLaneHeight, `${id} is ${lane(id).height} px`);
            assert.ok(lane(id).height < lane('actions').height);
            const hint = lane(id).hint!;
            assert.ok(hint.x >= layout.contentX && hint.y > lane(id).y && hint.y < lane(id).y + lane(id).height, 'the hint lies in its lane, beside the label');
            assert.ok(!hint.bold && hint.size < TYPE.body, 'muted: small and not bold');
        }
        const filled = layoutJourney(await journeyOf('journey j { stage s { step a "A" { onstage "Front" offstage "Back" } } }'));
        assert.ok(filled.lanes.every(l => l.hint === undefined), 'a lane with cards has no hint');
        assert.equal(layoutJourney(await journeyOf('journey j { stage s { step a "A" } }'), { hiddenLanes: new Set(['onstage']) }).lanes.find(l => l.id === 'onstage'), undefined);
    });

    it('draws the emotion lane at least 120 px tall with positive and negative zones around the zero line', async () => {
        const layout = layoutJourney(await journeyOf(`journey j { stage s {
            step a { emotion -1 } step b { emotion +2 } step c step d { emotion -2 } step e { emotion 0 } step f { emotion -2 } } }`));
        const lane = layout.lanes.find(l => l.id === 'emotion')!;
        const emotion = layout.emotion!;
        assert.ok(lane.height >= 120, `${lane.height} px`);
        assert.ok(lane.y <= emotion.top && emotion.top < emotion.zeroY && emotion.zeroY < emotion.bottom && emotion.bottom <= lane.y + lane.height, 'zones inside the lane, split at zero');
        const y = (v: number) => emotion.levels.find(l => l.value === v)!.y;
        assert.ok(emotion.top < y(2) && y(-2) < emotion.bottom, 'every level inside the zones');
        assert.deepEqual(emotion.levels.map(l => l.value), [2, 1, 0, -1, -2]);
        // Equal steps: a -2 weighs exactly as much as a +2.
        assert.equal(y(0) - y(2), y(-2) - y(0));
        assert.ok(y(0) - y(1) >= 24, 'a level is at least 24 px: the value dots never touch');
        // A gap: the step without emotion has no y; the first lowest point is marked, and only it.
        assert.deepEqual(emotion.points.map(p => [p.step, p.value, p.y === undefined]), [
            ['a', -1, false], ['b', 2, false], ['c', undefined, true], ['d', -2, false], ['e', 0, false], ['f', -2, false],
        ]);
        assert.deepEqual(emotion.points.filter(p => p.lowest).map(p => p.step), ['d']);
        // Room under -2 for a dot and its "lowest" label.
        assert.ok(lane.y + lane.height - y(-2) >= 30);
    });

    it('marks moments of truth on the curve, and no "lowest" on a flat curve', async () => {
        const layout = layoutJourney(await journeyOf(`journey j { stage s {
            step a { emotion 1 } step b { emotion 1 moment of truth "Decides" } step c { moment of truth } } }`));
        assert.deepEqual(layout.emotion!.points.map(p => [p.step, !!p.moment, !!p.lowest]), [['a', false, false], ['b', true, false], ['c', true, false]]);
    });
});

describe('journey layout of generated maps', () => {
    it('draws every generated map without clipping or overlap, deterministically', async function () {
        this.timeout(60_000);
        const { generateJourneyMap } = await import('../../bench/generate-map.js');
        for (const seed of [1, 2, 3, 4, 5]) {
            const model = await modelOf(generateJourneyMap({ steps: 40, seed, journeys: 2 }), `generated-${seed}.journey`);
            for (const journey of model.journeys) {
                const layout = layoutJourney(journey);
                assertNothingClippedOrOverlapping(layout);
                assert.equal(layout.cards.filter(c => c.kind === 'step').length, journey.stages.reduce((n, s) => n + s.steps.length, 0));
                assert.deepEqual(layoutJourney(structuredClone(journey)), layout);
            }
        }
    });
});
