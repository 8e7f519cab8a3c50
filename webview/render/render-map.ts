/**
 * Draws a MapLayout into an <svg> with d3-selection joins keyed by element key, so a new layout
 * patches the existing nodes (no flash, zoom kept) instead of replacing them. Runs in the
 * browser and, for `journeymap render`, in Node on a linkedom document. User text only ever
 * reaches the DOM through `.text()` (a text node), never as markup.
 *
 * Speed: each row is a group translated to its top and each card a group translated within it,
 * with its box and text in the card's own coordinates, so a lane growing only moves the rows
 * below it and a column widening only moves cards; a card whose layout did not change is not
 * touched at all; and the webview may pass `visibleX` to draw only the columns in view.
 */
import { line as d3line, select, type Selection } from 'd3';
import type { CardLayout, ChangeKind, EmotionPoint, LaneLayout, LineLayout, MapLayout, TextLine } from '../layout/layout-types.js';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export interface RenderOptions {
    /**
     * Marks for a diff picture: element key → change. Keys are card keys (`step:<id>`,
     * `pain:<step>:<n>`, `stage:<id>`), `emotion:<step>` for a curve point and `lane:<id>` /
     * `line:<id>` for rows. Removed elements are drawn by putting them in the layout (lay out a
     * model that still holds them) and marking them `removed`: they show as faded, dashed ghosts,
     * and a removed step's member cards and emotion point with it.
     */
    changes?: ReadonlyMap<string, ChangeKind>;
    /** The step highlighted (cursor in the editor). */
    highlightStep?: string;
    /**
     * Draw only cards that overlap this horizontal range of the map (the view plus a margin).
     * Everything is drawn when absent: files, the diff, tests of the whole picture.
     */
    visibleX?: readonly [number, number];
    /**
     * Give cards and points a <title> tooltip (default). The webview shows its own tooltip
     * instead: one element fewer per card to style and lay out on every update.
     */
    titles?: boolean;
}

type Row = { kind: 'lane'; lane: LaneLayout; index: number; y: number } | { kind: 'line'; line: LineLayout; index: number; y: number };
type AnySelection = Selection<any, any, any, any>;

/** What a drawn card was drawn from, kept on its node to skip unchanged cards. */
interface Drawn {
    card: CardLayout;
    top: number;
    change: string | null;
    highlight: boolean;
}

function sameLines(a: readonly TextLine[], b: readonly TextLine[]): boolean {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
        const p = a[i];
        const q = b[i];
        if (p.text !== q.text || p.x !== q.x || p.y !== q.y || p.size !== q.size || p.bold !== q.bold || p.role !== q.role || p.direction !== q.direction) return false;
    }
    return true;
}

function sameCard(was: Drawn | undefined, now: Drawn): boolean {
    if (!was) return false;
    const a = was.card;
    const b = now.card;
    if (was.top !== now.top || was.change !== now.change || was.highlight !== now.highlight) return false;
    return a === b || (a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.kind === b.kind && a.id === b.id
        && a.step === b.step && a.variant === b.variant && a.tooltip === b.tooltip && sameLines(a.lines, b.lines));
}

/** Consecutive lines of one direction share a <text>; each line is a <tspan>. */
function textRuns(lines: readonly TextLine[]): TextLine[][] {
    const runs: TextLine[][] = [];
    for (const line of lines) {
        const last = runs[runs.length - 1];
        if (last && last[0].direction === line.direction) last.push(line);
        else runs.push([line]);
    }
    return runs;
}

/** Writes `lines` into `parent` as <text>/<tspan>, y relative to `top`. */
function drawText(parent: AnySelection, lines: readonly TextLine[], top: number): void {
    parent.selectChildren('text')
        .data(textRuns(lines))
        .join('text')
        .attr('direction', run => run[0].direction === 'rtl' ? 'rtl' : null)
        .selectChildren('tspan')
        .data(run => run)
        .join('tspan')
        .attr('x', d => d.x)
        .attr('y', d => d.y - top)
        .attr('font-size', d => d.size)
        .attr('font-weight', d => d.bold ? 'bold' : null)
        .attr('class', d => `jm-role-${d.role}`)
        .text(d => d.text);
}

function ensure(parent: AnySelection, tag: string, className: string): AnySelection {
    return parent.selectChildren(`${tag}.${className}`).data([0]).join(tag).attr('class', className);
}

/** Renders or updates `svg` (an <svg> element, empty or drawn by an earlier call). */
export function renderMap(svg: SVGSVGElement, layout: MapLayout, options: RenderOptions = {}): void {
    const changes = options.changes ?? new Map<string, ChangeKind>();
    // A removed step's members go with it: the whole column is a ghost.
    // The preview passes no marks: keep its per-card cost at nothing.
    const change = changes.size === 0 ? () => null
        : (key: string, step?: string) => changes.get(key) ?? (step !== undefined && changes.get(`step:${step}`) === 'removed' ? 'removed' : null);
    const root = select(svg)
        .attr('class', 'jm-map')
        .attr('data-journey', layout.journeyId)
        .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
        .attr('width', layout.width)
        .attr('height', layout.height);
    ensure(root, 'rect', 'jm-bg').attr('x', 0).attr('y', 0).attr('width', layout.width).attr('height', layout.height);
    const viewport = ensure(root, 'g', 'jm-viewport');
    const heading = ensure(viewport, 'g', 'jm-heading');
    drawText(heading, layout.emptyMessage ? [...layout.heading, layout.emptyMessage] : layout.heading, 0);

    const rows: Row[] = [
        ...layout.lanes.map((lane, index): Row => ({ kind: 'lane', lane, index, y: lane.y })),
        ...layout.lines.map((line, index): Row => ({ kind: 'line', line, index, y: line.y })),
    ].sort((a, b) => a.y - b.y);
    const rowKey = (r: Row) => r.kind === 'lane' ? `lane:${r.lane.id}` : `line:${r.line.id}`;
    const rowSel = viewport.selectChildren<SVGGElement, Row>('g.jm-row')
        .data(rows, rowKey)
        .join('g')
        .attr('data-key', rowKey)
        .attr('data-kind', d => d.kind)
        .attr('data-id', d => d.kind === 'lane' ? d.lane.id : d.line.id)
        .attr('data-change', d => change(rowKey(d)))
        .attr('class', d => d.kind === 'lane' ? `jm-row jm-lane${d.index % 2 ? ' jm-alt' : ''}` : 'jm-row jm-line')
        .attr('transform', d => `translate(0,${d.y})`)
        .order();

    const byLane = new Map<string, CardLayout[]>();
    const [x0, x1] = options.visibleX ?? [-Infinity, Infinity];
    for (const card of layout.cards) {
        if (card.x > x1 || card.x + card.width < x0) continue;
        let list = byLane.get(card.lane);
        if (!list) byLane.set(card.lane, list = []);
        list.push(card);
    }
    rowSel.each(function (row) {
        const g = select(this);
        if (row.kind === 'lane') {
            const lane = row.lane;
            ensure(g, 'rect', 'jm-lane-bg').attr('x', 0).attr('y', 0).attr('width', layout.width).attr('height', lane.height);
            drawText(ensure(g, 'g', 'jm-lane-label'), lane.labelLines, lane.y);
            drawCards(g, byLane.get(lane.id) ?? [], lane.y, change, options.highlightStep, options.titles ?? true);
            if (lane.id === 'emotion' && layout.emotion) drawEmotion(g, layout, lane.y, change, x0, x1, options.titles ?? true);
        } else {
            const line = row.line;
            ensure(g, 'line', 'jm-rule').attr('x1', line.x1).attr('x2', layout.width - 8).attr('y1', 0).attr('y2', 0);
            drawText(ensure(g, 'g', 'jm-lane-label'), line.labelLines, line.y);
        }
    });
}

function drawCards(g: AnySelection, cards: CardLayout[], top: number, change: (key: string, step?: string) => string | null, highlight: string | undefined, titles: boolean): void {
    g.selectChildren<SVGGElement, CardLayout>('g.jm-card')
        .data(cards, d => d.key)
        .join(enter => {
            const card = enter.append('g');
            if (titles) card.append('title');
            card.append('rect');
            return card;
        })
        .each(function (card) {
            const node = this as SVGGElement & { __drawn?: Drawn };
            const now: Drawn = {
                card, top, change: change(card.key, card.step),
                highlight: highlight !== undefined && ((card.kind === 'step' && card.id === highlight) || card.step === highlight),
            };
            if (sameCard(node.__drawn, now)) return;
            node.__drawn = now;
            const sel = select(node)
                .attr('data-key', card.key)
                .attr('data-kind', card.kind)
                .attr('data-id', card.id ?? null)
                .attr('data-step', card.step ?? null)
                .attr('data-change', now.change)
                .attr('class', `jm-card${card.variant ? ` jm-${card.variant}` : ''}${now.highlight ? ' jm-highlight' : ''}`);
            sel.attr('transform', `translate(${card.x},${card.y - top})`);
            if (titles) sel.select('title').text(card.tooltip);
            sel.select('rect')
                .attr('width', card.width)
                .attr('height', card.height)
                .attr('rx', card.kind === 'stage' ? 4 : 6);
            drawText(sel, card.lines, 0);
        });
}

export function emotionTooltip(point: EmotionPoint): string {
    return point.value === undefined ? 'No emotion recorded' : `Emotion ${point.value > 0 ? '+' : ''}${point.value}`;
}

function drawEmotion(g: AnySelection, layout: MapLayout, top: number, change: (key: string, step?: string) => string | null, x0: number, x1: number, titles: boolean): void {
    const emotion = layout.emotion!;
    const group = ensure(g, 'g', 'jm-emotion');
    const left = layout.contentX;
    const right = layout.width - 8;
    group.selectChildren<SVGLineElement, { value: number; y: number }>('line')
        .data(emotion.levels)
        .join('line')
        .attr('class', d => d.value === 0 ? 'jm-zero' : 'jm-level')
        .attr('x1', left).attr('x2', right).attr('y1', d => d.y - top).attr('y2', d => d.y - top);
    group.selectChildren<SVGTextElement, { value: number; y: number }>('text')
        .data(emotion.levels)
        .join('text')
        .attr('class', 'jm-role-meta')
        .attr('x', left - 8).attr('y', d => d.y - top + 4).attr('font-size', 10).attr('text-anchor', 'end')
        .text(d => d.value > 0 ? `+${d.value}` : String(d.value));
    // A gap where a step has no emotion: the curve is not drawn through it.
    const path = d3line<EmotionPoint>().defined(p => p.y !== undefined).x(p => p.x).y(p => (p.y ?? 0) - top);
    // A removed step's ghost point stays as a faded dot, but the curve joins its neighbours: the
    // line is the journey as it is now.
    const curve = emotion.points.filter(p => change(p.key, p.step) !== 'removed');
    ensure(group, 'path', 'jm-curve').attr('d', path(curve) ?? '');
    group.selectChildren<SVGCircleElement, EmotionPoint>('circle')
        .data(emotion.points.filter(p => p.x >= x0 && p.x <= x1), d => d.key)
        .join(enter => enter.append('circle').call(c => { if (titles) c.append('title'); }))
        .attr('data-key', d => d.key)
        .attr('data-kind', 'emotion')
        .attr('data-step', d => d.step)
        .attr('data-value', d => d.value ?? null)
        .attr('data-change', d => change(d.key, d.step))
        .attr('class', d => d.value === undefined ? 'jm-gap' : null)
        .attr('cx', d => d.x)
        .attr('cy', d => (d.y ?? emotion.zeroY) - top)
        .attr('r', d => d.value === undefined ? 4 : 6)
        .select('title')
        .text(d => emotionTooltip(d));
}
