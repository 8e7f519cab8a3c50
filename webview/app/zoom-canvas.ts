/**
 * The pan/zoom surface around a map: an outer <svg> filling its container, with d3-zoom moving
 * one layer that holds the map's own <svg>. Re-rendering the map never touches the transform, so
 * zoom and scroll survive every update. Shared by the webview and the standalone HTML export.
 */
import { select, zoom, zoomIdentity, type Selection, type ZoomBehavior, type ZoomTransform } from 'd3';
import { SVG_NS } from '../render/render-map.js';

export { READABLE_TEXT_PX, readableScale } from './readable-scale.js';

export interface ZoomCanvas {
    readonly outer: SVGSVGElement;
    /** The map's root <svg>, inside the zoomed layer. */
    readonly map: SVGSVGElement;
    transform(): ZoomTransform;
    setTransform(t: { x: number; y: number; k: number }): void;
    /** Scale so a map `width` wide fills the view, top-left aligned; not below `minScale`. */
    fitToWidth(width?: number, minScale?: number): void;
    /** Scale so the whole map fits the view, width and height; centred across. */
    fitToPage(width?: number, height?: number): void;
    /** Pan (keeping the scale) so the map rectangle x..x+width is in view. */
    reveal(x: number, y: number, width: number, height: number): void;
    /**
     * Pan as little as possible (keeping the scale) so the map rectangle is in the part of the
     * view `inset` screen pixels from its left and top edges (under the frozen headers).
     */
    scrollIntoView(x: number, y: number, width: number, height: number, inset?: { left: number; top: number }): void;
    /** Pan (keeping the scale) so the map point is at the centre of the view. */
    centerOn(x: number, y: number): void;
    /** The view's size in screen pixels. */
    size(): { width: number; height: number };
    onChange(listener: (t: ZoomTransform) => void): void;
}

export function createZoomCanvas(container: HTMLElement, existingMap?: SVGSVGElement): ZoomCanvas {
    const doc = container.ownerDocument;
    const outer = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
    outer.setAttribute('class', 'jm-canvas');
    outer.setAttribute('width', '100%');
    outer.setAttribute('height', '100%');
    const layer = doc.createElementNS(SVG_NS, 'g');
    layer.setAttribute('class', 'jm-zoom-layer');
    const map = existingMap ?? doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
    layer.appendChild(map);
    outer.appendChild(layer);
    container.appendChild(outer);
    const listeners: Array<(t: ZoomTransform) => void> = [];
    const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
        .scaleExtent([0.02, 4])
        .on('zoom', event => {
            layer.setAttribute('transform', event.transform.toString());
            for (const listener of listeners) listener(event.transform);
        });
    const outerSel: Selection<SVGSVGElement, unknown, null, undefined> = select(outer);
    outerSel.call(behavior).on('dblclick.zoom', null);
    const mapSize = () => ({ width: Number(map.getAttribute('width')) || 1, height: Number(map.getAttribute('height')) || 1 });
    const current = () => select(outer).property('__zoom') as ZoomTransform ?? zoomIdentity;
    // The view's size, kept from the last resize: reading clientWidth after the map changed would
    // make the browser lay out the whole page there and then, once per reader, on every edit.
    let known: { width: number; height: number } | undefined;
    const measure = () => ({ width: outer.clientWidth || 800, height: outer.clientHeight || 600 });
    const win = doc.defaultView;
    if (win && 'ResizeObserver' in win) {
        new win.ResizeObserver(entries => {
            const box = entries[entries.length - 1].contentRect;
            // Hidden (display: none) reads as 0 × 0: measure again once shown.
            known = box.width > 0 && box.height > 0 ? { width: box.width, height: box.height } : undefined;
        }).observe(outer);
    }
    const size = () => known ??= measure();
    const moveTo = (tx: number, ty: number, k: number) => outerSel.call(behavior.transform, zoomIdentity.translate(tx, ty).scale(k));
    return {
        outer,
        map,
        transform: current,
        setTransform: t => outerSel.call(behavior.transform, zoomIdentity.translate(t.x, t.y).scale(t.k)),
        fitToWidth: (width = mapSize().width, minScale = 0.02) => {
            const k = Math.min(1.5, Math.max(minScale, size().width / width));
            outerSel.call(behavior.transform, zoomIdentity.scale(k));
        },
        fitToPage: (width = mapSize().width, height = mapSize().height) => {
            const view = size();
            const k = Math.min(1.5, view.width / width, view.height / height);
            moveTo(Math.max(0, (view.width - width * k) / 2), 0, k);
        },
        scrollIntoView: (x, y, width, height, inset = { left: 0, top: 0 }) => {
            const t = current();
            const view = size();
            const pad = 8;
            const shift = (start: number, end: number, low: number, high: number) => {
                // Whole rectangle in view if it fits, else its start.
                if (start < low) return low + pad - start;
                if (end > high) return Math.max(high - pad - end, low + pad - start);
                return 0;
            };
            const dx = shift(x * t.k + t.x, (x + width) * t.k + t.x, inset.left, view.width);
            const dy = shift(y * t.k + t.y, (y + height) * t.k + t.y, inset.top, view.height);
            if (dx !== 0 || dy !== 0) moveTo(t.x + dx, t.y + dy, t.k);
        },
        centerOn: (x, y) => {
            const t = current();
            const view = size();
            const map = mapSize();
            // Centred, but never past the map's edges where it overflows the view; as it is where not.
            const clamp = (value: number, mapLength: number, viewLength: number, now: number) =>
                mapLength * t.k > viewLength ? Math.min(0, Math.max(viewLength - mapLength * t.k, value)) : now;
            moveTo(clamp(view.width / 2 - x * t.k, map.width, view.width, t.x), clamp(view.height / 2 - y * t.k, map.height, view.height, t.y), t.k);
        },
        size,
        reveal: (x, y, width, height) => {
            const t = current();
            const { width: viewW, height: viewH } = size();
            const left = x * t.k + t.x;
            const right = (x + width) * t.k + t.x;
            const top = y * t.k + t.y;
            let tx = t.x;
            let ty = t.y;
            if (left < 0 || right > viewW) tx = viewW / 2 - (x + width / 2) * t.k;
            if (top < 0 || top > viewH - 40) ty = 40 - y * t.k;
            if (tx !== t.x || ty !== t.y) outerSel.call(behavior.transform, zoomIdentity.translate(tx, ty).scale(t.k));
        },
        onChange: listener => { listeners.push(listener); },
    };
}
