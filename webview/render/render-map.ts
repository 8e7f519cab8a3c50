/**
 * The one map renderer: a MapLayout becomes a tree of SVG elements (svg-tree.ts), a pure
 * function of the layout and the options. `mapTree` is that function; the string backend turns
 * it into the SVG text of `journeymap render`, the HTML exports and the diff pages
 * (svg-markup.ts), and `renderMap` patches it into a live <svg> for the preview and the compare
 * view (dom-patch.ts). User text only ever becomes a text node, never markup.
 *
 * Speed: each row is a group translated to its top and each card a group translated within it,
 * with its box and text in the card's own coordinates, so a lane growing only moves the rows
 * below it and a column widening only moves cards; a card whose tree did not change is not
 * touched in the DOM at all; and the webview may pass `visibleX` to draw only the columns in view.
 */
import { line as d3line } from 'd3';
import type { CardLayout, CardPart, ChangeKind, EmotionPoint, LaneLayout, LineLayout, MapLayout, TextLine } from '../layout/layout-types.js';
import { patchDom, SVG_NS } from './dom-patch.js';
import { changeBadge } from './change-badge.js';
import { el, textEl, type SvgNode } from './svg-tree.js';

export { SVG_NS };

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

/** What goes before the map's own content (the exports' xmlns and stylesheet). */
export interface TreeExtras {
    rootAttrs?: Readonly<Record<string, string>>;
    before?: readonly SvgNode[];
}

type Row = { kind: 'lane'; lane: LaneLayout; index: number; y: number } | { kind: 'line'; line: LineLayout; index: number; y: number };
type ChangeOf = (key: string, step?: string) => ChangeKind | null;

/** Consecutive lines of one direction and one link share a <text>; each line is a <tspan>. */
function textRuns(lines: readonly TextLine[]): TextLine[][] {
    const runs: TextLine[][] = [];
    for (const line of lines) {
        const last = runs[runs.length - 1];
        if (last && last[0].direction === line.direction && last[0].href === line.href) last.push(line);
        else runs.push([line]);
    }
    return runs;
}

/**
 * `lines` as <text>/<tspan>, y relative to `top`. A linked run is wrapped in an SVG <a>: the
 * layout sets `href` only for http:, https: and mailto: URLs (card-content.ts `safeLinkUrl`). A
 * file opens it in a new tab without giving it this page (`rel`); the preview intercepts the
 * click and asks the editor to open it (preview-app.ts).
 */
function texts(lines: readonly TextLine[], top: number): SvgNode[] {
    return textRuns(lines).map(run => {
        const text = el('text', { direction: run[0].direction === 'rtl' ? 'rtl' : null }, run.map(d => textEl('tspan', {
            x: d.x, y: d.y - top, 'font-size': d.size, 'font-weight': d.bold ? 'bold' : null, class: `jm-role-${d.role}`,
        }, d.text)));
        const href = run[0].href;
        return href === undefined ? text : el('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'jm-link' }, [text]);
    });
}

/** The <svg> of a map: its attributes and content, as a tree. */
export function mapTree(layout: MapLayout, options: RenderOptions = {}, extras: TreeExtras = {}): SvgNode {
    const changes = options.changes ?? new Map<string, ChangeKind>();
    // A removed step's members go with it: the whole column is a ghost.
    // The preview passes no marks: keep its per-card cost at nothing.
    const change: ChangeOf = changes.size === 0 ? () => null
        : (key, step) => changes.get(key) ?? (step !== undefined && changes.get(`step:${step}`) === 'removed' ? 'removed' : null);
    const titles = options.titles ?? true;
    const [x0, x1] = options.visibleX ?? [-Infinity, Infinity];

    const byLane = new Map<string, CardLayout[]>();
    const headerCards: SvgNode[] = [];
    for (const card of layout.cards) {
        if (card.x > x1 || card.x + card.width < x0) continue;
        if (card.lane === 'header') {
            headerCards.push(cardTree(card, 0, change, options.highlightStep, titles));
            continue;
        }
        let list = byLane.get(card.lane);
        if (!list) byLane.set(card.lane, list = []);
        list.push(card);
    }
    const rows: Row[] = [
        ...layout.lanes.map((lane, index): Row => ({ kind: 'lane', lane, index, y: lane.y })),
        ...layout.lines.map((line, index): Row => ({ kind: 'line', line, index, y: line.y })),
    ].sort((a, b) => a.y - b.y);
    const rowNodes = rows.map(row => {
        const rowKey = row.kind === 'lane' ? `lane:${row.lane.id}` : `line:${row.line.id}`;
        const attrs = {
            'data-key': rowKey, 'data-kind': row.kind, 'data-id': row.kind === 'lane' ? row.lane.id : row.line.id, 'data-change': change(rowKey),
            class: row.kind === 'lane' ? `jm-row jm-lane${row.index % 2 ? ' jm-alt' : ''}` : 'jm-row jm-line', transform: `translate(0,${row.y})`,
        };
        if (row.kind === 'line') {
            const line = row.line;
            return el('g', attrs, [
                el('line', { class: 'jm-rule', x1: line.x1, x2: layout.width - 8, y1: 0, y2: 0 }, [], 'rule'),
                el('g', { class: 'jm-lane-label' }, texts(line.labelLines, line.y), 'label'),
            ], rowKey);
        }
        const lane = row.lane;
        const content = [
            el('rect', { class: 'jm-lane-bg', x: 0, y: 0, width: layout.width, height: lane.height }, [], 'bg'),
            el('g', { class: 'jm-lane-label' }, texts(lane.labelLines, lane.y), 'label'),
            ...(byLane.get(lane.id) ?? []).map(card => cardTree(card, lane.y, change, options.highlightStep, titles)),
        ];
        if (lane.id === 'emotion' && layout.emotion) {
            content.push(emotionTree(layout, lane.y, change, x0, x1, titles));
            if (layout.emotion.asIs) content.push(asIsLegend(lane, layout.emotion.asIsLabels));
        }
        return el('g', attrs, content, rowKey);
    });

    const heading = layout.emptyMessage ? [...layout.heading, layout.emptyMessage] : layout.heading;
    return el('svg', {
        ...extras.rootAttrs,
        class: 'jm-map', 'data-journey': layout.journeyId, viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height,
    }, [
        ...extras.before ?? [],
        el('rect', { class: 'jm-bg', x: 0, y: 0, width: layout.width, height: layout.height }, [], 'bg'),
        el('g', { class: 'jm-viewport' }, [el('g', { class: 'jm-heading' }, [...texts(heading, 0), ...headerCards], 'heading'), ...rowNodes], 'viewport'),
    ]);
}

/** Renders or updates `svg` (an <svg> element, empty or drawn by an earlier call) in place. */
export function renderMap(svg: SVGSVGElement, layout: MapLayout, options: RenderOptions = {}): void {
    patchDom(svg, mapTree(layout, options));
}

function cardTree(card: CardLayout, top: number, change: ChangeOf, highlight: string | undefined, titles: boolean): SvgNode {
    const highlighted = highlight !== undefined && ((card.kind === 'step' && card.id === highlight) || card.step === highlight);
    const content: SvgNode[] = [];
    if (titles) content.push(textEl('title', {}, card.tooltip));
    content.push(el('rect', { width: card.width, height: card.height, rx: card.kind === 'stage' ? 4 : 6 }));
    content.push(...texts(card.lines, 0));
    if (card.parts) for (const part of card.parts) content.push(partTree(part, card.step));
    const attrs: Record<string, string | number | null | undefined> = {
        'data-key': card.key, 'data-kind': card.kind, 'data-id': card.id, 'data-step': card.step, 'data-stage': card.stage,
    };
    if (card.data) for (const name in card.data) attrs[`data-${name}`] = card.data[name];
    attrs['data-change'] = change(card.key, card.step);
    // The card's own mark carries a label; a removed step's members are faded with it, unlabelled.
    const own = change(card.key);
    if (own) content.push(changeBadge(own, card.width));
    attrs.class = `jm-card${card.variant ? ` jm-${card.variant}` : ''}${highlighted ? ' jm-highlight' : ''}`;
    attrs.transform = `translate(${card.x},${card.y - top})`;
    return el('g', attrs, content, card.key);
}

/** A fail point or a chip: a box of its own inside its card. */
function partTree(part: CardPart, step: string | undefined): SvgNode {
    return el('g', {
        'data-kind': part.kind, 'data-step': part.kind === 'fail' ? step : null, 'data-chip': part.name, class: `jm-part jm-${part.kind}`,
        transform: `translate(${part.x},${part.y})`,
    }, [el('rect', { width: part.width, height: part.height, rx: part.kind === 'chip' ? part.height / 2 : 4 }), ...texts(part.lines, 0)]);
}

/** "as-is / to-be" (a diff: "before / after") under the emotion lane's label: which curve is which. */
function asIsLegend(lane: LaneLayout, labels = { before: 'as-is', after: 'to-be' }): SvgNode {
    const x = lane.labelLines[0]?.x ?? 0;
    const y = (lane.labelLines[lane.labelLines.length - 1]?.y ?? lane.y + 20) - lane.y + 22;
    return el('g', { class: 'jm-legend', 'data-kind': 'legend' }, [
        el('line', { class: 'jm-asis', x1: x, x2: x + 22, y1: y - 4, y2: y - 4 }),
        textEl('text', { class: 'jm-role-meta', x: x + 28, y, 'font-size': 11 }, labels.before),
        el('line', { class: 'jm-curve', x1: x, x2: x + 22, y1: y + 12, y2: y + 12 }),
        textEl('text', { class: 'jm-role-meta', x: x + 28, y: y + 16, 'font-size': 11 }, labels.after),
    ], 'legend');
}

export function emotionTooltip(point: EmotionPoint): string {
    return point.value === undefined ? 'No emotion recorded' : `Emotion ${point.value > 0 ? '+' : ''}${point.value}`;
}

function emotionTree(layout: MapLayout, top: number, change: ChangeOf, x0: number, x1: number, titles: boolean): SvgNode {
    const emotion = layout.emotion!;
    const left = layout.contentX;
    const right = layout.width - 8;
    const levels = emotion.levels.map(d => el('line', { class: d.value === 0 ? 'jm-zero' : 'jm-level', x1: left, x2: right, y1: d.y - top, y2: d.y - top }));
    const labels = emotion.levels.map(d => textEl('text', { class: 'jm-role-meta', x: left - 8, y: d.y - top + 4, 'font-size': 10, 'text-anchor': 'end' },
        d.value > 0 ? `+${d.value}` : String(d.value)));
    // A gap where a step has no emotion: the curve is not drawn through it.
    const path = d3line<EmotionPoint>().defined(p => p.y !== undefined).x(p => p.x).y(p => (p.y ?? 0) - top);
    // A removed step's ghost point stays as a faded dot, but the curve joins its neighbours: the
    // line is the journey as it is now.
    const curve = emotion.points.filter(p => change(p.key, p.step) !== 'removed');
    const points = emotion.points.filter(p => p.x >= x0 && p.x <= x1).map(d => el('circle', {
        'data-key': d.key, 'data-kind': 'emotion', 'data-step': d.step, 'data-value': d.value, 'data-change': change(d.key, d.step),
        class: d.value === undefined ? 'jm-gap' : null, cx: d.x, cy: (d.y ?? emotion.zeroY) - top, r: d.value === undefined ? 4 : 6,
    }, titles ? [textEl('title', {}, emotionTooltip(d))] : [], d.key));
    const asIs: SvgNode[] = [];
    if (emotion.asIs) {
        // The as-is journey's curve, dashed and muted, under the to-be one; points matched by step id.
        const asIsPath = d3line<{ x: number; y?: number }>().defined(p => p.y !== undefined).x(p => p.x).y(p => (p.y ?? 0) - top);
        asIs.push(el('path', { 'data-kind': 'asis-emotion', class: 'jm-asis', d: asIsPath(emotion.asIs) ?? '' }, [], 'asis'));
        // A small hollow dot per as-is point: one with no neighbour would otherwise not show.
        for (const p of emotion.asIs) {
            if (p.y !== undefined && p.x >= x0 && p.x <= x1) asIs.push(el('circle', { class: 'jm-asis-point', 'data-step': p.step, 'data-value': p.value, cx: p.x, cy: p.y - top, r: 3 }));
        }
    }
    return el('g', { class: 'jm-emotion' }, [...levels, ...labels, ...asIs, el('path', { class: 'jm-curve', d: path(curve) ?? '' }, [], 'curve'), ...points], 'emotion');
}
