/**
 * The overview strip of a map wider than the view: the whole map in small (lanes as bands,
 * cards as boxes, from the layout's geometry) with a rectangle for the part in view. A click
 * centres the view there; dragging moves it along. A pointer aid: the keyboard has the arrow
 * keys and the text view, so it is hidden from assistive technology.
 */
import type { MapLayout } from '../layout/layout-types.js';
import { SVG_NS } from '../render/dom-patch.js';
import { boxPath } from '../render/render-map.js';
import type { ZoomCanvas } from './zoom-canvas.js';

/** The strip's largest size on screen. */
const MAX_WIDTH = 320;
const MAX_HEIGHT = 110;
const MIN_HEIGHT = 28;


/**
 * What the strip draws from a layout (every lane's and card's box, every card's look), kept to
 * tell whether a new layout changes it: compared value by value, without allocating.
 */
class StripGeometry {
    private constructor(private readonly numbers: Float64Array, private readonly looks: ReadonlyArray<string | undefined>) {}

    static of(layout: MapLayout): StripGeometry {
        const numbers = new Float64Array(2 + 2 * layout.lanes.length + 4 * layout.cards.length);
        const looks: Array<string | undefined> = [];
        let i = 0;
        numbers[i++] = layout.width;
        numbers[i++] = layout.height;
        for (const lane of layout.lanes) { numbers[i++] = lane.y; numbers[i++] = lane.height; }
        for (const card of layout.cards) {
            numbers[i++] = card.x; numbers[i++] = card.y; numbers[i++] = card.width; numbers[i++] = card.height;
            looks.push(card.kind, card.variant);
        }
        return new StripGeometry(numbers, looks);
    }

    matches(layout: MapLayout): boolean {
        const n = this.numbers;
        if (n.length !== 2 + 2 * layout.lanes.length + 4 * layout.cards.length) return false;
        if (n[0] !== layout.width || n[1] !== layout.height) return false;
        let i = 2;
        // Indexed loops: an iterator per loop is garbage on every edit (see layout-memo.ts).
        for (let l = 0; l < layout.lanes.length; l++) {
            const lane = layout.lanes[l];
            if (n[i++] !== lane.y || n[i++] !== lane.height) return false;
        }
        let j = 0;
        for (let c = 0; c < layout.cards.length; c++) {
            const card = layout.cards[c];
            if (n[i++] !== card.x || n[i++] !== card.y || n[i++] !== card.width || n[i++] !== card.height) return false;
            if (this.looks[j++] !== card.kind || this.looks[j++] !== card.variant) return false;
        }
        return true;
    }
}

export class Minimap {
    readonly element: HTMLElement;
    private readonly svg: SVGSVGElement;
    private readonly content: SVGGElement;
    private readonly viewport: SVGRectElement;
    private layout?: MapLayout;
    private size = { width: 0, height: 0 };
    /** What the strip was drawn from. */
    private shape?: StripGeometry;
    /** The strip's shapes by class, kept across layouts to be patched. */
    private readonly paths = new Map<string, SVGPathElement>();

    constructor(private readonly canvas: ZoomCanvas, container: HTMLElement) {
        const doc = container.ownerDocument;
        this.element = doc.createElement('div');
        // A class, not an id: the compare view has a strip in each of its two panes.
        this.element.className = 'jm-minimap';
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
        if (!layout) {
            this.shape = undefined;
            this.drawShapes(new Map());
            this.update();
            return;
        }
        // Most edits move no card: then there is nothing to redraw (and no strings to build).
        if (this.shape?.matches(layout)) {
            this.update();
            return;
        }
        this.shape = StripGeometry.of(layout);
        this.setAttr(this.svg, 'viewBox', `0 0 ${layout.width} ${layout.height}`);
        // One <path> per look (lane band, card kind, variant), not one <rect> per card: the strip
        // is redrawn on every edit, and a few paths cost the browser far less than hundreds of rects.
        const shapes = new Map<string, string[]>();
        const box = (cls: string, x: number, y: number, width: number, height: number) => {
            let list = shapes.get(cls);
            if (!list) shapes.set(cls, list = []);
            list.push(boxPath(x, y, width, height));
        };
        box('jm-minimap-bg', 0, 0, layout.width, layout.height);
        layout.lanes.forEach((lane, i) => box(`jm-minimap-lane${i % 2 ? ' jm-alt' : ''}`, 0, lane.y, layout.width, lane.height));
        for (const card of layout.cards) {
            box(`jm-minimap-card jm-minimap-${card.kind}${card.variant ? ` jm-${card.variant}` : ''}`, card.x, card.y, card.width, card.height);
        }
        this.drawShapes(shapes);
        // Its size on screen: the map's proportions, within bounds (a very long map gets a flatter strip).
        const width = Math.min(MAX_WIDTH, MAX_HEIGHT * layout.width / layout.height);
        this.size = { width, height: Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, width * layout.height / layout.width)) };
        this.update();
    }

    /** Patches the paths in place: an edit that moves nothing changes no attribute. */
    private drawShapes(shapes: ReadonlyMap<string, readonly string[]>): void {
        for (const [cls, path] of this.paths) {
            if (!shapes.has(cls)) {
                path.remove();
                this.paths.delete(cls);
            }
        }
        let added = false;
        for (const [cls, boxes] of shapes) {
            let path = this.paths.get(cls);
            if (!path) {
                path = this.svg.ownerDocument.createElementNS(SVG_NS, 'path') as SVGPathElement;
                path.setAttribute('class', cls);
                this.paths.set(cls, path);
                added = true;
            }
            this.setAttr(path, 'd', boxes.join(''));
        }
        // Painted in the shapes' order (background, lanes, then cards); nodes move only when one is new.
        if (added) this.content.replaceChildren(...[...shapes.keys()].map(cls => this.paths.get(cls)!));
    }

    /** Sets an attribute only when it changes (the strip is refreshed on every edit). */
    private setAttr(node: Element, name: string, value: string): void {
        if (node.getAttribute(name) !== value) node.setAttribute(name, value);
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
        this.setAttr(this.svg, 'width', String(Math.round(this.size.width * scale)));
        this.setAttr(this.svg, 'height', String(Math.round(Math.max(MIN_HEIGHT, this.size.height * scale))));
        const x = Math.max(0, -t.x / t.k);
        const y = Math.max(0, -t.y / t.k);
        const x1 = Math.min(layout.width, (view.width - t.x) / t.k);
        const y1 = Math.min(layout.height, (view.height - t.y) / t.k);
        this.setAttr(this.viewport, 'x', String(x));
        this.setAttr(this.viewport, 'y', String(y));
        this.setAttr(this.viewport, 'width', String(Math.max(0, x1 - x)));
        this.setAttr(this.viewport, 'height', String(Math.max(0, y1 - y)));
    }
}
