/**
 * The keyboard in a picture: one Tab stop (a roving tabindex: the current card has tabindex 0,
 * every other drawn card -1), arrow keys between cards (map-navigation.ts), Home/End along a
 * lane, Enter to activate a card (in VS Code: select its source, as a click does), Escape to
 * leave the picture for where the focus came from. The view pans to keep the focused card in
 * sight, and a ring drawn around it shows where the focus is.
 */
import type { CardLayout, MapLayout } from '../layout/layout-types.js';
import { SVG_NS } from '../render/dom-patch.js';
import { firstCard, nextCard, type Direction } from './map-navigation.js';
import type { ZoomCanvas } from './zoom-canvas.js';

export interface KeyboardHooks {
    /** Enter (or Space) on a card. */
    activate?(card: CardLayout): void;
    /** Draw what is in view now (the preview draws only the columns in view). */
    draw?(): void;
    /** The picture is drawn in outline, without card elements: zoom in around `card` so `draw` draws them. */
    zoomIn?(card: CardLayout): void;
    /** Screen pixels hidden under the frozen headers when `card` is in view. */
    insets?(card: CardLayout): { left: number; top: number };
    /** Where Escape sends the focus when it did not come from outside the picture. */
    exitTarget?(): HTMLElement | undefined;
}

const KEYS: Record<string, Direction> = {
    ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down', Home: 'home', End: 'end',
};

export class MapKeyboard {
    /** The key of the card that holds the Tab stop. */
    private current?: string;
    private layout?: MapLayout;
    /** The layout's cards by key, made when the keyboard first needs them after a new layout (not on every edit). */
    private byKey?: Map<string, CardLayout>;
    private readonly ring: SVGRectElement;
    /** The element the focus came from into the picture (Escape goes back there). */
    private cameFrom?: HTMLElement;

    constructor(private readonly canvas: ZoomCanvas, private readonly hooks: KeyboardHooks = {}) {
        const doc = canvas.outer.ownerDocument;
        this.ring = doc.createElementNS(SVG_NS, 'rect') as SVGRectElement;
        this.ring.setAttribute('class', 'jm-focus-ring');
        this.ring.setAttribute('aria-hidden', 'true');
        this.ring.style.display = 'none';
        canvas.map.parentNode!.appendChild(this.ring);
        const outer = canvas.outer;
        outer.addEventListener('keydown', event => this.onKey(event));
        outer.addEventListener('focusin', event => {
            if (event.target === canvas.map && this.layout) {
                // Drawn in outline: the picture itself held the Tab stop. From the keyboard (not a
                // click, which selects a card's source), zoom in and focus a card.
                if (!canvas.map.matches(':focus-visible')) return;
                const from = event.relatedTarget as HTMLElement | null;
                if (from && !outer.contains(from)) this.cameFrom = from;
                const card = (this.current ? this.cards().get(this.current) : undefined) ?? this.entryCard() ?? firstCard(this.layout);
                if (card) this.focusCard(card);
                return;
            }
            const card = this.cardOf(event.target);
            if (!card) return;
            const from = event.relatedTarget as HTMLElement | null;
            if (from && !outer.contains(from)) this.cameFrom = from;
            this.current = card.key;
            this.applyTabStop();
            // A ring for keyboard focus; a click shows its own feedback (the source selected).
            if ((event.target as Element).matches(':focus-visible')) this.showRing(card);
        });
        outer.addEventListener('focusout', event => {
            const to = event.relatedTarget as Node | null;
            if (!to || !outer.contains(to) || !this.cardOf(to)) this.ring.style.display = 'none';
        });
    }

    setLayout(layout: MapLayout | undefined): void {
        this.layout = layout;
        this.byKey = undefined;
        const focused = this.current ? layout?.cards.find(c => c.key === this.current) : undefined;
        if (!focused) this.current = undefined;
        if (focused && this.ring.style.display !== 'none') this.placeRing(focused);
        else this.ring.style.display = 'none';
    }

    /** Where the picture is entered without a current card: the first step if in view, else the first lane card in view. */
    private entryCard(): CardLayout | undefined {
        if (!this.layout) return undefined;
        const first = firstCard(this.layout);
        return first && this.inView(first) ? first : this.layout.cards.find(c => c.lane !== 'header' && this.inView(c));
    }

    private cards(): Map<string, CardLayout> {
        return this.byKey ??= new Map((this.layout?.cards ?? []).map(c => [c.key, c]));
    }

    /** After each redraw: new card elements get their tabindex, and exactly one is the Tab stop. */
    applyTabStop(): void {
        const nodes = Array.from(this.canvas.map.querySelectorAll<SVGGElement>('g.jm-card[data-key]'));
        // Drawn in outline, no lane card is an element (the header's may be): the picture itself
        // is the Tab stop, and taking the focus zooms in to a card (see the focusin handler).
        const map = this.canvas.map;
        // A lane's card sits in its lane's row; the header's in the heading.
        const inLane = (node: Element) => node.parentElement?.getAttribute('data-kind') === 'lane';
        const pictureStop = (this.layout?.cards.some(c => c.lane !== 'header') ?? false) && !nodes.some(inLane);
        if (pictureStop !== map.hasAttribute('tabindex')) {
            if (pictureStop) map.setAttribute('tabindex', '0');
            else map.removeAttribute('tabindex');
        }
        if (pictureStop) {
            for (const node of nodes) if (node.getAttribute('tabindex') !== '-1') node.setAttribute('tabindex', '-1');
            return;
        }
        if (nodes.length === 0) return;
        let stop = this.current ? nodes.find(n => n.getAttribute('data-key') === this.current) : undefined;
        if (!stop) {
            // The current card is not drawn (panned away): the first card in view takes the stop.
            const key = this.entryCard()?.key;
            stop = (key !== undefined ? nodes.find(n => n.getAttribute('data-key') === key) : undefined) ?? nodes[0];
        }
        for (const node of nodes) {
            const value = node === stop ? '0' : '-1';
            if (node.getAttribute('tabindex') !== value) node.setAttribute('tabindex', value);
        }
    }

    /** Moves the focus to `card`: pans it into view, draws it if needed, focuses it. */
    focusCard(card: CardLayout): void {
        this.current = card.key;
        this.canvas.scrollIntoView(card.x, card.y, card.width, card.height, this.hooks.insets?.(card));
        this.hooks.draw?.();
        if (!this.elementOf(card.key) && this.hooks.zoomIn) {
            // Drawn in outline: no card elements until zoomed in to where text reads.
            this.hooks.zoomIn(card);
            this.hooks.draw?.();
        }
        this.applyTabStop();
        const node = this.elementOf(card.key);
        node?.focus({ preventScroll: true });
        this.showRing(card);
    }

    private onKey(event: KeyboardEvent): void {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const card = this.cardOf(event.target);
        if (!card || !this.layout) return;
        const direction = KEYS[event.key];
        if (direction) {
            event.preventDefault();
            const next = nextCard(this.layout, card, direction);
            if (next) this.focusCard(next);
        } else if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            this.hooks.activate?.(card);
        } else if (event.key === 'Escape') {
            event.preventDefault();
            this.ring.style.display = 'none';
            const back = this.cameFrom?.isConnected ? this.cameFrom : this.hooks.exitTarget?.();
            if (back) back.focus();
            else (event.target as SVGElement).blur();
        }
    }

    private cardOf(target: EventTarget | null): CardLayout | undefined {
        const key = (target as Element | null)?.closest?.('g.jm-card[data-key]')?.getAttribute('data-key');
        return key ? this.cards().get(key) : undefined;
    }

    private elementOf(key: string): SVGGElement | null {
        return this.canvas.map.querySelector<SVGGElement>(`g.jm-card[data-key="${CSS.escape(key)}"]`);
    }

    private inView(card: CardLayout): boolean {
        const t = this.canvas.transform();
        const left = card.x * t.k + t.x;
        return left + card.width * t.k > 0 && left < this.canvas.size().width;
    }

    private showRing(card: CardLayout): void {
        this.placeRing(card);
        this.ring.style.display = '';
    }

    private placeRing(card: CardLayout): void {
        const gap = 3;
        this.ring.setAttribute('x', String(card.x - gap));
        this.ring.setAttribute('y', String(card.y - gap));
        this.ring.setAttribute('width', String(card.width + 2 * gap));
        this.ring.setAttribute('height', String(card.height + 2 * gap));
        this.ring.setAttribute('rx', '8');
    }
}
