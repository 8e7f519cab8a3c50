/**
 * A card before it is placed: its content as pieces, then its place. A draft remembers what it
 * cost to work out (the width its content wants, its text wrapped at the last width, the card it
 * was last placed as), so a draft the layout memo carries into the next layout of an edited map
 * is measured and wrapped again only where its column width or place changed.
 */
import type { Range } from '../../language/model/journey-model.js';
import { CARD, widestPiece, wrapPieces, type Piece } from './card-content.js';
import type { CardKind, CardLayout, CardPart, CardPlace, TextLine } from './layout-types.js';

export interface CardDraft {
    key: string;
    kind: CardKind;
    lane: CardPlace;
    id?: string;
    step?: string;
    /** Which item of its kind in the step (`pains[2]`): where a moved step's draft finds its range again. */
    index?: number;
    /** A stage-level card: `data-stage`, and it spans the stage's columns. */
    stage?: string;
    column: number;
    /** Columns a stage header or stage-level card spans. */
    span?: { first: number; last: number };
    range: Range;
    tooltip: string;
    variant?: string;
    data?: Record<string, string>;
    /** The file of `range` when it is another one. */
    uri?: string;
    /** The stage's colour (step cards and stage headers). */
    tone?: number;
    blocks: Piece[];
    /** Cache: the width the content wants. */
    want?: number;
    /** Cache: the content wrapped at `width`. */
    wrapped?: { width: number; lines: TextLine[]; parts: CardPart[]; height: number };
    /** Cache: the card this draft was last placed as. */
    placed?: CardLayout;
}

/** The card width the draft's content would like: its widest piece and the padding. */
export function wantedWidth(d: CardDraft): number {
    d.want ??= Math.ceil(widestPiece(d.blocks) + 2 * CARD.padX);
    return d.want;
}

/**
 * The card of `d` at `(x, y)`, `width` wide. The same card object as last time when nothing about
 * it changed, so layouts of an edited map share their unchanged cards (they are never mutated).
 */
export function placeCard(d: CardDraft, x: number, y: number, width: number): CardLayout {
    const last = d.placed;
    if (last && last.x === x && last.y === y && last.width === width && last.range === d.range && last.key === d.key) return last;
    let wrapped = d.wrapped;
    if (!wrapped || wrapped.width !== width) d.wrapped = wrapped = { width, ...wrapPieces(d.blocks, width) };
    const card: CardLayout = {
        key: d.key, kind: d.kind, lane: d.lane, x, y, width, height: wrapped.height, lines: wrapped.lines,
        tooltip: d.tooltip, range: d.range,
    };
    if (d.id !== undefined) card.id = d.id;
    if (d.step !== undefined) card.step = d.step;
    if (d.stage !== undefined) card.stage = d.stage;
    if (d.variant) card.variant = d.variant;
    if (d.data) card.data = d.data;
    if (d.uri) card.uri = d.uri;
    if (d.tone !== undefined) card.tone = d.tone;
    if (wrapped.parts.length > 0) card.parts = wrapped.parts;
    d.placed = card;
    return card;
}
