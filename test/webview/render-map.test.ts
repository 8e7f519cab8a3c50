import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
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
