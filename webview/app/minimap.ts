/**
 * The overview strip of a map wider than the view: the whole map in small (lanes as bands,
 * cards as boxes, from the layout's geometry) with a rectangle for the part in view. A click
 * centres the view there; dragging moves it along. A pointer aid: the keyboard has the arrow
 * keys and the text view, so it is hidden from assistive technology.
 */
import type { MapLayout } from '../layout/layout-types.js';
import { SVG_NS } from '../render/dom-patch.js';
import type { ZoomCanvas } from './zoom-canvas.js';

/** The strip's largest size on screen. */
const MAX_WIDTH = 320;
const MAX_HEIGHT = 110;
const MIN_HEIGHT = 28;

export class Minimap {
    readonly element: HTMLElement;
    private readonly svg: SVGSVGElement;
    private readonly content: SVGGElement;
    private readonly viewport: SVGRectElement;
    private layout?: MapLayout;
    private size = { width: 0, height: 0 };

    constructor(private readonly canvas: ZoomCanvas, container: HTMLElement) {
        const doc = container.ownerDocument;
        this.element = doc.createElement('div');
        this.element.id = 'jm-minimap';
        this.element.setAttribute('aria-hidden', 'true');
        this.element.title = 'Overview: click or drag to move the view';
        this.element.hidden = true;
        this.svg = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
        this.svg.setAttribute('preserveAspectRatio', 'none');
        this.content = doc.createElementNS(SVG_NS, 'g') as SVGGElement;
        this.viewport = doc.createElementNS(SVG_NS, 'rect') as SVGRectElement;
        this.viewport.setAttribute('class', 'jm-minimap-view');
        this.svg.append(this.content, this.viewport);
        this.element.append(this.svg);
        container.append(this.element);
        let dragging = false;
        const move = (event: PointerEvent) => {
            if (!this.layout) return;
            const box = this.svg.getBoundingClientRect();
            const x = (event.clientX - box.left) / box.width * this.layout.width;
            const y = (event.clientY - box.top) / box.height * this.layout.height;
            this.canvas.centerOn(x, y);
        };
        this.svg.addEventListener('pointerdown', event => {
            event.preventDefault();
            event.stopPropagation();
            dragging = true;
            this.svg.setPointerCapture?.(event.pointerId);
            move(event);
        });
        this.svg.addEventListener('pointermove', event => { if (dragging) move(event); });
        const stop = (event: PointerEvent) => {
            dragging = false;
            if (this.svg.hasPointerCapture?.(event.pointerId)) this.svg.releasePointerCapture(event.pointerId);
        };
        this.svg.addEventListener('pointerup', stop);
        this.svg.addEventListener('pointercancel', stop);
        // Wheel over the strip would otherwise zoom nothing: keep it from reaching the page.
        this.svg.addEventListener('wheel', event => event.preventDefault(), { passive: false });
    }

    setLayout(layout: MapLayout | undefined): void {
        this.layout = layout;
        const doc = this.svg.ownerDocument;
        this.content.replaceChildren();
        if (!layout) {
            this.update();
            return;
        }
        this.svg.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
        const rect = (cls: string, x: number, y: number, width: number, height: number) => {
            const node = doc.createElementNS(SVG_NS, 'rect');
            node.setAttribute('class', cls);
            node.setAttribute('x', String(x));
            node.setAttribute('y', String(y));
            node.setAttribute('width', String(width));
            node.setAttribute('height', String(height));
            return node;
        };
        this.content.append(rect('jm-minimap-bg', 0, 0, layout.width, layout.height));
        layout.lanes.forEach((lane, i) => this.content.append(rect(`jm-minimap-lane${i % 2 ? ' jm-alt' : ''}`, 0, lane.y, layout.width, lane.height)));
        for (const card of layout.cards) {
            const node = rect(`jm-minimap-card jm-minimap-${card.kind}`, card.x, card.y, card.width, card.height);
            if (card.variant) node.classList.add(`jm-${card.variant}`);
            this.content.append(node);
        }
        // Its size on screen: the map's proportions, within bounds (a very long map gets a flatter strip).
        const width = Math.min(MAX_WIDTH, MAX_HEIGHT * layout.width / layout.height);
        this.size = { width, height: Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, width * layout.height / layout.width)) };
        this.svg.setAttribute('width', String(Math.round(this.size.width)));
        this.svg.setAttribute('height', String(Math.round(this.size.height)));
        this.update();
    }

    /** Shows the strip while the map is wider than the view; moves the view rectangle. */
    update(): void {
        const layout = this.layout;
        const t = this.canvas.transform();
        const view = this.canvas.size();
        const wider = layout !== undefined && layout.width * t.k > view.width + 1 && this.canvas.outer.style.display !== 'none';
        this.element.hidden = !wider;
        if (!wider || !layout) return;
        // The strip is never more than a third of the view wide.
        const scale = Math.min(1, view.width / 3 / this.size.width);
        this.svg.setAttribute('width', String(Math.round(this.size.width * scale)));
        this.svg.setAttribute('height', String(Math.round(Math.max(MIN_HEIGHT, this.size.height * scale))));
        const x = Math.max(0, -t.x / t.k);
        const y = Math.max(0, -t.y / t.k);
        const x1 = Math.min(layout.width, (view.width - t.x) / t.k);
        const y1 = Math.min(layout.height, (view.height - t.y) / t.k);
        this.viewport.setAttribute('x', String(x));
        this.viewport.setAttribute('y', String(y));
        this.viewport.setAttribute('width', String(Math.max(0, x1 - x)));
        this.viewport.setAttribute('height', String(Math.max(0, y1 - y)));
    }
}
