import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { LayoutMemo } from '../../webview/layout/layout-memo.js';
import type { ChangeKind } from '../../webview/layout/layout-types.js';
import { renderMap, SVG_NS } from '../../webview/render/render-map.js';
import { mapSvg } from '../../webview/render/svg-markup.js';
import { FULL_MAP, HOSTILE_TEXTS, hostileMap, journeyOf } from './preview-fixtures.js';

function freshSvg() {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const svg = document.createElementNS(SVG_NS, 'svg') as unknown as SVGSVGElement;
    document.body.appendChild(svg as unknown as Node);
    return { document: document as unknown as Document, svg };
}

describe('map renderer, DOM backend (on linkedom)', () => {
    it('marks changed elements for a diff picture, ghosts included', async () => {
        const layout = layoutJourney(await journeyOf(FULL_MAP));
        const { svg } = freshSvg();
        const changes = new Map<string, ChangeKind>([
            ['step:a', 'changed'], ['pain:a:0', 'removed'], ['opportunity:a:0', 'added'], ['stage:one', 'moved'],
            ['emotion:a', 'changed'], ['lane:metrics', 'added'],
        ]);
        renderMap(svg, layout, { changes });
        const marked = Array.from(svg.querySelectorAll('[data-change]')).map(e => `${e.getAttribute('data-key')}=${e.getAttribute('data-change')}`).sort();
        assert.deepEqual(marked, [...changes].map(([k, v]) => `${k}=${v}`).sort());
        // Marks follow the map on the next render: dropped marks disappear.
        renderMap(svg, layout, { changes: new Map([['step:b', 'added']]) });
        assert.deepEqual(Array.from(svg.querySelectorAll('[data-change]')).map(e => e.getAttribute('data-key')), ['step:b']);
    });

    it('redraws a card it drew before when what it is drawn with changes: the highlight, its accessible name', async () => {
        const journey = await journeyOf(FULL_MAP);
        const memo = new LayoutMemo();
        const { svg } = freshSvg();
        const first = layoutJourney(journey, { memo });
        const pain = () => svg.querySelector('[data-key="pain:a:0"]')!;
        renderMap(svg, first, { titles: false });
        assert.ok(!pain().getAttribute('class')!.includes('jm-highlight'));
        // The same card objects, highlighted, then not.
        renderMap(svg, first, { titles: false, highlightStep: 'a' });
        assert.ok(pain().getAttribute('class')!.includes('jm-highlight'), 'the highlight reaches a card drawn before');
        renderMap(svg, first, { titles: false });
        assert.ok(!pain().getAttribute('class')!.includes('jm-highlight'), 'and leaves it');
        // The stage retitled: the memo keeps the step's cards (the same objects), but their names say the new stage.
        const restaged = structuredClone(journey);
        restaged.stages[0].title = 'Renamed stage';
        const second = layoutJourney(restaged, { memo });
        assert.equal(second.cards.find(c => c.key === 'step:a'), first.cards.find(c => c.key === 'step:a'), 'the memo kept the step card');
        renderMap(svg, second, { titles: false });
        assert.match(svg.querySelector('[data-key="step:a"]')!.getAttribute('aria-label')!, /Renamed stage/);
    });

    it('patches nodes in place on a new layout and removes what left', async () => {
        const { svg } = freshSvg();
        renderMap(svg, layoutJourney(await journeyOf(FULL_MAP)));
        const step = svg.querySelector('g[data-kind=step][data-id=a]');
        const pain = svg.querySelector('g[data-kind=pain]');
        assert.ok(step && pain);
        renderMap(svg, layoutJourney(await journeyOf(FULL_MAP.replace('"Step A"', '"Step A, renamed"').replace('pain "Slow" severity high', ''))));
        assert.equal(svg.querySelector('g[data-kind=step][data-id=a]'), step, 'same node');
        assert.match(step.textContent ?? '', /Step A, renamed/);
        assert.equal(svg.querySelector('g[data-kind=pain]'), null);
        assert.equal(svg.querySelector('[data-kind=lane][data-id=pains]'), null, 'the emptied lane collapsed');
    });

    it('leaves a gap in the emotion curve where a step has no emotion', async () => {
        const journey = await journeyOf(`journey j for dana { stage s {
            step a { emotion -1 } step b { emotion +1 } step c step d { emotion 2 } step e { emotion 0 } } }`);
        const { svg } = freshSvg();
        renderMap(svg, layoutJourney(journey));
        const d = svg.querySelector('path.jm-curve')!.getAttribute('d')!;
        assert.equal(d.match(/M/g)?.length, 2, d);
        const points = Array.from(svg.querySelectorAll('[data-kind=emotion]')).map(e => [e.getAttribute('data-step'), e.getAttribute('data-value')]);
        assert.deepEqual(points, [['a', '-1'], ['b', '1'], ['c', null], ['d', '2'], ['e', '0']]);
    });

    it('draws the emotion lane: tinted zones, a smooth curve through dots that carry their value, "lowest", moments of truth', async () => {
        const layout = layoutJourney(await journeyOf(`journey j for dana { stage s {
            step a { emotion -1 } step b { emotion +2 moment of truth "Delight" } step c { emotion 1 } step d { emotion -2 } step e { emotion 0 } } }`));
        const { svg } = freshSvg();
        renderMap(svg, layout);
        const lane = svg.querySelector('[data-kind=lane][data-id=emotion]')!;
        const top = layout.lanes.find(l => l.id === 'emotion')!.y;
        const zeroY = layout.emotion!.zeroY - top;
        const [up, down] = ['rect.jm-zone-up', 'rect.jm-zone-down'].map(sel => lane.querySelector(sel)!);
        assert.equal(Number(up.getAttribute('y')) + Number(up.getAttribute('height')), zeroY, 'the positive zone ends at zero');
        assert.equal(Number(down.getAttribute('y')), zeroY, 'the negative zone starts at zero');
        // Monotone cubic segments (no overshoot past a level), one path without a gap.
        const d = lane.querySelector('path.jm-curve')!.getAttribute('d')!;
        assert.match(d, /^M[\d.,]+C/);
        assert.equal(d.match(/M/g)?.length, 1);
        const values = Array.from(lane.querySelectorAll('text.jm-value')).map(t => t.textContent);
        assert.deepEqual(values, ['\u22121', '+2', '+1', '\u22122', '0']);
        // Each value sits on its dot, coloured by its sign.
        const dots = Array.from(lane.querySelectorAll('circle[data-kind=emotion]'));
        assert.deepEqual(dots.map(c => c.getAttribute('class')), ['jm-down', 'jm-up', 'jm-up', 'jm-down', 'jm-flat']);
        const texts = Array.from(lane.querySelectorAll('text.jm-value'));
        texts.forEach((t, i) => assert.equal(t.getAttribute('x'), dots[i].getAttribute('cx')));
        const lowest = lane.querySelectorAll('text.jm-lowest');
        assert.equal(lowest.length, 1);
        assert.equal(lowest[0].textContent, 'lowest');
        assert.equal(lowest[0].getAttribute('x'), dots[3].getAttribute('cx'));
        assert.ok(Number(lowest[0].getAttribute('y')) > Number(dots[3].getAttribute('cy')), 'under the lowest dot');
        const moments = Array.from(lane.querySelectorAll('g.jm-moment-mark')).map(g => [g.getAttribute('data-step'), g.textContent]);
        assert.deepEqual(moments, [['b', '★ moment of truth']]);
        assert.deepEqual(Array.from(lane.querySelectorAll('text.jm-axis')).map(t => t.textContent), ['+2', '+1', '0', '\u22121', '\u22122']);
    });

    it('tints each lane by its id, bands stage headers and step cards in their stage colour, and hints at an empty lane', async () => {
        const layout = layoutJourney(await journeyOf('journey j { stage s "S" { step a "A" } stage t "T" { step b "B" { onstage "Front" } } }'));
        const { svg } = freshSvg();
        renderMap(svg, layout);
        for (const lane of Array.from(svg.querySelectorAll('[data-kind=lane]'))) assert.ok(lane.classList.contains(`jm-lane-${lane.getAttribute('data-id')}`));
        const banded = Array.from(svg.querySelectorAll('g.jm-card')).filter(g => g.querySelector(':scope>path.jm-band')).map(g => `${g.getAttribute('data-key')} ${g.getAttribute('class')}`);
        assert.deepEqual(banded, ['stage:s jm-card jm-tone-0', 'stage:t jm-card jm-tone-1', 'step:a jm-card jm-tone-0', 'step:b jm-card jm-tone-1']);
        // The band is a path after the box: a card's one <rect> child is still its box.
        const stage = svg.querySelector('g[data-kind=stage]')!;
        assert.deepEqual(Array.from(stage.children).map(e => e.tagName.toLowerCase()).filter(t => t !== 'title'), ['rect', 'path', 'text']);
        assert.equal(svg.querySelector('[data-id=offstage] .jm-lane-hint')!.textContent, 'No off-stage actions mapped');
        assert.equal(svg.querySelector('[data-id=onstage] .jm-lane-hint'), null);
    });

    it('joins the curve over a removed step, whose point stays as a faded dot', async () => {
        const layout = layoutJourney(await journeyOf(`journey j for dana { stage s {
            step a { emotion -1 } step b { emotion +2 } step c { emotion 0 } } }`));
        const { svg } = freshSvg();
        renderMap(svg, layout, { changes: new Map([['step:b', 'removed']]) });
        const d = svg.querySelector('path.jm-curve')!.getAttribute('d')!;
        const [a, , c] = layout.emotion!.points;
        const top = layout.lanes.find(l => l.id === 'emotion')!.y;
        assert.equal(d, `M${a.x},${a.y! - top}L${c.x},${c.y! - top}`, 'straight from a to c');
        assert.equal(svg.querySelector('circle[data-step=b]')!.getAttribute('data-change'), 'removed');
    });

    it('draws a map zoomed out past reading in outline: a box per card and a bar per line in a few paths, no words, the curve and a dot per point', async () => {
        const layout = layoutJourney(await journeyOf(FULL_MAP));
        const { svg } = freshSvg();
        renderMap(svg, layout, { outline: true, titles: false });
        assert.equal(svg.querySelectorAll('g.jm-card:not([data-kind=persona]):not([data-kind=scenario])').length, 0, 'no lane card is an element of its own');
        const laneCards = layout.cards.filter(c => c.lane !== 'header');
        const boxes = Array.from(svg.querySelectorAll('path.jm-outline-box'));
        const count = (paths: Element[]) => paths.reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g)?.length ?? 0), 0);
        assert.equal(count(boxes), laneCards.length, 'one box per card');
        // A path per look: every box of a path has the path's kind.
        for (const path of boxes) assert.ok(laneCards.some(c => c.kind === path.getAttribute('data-outline')));
        const pains = boxes.filter(p => p.getAttribute('data-outline') === 'pain').map(p => p.getAttribute('class'));
        assert.ok(pains.some(c => /jm-high/.test(c!)), `severity kept as a class: ${pains}`);
        const lines = laneCards.reduce((n, c) => n + c.lines.length + (c.parts ?? []).reduce((m, p) => m + p.lines.length, 0), 0);
        assert.equal(count(Array.from(svg.querySelectorAll('path.jm-outline-text'))), lines, 'a bar per line');
        // No card's words are laid out (lane labels, the emotion scale and the heading still are).
        const words = Array.from(svg.querySelectorAll('[data-kind=lane] text')).filter(t => !t.closest('.jm-lane-label, .jm-lane-hint, .jm-legend') && !t.matches('.jm-axis')).map(t => t.textContent);
        assert.deepEqual(words, []);
        assert.ok(svg.querySelector('path.jm-curve')!.getAttribute('d'));
        assert.equal(count(Array.from(svg.querySelectorAll('path.jm-outline-dots'))), layout.emotion!.points.length);
        assert.equal(svg.querySelector('path.jm-outline-highlight'), null);
        // The step the cursor is in: its cards outlined over the rest.
        renderMap(svg, layout, { outline: true, titles: false, highlightStep: 'a' });
        const highlighted = laneCards.filter(c => c.step === 'a' || (c.kind === 'step' && c.id === 'a'));
        assert.ok(highlighted.length > 3);
        assert.equal(count(Array.from(svg.querySelectorAll('path.jm-outline-highlight'))), highlighted.length);
        // Back to full detail: the cards come back, the outline goes.
        renderMap(svg, layout, { titles: false });
        assert.equal(svg.querySelectorAll('path.jm-outline-box, path.jm-outline-text, path.jm-outline-dots').length, 0);
        assert.equal(svg.querySelectorAll('g.jm-card').length, layout.cards.length);
    });

    it('writes user text as text nodes, never as markup', async () => {
        const svg = mapSvg(layoutJourney(await journeyOf(hostileMap())), { palette: 'light' });
        assert.doesNotMatch(svg, /<script|<img|<\/svg>.*<\/svg>/s);
        assert.ok(svg.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'));
        assert.ok(svg.includes(']]&gt;'), 'a CDATA end in the text is escaped');
        const { document: parsed } = parseHTML(`<html><body>${svg}</body></html>`);
        const text = parsed.querySelector('g[data-kind=pain]')!.textContent!.replace(/\s/g, '');
        assert.ok(text.includes(HOSTILE_TEXTS.markup.replace(/\s/g, '')));
    });

    it('keeps cards in map order while the drawn window slides, reusing the cards still in it', async () => {
        const steps = Array.from({ length: 30 }, (_, i) => `step s${i} "Step ${i}" { pain "P${i}" }`).join(' ');
        const layout = layoutJourney(await journeyOf(`journey j for dana { stage a { ${steps} } }`));
        const { svg } = freshSvg();
        const columns = layout.columns;
        const order = () => Array.from(svg.querySelectorAll('g[data-kind=step]')).map(g => g.getAttribute('data-id'));
        const windowOf = (first: number, last: number): [number, number] => [columns[first].x + 1, columns[last].x + columns[last].width - 1];
        renderMap(svg, layout, { visibleX: windowOf(10, 19) });
        assert.deepEqual(order(), columns.slice(10, 20).map(c => c.step));
        const kept = svg.querySelector('g[data-kind=step][data-id=s12]');
        for (const [first, last] of [[5, 14], [0, 29], [20, 25], [12, 12]] as const) {
            renderMap(svg, layout, { visibleX: windowOf(first, last) });
            assert.deepEqual(order(), columns.slice(first, last + 1).map(c => c.step), `window ${first}–${last}`);
            assert.deepEqual(Array.from(svg.querySelectorAll('g[data-kind=pain]')).map(g => g.getAttribute('data-step')), columns.slice(first, last + 1).map(c => c.step));
            // s12 stays in view for the first two windows: the same node, not a new one.
            if (last === 14 || last === 29) assert.equal(svg.querySelector('g[data-kind=step][data-id=s12]'), kept);
        }
    });
});
