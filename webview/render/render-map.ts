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
import { curveMonotoneX, line as d3line } from 'd3';
import type { CardLayout, CardPart, ChangeKind, EmotionPoint, LaneLayout, LineLayout, MapLayout, TextLine } from '../layout/layout-types.js';
import { cardName, emotionName, mapDescription, mapTitle } from './accessible-names.js';
import { measureText } from '../layout/text-metrics.js';
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
    /**
     * Zoomed out past reading (the preview's Fit page on a long map): the lanes' cards are drawn
     * as one path per look (kind, severity, stage colour) with their lines as bars, and the
     * emotion dots as one path per mood, instead of thousands of elements and words the browser
     * would style and lay out one by one to show as a smudge. No card is an element of its own:
     * the preview finds the card under the pointer from the layout (webview/app/map-hit.ts) and zooms in
     * before the keyboard focuses one. The heading, lane labels, lines and curve are as always.
     * Files and the diff never pass it.
     */
    outline?: boolean;
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
    const outline = options.outline ?? false;
    const [x0, x1] = options.visibleX ?? [-Infinity, Infinity];

    const byLane = new Map<string, CardLayout[]>();
    const headerCards: SvgNode[] = [];
    for (const card of layout.cards) {
        if (card.x > x1 || card.x + card.width < x0) continue;
        if (card.lane === 'header') {
            headerCards.push(cardTreeOf(card, 0, change, changes.size === 0, options.highlightStep, titles, cardName(layout, card)));
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
            class: row.kind === 'lane' ? `jm-row jm-lane jm-lane-${row.lane.id}${row.index % 2 ? ' jm-alt' : ''}` : 'jm-row jm-line', transform: `translate(0,${row.y})`,
        };
        if (row.kind === 'line') {
            const line = row.line;
            const tagX = (line.labelLines[0]?.x ?? 0) - 8;
            return el('g', attrs, [
                el('line', { class: 'jm-rule', x1: line.x1, x2: layout.width - 8, y1: 0, y2: 0 }, [], 'rule'),
                // The line's name in a tag on the line, so it reads as the line's label, not a lane's.
                el('rect', { class: 'jm-line-tag', x: tagX, y: -11, width: line.labelEnd - tagX + 8, height: 22, rx: 11 }, [], 'tag'),
                el('g', { class: 'jm-lane-label' }, texts(line.labelLines, line.y), 'label'),
            ], rowKey);
        }
        const lane = row.lane;
        const content = [
            el('rect', { class: 'jm-lane-bg', x: 0, y: 0, width: layout.width, height: lane.height }, [], 'bg'),
            el('g', { class: 'jm-lane-label' }, texts(lane.labelLines, lane.y), 'label'),
            ...(lane.hint ? [el('g', { class: 'jm-lane-hint' }, texts([lane.hint], lane.y), 'hint')] : []),
            ...outline ? outlineCards(byLane.get(lane.id) ?? [], lane.y, options.highlightStep)
                : (byLane.get(lane.id) ?? []).map(card => cardTreeOf(card, lane.y, change, changes.size === 0, options.highlightStep, titles, cardName(layout, card))),
        ];
        if (lane.id === 'emotion' && layout.emotion) {
            content.push(emotionTree(layout, lane.y, change, x0, x1, titles, outline));
            if (layout.emotion.asIs) content.push(asIsLegend(lane, layout.emotion.asIsLabels));
        }
        return el('g', attrs, content, rowKey);
    });

    const heading = layout.emptyMessage ? [...layout.heading, layout.emptyMessage] : layout.heading;
    // Its name and description for assistive technology; where cards have no <title> (the
    // webview shows its own tooltip) the name is an attribute, or every card would show it.
    return el('svg', {
        ...extras.rootAttrs,
        class: 'jm-map', 'data-journey': layout.journeyId, viewBox: `0 0 ${layout.width} ${layout.height}`, width: layout.width, height: layout.height,
        'aria-label': titles ? null : mapTitle(layout),
    }, [
        ...extras.before ?? [],
        ...titles ? [textEl('title', {}, mapTitle(layout), 'a11y-title')] : [],
        textEl('desc', {}, mapDescription(layout), 'a11y-desc'),
        el('rect', { class: 'jm-bg', x: 0, y: 0, width: layout.width, height: layout.height }, [], 'bg'),
        el('g', { class: 'jm-viewport' }, [el('g', { class: 'jm-heading' }, [...texts(heading, 0), ...headerCards], 'heading'), ...rowNodes], 'viewport'),
    ]);
}

/** Renders or updates `svg` (an <svg> element, empty or drawn by an earlier call) in place. */
export function renderMap(svg: SVGSVGElement, layout: MapLayout, options: RenderOptions = {}): void {
    patchDom(svg, mapTree(layout, options));
}

/**
 * The tree last drawn for each card, with what it was drawn with. Layouts of an edited map share
 * the cards an edit left alone (layout-memo.ts): their trees are then the same objects as last
 * time, so an update neither builds nor compares them. Pictures with change marks (the diff) are
 * not remembered.
 */
const cardTrees = new WeakMap<CardLayout, { node: SvgNode; top: number; highlighted: boolean; titles: boolean; name: string }>();

function cardTreeOf(card: CardLayout, top: number, change: ChangeOf, unmarked: boolean, highlight: string | undefined, titles: boolean, name: string): SvgNode {
    const highlighted = isHighlighted(card, highlight);
    if (!unmarked) return cardTree(card, top, change, highlighted, titles, name);
    const last = cardTrees.get(card);
    if (last && last.top === top && last.highlighted === highlighted && last.titles === titles && last.name === name) return last.node;
    const node = cardTree(card, top, change, highlighted, titles, name);
    cardTrees.set(card, { node, top, highlighted, titles, name });
    return node;
}

/** A step's cards stand out while the editor's cursor is in the step. */
function isHighlighted(card: CardLayout, highlight: string | undefined): boolean {
    return highlight !== undefined && ((card.kind === 'step' && card.id === highlight) || card.step === highlight);
}

function cardTree(card: CardLayout, top: number, change: ChangeOf, highlighted: boolean, titles: boolean, name: string): SvgNode {
    const content: SvgNode[] = [];
    if (titles) content.push(textEl('title', {}, card.tooltip));
    content.push(el('rect', { width: card.width, height: card.height, rx: card.kind === 'stage' ? 4 : 6 }));
    // A stage's colour: a band across the top of its header and of its step cards.
    if (card.tone !== undefined) content.push(el('path', { class: 'jm-band', d: topBand(card.width, card.kind === 'stage' ? 6 : 4, card.kind === 'stage' ? 4 : 6) }));
    content.push(...texts(card.lines, 0));
    if (card.parts) for (const part of card.parts) content.push(partTree(part, card.step));
    const attrs: Record<string, string | number | null | undefined> = {
        'data-key': card.key, 'data-kind': card.kind, 'data-id': card.id, 'data-step': card.step, 'data-stage': card.stage,
        role: 'img', 'aria-label': name,
    };
    if (card.data) for (const name in card.data) attrs[`data-${name}`] = card.data[name];
    attrs['data-change'] = change(card.key, card.step);
    // The card's own mark carries a label; a removed step's members are faded with it, unlabelled.
    const own = change(card.key);
    if (own) content.push(changeBadge(own, card.width));
    attrs.class = `jm-card${card.variant ? ` jm-${card.variant}` : ''}${card.tone !== undefined ? ` jm-tone-${card.tone}` : ''}${highlighted ? ' jm-highlight' : ''}`;
    attrs.transform = `translate(${card.x},${card.y - top})`;
    return el('g', attrs, content, card.key);
}

/** A band `height` px tall across the top of a box `width` wide with corners of radius `r`. */
function topBand(width: number, height: number, r: number): string {
    return `M0,${height}V${r}A${r},${r} 0 0 1 ${r},0H${width - r}A${r},${r} 0 0 1 ${width},${r}V${height}Z`;
}

/** A fail point or a chip: a box of its own inside its card. */
function partTree(part: CardPart, step: string | undefined): SvgNode {
    return el('g', {
        'data-kind': part.kind, 'data-step': part.kind === 'fail' ? step : null, 'data-chip': part.name, class: `jm-part jm-${part.kind}`,
        transform: `translate(${part.x},${part.y})`,
    }, [el('rect', { width: part.width, height: part.height, rx: part.kind === 'chip' ? part.height / 2 : 4 }), ...texts(part.lines, 0)]);
}

/** A rectangle as path data, rounded to a tenth of a pixel (many in one <path> draw many boxes). */
export function boxPath(x: number, y: number, width: number, height: number): string {
    const r = (n: number) => Math.round(n * 10) / 10;
    return `M${r(x)} ${r(y)}h${r(width)}v${r(height)}h${r(-width)}z`;
}

/**
 * A lane's cards in outline, in lane coordinates: their boxes as one path per look (the classes
 * and `data-kind` the stylesheet colours them by) and their lines as bars, each as wide as its
 * text within its card and about as tall as its lower-case letters, so the zoomed-out map keeps
 * the shape and texture of its words.
 */
function outlineCards(cards: readonly CardLayout[], top: number, highlight: string | undefined): SvgNode[] {
    const looks = new Map<string, { kind: string; cls: string; boxes: string[] }>();
    const bars: string[] = [];
    const highlighted: string[] = [];
    const bar = (x: number, baseline: number, line: TextLine, room: number) => {
        const width = Math.min(measureText(line.text, line.size, line.bold), room);
        if (width <= 0) return;
        const height = Math.round(line.size * 0.5);
        bars.push(boxPath(line.direction === 'rtl' ? x + line.x - width : x + line.x, baseline - height, width, height));
    };
    for (const card of cards) {
        const cls = `jm-outline-box${card.variant ? ` jm-${card.variant}` : ''}${card.tone !== undefined ? ` jm-tone-${card.tone}` : ''}`;
        const id = `${card.kind} ${cls}`;
        let look = looks.get(id);
        if (!look) looks.set(id, look = { kind: card.kind, cls, boxes: [] });
        const y = card.y - top;
        look.boxes.push(boxPath(card.x, y, card.width, card.height));
        if (isHighlighted(card, highlight)) highlighted.push(boxPath(card.x, y, card.width, card.height));
        for (const line of card.lines) bar(card.x, y + line.y, line, card.width - 8);
        for (const part of card.parts ?? []) {
            for (const line of part.lines) bar(card.x + part.x, y + part.y + line.y, line, part.width - 4);
        }
    }
    const nodes = [...looks].map(([id, look]) => el('path', { class: look.cls, 'data-outline': look.kind, d: look.boxes.join('') }, [], `outline:${id}`));
    if (bars.length > 0) nodes.push(el('path', { class: 'jm-outline-text', d: bars.join('') }, [], 'outline-text'));
    // The step the editor's cursor is in, outlined over the rest at a width the zoom does not thin.
    if (highlighted.length > 0) nodes.push(el('path', { class: 'jm-outline-highlight', d: highlighted.join('') }, [], 'outline-highlight'));
    return nodes;
}

/** "as-is / to-be" (a diff: "before / after") under the emotion lane's label: which curve is which. */
function asIsLegend(lane: LaneLayout, labels = { before: 'as-is', after: 'to-be' }): SvgNode {
    const x = lane.labelLines[0]?.x ?? 0;
    const y = (lane.labelLines[lane.labelLines.length - 1]?.y ?? lane.y + 20) - lane.y + 22;
    return el('g', { class: 'jm-legend', 'data-kind': 'legend' }, [
        el('line', { class: 'jm-asis', x1: x, x2: x + 22, y1: y - 4, y2: y - 4 }),
        textEl('text', { class: 'jm-role-meta', x: x + 28, y, 'font-size': 12 }, labels.before),
        el('line', { class: 'jm-curve', x1: x, x2: x + 22, y1: y + 12, y2: y + 12 }),
        textEl('text', { class: 'jm-role-meta', x: x + 28, y: y + 16, 'font-size': 12 }, labels.after),
    ], 'legend');
}

export function emotionTooltip(point: EmotionPoint): string {
    return point.value === undefined ? 'No emotion recorded' : `Emotion ${point.value > 0 ? '+' : ''}${point.value}`;
}

/** An emotion value as people write it: `+2`, `0`, `−1` (a real minus sign). */
export function emotionText(value: number): string {
    return value > 0 ? `+${value}` : value < 0 ? `\u2212${-value}` : '0';
}

/** Where an emotion value sits on the scale: the class of its dot and label. */
const moodClass = (value: number) => value > 0 ? 'jm-up' : value < 0 ? 'jm-down' : 'jm-flat';

/** The last curve drawn, by the points it went through: most edits move none. */
let lastCurve: { xs: number[]; ys: Array<number | undefined>; d: string } | undefined;

/**
 * The to-be curve through `points`, `top` up: monotone (it never overshoots a level between two
 * steps), with a gap where a step has no emotion (the curve is not drawn through it).
 */
function curvePath(points: readonly EmotionPoint[], top: number): string {
    const last = lastCurve;
    if (last && last.xs.length === points.length && points.every((p, i) => p.x === last.xs[i] && (p.y === undefined ? undefined : p.y - top) === last.ys[i])) return last.d;
    const path = d3line<EmotionPoint>().defined(p => p.y !== undefined).x(p => p.x).y(p => (p.y ?? 0) - top).curve(curveMonotoneX);
    const d = path(points) ?? '';
    lastCurve = { xs: points.map(p => p.x), ys: points.map(p => p.y === undefined ? undefined : p.y - top), d };
    return d;
}

/** Radius of a value dot: room for `+2` inside it. */
const DOT = 11;

/**
 * The emotion lane's drawing: a green-tinted zone above the zero line and a red-tinted one below,
 * the levels and their values, moments of truth as marked verticals, the as-is curve (dashed),
 * the to-be curve (monotone: it never overshoots a level between two steps, and breaks where a
 * step has no emotion), a dot per step that carries its value, and "lowest" under the low point.
 */
function emotionTree(layout: MapLayout, top: number, change: ChangeOf, x0: number, x1: number, titles: boolean, outline: boolean): SvgNode {
    const emotion = layout.emotion!;
    const left = layout.contentX;
    const right = layout.width - 8;
    const zeroY = emotion.zeroY - top;
    const zones = [
        el('rect', { class: 'jm-zone-up', x: left - 4, y: emotion.top - top, width: right - left + 4, height: zeroY - (emotion.top - top) }),
        el('rect', { class: 'jm-zone-down', x: left - 4, y: zeroY, width: right - left + 4, height: emotion.bottom - emotion.top - (zeroY - (emotion.top - top)) }),
    ];
    const levels = emotion.levels.map(d => el('line', { class: d.value === 0 ? 'jm-zero' : 'jm-level', x1: left, x2: right, y1: d.y - top, y2: d.y - top }));
    const labels = emotion.levels.map(d => textEl('text', { class: `jm-axis ${moodClass(d.value)}`, x: left - 10, y: d.y - top + 4, 'font-size': 11, 'text-anchor': 'end' },
        emotionText(d.value)));
    const inView = (p: { x: number }) => p.x >= x0 && p.x <= x1;
    // Moments of truth: a vertical through the point, starred at the top of the lane.
    const moments: SvgNode[] = [];
    for (const p of emotion.points) {
        if (!p.moment || !inView(p)) continue;
        moments.push(el('g', { class: 'jm-moment-mark', 'data-step': p.step }, [
            el('line', { x1: p.x, x2: p.x, y1: 20, y2: emotion.bottom - top }),
            ...outline ? [] : [textEl('text', { x: p.x, y: 15, 'font-size': 11, 'text-anchor': 'middle' }, '★ moment of truth')],
        ], `moment:${p.key}`));
    }
    // A removed step's ghost point stays as a faded dot, but the curve joins its neighbours: the
    // line is the journey as it is now.
    const curve = emotion.points.filter(p => change(p.key, p.step) !== 'removed');
    const points: SvgNode[] = [];
    const dots = new Map<string, string[]>();
    for (const d of emotion.points) {
        if (!inView(d)) continue;
        if (outline) {
            // One path per mood: a dot is a circle drawn as two arcs.
            const cls = d.value === undefined ? 'jm-gap' : moodClass(d.value);
            const r = d.value === undefined ? 5 : DOT;
            let list = dots.get(cls);
            if (!list) dots.set(cls, list = []);
            list.push(`M${d.x - r} ${(d.y ?? emotion.zeroY) - top}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`);
            continue;
        }
        const cy = (d.y ?? emotion.zeroY) - top;
        points.push(el('circle', {
            'data-key': d.key, 'data-kind': 'emotion', 'data-step': d.step, 'data-value': d.value, 'data-change': change(d.key, d.step),
            class: d.value === undefined ? 'jm-gap' : moodClass(d.value), cx: d.x, cy, r: d.value === undefined ? 5 : DOT,
            role: 'img', 'aria-label': emotionName(layout, d),
        }, titles ? [textEl('title', {}, emotionTooltip(d))] : [], d.key));
        if (d.value === undefined) continue;
        points.push(textEl('text', { class: `jm-value ${moodClass(d.value)}`, x: d.x, y: cy + 4, 'font-size': 11, 'text-anchor': 'middle' }, emotionText(d.value), `${d.key}:value`));
        if (d.lowest) points.push(textEl('text', { class: 'jm-lowest', x: d.x, y: cy + DOT + 14, 'font-size': 12, 'text-anchor': 'middle' }, 'lowest', `${d.key}:lowest`));
    }
    const asIs: SvgNode[] = [];
    if (emotion.asIs) {
        // The as-is journey's curve, dashed and muted, under the to-be one; points matched by step id.
        const asIsPath = d3line<{ x: number; y?: number }>().defined(p => p.y !== undefined).x(p => p.x).y(p => (p.y ?? 0) - top).curve(curveMonotoneX);
        asIs.push(el('path', { 'data-kind': 'asis-emotion', class: 'jm-asis', d: asIsPath(emotion.asIs) ?? '' }, [], 'asis'));
        // A small hollow dot per as-is point: one with no neighbour would otherwise not show.
        for (const p of emotion.asIs) {
            if (p.y !== undefined && inView(p)) asIs.push(el('circle', { class: 'jm-asis-point', 'data-step': p.step, 'data-value': p.value, cx: p.x, cy: p.y - top, r: 4 }));
        }
    }
    for (const [cls, list] of dots) points.push(el('path', { class: `jm-outline-dots ${cls}`, d: list.join('') }, [], `outline-dots:${cls}`));
    return el('g', { class: 'jm-emotion' }, [
        el('g', { class: 'jm-zones' }, zones, 'zones'), ...levels, ...labels, ...moments, ...asIs,
        el('path', { class: 'jm-curve', d: curvePath(curve, top) }, [], 'curve'), ...points,
    ], 'emotion');
}
