/**
 * What a card holds and how its content wraps: text blocks, a fail point drawn as a box inside
 * its action card, a row of chips, link lines. Pure, like the rest of the layout.
 */
import {
    DURATION_SECONDS,
    type EvidenceModel, type LinkModel, type MetricModel, type MetricValueModel, type OpportunityModel, type PersonaModel, type RefModel,
} from '../../language/model/journey-model.js';
import type { CardPart, TextLine } from './layout-types.js';
import { safeLinkUrl } from './safe-link.js';
import { textDirection, textExtentCached, wrapTextCached } from './text-metrics.js';

/**
 * The type scale, in px at 100%. The customer's story (stage and step titles, the emotion values)
 * is bigger and bolder than the annotations around it; nothing a reader must read is below 12 px,
 * and card text proper is 13 px.
 */
export const TYPE = {
    /** The journey's title. */
    heading: 22,
    /** A stage header's title. */
    stageTitle: 15,
    /** A step card's title, the persona's name. */
    title: 14,
    /** Card text. */
    body: 13,
    /** Labels, owners, teams, severity: what annotates the text. */
    meta: 12,
    /** Lane labels. */
    lane: 13,
    /** Chips, the emotion values in their dots, the emotion axis. */
    small: 11,
} as const;

export const CARD = {
    padX: 10,
    padY: 7,
    bodySize: TYPE.body,
    titleSize: TYPE.title,
    chipSize: TYPE.small,
    chipPadX: 6,
    chipGap: 4,
    partPad: 5,
    maxColumn: 280,
} as const;

export const lineHeight = (size: number) => Math.round(size * 1.35);

/** A run of text before wrapping. */
export interface Block {
    text: string;
    bold: boolean;
    size: number;
    role: string;
    /** Only ever a URL that `safeLinkUrl` accepted. */
    href?: string;
    /** Extra px above the block when it is not the first: a new section of the card. */
    space?: number;
}

/** A card's content: text blocks, a fail point box, a row of chips. */
export type Piece = Block | { part: 'fail'; blocks: Block[] } | { part: 'chips'; chips: Array<{ name: string; text: string }> };

export const body = (text: string, role = 'body'): Block => ({ text, bold: false, size: CARD.bodySize, role });
export const meta = (text: string, role = 'meta'): Block => ({ text, bold: false, size: TYPE.meta, role });
export const title = (text: string, size: number = TYPE.title): Block => ({ text, bold: true, size, role: 'title' });
/** A small bold label heading a part of a card (`Goals`, `Needs`, `Thinks`). */
export const label = (text: string): Block => ({ text, bold: true, size: TYPE.meta, role: 'label', space: 4 });

/** Severity as a word and a shape, not only a colour: `▲ High`, `● Medium`, `▽ Low`. */
export const SEVERITY_LABELS: Readonly<Record<string, string>> = { high: '▲ High', medium: '● Medium', low: '▽ Low' };

/** A pain's severity line (absent when unrated); `suffix` adds e.g. "whole stage". */
export function severityBlock(severity: string | undefined, suffix?: string): Block | undefined {
    const text = severity ? SEVERITY_LABELS[severity] ?? severity : undefined;
    if (!text && !suffix) return undefined;
    return { text: [text, suffix].filter(Boolean).join(' · '), bold: true, size: TYPE.meta, role: severity ? `severity-${severity}` : 'meta' };
}

export function refTitle(ref: RefModel | undefined): string | undefined {
    return ref ? (ref.title ?? ref.id) : undefined;
}

/** A link line: `🔗 label` linking to the URL, or, for any other scheme, the URL as plain text. */
export function linkBlock(link: LinkModel): Block {
    const href = safeLinkUrl(link.url);
    if (!href) return meta(`${link.label ? `${link.label}: ` : ''}${link.url} (not a web link)`, 'link-inert');
    return { ...meta(`↗\u00A0${link.label ?? link.url}`, 'link'), href };
}

export function linkBlocks(links: readonly LinkModel[] | undefined): Block[] {
    return links ? links.map(linkBlock) : [];
}

export function evidenceText(e: EvidenceModel): string {
    return `${e.solicited ? '◆' : '◇'} ${e.kind}${e.source ? `: ${e.source}` : ''}`;
}

/** An evidence card (stage or journey level): badge, source, link. */
export function evidencePieces(e: EvidenceModel): Piece[] {
    return [meta(e.solicited ? 'Evidence (solicited)' : 'Evidence (unsolicited)'), body(evidenceText(e), 'badge'), ...linkBlocks(e.links)];
}

/** An opportunity card: text, owner, chips for status, impact and effort, links; and its data-* attributes. */
export function opportunityContent(o: OpportunityModel): { pieces: Piece[]; data: Record<string, string> } {
    const pieces: Piece[] = [body(o.text)];
    if (o.owner) pieces.push(meta(`Owner: ${refTitle(o.owner)}`));
    const data: Record<string, string> = {};
    const chips: Array<{ name: string; text: string }> = [];
    if (o.status) { data.status = o.status; chips.push({ name: 'status', text: o.status }); }
    if (o.impact) { data.impact = o.impact; chips.push({ name: 'impact', text: `impact ${o.impact}` }); }
    if (o.effort) { data.effort = o.effort; chips.push({ name: 'effort', text: `effort ${o.effort}` }); }
    if (chips.length > 0) pieces.push({ part: 'chips', chips });
    pieces.push(...linkBlocks(o.links));
    return { pieces, data };
}

/** A comparable number: durations in seconds, others as written; undefined when units differ. */
function comparable(a: MetricValueModel, b: MetricValueModel): [number, number] | undefined {
    if (a.kind !== b.kind) return undefined;
    if (a.kind === 'duration') return [a.value * (DURATION_SECONDS[a.unit ?? 's'] ?? 1), b.value * (DURATION_SECONDS[b.unit ?? 's'] ?? 1)];
    if (a.kind === 'custom' && a.unit !== b.unit) return undefined;
    return [a.value, b.value];
}

/**
 * A metric card: name, `baseline → value` with a trend arrow, the target and whether it is met;
 * and its data-* attributes (`trend` up/down/flat, `target` on/off). The direction that counts as
 * better is the one from baseline to target; without a baseline, lower is better for durations
 * and higher for everything else.
 */
export function metricContent(m: MetricModel): { pieces: Piece[]; data: Record<string, string> } {
    const pieces: Piece[] = [{ text: m.name, bold: true, size: TYPE.body, role: 'metric-name' }];
    const data: Record<string, string> = {};
    let valueText = m.value?.text ?? 'no value yet';
    if (m.value && m.baseline) {
        const pair = comparable(m.baseline, m.value);
        const trend = !pair ? undefined : pair[1] > pair[0] ? 'up' : pair[1] < pair[0] ? 'down' : 'flat';
        if (trend) data.trend = trend;
        valueText = `${m.baseline.text} → ${m.value.text}${trend ? ` ${trend === 'up' ? '▲' : trend === 'down' ? '▼' : '▶'}` : ''}`;
    }
    pieces.push(body(valueText, 'metric-value'));
    if (m.target) {
        let met: boolean | undefined;
        const pair = m.value ? comparable(m.value, m.target) : undefined;
        if (pair) {
            const base = m.baseline ? comparable(m.baseline, m.target) : undefined;
            const higherIsBetter = base ? base[1] >= base[0] : m.target.kind !== 'duration';
            met = higherIsBetter ? pair[0] >= pair[1] : pair[0] <= pair[1];
        }
        if (met !== undefined) data.target = met ? 'on' : 'off';
        pieces.push(meta(`target ${m.target.text}${met === undefined ? '' : met ? ' · ✓ on target' : ' · ✗ off target'}`, met === false ? 'off-target' : 'meta'));
    }
    return { pieces, data };
}

/**
 * The persona card: who (name, segment), what they are like (description), what they want
 * (goals, needs, as bulleted lists under their own labels) and their own words (the quote, set
 * larger in italics).
 */
export function personaPieces(p: PersonaModel): Block[] {
    // A no-break space after each bullet: a first word too long for a line is cut, not moved off its bullet.
    const blocks: Block[] = [meta('Persona', 'kicker'), { ...title(p.title, TYPE.title + 2), role: 'persona-name' }];
    if (p.segment) blocks.push(meta(`Segment: ${p.segment}`));
    if (p.description) blocks.push(body(p.description));
    if (p.goals.length > 0) blocks.push(label('Goals'), ...p.goals.map(goal => body(`•\u00A0${goal}`, 'bullet')));
    if (p.needs.length > 0) blocks.push(label('Needs'), ...p.needs.map(need => body(`•\u00A0${need}`, 'bullet')));
    if (p.quote) blocks.push({ text: `“${p.quote}”`, bold: false, size: TYPE.title, role: 'quote', space: 6 });
    return blocks;
}

/** The scenario card beside the persona: the situation and the journey's objectives. */
export function scenarioPieces(scenario: string | undefined, objectives: readonly string[]): Block[] {
    const blocks: Block[] = [];
    if (scenario) blocks.push(meta('Scenario', 'kicker'), body(scenario));
    if (objectives.length > 0) blocks.push({ ...meta(objectives.length === 1 ? 'Objective' : 'Objectives', 'kicker'), space: scenario ? 6 : 0 }, ...objectives.map(o => body(`•\u00A0${o}`, 'bullet')));
    return blocks;
}

/** The text of pieces, for a tooltip. */
export function piecesText(pieces: readonly Piece[]): string {
    return pieces.map(p => 'part' in p ? (p.part === 'fail' ? p.blocks.map(b => b.text).join('\n') : p.chips.map(c => c.text).join(' · ')) : p.text).join('\n');
}

const chipHeight = lineHeight(CARD.chipSize) + 4;
const chipWidth = (text: string) => Math.ceil(textExtentCached(text, CARD.chipSize).natural) + 2 * CARD.chipPadX;

/** Width a block would like: its whole text on one line, at most the widest column. */
function preferredWidth(block: Block): number {
    const inner = CARD.maxColumn - 2 * CARD.padX;
    const { natural, word } = textExtentCached(block.text, block.size, block.bold);
    return Math.min(inner, Math.max(natural, word));
}

/** The inner width the widest piece would like. */
export function widestPiece(pieces: readonly Piece[]): number {
    let widest = 0;
    for (const piece of pieces) {
        if (!('part' in piece)) widest = Math.max(widest, preferredWidth(piece));
        else if (piece.part === 'fail') for (const b of piece.blocks) widest = Math.max(widest, preferredWidth(b) + 2 * CARD.partPad);
        else for (const chip of piece.chips) widest = Math.max(widest, chipWidth(chip.text));
    }
    return widest;
}

/** Text blocks wrapped into `inner` px from `(x, cursor)`; returns the new cursor. */
function wrapInto(lines: TextLine[], blocks: readonly Block[], x: number, inner: number, cursor: number): number {
    for (const block of blocks) {
        if (block.space && lines.length > 0) cursor += block.space;
        const direction = textDirection(block.text);
        const lh = lineHeight(block.size);
        for (const text of wrapTextCached(block.text, inner, block.size, block.bold)) {
            // Baseline sits ~80% down the line box: room for descenders below it.
            const line: TextLine = {
                text, bold: block.bold, size: block.size, role: block.role, direction,
                x: direction === 'rtl' ? x + inner : x, y: cursor + Math.round(lh * 0.78),
            };
            if (block.href) line.href = block.href;
            lines.push(line);
            cursor += lh;
        }
    }
    return cursor;
}

/** Wraps pieces into a card `width` wide: lines and parts relative to the card's top-left corner, and its height. */
export function wrapPieces(pieces: readonly Piece[], width: number): { lines: TextLine[]; parts: CardPart[]; height: number } {
    const inner = width - 2 * CARD.padX;
    const lines: TextLine[] = [];
    const parts: CardPart[] = [];
    let cursor: number = CARD.padY;
    for (const piece of pieces) {
        if (!('part' in piece)) {
            cursor = wrapInto(lines, [piece], CARD.padX, inner, cursor);
        } else if (piece.part === 'fail') {
            const x = CARD.padX - CARD.partPad;
            const partLines: TextLine[] = [];
            const bottom = wrapInto(partLines, piece.blocks, CARD.partPad, inner, CARD.partPad - 1);
            const part: CardPart = { kind: 'fail', x, y: cursor + 2, width: inner + 2 * CARD.partPad, height: bottom + CARD.partPad - 1, lines: partLines };
            parts.push(part);
            cursor = part.y + part.height + 2;
        } else {
            let x = CARD.padX;
            let y = cursor + 2;
            for (const chip of piece.chips) {
                const w = chipWidth(chip.text);
                if (x > CARD.padX && x + w > CARD.padX + inner) {
                    x = CARD.padX;
                    y += chipHeight + CARD.chipGap;
                }
                parts.push({
                    kind: 'chip', name: chip.name, x, y, width: w, height: chipHeight,
                    lines: [{ text: chip.text, x: CARD.chipPadX, y: Math.round(chipHeight * 0.72), bold: false, size: CARD.chipSize, direction: 'ltr', role: 'chip' }],
                });
                x += w + CARD.chipGap;
            }
            cursor = y + chipHeight + 2;
        }
    }
    return { lines, parts, height: cursor + CARD.padY };
}
