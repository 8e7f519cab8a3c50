/**
 * Model → positioned swimlane picture. Pure and deterministic: no DOM, no clock, no randomness;
 * every coordinate is an integer, so the same model always gives byte-identical SVG in Node and
 * in the browser. Columns are sized to their content between MIN and MAX_COLUMN; text wraps from
 * the DOM-free font metrics and cards grow to hold it.
 */
import type { JourneyModel, MetricValueModel, Range, RefModel, StepModel } from '../../language/model/journey-model.js';
import {
    LANE_LABELS, LINE_LABELS, ROW_ORDER,
    type CardKind, type CardLayout, type ColumnLayout, type EmotionLayout, type LaneId, type LaneLayout, type LineId,
    type LineLayout, type MapLayout, type TextLine,
} from './layout-types.js';
import { measureText, textDirection, textExtentCached, wrapText, wrapTextCached } from './text-metrics.js';

export const LAYOUT = {
    margin: 24,
    labelWidth: 132,
    columnGap: 12,
    minColumn: 150,
    maxColumn: 260,
    cardPadX: 8,
    cardPadY: 6,
    cardGap: 6,
    lanePad: 8,
    minLaneHeight: 36,
    lineRowHeight: 22,
    emotionStep: 22,
    bodySize: 12,
    titleSize: 13,
    headingSize: 18,
    minWidth: 480,
} as const;

const lineHeight = (size: number) => Math.round(size * 1.35);

export interface LayoutOptions {
    /** Lanes the user switched off (lane toggles). Hidden lanes take no space. */
    hiddenLanes?: ReadonlySet<string>;
    /**
     * Lines this picture's stages up with another's (the compare view, stage-alignment.ts): each
     * stage spans at least its width and starts where the frame's order puts it, a stage missing
     * here leaving its gap. Ignored for stage positions when this journey orders its stages
     * differently (a stage moved): then only the widths apply.
     */
    stageFrame?: StageFrame;
}

export interface StageFrame {
    order: readonly string[];
    widths: ReadonlyMap<string, number>;
}

/** A run of text before wrapping. */
interface Block {
    text: string;
    bold: boolean;
    size: number;
    role: string;
}

interface CardDraft {
    key: string;
    kind: CardKind;
    lane: LaneId;
    id?: string;
    step?: string;
    column: number;
    range: Range;
    tooltip: string;
    variant?: string;
    blocks: Block[];
}

const body = (text: string, role = 'body'): Block => ({ text, bold: false, size: LAYOUT.bodySize, role });
const meta = (text: string): Block => ({ text, bold: false, size: LAYOUT.bodySize - 1, role: 'meta' });
const title = (text: string): Block => ({ text, bold: true, size: LAYOUT.titleSize, role: 'title' });

function refTitle(ref: RefModel | undefined): string | undefined {
    return ref ? (ref.title ?? ref.id) : undefined;
}

function metricValue(value: MetricValueModel): string {
    return value.text;
}

/** The member cards of one step, lane by lane, in model order. */
function stepDrafts(step: StepModel, column: number, keyId: string): CardDraft[] {
    const drafts: CardDraft[] = [];
    const member = (kind: CardKind, lane: LaneId, n: number, range: Range, blocks: Block[], variant?: string): void => {
        const draft: CardDraft = {
            key: `${kind}:${keyId}:${n}`, kind, lane, step: step.id, column, range, blocks,
            tooltip: blocks.length === 1 ? blocks[0].text : blocks.map(b => b.text).join('\n'),
        };
        if (variant) draft.variant = variant;
        drafts.push(draft);
    };
    const stepBlocks: Block[] = [title(step.title)];
    if (step.moment) stepBlocks.push({ text: step.moment.why ? `★ Moment of truth: ${step.moment.why}` : '★ Moment of truth', bold: true, size: LAYOUT.bodySize - 1, role: 'moment' });
    for (const e of step.evidence) stepBlocks.push({ text: `${e.solicited ? '◆' : '◇'} ${e.kind}${e.source ? `: ${e.source}` : ''}`, bold: false, size: LAYOUT.bodySize - 1, role: 'badge' });
    if (step.owner) stepBlocks.push(meta(`Owner: ${refTitle(step.owner)}`));
    drafts.push({
        key: `step:${keyId}`, kind: 'step', lane: 'actions', id: step.id, column, range: step.range, blocks: stepBlocks,
        tooltip: [...stepBlocks.map(b => b.text), ...step.notes.map(n => `Note: ${n.text}`)].join('\n'),
        ...(step.moment ? { variant: 'moment' } : {}),
    });
    step.channels.forEach((c, n) => member('channel', 'touchpoints', n, c.range, [body(`⇄ ${refTitle(c)}`, 'channel')]));
    step.touchpoints.forEach((t, n) => member('touchpoint', 'touchpoints', n, t.range, [body(t.text)]));
    step.thinks.forEach((t, n) => member('thinks', 'mindset', n, t.range, [meta('Thinks'), body(t.text)]));
    step.feels.forEach((t, n) => member('feels', 'mindset', n, t.range, [meta('Feels'), body(t.text)]));
    step.says.forEach((t, n) => member('says', 'mindset', n, t.range, [meta('Says'), body(`“${t.text}”`)]));
    for (const kind of ['onstage', 'offstage', 'support'] as const) {
        step[kind].forEach((a, n) => member(kind, kind, n, a.range, a.team ? [body(a.text), meta(`— ${refTitle(a.team)}`)] : [body(a.text)]));
    }
    step.pains.forEach((p, n) => member('pain', 'pains', n, p.range, p.severity ? [body(p.text), meta(`Severity: ${p.severity}`)] : [body(p.text)], p.severity ?? 'unrated'));
    step.opportunities.forEach((o, n) => member('opportunity', 'opportunities', n, o.range, o.owner ? [body(o.text), meta(`Owner: ${refTitle(o.owner)}`)] : [body(o.text)]));
    step.metrics.forEach((m, n) => member('metric', 'metrics', n, m.range, [
        { text: m.name, bold: true, size: LAYOUT.bodySize, role: 'metric-name' },
        // Schema 2: a metric may have only a target.
        body(!m.value ? `target ${metricValue(m.target!)}` : m.target ? `${metricValue(m.value)} (target ${metricValue(m.target)})` : metricValue(m.value), 'metric-value'),
    ]));
    return drafts;
}

/** Width a block would like: its whole text on one line, at most the widest column. */
function preferredWidth(block: Block): number {
    const inner = LAYOUT.maxColumn - 2 * LAYOUT.cardPadX;
    const { natural, word } = textExtentCached(block.text, block.size, block.bold);
    return Math.min(inner, Math.max(natural, word));
}

function widestBlock(blocks: readonly Block[]): number {
    let widest = 0;
    for (const block of blocks) widest = Math.max(widest, preferredWidth(block));
    return widest;
}

/** Wraps blocks into a card `width` wide: lines relative to the card's top-left corner, and its height. */
function wrapBlocks(blocks: readonly Block[], width: number): { lines: TextLine[]; height: number } {
    const inner = width - 2 * LAYOUT.cardPadX;
    const lines: TextLine[] = [];
    let cursor = LAYOUT.cardPadY;
    for (const block of blocks) {
        const direction = textDirection(block.text);
        const lh = lineHeight(block.size);
        for (const text of wrapTextCached(block.text, inner, block.size, block.bold)) {
            // Baseline sits ~80% down the line box: room for descenders below it.
            lines.push({
                text, bold: block.bold, size: block.size, role: block.role, direction,
                x: direction === 'rtl' ? width - LAYOUT.cardPadX : LAYOUT.cardPadX,
                y: cursor + Math.round(lh * 0.78),
            });
            cursor += lh;
        }
    }
    return { lines, height: cursor + LAYOUT.cardPadY };
}

/** Columns, their widths and x, and what shows: steps 1 to 3 of a layout. */
interface ColumnPlan {
    columns: ColumnLayout[];
    stageSpans: Array<{ first: number; last: number }>;
    spanOfStage: Map<string, { first: number; last: number }>;
    stepOfColumn: Array<StepModel | undefined>;
    stageDrafts: CardDraft[];
    visibleDrafts: CardDraft[];
    showLane: (lane: LaneId) => boolean;
    hasStages: boolean;
    contentX: number;
    width: number;
}

/** Lays out one journey; `hiddenLanes` removes lanes the user toggled off. */
export function layoutJourney(journey: JourneyModel, options: LayoutOptions = {}): MapLayout {
    const { columns, spanOfStage, stepOfColumn, stageDrafts, visibleDrafts, showLane, hasStages, contentX, width } = planColumns(journey, options);

    // 4. Heading: title, persona, scenario, objectives, wrapped to the picture's width.
    const headingBlocks: Block[] = [{ text: journey.title, bold: true, size: LAYOUT.headingSize, role: 'heading' }];
    if (journey.persona) headingBlocks.push(body(`Persona: ${journey.persona.title}`, 'persona'));
    else if (journey.for) headingBlocks.push(body(`Persona: ${journey.for.title ?? journey.for.id}`, 'persona'));
    if (journey.scenario) headingBlocks.push(body(`Scenario: ${journey.scenario}`, 'scenario'));
    for (const objective of journey.objectives) headingBlocks.push(body(`Objective: ${objective}`, 'objective'));
    const wrappedHeading = wrapBlocks(headingBlocks, width - 2 * LAYOUT.margin + 2 * LAYOUT.cardPadX);
    const heading = {
        height: wrappedHeading.height,
        lines: wrappedHeading.lines.map(l => ({ ...l, x: l.x + LAYOUT.margin - LAYOUT.cardPadX, y: l.y + LAYOUT.margin - LAYOUT.cardPadY })),
    };
    let y = LAYOUT.margin + heading.height + 4;

    // 5. Rows top to bottom: lanes stack their cards per column; lines take a thin row.
    const lanes: LaneLayout[] = [];
    const lines: LineLayout[] = [];
    const cards: CardLayout[] = [];
    let emotion: EmotionLayout | undefined;
    const byLane = new Map<LaneId, CardDraft[]>();
    for (const d of [...stageDrafts, ...visibleDrafts]) {
        const list = byLane.get(d.lane) ?? [];
        list.push(d);
        byLane.set(d.lane, list);
    }
    const place = (d: CardDraft, cardY: number, cardWidth: number): CardLayout => {
        const cx = columns[d.column].x;
        const wrapped = wrapBlocks(d.blocks, cardWidth);
        const card: CardLayout = {
            key: d.key, kind: d.kind, lane: d.lane, x: cx, y: cardY, width: cardWidth, height: wrapped.height, lines: wrapped.lines,
            tooltip: d.tooltip, range: d.range,
        };
        if (d.id !== undefined) card.id = d.id;
        if (d.step !== undefined) card.step = d.step;
        if (d.variant) card.variant = d.variant;
        return card;
    };
    if (hasStages) {
        for (const row of ROW_ORDER) {
            if (row === 'interaction' || row === 'visibility' || row === 'internal') {
                const line = row as LineId;
                // The line of internal interaction separates the support lane: drawn only with it.
                if (line === 'internal' && !showLane('support')) continue;
                const lineY = y + Math.round(LAYOUT.lineRowHeight / 2);
                const labelWidth = Math.ceil(measureText(LINE_LABELS[line], LAYOUT.bodySize - 1));
                lines.push({
                    id: line, label: LINE_LABELS[line], y: lineY, x1: LAYOUT.margin + labelWidth + 8,
                    labelLines: [{ text: LINE_LABELS[line], x: LAYOUT.margin, y: lineY + 4, bold: false, size: LAYOUT.bodySize - 1, direction: 'ltr', role: 'line-label' }],
                });
                y += LAYOUT.lineRowHeight;
                continue;
            }
            const lane = row as LaneId;
            if (!showLane(lane)) continue;
            const top = y;
            let laneHeight: number = LAYOUT.minLaneHeight;
            if (lane === 'emotion') {
                const levels = [2, 1, 0, -1, -2].map((value, i) => ({ value, y: top + LAYOUT.lanePad + 6 + i * LAYOUT.emotionStep }));
                const yOf = (value: number) => levels.find(l => l.value === value)!.y;
                const points = columns.flatMap((c, i) => {
                    const step = stepOfColumn[i];
                    return step === undefined ? [] : [{
                        key: `emotion:${c.key}`, step: step.id, x: c.x + Math.round(c.width / 2), range: step.range,
                        ...(step.emotion !== undefined ? { value: step.emotion, y: yOf(step.emotion) } : {}),
                    }];
                });
                emotion = { levels, zeroY: yOf(0), points };
                laneHeight = 2 * LAYOUT.lanePad + 12 + 4 * LAYOUT.emotionStep;
            } else {
                const stacks = new Map<number, number>();
                for (const d of byLane.get(lane) ?? []) {
                    let cardWidth = columns[d.column].width;
                    if (d.kind === 'stage') {
                        const span = spanOfStage.get(d.key)!;
                        cardWidth = columns[span.last].x + columns[span.last].width - columns[span.first].x;
                    }
                    const stacked = stacks.get(d.column) ?? top + LAYOUT.lanePad;
                    const card = place(d, stacked, cardWidth);
                    cards.push(card);
                    stacks.set(d.column, stacked + card.height + LAYOUT.cardGap);
                }
                for (const bottom of stacks.values()) laneHeight = Math.max(laneHeight, bottom - LAYOUT.cardGap + LAYOUT.lanePad - top);
            }
            const labelLines = wrapText(LANE_LABELS[lane], LAYOUT.labelWidth - 16, LAYOUT.bodySize, true).map((text, i): TextLine => ({
                text, x: LAYOUT.margin, y: top + 20 + i * lineHeight(LAYOUT.bodySize), bold: true, size: LAYOUT.bodySize, direction: 'ltr', role: 'lane-label',
            }));
            laneHeight = Math.max(laneHeight, 20 + labelLines.length * lineHeight(LAYOUT.bodySize));
            lanes.push({ id: lane, label: LANE_LABELS[lane], labelLines, y: top, height: laneHeight });
            y += laneHeight;
        }
    }
    const emptyMessage: TextLine | undefined = hasStages ? undefined : {
        text: 'This journey has no stages yet.', x: LAYOUT.margin, y: y + 20, bold: false, size: LAYOUT.bodySize, direction: 'ltr', role: 'empty',
    };
    if (emptyMessage) y += 32;
    return {
        journeyId: journey.id,
        width,
        height: y + LAYOUT.margin,
        heading: heading.lines,
        contentX,
        lanes,
        lines,
        columns,
        cards,
        ...(emotion ? { emotion } : {}),
        ...(emptyMessage ? { emptyMessage } : {}),
    };
}

/**
 * The width each stage spans when laid out alone: what a stage frame is made of
 * (stage-alignment.ts), without the cost of wrapping every card.
 */
export function stageWidths(journey: JourneyModel, options: LayoutOptions = {}): Map<string, number> {
    const { columns, stageSpans } = planColumns(journey, { ...options, stageFrame: undefined });
    const widths = new Map<string, number>();
    journey.stages.forEach((stage, i) => {
        const { first, last } = stageSpans[i];
        widths.set(stage.id, Math.max(widths.get(stage.id) ?? 0, columns[last].x + columns[last].width - columns[first].x));
    });
    return widths;
}

function planColumns(journey: JourneyModel, options: LayoutOptions): ColumnPlan {
    const hidden = options.hiddenLanes ?? new Set<string>();
    const columns: ColumnLayout[] = [];
    const drafts: CardDraft[] = [];
    const stageSpans: Array<{ first: number; last: number }> = [];
    const stepOfColumn: Array<StepModel | undefined> = [];
    const spanOfStage = new Map<string, { first: number; last: number }>();
    // Ids should be unique, but a map with a duplicate-id error still draws: later ones get `~2`, `~3`…
    const uniqueKeys = () => {
        const seen = new Map<string, number>();
        return (id: string) => {
            const n = (seen.get(id) ?? 0) + 1;
            seen.set(id, n);
            return n === 1 ? id : `${id}~${n}`;
        };
    };
    const stageKey = uniqueKeys();
    const uniqueKey = uniqueKeys();
    const stageKeys = journey.stages.map(stage => `stage:${stageKey(stage.id)}`);

    // 1. Columns: one per step, one placeholder for a stage without steps.
    for (const stage of journey.stages) {
        const first = columns.length;
        if (stage.steps.length === 0) {
            columns.push({ key: stageKeys[journey.stages.indexOf(stage)], stage: stage.id, x: 0, width: LAYOUT.minColumn });
            stepOfColumn.push(undefined);
        }
        for (const step of stage.steps) {
            const keyId = uniqueKey(step.id);
            for (const draft of stepDrafts(step, columns.length, keyId)) drafts.push(draft);
            columns.push({ key: keyId, step: step.id, stage: stage.id, x: 0, width: LAYOUT.minColumn });
            stepOfColumn.push(step);
        }
        stageSpans.push({ first, last: columns.length - 1 });
        spanOfStage.set(stageKeys[stageSpans.length - 1], stageSpans[stageSpans.length - 1]);
    }
    const stageDrafts: CardDraft[] = journey.stages.map((stage, i) => ({
        key: stageKeys[i], kind: 'stage', lane: 'stages', id: stage.id, column: stageSpans[i].first, range: stage.range,
        blocks: stage.goal ? [title(stage.title), meta(`Goal: ${stage.goal}`)] : [title(stage.title)],
        tooltip: stage.goal ? `${stage.title}\nGoal: ${stage.goal}` : stage.title,
    }));

    // 2. Which lanes show: those with content (onstage and offstage always), minus hidden ones.
    const filled = new Set<LaneId>(drafts.map(d => d.lane));
    if (journey.stages.length > 0) filled.add('stages');
    if (journey.stages.some(s => s.steps.some(step => step.emotion !== undefined))) filled.add('emotion');
    const hasStages = journey.stages.length > 0;
    const showLane = (lane: LaneId) => hasStages && !hidden.has(lane) && (filled.has(lane) || lane === 'onstage' || lane === 'offstage');
    const visibleDrafts = drafts.filter(d => showLane(d.lane));

    // 3. Column widths from content, then widened where a stage header needs more room.
    for (const d of visibleDrafts) {
        const want = Math.ceil(widestBlock(d.blocks) + 2 * LAYOUT.cardPadX);
        columns[d.column].width = Math.max(columns[d.column].width, Math.min(LAYOUT.maxColumn, want));
    }
    if (showLane('stages')) {
        stageDrafts.forEach((d, i) => {
            const { first, last } = stageSpans[i];
            const span = columns.slice(first, last + 1).reduce((sum, c) => sum + c.width, 0) + (last - first) * LAYOUT.columnGap;
            const want = Math.ceil(widestBlock(d.blocks) + 2 * LAYOUT.cardPadX);
            const extra = want - span;
            if (extra > 0) {
                const each = Math.ceil(extra / (last - first + 1));
                for (let c = first; c <= last; c++) columns[c].width += each;
            }
        });
    }
    const frame = options.stageFrame;
    if (frame) {
        journey.stages.forEach((stage, i) => widenSpan(columns, stageSpans[i], frame.widths.get(stage.id) ?? 0));
    }
    const contentX = LAYOUT.margin + LAYOUT.labelWidth;
    let x = contentX;
    for (const column of columns) {
        column.x = x;
        x += column.width + LAYOUT.columnGap;
    }
    let contentRight = columns.length > 0 ? x - LAYOUT.columnGap : contentX;
    if (frame && followsFrame(journey.stages.map(s => s.id), frame)) contentRight = Math.max(contentRight, placeInFrame(columns, journey.stages.map(s => s.id), stageSpans, frame, contentX));
    const width = Math.max(LAYOUT.minWidth, contentRight + LAYOUT.margin);
    return { columns, stageSpans, spanOfStage, stepOfColumn, stageDrafts, visibleDrafts, showLane, hasStages, contentX, width };
}


/** Widens a stage's columns evenly (the last one takes the remainder) to span `width`. */
function widenSpan(columns: ColumnLayout[], span: { first: number; last: number }, width: number): void {
    const count = span.last - span.first + 1;
    const current = columns.slice(span.first, span.last + 1).reduce((sum, c) => sum + c.width, 0) + (count - 1) * LAYOUT.columnGap;
    const extra = width - current;
    if (extra <= 0) return;
    const each = Math.floor(extra / count);
    for (let c = span.first; c <= span.last; c++) columns[c].width += each;
    columns[span.last].width += extra - each * count;
}

/** Whether the journey's stages are exactly the frame's, less some, in the frame's order. */
function followsFrame(ids: readonly string[], frame: StageFrame): boolean {
    if (new Set(ids).size !== ids.length) return false;
    const positions = ids.map(id => frame.order.indexOf(id));
    return positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]));
}

/** Moves each stage's columns to the frame's start of that stage; returns the frame's right edge. */
function placeInFrame(columns: ColumnLayout[], ids: readonly string[], spans: ReadonlyArray<{ first: number; last: number }>, frame: StageFrame, contentX: number): number {
    const starts = new Map<string, number>();
    let x = contentX;
    for (const id of frame.order) {
        starts.set(id, x);
        x += (frame.widths.get(id) ?? LAYOUT.minColumn) + LAYOUT.columnGap;
    }
    ids.forEach((id, i) => {
        let cx = starts.get(id)!;
        for (let c = spans[i].first; c <= spans[i].last; c++) {
            columns[c].x = cx;
            cx += columns[c].width + LAYOUT.columnGap;
        }
    });
    return x - LAYOUT.columnGap;
}
