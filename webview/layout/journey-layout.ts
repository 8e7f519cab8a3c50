/**
 * Model → positioned swimlane picture. Pure and deterministic: no DOM, no clock, no randomness;
 * every coordinate is an integer, so the same model always gives byte-identical SVG in Node and
 * in the browser. (The preview passes a layout memo, which saves work between two layouts of an
 * edited map but never changes a result: layout-memo.ts.) Columns are sized to their content between MIN and MAX_COLUMN; text wraps from
 * the DOM-free font metrics and cards grow to hold it.
 */
import type { JourneyModel, Range, StageModel, StepModel } from '../../language/model/journey-model.js';
import {
    body, CARD, evidencePieces, evidenceText, linkBlocks, meta, metricContent, opportunityContent, personaPieces, piecesText, refTitle, scenarioPieces,
    severityBlock, title, TYPE, wrapPieces,
    type Block, type Piece,
} from './card-content.js';
import { placeCard, wantedWidth, type CardDraft } from './card-draft.js';
import { itemRange, type LayoutMemo } from './layout-memo.js';
import {
    LANE_LABELS, LINE_LABELS, ROW_ORDER, STAGE_TONES,
    type CardKind, type CardLayout, type CardPlace, type ColumnLayout, type EmotionLayout, type EmotionPoint, type LaneId, type LaneLayout, type LineId,
    type LineLayout, type MapLayout, type TextLine,
} from './layout-types.js';
import { measureText, wrapTextCached } from './text-metrics.js';

export { TYPE } from './card-content.js';

export const LAYOUT = {
    margin: 24,
    labelWidth: 140,
    columnGap: 14,
    minColumn: 170,
    maxColumn: CARD.maxColumn,
    cardPadX: CARD.padX,
    cardPadY: CARD.padY,
    cardGap: 8,
    lanePad: 10,
    minLaneHeight: 44,
    /** An on-stage or off-stage lane with nothing in it: kept, but slim, with a hint. */
    slimLaneHeight: 34,
    lineRowHeight: 30,
    /** The emotion lane: px between two levels, and the room above +2 and below -2 (value dots, markers, "lowest"). */
    emotionStep: 26,
    emotionPadTop: 34,
    emotionPadBottom: 36,
    bodySize: TYPE.body,
    titleSize: TYPE.title,
    headingSize: TYPE.heading,
    minWidth: 480,
    personaWidth: 360,
    scenarioWidth: 320,
    headerCardWidth: 240,
} as const;

const lineHeight = (size: number) => Math.round(size * 1.35);

/** What the line rows say about either side of them. */
const LINE_HINTS: Readonly<Record<LineId, string>> = {
    interaction: 'customer above · organisation below',
    visibility: 'seen by the customer above · unseen below',
    internal: 'support processes below',
};

/** The hint in an on-stage or off-stage lane with nothing in it. */
const EMPTY_LANE_HINTS: Partial<Record<LaneId, string>> = {
    onstage: 'No on-stage actions mapped',
    offstage: 'No off-stage actions mapped',
};

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
    /**
     * The last layout's step drafts, for the next layout of the same picture (the preview, as the
     * user types): unchanged steps are not measured and wrapped again. Never changes the result.
     */
    memo?: LayoutMemo;
}

export interface StageFrame {
    order: readonly string[];
    widths: ReadonlyMap<string, number>;
}

/** The member cards of one step, lane by lane, in model order. */
function stepDrafts(step: StepModel, column: number, keyId: string, tone: number): CardDraft[] {
    const drafts: CardDraft[] = [];
    const member = (kind: CardKind, lane: LaneId, n: number, blocks: Piece[], variant?: string, data?: Record<string, string>): void => {
        const draft: CardDraft = {
            key: `${kind}:${keyId}:${n}`, kind, lane, step: step.id, index: n, column, range: itemRange(step, kind, n), blocks,
            tooltip: blocks.length === 1 && !('part' in blocks[0]) ? blocks[0].text : piecesText(blocks),
        };
        if (variant) draft.variant = variant;
        if (data && Object.keys(data).length > 0) draft.data = data;
        drafts.push(draft);
    };
    const stepBlocks: Block[] = [title(step.title)];
    if (step.moment) stepBlocks.push({ text: step.moment.why ? `★ Moment of truth: ${step.moment.why}` : '★ Moment of truth', bold: true, size: TYPE.meta, role: 'moment', space: 2 });
    if (step.duration) stepBlocks.push(meta(`Takes ${step.duration.text}`, 'duration'));
    for (const e of step.evidence) {
        stepBlocks.push({ text: evidenceText(e), bold: false, size: TYPE.meta, role: 'badge' });
        stepBlocks.push(...linkBlocks(e.links));
    }
    if (step.owner) stepBlocks.push(meta(`Owner: ${refTitle(step.owner)}`));
    stepBlocks.push(...linkBlocks(step.links));
    drafts.push({
        key: `step:${keyId}`, kind: 'step', lane: 'actions', id: step.id, column, range: step.range, blocks: stepBlocks, tone,
        tooltip: [...stepBlocks.map(b => b.text), ...step.notes.map(n => `Note: ${n.text}`)].join('\n'),
        ...(step.moment ? { variant: 'moment' } : {}),
    });
    // A wait point: its own card under the step card, in the actions lane.
    if (step.wait) {
        member('wait', 'actions', 0, [meta(`Wait ${step.wait.value.text}`, 'wait'), ...(step.wait.why ? [body(step.wait.why)] : [])]);
    }
    step.physical?.forEach((t, n) => member('physical', 'physical', n, [body(t.text)]));
    step.channels.forEach((c, n) => member('channel', 'touchpoints', n, [body(`⇄ ${refTitle(c)}`, 'channel')]));
    step.touchpoints.forEach((t, n) => member('touchpoint', 'touchpoints', n, [body(t.text)]));
    step.thinks.forEach((t, n) => member('thinks', 'mindset', n, [meta('Thinks', 'kicker'), body(t.text)]));
    step.feels.forEach((t, n) => member('feels', 'mindset', n, [meta('Feels', 'kicker'), body(t.text)]));
    step.says.forEach((t, n) => member('says', 'mindset', n, [meta('Says', 'kicker'), body(`“${t.text}”`, 'quote')]));
    for (const kind of ['onstage', 'offstage', 'support'] as const) {
        step[kind].forEach((a, n) => {
            const pieces: Piece[] = [body(a.text)];
            if (a.team) pieces.push(meta(`— ${refTitle(a.team)}`));
            // A fail point: a box of its own inside the action card, its text in full.
            if (a.fail) pieces.push({ part: 'fail', blocks: [meta('✗ Fail point', 'fail-label'), body(a.fail.text, 'fail')] });
            member(kind, kind, n, pieces, a.fail ? 'fails' : undefined);
        });
    }
    step.pains.forEach((p, n) => member('pain', 'pains', n, painPieces(p.text, p.severity), p.severity ?? 'unrated'));
    step.opportunities.forEach((o, n) => {
        const { pieces, data } = opportunityContent(o);
        member('opportunity', 'opportunities', n, pieces, undefined, data);
    });
    step.metrics.forEach((m, n) => {
        const { pieces, data } = metricContent(m);
        member('metric', 'metrics', n, pieces, undefined, data);
    });
    return drafts;
}

/** A pain card: severity as a shape and a word first (`▲ High`), then the text. */
function painPieces(text: string, severity: string | undefined, suffix?: string): Piece[] {
    const head = severityBlock(severity, suffix);
    return head ? [head, body(text)] : [body(text)];
}

/**
 * The cards about a stage as a whole, each spanning its columns: pains, opportunities and metrics
 * in their lanes, evidence and notes in the stages lane under the stage header. Keyed
 * `<kind>:@stage:<stage id>:<n>` (`@` is never in an id, so no step key looks the same).
 */
function stageItemDrafts(stage: StageModel, stageKey: string, span: { first: number; last: number }): CardDraft[] {
    const drafts: CardDraft[] = [];
    const add = (kind: CardKind, lane: LaneId, n: number, range: Range, blocks: Piece[], variant?: string, data?: Record<string, string>): void => {
        const draft: CardDraft = { key: `${kind}:@stage:${stageKey}:${n}`, kind, lane, stage: stage.id, column: span.first, span, range, blocks, tooltip: piecesText(blocks) };
        if (variant) draft.variant = variant;
        if (data && Object.keys(data).length > 0) draft.data = data;
        drafts.push(draft);
    };
    stage.evidence?.forEach((e, n) => add('evidence', 'stages', n, e.range, evidencePieces(e)));
    stage.notes?.forEach((t, n) => add('note', 'stages', n, t.range, [meta('Note'), body(t.text)]));
    stage.pains?.forEach((p, n) => add('pain', 'pains', n, p.range, painPieces(p.text, p.severity, 'Whole stage'), p.severity ?? 'unrated'));
    stage.opportunities?.forEach((o, n) => {
        const { pieces, data } = opportunityContent(o);
        add('opportunity', 'opportunities', n, o.range, [meta('Whole stage'), ...pieces], undefined, data);
    });
    stage.metrics?.forEach((m, n) => {
        const { pieces, data } = metricContent(m);
        add('metric', 'metrics', n, m.range, [meta('Whole stage'), ...pieces], undefined, data);
    });
    return drafts;
}

/** The header's cards: the persona, the scenario and objectives, then the journey-level opportunities, metrics (KPIs), evidence and notes. */
function headerDrafts(journey: JourneyModel): CardDraft[] {
    const drafts: CardDraft[] = [];
    const add = (kind: CardKind, key: string, range: Range, blocks: Piece[], data?: Record<string, string>, id?: string): void => {
        const draft: CardDraft = { key, kind, lane: 'header', column: 0, range, blocks, tooltip: piecesText(blocks) };
        if (id !== undefined) draft.id = id;
        if (data && Object.keys(data).length > 0) draft.data = data;
        drafts.push(draft);
    };
    if (journey.persona) {
        add('persona', `persona:${journey.persona.id}`, journey.persona.range, personaPieces(journey.persona), undefined, journey.persona.id);
        if (journey.persona.uri) drafts[0].uri = journey.persona.uri;
    }
    // The model keeps no range for the scenario: a click puts the cursor at the journey's start.
    const journeyStart = { start: journey.range.start, end: journey.range.start };
    if (journey.scenario || journey.objectives.length > 0) add('scenario', 'scenario:@journey', journeyStart, scenarioPieces(journey.scenario, journey.objectives));
    journey.opportunities?.forEach((o, n) => {
        const { pieces, data } = opportunityContent(o);
        add('opportunity', `opportunity:@journey:${n}`, o.range, [meta('Whole journey · opportunity', 'kicker'), ...pieces], data);
    });
    journey.metrics?.forEach((m, n) => {
        const { pieces, data } = metricContent(m);
        add('metric', `metric:@journey:${n}`, m.range, [meta('Whole journey · KPI', 'kicker'), ...pieces], data);
    });
    journey.evidence?.forEach((e, n) => add('evidence', `evidence:@journey:${n}`, e.range, evidencePieces(e)));
    journey.notes?.forEach((t, n) => add('note', `note:@journey:${n}`, t.range, [meta('Note'), body(t.text)]));
    return drafts;
}

/**
 * The header's cards: the persona and the scenario side by side from the left margin, then the
 * journey-level items in rows in the room to their right (below them when there is no room for
 * one card there), each row wrapping at the right edge.
 */
function flowHeader(drafts: readonly CardDraft[], top: number, width: number): { cards: CardLayout[]; bottom: number } {
    const cards: CardLayout[] = [];
    const right = width - LAYOUT.margin;
    const widthOf = (d: CardDraft): number => {
        const wide = d.kind === 'persona' ? LAYOUT.personaWidth : d.kind === 'scenario' ? LAYOUT.scenarioWidth : LAYOUT.headerCardWidth;
        const cap = Math.min(wide, right - LAYOUT.margin);
        const least = d.kind === 'persona' || d.kind === 'scenario' ? Math.round(wide * 0.75) : LAYOUT.minColumn;
        return Math.max(Math.min(cap, least), Math.min(cap, wantedWidth(d)));
    };
    /** Places `list` in rows between `left` and the right edge from `y`; returns the bottom of the last row. */
    const flow = (list: readonly CardDraft[], left: number, y: number): { bottom: number; x: number } => {
        let x = left;
        let rowBottom = y;
        for (const d of list) {
            const cardWidth = widthOf(d);
            if (x > left && x + cardWidth > right) {
                x = left;
                y = rowBottom + LAYOUT.cardGap;
            }
            const card = placeCard(d, x, y, cardWidth);
            cards.push(card);
            rowBottom = Math.max(rowBottom, y + card.height);
            x += cardWidth + LAYOUT.columnGap;
        }
        return { bottom: rowBottom, x };
    };
    const lead = drafts.filter(d => d.kind === 'persona' || d.kind === 'scenario');
    const rest = drafts.filter(d => d.kind !== 'persona' && d.kind !== 'scenario');
    const first = flow(lead, LAYOUT.margin, top);
    if (rest.length === 0) return { cards, bottom: first.bottom };
    const besideLead = lead.length > 0 && first.bottom > top && first.x + LAYOUT.headerCardWidth <= right
        && cards.every(c => c.y === top);
    const second = besideLead ? flow(rest, first.x, top) : flow(rest, LAYOUT.margin, lead.length > 0 ? first.bottom + LAYOUT.cardGap : top);
    return { cards, bottom: Math.max(first.bottom, second.bottom) };
}

/** Wraps blocks into a box `width` wide (the heading). */
function wrapBlocks(blocks: readonly Block[], width: number): { lines: TextLine[]; height: number } {
    const { lines, height } = wrapPieces(blocks, width);
    return { lines, height };
}

/** Columns, their widths and x, and what shows: steps 1 to 3 of a layout. */
interface ColumnPlan {
    columns: ColumnLayout[];
    stageSpans: Array<{ first: number; last: number }>;
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
    options.memo?.begin();
    const { columns, stepOfColumn, stageDrafts, visibleDrafts, showLane, hasStages, contentX, width } = planColumns(journey, options);

    // 4. Heading: the title, wrapped to the picture's width; the persona, scenario and objectives
    // are cards in the header row below it.
    const headingBlocks: Block[] = [{ text: journey.title, bold: true, size: LAYOUT.headingSize, role: 'heading' }];
    // A resolved persona gets its card; an unresolved `for` only its name.
    if (!journey.persona && journey.for) headingBlocks.push(body(`Persona: ${journey.for.title ?? journey.for.id}`, 'persona'));
    const wrappedHeading = wrapBlocks(headingBlocks, width - 2 * LAYOUT.margin + 2 * LAYOUT.cardPadX);
    const heading = {
        height: wrappedHeading.height,
        lines: wrappedHeading.lines.map(l => ({ ...l, x: l.x + LAYOUT.margin - LAYOUT.cardPadX, y: l.y + LAYOUT.margin - LAYOUT.cardPadY })),
    };
    let y = LAYOUT.margin + heading.height + 6;
    // The header row: the persona and scenario cards beside the journey-level items.
    const headerCards = headerDrafts(journey);
    options.memo?.adoptCaches(headerCards);
    const header = flowHeader(headerCards, y, width);
    if (header.cards.length > 0) y = header.bottom + LAYOUT.lanePad + 10;

    // 5. Rows top to bottom: lanes stack their cards per column; lines take a thin row.
    const lanes: LaneLayout[] = [];
    const lines: LineLayout[] = [];
    const cards: CardLayout[] = header.cards;
    let emotion: EmotionLayout | undefined;
    const byLane = new Map<CardPlace, CardDraft[]>();
    const sortIn = (d: CardDraft): void => {
        const list = byLane.get(d.lane);
        if (list) list.push(d);
        else byLane.set(d.lane, [d]);
    };
    for (let i = 0; i < stageDrafts.length; i++) sortIn(stageDrafts[i]);
    for (let i = 0; i < visibleDrafts.length; i++) sortIn(visibleDrafts[i]);
    // Where each column's stack of cards ends in the lane being laid out (0: nothing yet). One
    // array for every lane: an update should allocate little (see layout-memo.ts).
    const stacks = new Array<number>(columns.length).fill(0);
    if (hasStages) {
        for (const row of ROW_ORDER) {
            if (row === 'interaction' || row === 'visibility' || row === 'internal') {
                const line = row as LineId;
                // The line of internal interaction separates the support lane: drawn only with it.
                if (line === 'internal' && !showLane('support')) continue;
                const lineY = y + Math.round(LAYOUT.lineRowHeight / 2);
                // The name in a tag on the line, then what lies on either side of it.
                const labelEnd = LAYOUT.margin + Math.ceil(measureText(LINE_LABELS[line], TYPE.meta, true));
                const hintX = labelEnd + 16;
                const hintEnd = hintX + Math.ceil(measureText(LINE_HINTS[line], TYPE.meta));
                lines.push({
                    id: line, label: LINE_LABELS[line], y: lineY, labelEnd, x1: hintEnd + 10,
                    labelLines: [
                        { text: LINE_LABELS[line], x: LAYOUT.margin, y: lineY + 4, bold: true, size: TYPE.meta, direction: 'ltr', role: 'line-label' },
                        { text: LINE_HINTS[line], x: hintX, y: lineY + 4, bold: false, size: TYPE.meta, direction: 'ltr', role: 'line-hint' },
                    ],
                });
                y += LAYOUT.lineRowHeight;
                continue;
            }
            const lane = row as LaneId;
            if (!showLane(lane)) continue;
            const top = y;
            let laneHeight: number = LAYOUT.minLaneHeight;
            let hint: TextLine | undefined;
            if (lane === 'emotion') {
                const levels = [2, 1, 0, -1, -2].map((value, i) => ({ value, y: top + LAYOUT.emotionPadTop + i * LAYOUT.emotionStep }));
                const yOf = (value: number) => levels[2 - Math.max(-2, Math.min(2, Math.round(value)))].y;
                let lowest: EmotionPoint | undefined;
                let highest = -Infinity;
                const points: EmotionPoint[] = [];
                for (let i = 0; i < columns.length; i++) {
                    const step = stepOfColumn[i];
                    if (step === undefined) continue;
                    const c = columns[i];
                    const point: EmotionPoint = { key: `emotion:${c.key}`, step: step.id, x: c.x + Math.round(c.width / 2), range: step.range };
                    if (step.emotion !== undefined) {
                        point.value = step.emotion;
                        point.y = yOf(step.emotion);
                        if (!lowest || step.emotion < lowest.value!) lowest = point;
                        highest = Math.max(highest, step.emotion);
                    }
                    if (step.moment) point.moment = true;
                    points.push(point);
                }
                // "Lowest" says something only where the curve has a low point.
                if (lowest && lowest.value! < highest) lowest.lowest = true;
                laneHeight = LAYOUT.emotionPadTop + 4 * LAYOUT.emotionStep + LAYOUT.emotionPadBottom;
                emotion = { levels, zeroY: yOf(0), top: top + 8, bottom: top + laneHeight - 8, points };
                if (journey.asIs) {
                    const asIsEmotion = new Map(journey.asIs.steps.map(s => [s.id, s.emotion]));
                    emotion.asIs = points.map(p => {
                        const value = asIsEmotion.get(p.step);
                        return value === undefined ? { step: p.step, x: p.x } : { step: p.step, x: p.x, value, y: yOf(value) };
                    });
                    if (journey.asIs.labels) emotion.asIsLabels = journey.asIs.labels;
                }
            } else {
                stacks.fill(0);
                let lowestBottom = 0;
                const laneDrafts = byLane.get(lane) ?? [];
                for (let i = 0; i < laneDrafts.length; i++) {
                    const d = laneDrafts[i];
                    if (d.span) {
                        // Spans its stage: below the lowest card of any of its columns.
                        const { first, last } = d.span;
                        let stacked = top + LAYOUT.lanePad;
                        for (let c = first; c <= last; c++) stacked = Math.max(stacked, stacks[c]);
                        const card = placeCard(d, columns[first].x, stacked, columns[last].x + columns[last].width - columns[first].x);
                        cards.push(card);
                        for (let c = first; c <= last; c++) stacks[c] = stacked + card.height + LAYOUT.cardGap;
                        lowestBottom = Math.max(lowestBottom, stacked + card.height + LAYOUT.cardGap);
                        continue;
                    }
                    const stacked = stacks[d.column] || top + LAYOUT.lanePad;
                    const card = placeCard(d, columns[d.column].x, stacked, columns[d.column].width);
                    cards.push(card);
                    stacks[d.column] = stacked + card.height + LAYOUT.cardGap;
                    lowestBottom = Math.max(lowestBottom, stacks[d.column]);
                }
                if (laneDrafts.length > 0) laneHeight = Math.max(laneHeight, lowestBottom - LAYOUT.cardGap + LAYOUT.lanePad - top);
                const empty = EMPTY_LANE_HINTS[lane];
                if (laneDrafts.length === 0 && empty !== undefined) {
                    // Kept so the line of visibility always has both sides, but slim and saying why it is empty.
                    laneHeight = LAYOUT.slimLaneHeight;
                    hint = { text: empty, x: contentX + 4, y: top + 22, bold: false, size: TYPE.meta, direction: 'ltr', role: 'lane-hint' };
                }
            }
            const labelLines = wrapTextCached(LANE_LABELS[lane], LAYOUT.labelWidth - 16, TYPE.lane, true).map((text, i): TextLine => ({
                text, x: LAYOUT.margin, y: top + 22 + i * lineHeight(TYPE.lane), bold: true, size: TYPE.lane, direction: 'ltr', role: 'lane-label',
            }));
            laneHeight = Math.max(laneHeight, 12 + labelLines.length * lineHeight(TYPE.lane) + (hint ? 4 : LAYOUT.lanePad));
            lanes.push({ id: lane, label: LANE_LABELS[lane], labelLines, y: top, height: laneHeight, ...(hint ? { hint } : {}) });
            y += laneHeight;
        }
    }
    const emptyMessage: TextLine | undefined = hasStages ? undefined : {
        text: 'This journey has no stages yet.', x: LAYOUT.margin, y: y + 20, bold: false, size: LAYOUT.bodySize, direction: 'ltr', role: 'empty',
    };
    if (emptyMessage) y += 32;
    options.memo?.end();
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
    const { columns, stageSpans } = planColumns(journey, { ...options, stageFrame: undefined, memo: undefined });
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
    for (let stageIndex = 0; stageIndex < journey.stages.length; stageIndex++) {
        const stage = journey.stages[stageIndex];
        const first = columns.length;
        if (stage.steps.length === 0) {
            columns.push({ key: stageKeys[stageIndex], stage: stage.id, x: 0, width: LAYOUT.minColumn });
            stepOfColumn.push(undefined);
        }
        for (let s = 0; s < stage.steps.length; s++) {
            const step = stage.steps[s];
            const keyId = uniqueKey(step.id);
            const tone = stageIndex % STAGE_TONES;
            const made = options.memo ? options.memo.stepDrafts(step, columns.length, keyId, tone, stepDrafts) : stepDrafts(step, columns.length, keyId, tone);
            for (let d = 0; d < made.length; d++) drafts.push(made[d]);
            columns.push({ key: keyId, step: step.id, stage: stage.id, x: 0, width: LAYOUT.minColumn });
            stepOfColumn.push(step);
        }
        stageSpans.push({ first, last: columns.length - 1 });
    }
    const headers: CardDraft[] = journey.stages.map((stage, i) => ({
        key: stageKeys[i], kind: 'stage', lane: 'stages', id: stage.id, column: stageSpans[i].first, span: stageSpans[i], range: stage.range,
        blocks: stage.goal ? [title(stage.title, TYPE.stageTitle), meta(`Goal: ${stage.goal}`, 'goal')] : [title(stage.title, TYPE.stageTitle)],
        tooltip: stage.goal ? `${stage.title}\nGoal: ${stage.goal}` : stage.title, tone: i % STAGE_TONES,
    }));
    // Stage headers first, then the stage-level items: spanning cards sit at the top of their lane.
    const stageItems = journey.stages.flatMap((stage, i) => stageItemDrafts(stage, stageKeys[i].slice('stage:'.length), stageSpans[i]));
    options.memo?.adoptCaches(headers);
    options.memo?.adoptCaches(stageItems);

    // 2. Which lanes show: those with content (onstage and offstage always), minus hidden ones.
    const filled = new Set<CardPlace>();
    for (let i = 0; i < drafts.length; i++) filled.add(drafts[i].lane);
    for (let i = 0; i < stageItems.length; i++) filled.add(stageItems[i].lane);
    if (journey.stages.length > 0) filled.add('stages');
    if (journey.stages.some(s => s.steps.some(step => step.emotion !== undefined))) filled.add('emotion');
    const hasStages = journey.stages.length > 0;
    const showLane = (lane: LaneId) => hasStages && !hidden.has(lane) && (filled.has(lane) || lane === 'onstage' || lane === 'offstage');
    // Every draft's lane has content: with no lane hidden, every draft shows.
    const visibleDrafts = hidden.size === 0 ? drafts : drafts.filter(d => showLane(d.lane as LaneId));
    const stageDrafts = [...headers, ...stageItems.filter(d => showLane(d.lane as LaneId))];

    // 3. Column widths from content, then widened where a stage header needs more room.
    for (const d of visibleDrafts) {
        columns[d.column].width = Math.max(columns[d.column].width, Math.min(LAYOUT.maxColumn, wantedWidth(d)));
    }
    for (const d of stageDrafts) {
        if (d.lane === 'stages' && !showLane('stages')) continue;
        const { first, last } = d.span!;
        const span = columns.slice(first, last + 1).reduce((sum, c) => sum + c.width, 0) + (last - first) * LAYOUT.columnGap;
        const extra = wantedWidth(d) - span;
        if (extra > 0) {
            const each = Math.ceil(extra / (last - first + 1));
            for (let c = first; c <= last; c++) columns[c].width += each;
        }
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
    return { columns, stageSpans, stepOfColumn, stageDrafts, visibleDrafts, showLane, hasStages, contentX, width };
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
