import type { ChangeKind } from '../layout/layout-types.js';
import { el, textEl, type SvgNode } from './svg-tree.js';

/**
 * The label of a diff mark, so it reads without its colour: a small tab on the card's top-right
 * corner holding `+` (added), `−` (removed), `~` (changed) or `↔` (moved). Its colours are the
 * change colours of map-style.ts, none of them a severity colour.
 */
export const CHANGE_SYMBOL: Readonly<Record<ChangeKind, string>> = { added: '+', removed: '−', changed: '~', moved: '↔' };

const SIZE = 16;

export function changeBadge(kind: ChangeKind, cardWidth: number): SvgNode {
    const x = Math.max(0, cardWidth - SIZE - 3);
    return el('g', { class: 'jm-change-badge', 'data-badge': kind, transform: `translate(${x},-${SIZE / 2})` }, [
        el('rect', { width: SIZE, height: SIZE, rx: 4 }),
        textEl('text', { x: SIZE / 2, y: SIZE - 4, 'font-size': 13, 'text-anchor': 'middle' }, CHANGE_SYMBOL[kind]),
    ], 'badge');
}
