/**
 * Which card the arrow keys move to, worked out from the layout's geometry (never from the DOM,
 * which only holds the columns in view): left and right along the current lane, step by step;
 * up and down to the nearest card above or below in the same column, across lanes.
 */
import type { CardLayout, MapLayout } from '../layout/layout-types.js';

export type Direction = 'left' | 'right' | 'up' | 'down' | 'home' | 'end';

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);

/** The card to start from when the picture takes the focus: the first step's. */
export function firstCard(layout: MapLayout): CardLayout | undefined {
    return layout.cards.find(c => c.kind === 'step') ?? layout.cards[0];
}

/** The card `direction` leads to from `from`, or undefined at an edge. */
export function nextCard(layout: MapLayout, from: CardLayout, direction: Direction): CardLayout | undefined {
    const cards = layout.cards.filter(c => c !== from);
    if (direction === 'home' || direction === 'end') {
        const lane = cards.filter(c => c.lane === from.lane).concat(from);
        const sorted = lane.sort((a, b) => a.x - b.x || a.y - b.y);
        const target = direction === 'home' ? sorted[0] : sorted[sorted.length - 1];
        return target === from ? undefined : target;
    }
    if (direction === 'left' || direction === 'right') {
        const right = direction === 'right';
        // Entirely on that side, in the same lane.
        const candidates = cards.filter(c => c.lane === from.lane && (right ? c.x >= from.x + from.width - 1 : c.x + c.width <= from.x + 1));
        if (candidates.length === 0) return undefined;
        // The nearest column first, then the card at about the same height in it.
        const edge = (c: CardLayout) => right ? c.x - (from.x + from.width) : from.x - (c.x + c.width);
        const nearest = Math.min(...candidates.map(edge));
        const column = candidates.filter(c => edge(c) < nearest + 40);
        return column.sort((a, b) => Math.abs(a.y - from.y) - Math.abs(b.y - from.y) || edge(a) - edge(b))[0];
    }
    const down = direction === 'down';
    const candidates = cards.filter(c => down ? c.y >= from.y + from.height - 1 : c.y + c.height <= from.y + 1);
    if (candidates.length === 0) return undefined;
    const gap = (c: CardLayout) => down ? c.y - (from.y + from.height) : from.y - (c.y + c.height);
    const across = (c: CardLayout) => Math.max(0, -overlap(c.x, c.x + c.width, from.x, from.x + from.width));
    // Cards in the same column (overlapping across), the nearest. Where the column has nothing
    // more, the focus stays (left and right move along the lane) — but from a heading card
    // beyond the last column, down leads to the nearest card.
    const inColumn = candidates.filter(c => across(c) === 0);
    const pool = inColumn.length > 0 || from.lane !== 'header' ? inColumn : candidates;
    if (pool.length === 0) return undefined;
    // A stage header leads down to its first step: left edges aligned win a tie.
    const aligned = (c: CardLayout) => Math.abs(c.x - from.x);
    return pool.sort((a, b) => gap(a) + 2 * across(a) - (gap(b) + 2 * across(b)) || aligned(a) - aligned(b))[0];
}
