/**
 * A map on screen, the same in the preview and in the HTML export: the pan/zoom surface, the
 * frozen lane labels and stage headers, the overview strip, the keyboard. The owner draws the
 * map into `canvas.map` and tells this view of each new layout and each redraw.
 */
import type { CardLayout, MapLayout } from '../layout/layout-types.js';
import { FrozenHeaders } from './frozen-headers.js';
import { MapKeyboard, type KeyboardHooks } from './map-keyboard.js';
import { Minimap } from './minimap.js';
import { createZoomCanvas, type ZoomCanvas } from './zoom-canvas.js';

export class MapView {
    readonly canvas: ZoomCanvas;
    readonly keyboard: MapKeyboard;
    private readonly frozen: FrozenHeaders;
    private readonly minimap: Minimap;
    private layout?: MapLayout;

    constructor(host: HTMLElement, hooks: Omit<KeyboardHooks, 'insets'> = {}, existingMap?: SVGSVGElement) {
        host.classList.add('jm-view-host');
        this.canvas = createZoomCanvas(host, existingMap);
        // Not a Tab stop itself (Chromium makes an <svg> with key handlers one): the cards are.
        this.canvas.outer.setAttribute('tabindex', '-1');
        this.frozen = new FrozenHeaders(this.canvas);
        this.minimap = new Minimap(this.canvas, host);
        this.keyboard = new MapKeyboard(this.canvas, { ...hooks, insets: card => this.insets(card) });
        this.canvas.onChange(() => this.update());
        const win = host.ownerDocument.defaultView;
        if (win && 'ResizeObserver' in win) new win.ResizeObserver(() => this.update()).observe(this.canvas.outer);
    }

    setLayout(layout: MapLayout | undefined): void {
        this.layout = layout;
        this.frozen.setLayout(layout);
        this.minimap.setLayout(layout);
        this.keyboard.setLayout(layout);
    }

    /** After the map was (re)drawn. */
    afterRender(): void {
        this.keyboard.applyTabStop();
    }

    /** Frozen headers and overview follow the view. */
    update(): void {
        this.frozen.update();
        this.minimap.update();
    }

    /** What the frozen headers cover when a card is scrolled to: none for what they copy. */
    private insets(card: CardLayout): { left: number; top: number } {
        const layout = this.layout;
        const k = this.canvas.transform().k;
        if (!layout) return { left: 0, top: 0 };
        const stages = layout.cards.filter(c => c.kind === 'stage');
        const rowBottom = stages.length ? Math.max(...stages.map(c => c.y + c.height)) + 6 : 0;
        const stageLane = layout.lanes.find(l => l.id === 'stages');
        return {
            left: card.x >= layout.contentX ? layout.contentX * k : 0,
            top: stageLane && card.y >= rowBottom ? (rowBottom - stageLane.y) * k : 0,
        };
    }
}
