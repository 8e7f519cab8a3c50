/**
 * Frozen headers: copies of the lane-label column and of the stage header row, laid over the
 * pan/zoom surface, so a map panned right still says which lane is which and a map panned down
 * still says which stage is which. They are drawn once per layout from its geometry and only
 * moved (one transform each) as the view pans and zooms: no measuring of the DOM. The real
 * labels and headers stay where they are; the copies show only once those have left the view,
 * and are hidden from assistive technology (the map itself is read once).
 */
import type { MapLayout, TextLine } from '../layout/layout-types.js';
import { SVG_NS } from '../render/dom-patch.js';
import type { ZoomCanvas } from './zoom-canvas.js';

type Attrs = Record<string, string | number>;

function svgEl(doc: Document, tag: string, attrs: Attrs, children: Node[] = []): SVGElement {
    const node = doc.createElementNS(SVG_NS, tag) as SVGElement;
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    node.append(...children);
    return node;
}

/** Text lines as one <text> of <tspan>s, y relative to `top`; user text as text nodes. */
function textOf(doc: Document, lines: readonly TextLine[], top: number): SVGElement {
    const text = svgEl(doc, 'text', lines[0]?.direction === 'rtl' ? { direction: 'rtl' } : {});
    for (const line of lines) {
        const attrs: Attrs = { x: line.x, y: line.y - top, 'font-size': line.size, class: `jm-role-${line.role}` };
        if (line.bold) attrs['font-weight'] = 'bold';
        const span = svgEl(doc, 'tspan', attrs);
        span.textContent = line.text;
        text.append(span);
    }
    return text;
}

function sameLines(a: readonly TextLine[], b: readonly TextLine[]): boolean {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
        const x = a[i];
        const y = b[i];
        if (x.x !== y.x || x.y !== y.y || x.size !== y.size || x.bold !== y.bold || x.role !== y.role || x.direction !== y.direction || x.text !== y.text) return false;
    }
    return true;
}

/**
 * Whether two layouts give the same copies: the same lanes, lines and stage headers, where they
 * are and what they say. Compared in place, not as a string made per edit: an update should
 * allocate little (the layout memo's reason).
 */
function sameHeaders(a: MapLayout, b: MapLayout): boolean {
    if (a.contentX !== b.contentX || a.lanes.length !== b.lanes.length || a.lines.length !== b.lines.length) return false;
    for (let i = 0; i < a.lanes.length; i++) {
        const x = a.lanes[i];
        const y = b.lanes[i];
        if (x.id !== y.id || x.y !== y.y || x.height !== y.height || !sameLines(x.labelLines, y.labelLines)) return false;
    }
    for (let i = 0; i < a.lines.length; i++) {
        const x = a.lines[i];
        const y = b.lines[i];
        if (x.id !== y.id || x.y !== y.y || !sameLines(x.labelLines, y.labelLines)) return false;
    }
    // The stage headers, in order: walk both card lists side by side.
    let j = 0;
    for (let i = 0; i < a.cards.length; i++) {
        const x = a.cards[i];
        if (x.kind !== 'stage') continue;
        while (j < b.cards.length && b.cards[j].kind !== 'stage') j++;
        if (j === b.cards.length) return false;
        const y = b.cards[j++];
        if (x.id !== y.id || x.x !== y.x || x.y !== y.y || x.width !== y.width || x.height !== y.height || !sameLines(x.lines, y.lines)) return false;
    }
    while (j < b.cards.length && b.cards[j].kind !== 'stage') j++;
    return j === b.cards.length;
}

export class FrozenHeaders {
    private readonly group: SVGGElement;
    private readonly stages: SVGSVGElement;
    private readonly stagesContent: SVGGElement;
    private readonly lanes: SVGSVGElement;
    private readonly lanesContent: SVGGElement;
    private readonly corner: SVGSVGElement;
    private readonly cornerContent: SVGGElement;
    private layout?: MapLayout;
    /** The stage header row in map coordinates: its top and height (0 when there is none). */
    private row = { top: 0, height: 0 };
    /** The frozen stage titles, which slide right to stay readable while their stage is in view. */
    private stageTexts: Array<{ node: SVGElement; x: number; room: number }> = [];
    /** The layout the copies were drawn from. */
    private drawn: MapLayout | undefined;

    constructor(private readonly canvas: ZoomCanvas) {
        const doc = canvas.outer.ownerDocument;
        this.group = svgEl(doc, 'g', { class: 'jm-frozen', 'aria-hidden': 'true' }) as SVGGElement;
        const part = (name: string, background: boolean): [SVGSVGElement, SVGGElement] => {
            const content = svgEl(doc, 'g', {}) as SVGGElement;
            const svg = svgEl(doc, 'svg', { class: `jm-frozen-${name}`, x: 0, y: 0, width: 0, height: 0, 'data-frozen': name }, [
                ...background ? [svgEl(doc, 'rect', { class: 'jm-frozen-bg', width: '100%', height: '100%' })] : [], content,
            ]) as SVGSVGElement;
            svg.style.display = 'none';
            return [svg, content];
        };
        [this.stages, this.stagesContent] = part('stages', true);
        // The column covers the lanes only, not the heading above them.
        [this.lanes, this.lanesContent] = part('lanes', false);
        [this.corner, this.cornerContent] = part('corner', true);
        this.group.append(this.stages, this.lanes, this.corner);
        canvas.outer.appendChild(this.group);
    }

    /** Draws the copies of a new layout's labels and headers (unless they are what is drawn: most edits move none). */
    setLayout(layout: MapLayout | undefined): void {
        this.layout = layout;
        const drawn = this.drawn;
        if (layout === drawn || (layout && drawn && sameHeaders(layout, drawn))) {
            this.drawn = layout;
            this.update();
            return;
        }
        this.drawn = layout;
        const doc = this.group.ownerDocument;
        this.stagesContent.replaceChildren();
        this.lanesContent.replaceChildren();
        this.cornerContent.replaceChildren();
        this.row = { top: 0, height: 0 };
        this.stageTexts = [];
        if (layout && layout.lanes.length > 0) {
            const last = layout.lanes[layout.lanes.length - 1];
            this.lanesContent.append(svgEl(doc, 'rect', { class: 'jm-frozen-bg', y: layout.lanes[0].y, width: layout.contentX, height: last.y + last.height - layout.lanes[0].y }));
        }
        if (layout) {
            layout.lanes.forEach((lane, index) => {
                this.lanesContent.append(svgEl(doc, 'g', { class: `jm-frozen-lane${index % 2 ? ' jm-alt' : ''}`, 'data-lane': lane.id, transform: `translate(0,${lane.y})` }, [
                    svgEl(doc, 'rect', { class: 'jm-frozen-lane-bg', width: layout.contentX, height: lane.height }),
                    textOf(doc, lane.labelLines, lane.y),
                ]));
            });
            for (const line of layout.lines) {
                this.lanesContent.append(svgEl(doc, 'g', { class: 'jm-frozen-line', 'data-line': line.id, transform: `translate(0,${line.y})` }, [textOf(doc, line.labelLines, line.y)]));
            }
            const stageLane = layout.lanes.find(l => l.id === 'stages');
            const headers = layout.cards.filter(c => c.kind === 'stage');
            if (stageLane && headers.length > 0) {
                const bottom = Math.max(...headers.map(c => c.y + c.height));
                this.row = { top: stageLane.y, height: bottom - stageLane.y + 6 };
                for (const card of headers) {
                    const text = textOf(doc, card.lines, 0);
                    // About how wide its longest line is (no measuring): how far the title may slide.
                    const textWidth = Math.max(0, ...card.lines.map(l => l.text.length * l.size * 0.62));
                    this.stageTexts.push({ node: text, x: card.x, room: Math.max(0, card.width - textWidth - 16) });
                    this.stagesContent.append(svgEl(doc, 'g', { class: 'jm-frozen-card', 'data-stage': card.id ?? '', transform: `translate(${card.x},${card.y - stageLane.y})` }, [
                        svgEl(doc, 'rect', { width: card.width, height: card.height, rx: 4 }),
                        text,
                    ]));
                }
                this.cornerContent.append(textOf(doc, stageLane.labelLines, stageLane.y));
            }
        }
        this.update();
    }

    /** Places and shows or hides the copies for the current zoom and pan. */
    update(): void {
        const layout = this.layout;
        const t = this.canvas.transform();
        const view = this.canvas.size();
        const showLanes = layout !== undefined && layout.lanes.length > 0 && t.x < -0.5;
        const showStages = layout !== undefined && this.row.height > 0 && t.y + this.row.top * t.k < -0.5;
        const columnWidth = (layout?.contentX ?? 0) * t.k;
        const rowHeight = this.row.height * t.k;
        this.show(this.lanes, showLanes, columnWidth, view.height);
        if (showLanes) this.lanesContent.setAttribute('transform', `translate(0,${t.y}) scale(${t.k})`);
        this.show(this.stages, showStages, view.width, rowHeight);
        if (showStages) {
            this.stagesContent.setAttribute('transform', `translate(${t.x},0) scale(${t.k})`);
            // The map x at the left edge of what is visible (right of the lane labels when frozen).
            const left = ((showLanes ? columnWidth : 0) - t.x) / t.k;
            for (const text of this.stageTexts) {
                const shift = Math.min(text.room, Math.max(0, left - text.x));
                text.node.setAttribute('transform', `translate(${shift},0)`);
            }
        }
        this.show(this.corner, showLanes && showStages, columnWidth, rowHeight);
        if (showLanes && showStages) this.cornerContent.setAttribute('transform', `scale(${t.k})`);
    }

    private show(svg: SVGSVGElement, shown: boolean, width: number, height: number): void {
        svg.style.display = shown ? '' : 'none';
        if (!shown) return;
        svg.setAttribute('width', String(Math.max(0, width)));
        svg.setAttribute('height', String(Math.max(0, height)));
    }
}
