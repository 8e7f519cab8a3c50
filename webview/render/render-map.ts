/**
 * Draws a MapLayout into an <svg> with d3-selection joins keyed by element key, so a new layout
 * patches the existing nodes (no flash, zoom kept) instead of replacing them. Runs in the
 * browser and, for `journeymap render`, in Node on a linkedom document. User text only ever
 * reaches the DOM through `.text()` (a text node), never as markup.
 */
import { line as d3line, select, type Selection } from 'd3';
import type { CardLayout, ChangeKind, EmotionPoint, LaneLayout, LineLayout, MapLayout, TextLine } from '../layout/layout-types.js';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export interface RenderOptions {
    /**
     * Marks for a diff picture: element key → change. Keys are card keys (`step:<id>`,
     * `pain:<step>:<n>`, `stage:<id>`), `emotion:<step>` for a curve point and `lane:<id>` /
     * `line:<id>` for rows. Removed elements are drawn by putting them in the layout (lay out a
     * model that still holds them) and marking them `removed`: they show as faded, dashed ghosts.
     */
    changes?: ReadonlyMap<string, ChangeKind>;
    /** The step highlighted (cursor in the editor). */
    highlightStep?: string;
}

type Row = { kind: 'lane'; lane: LaneLayout; index: number } | { kind: 'line'; line: LineLayout; index: number };
type AnySelection = Selection<any, any, any, any>;

function attrs(sel: AnySelection, values: Record<string, string | number | null>): AnySelection {
    for (const [name, value] of Object.entries(values)) sel.attr(name, value);
    return sel;
}

function drawLines(sel: AnySelection, lines: (d: any) => TextLine[]): void {
    sel.selectAll<SVGTextElement, TextLine>(':scope>text')
        .data(lines)
        .join(enter => enter.append('text').call(t => t.append('tspan')))
        .attr('x', d => d.x)
        .attr('y', d => d.y)
        .attr('font-size', d => d.size)
        .attr('font-weight', d => d.bold ? 'bold' : null)
        .attr('direction', d => d.direction === 'rtl' ? 'rtl' : null)
        .attr('class', d => `jm-role-${d.role}`)
        .select('tspan')
        .attr('x', d => d.x)
        .attr('y', d => d.y)
        .text(d => d.text);
}

/** Renders or updates `svg` (an <svg> element, empty or drawn by an earlier call). */
export function renderMap(svg: SVGSVGElement, layout: MapLayout, options: RenderOptions = {}): void {
    const changes = options.changes ?? new Map<string, ChangeKind>();
    const change = (key: string) => changes.get(key) ?? null;
    const root = select(svg)
        .attr('class', 'jm-map')
        .attr('data-journey', layout.journeyId)
        .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
        .attr('width', layout.width)
        .attr('height', layout.height);
    const bg = root.selectAll(':scope>rect.jm-bg').data([layout]).join('rect').attr('class', 'jm-bg');
    attrs(bg, { x: 0, y: 0, width: layout.width, height: layout.height });
    const viewport = root.selectAll(':scope>g.jm-viewport').data([layout]).join('g').attr('class', 'jm-viewport');

    const heading = viewport.selectAll(':scope>g.jm-heading').data([layout]).join('g').attr('class', 'jm-heading');
    drawLines(heading, (d: MapLayout) => d.emptyMessage ? [...d.heading, d.emptyMessage] : d.heading);

    const rows: Row[] = [
        ...layout.lanes.map((lane, index) => ({ kind: 'lane' as const, lane, index })),
        ...layout.lines.map((line, index) => ({ kind: 'line' as const, line, index })),
    ].sort((a, b) => (a.kind === 'lane' ? a.lane.y : a.line.y) - (b.kind === 'lane' ? b.lane.y : b.line.y));
    const rowKey = (r: Row) => r.kind === 'lane' ? `lane:${r.lane.id}` : `line:${r.line.id}`;
    const rowSel = viewport.selectAll<SVGGElement, Row>(':scope>g.jm-row')
        .data(rows, rowKey)
        .join('g')
        .attr('data-key', rowKey)
        .attr('data-kind', d => d.kind)
        .attr('data-id', d => d.kind === 'lane' ? d.lane.id : d.line.id)
        .attr('data-change', d => change(rowKey(d)))
        .attr('class', d => d.kind === 'lane' ? `jm-row jm-lane${d.index % 2 ? ' jm-alt' : ''}` : 'jm-row jm-line')
        .order();

    const laneSel = rowSel.filter(d => d.kind === 'lane') as Selection<SVGGElement, Extract<Row, { kind: 'lane' }>, any, any>;
    const lineSel = rowSel.filter(d => d.kind === 'line') as Selection<SVGGElement, Extract<Row, { kind: 'line' }>, any, any>;

    laneSel.each(function (row) {
        const g = select(this);
        const lane = row.lane;
        const rect = g.selectAll(':scope>rect.jm-lane-bg').data([lane]).join('rect').attr('class', 'jm-lane-bg');
        attrs(rect, { x: 0, y: lane.y, width: layout.width, height: lane.height });
        const labels = g.selectAll(':scope>g.jm-lane-label').data([lane]).join('g').attr('class', 'jm-lane-label');
        drawLines(labels, (d: LaneLayout) => d.labelLines);
        const cards = layout.cards.filter(c => c.lane === lane.id);
        drawCards(g, cards, change, options.highlightStep);
        if (lane.id === 'emotion' && layout.emotion) drawEmotion(g, layout, change);
        else g.selectAll(':scope>.jm-emotion').remove();
    });
    lineSel.each(function (row) {
        const g = select(this);
        const l = g.selectAll(':scope>line').data([row.line]).join('line');
        attrs(l, { x1: row.line.x1, x2: layout.width - 8, y1: row.line.y, y2: row.line.y });
        const labels = g.selectAll(':scope>g.jm-lane-label').data([row.line]).join('g').attr('class', 'jm-lane-label');
        drawLines(labels, (d: LineLayout) => d.labelLines);
    });
}

function drawCards(g: AnySelection, cards: CardLayout[], change: (key: string) => string | null, highlight?: string): void {
    const cardSel = g.selectAll<SVGGElement, CardLayout>(':scope>g.jm-card')
        .data(cards, d => d.key)
        .join(enter => {
            const card = enter.append('g');
            card.append('title');
            card.append('rect');
            return card;
        })
        .attr('data-key', d => d.key)
        .attr('data-kind', d => d.kind)
        .attr('data-id', d => d.id ?? null)
        .attr('data-step', d => d.step ?? null)
        .attr('data-change', d => change(d.key))
        .attr('class', d => {
            const classes = ['jm-card'];
            if (d.variant) classes.push(`jm-${d.variant}`);
            if (highlight !== undefined && (d.id === highlight && d.kind === 'step' || d.step === highlight)) classes.push('jm-highlight');
            return classes.join(' ');
        });
    cardSel.select('title').text(d => d.tooltip);
    cardSel.select('rect')
        .attr('x', d => d.x)
        .attr('y', d => d.y)
        .attr('width', d => d.width)
        .attr('height', d => d.height)
        .attr('rx', d => d.kind === 'stage' ? 4 : 6);
    drawLines(cardSel, (d: CardLayout) => d.lines);
}

function drawEmotion(g: AnySelection, layout: MapLayout, change: (key: string) => string | null): void {
    const emotion = layout.emotion!;
    const group = g.selectAll(':scope>g.jm-emotion').data([emotion]).join('g').attr('class', 'jm-emotion');
    const left = layout.contentX;
    const right = layout.width - 8;
    group.selectAll<SVGLineElement, { value: number; y: number }>(':scope>line')
        .data(emotion.levels)
        .join('line')
        .attr('class', d => d.value === 0 ? 'jm-zero' : 'jm-level')
        .attr('x1', left).attr('x2', right).attr('y1', d => d.y).attr('y2', d => d.y);
    group.selectAll<SVGTextElement, { value: number; y: number }>(':scope>text')
        .data(emotion.levels)
        .join('text')
        .attr('class', 'jm-role-meta')
        .attr('x', left - 8).attr('y', d => d.y + 4).attr('font-size', 10).attr('text-anchor', 'end')
        .text(d => d.value > 0 ? `+${d.value}` : String(d.value));
    // A gap where a step has no emotion: the curve is not drawn through it.
    const path = d3line<EmotionPoint>().defined(p => p.y !== undefined).x(p => p.x).y(p => p.y ?? 0);
    group.selectAll(':scope>path.jm-curve').data([emotion.points]).join('path').attr('class', 'jm-curve').attr('d', d => path(d) ?? '');
    group.selectAll<SVGCircleElement, EmotionPoint>(':scope>circle')
        .data(emotion.points, d => d.key)
        .join(enter => enter.append('circle').call(c => c.append('title')))
        .attr('data-key', d => d.key)
        .attr('data-kind', 'emotion')
        .attr('data-step', d => d.step)
        .attr('data-value', d => d.value ?? null)
        .attr('data-change', d => change(d.key))
        .attr('class', d => d.value === undefined ? 'jm-gap' : null)
        .attr('cx', d => d.x)
        .attr('cy', d => d.y ?? emotion.zeroY)
        .attr('r', d => d.value === undefined ? 4 : 6)
        .select('title')
        .text(d => d.value === undefined ? 'No emotion recorded' : `Emotion ${d.value > 0 ? '+' : ''}${d.value}`);
}
