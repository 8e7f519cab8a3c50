/**
 * What is under the pointer, from the layout's geometry: for a picture drawn in outline
 * (RenderOptions.outline), where cards and emotion dots are not elements of their own.
 */
import type { MapLayout } from '../layout/layout-types.js';

/** Room around an emotion dot that still counts as on it (its radius and a little). */
const DOT_REACH = 13;

/** The key of the card or emotion point at map point (x, y); the last drawn wins where they overlap. */
export function keyAt(layout: MapLayout, x: number, y: number): string | undefined {
    for (const p of layout.emotion?.points ?? []) {
        const py = p.y ?? layout.emotion!.zeroY;
        if (Math.abs(p.x - x) <= DOT_REACH && Math.abs(py - y) <= DOT_REACH) return p.key;
    }
    for (let i = layout.cards.length - 1; i >= 0; i--) {
        const c = layout.cards[i];
        if (x >= c.x && x <= c.x + c.width && y >= c.y && y <= c.y + c.height) return c.key;
    }
    return undefined;
}

/** A point on screen as a point of the map drawn in `svg` (its own coordinates). */
export function mapPoint(svg: SVGSVGElement, clientX: number, clientY: number): { x: number; y: number } | undefined {
    const matrix = svg.getScreenCTM();
    if (!matrix) return undefined;
    const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
}
