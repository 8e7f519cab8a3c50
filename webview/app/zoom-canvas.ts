/**
 * The pan/zoom surface around a map: an outer <svg> filling its container, with d3-zoom moving
 * one layer that holds the map's own <svg>. Re-rendering the map never touches the transform, so
 * zoom and scroll survive every update. Shared by the webview and the standalone HTML export.
 */
import { select, zoom, zoomIdentity, type Selection, type ZoomBehavior, type ZoomTransform } from 'd3';
import { SVG_NS } from '../render/render-map.js';

/** The smallest size text may have on screen when a map opens: below it, a map is shrunk past reading. */
export const READABLE_TEXT_PX = 11;

/** The scale at which text laid out at `fontSize` px shows READABLE_TEXT_PX on screen. */
export function readableScale(fontSize: number): number {
    return READABLE_TEXT_PX / fontSize;
}

export interface ZoomCanvas {
    readonly outer: SVGSVGElement;
    /** The map's root <svg>, inside the zoomed layer. */
    readonly map: SVGSVGElement;
    transform(): ZoomTransform;
    setTransform(t: { x: number; y: number; k: number }): void;
    /** Scale so a map `width` wide fills the view, top-left aligned; not below `minScale`. */
    fitToWidth(width?: number, minScale?: number): void;
    /** Pan (keeping the scale) so the map rectangle x..x+width is in view. */
    reveal(x: number, y: number, width: number, height: number): void;
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
    return {
        outer,
        map,
        transform: current,
        setTransform: t => outerSel.call(behavior.transform, zoomIdentity.translate(t.x, t.y).scale(t.k)),
        fitToWidth: (width = mapSize().width, minScale = 0.02) => {
            const k = Math.min(1.5, Math.max(minScale, (outer.clientWidth || 800) / width));
            outerSel.call(behavior.transform, zoomIdentity.scale(k));
        },
        reveal: (x, y, width, height) => {
            const t = current();
            const viewW = outer.clientWidth || 800;
            const viewH = outer.clientHeight || 600;
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
