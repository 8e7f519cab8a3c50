/**
 * A map as standalone SVG text: the tree of render-map.ts written out by the string backend,
 * with the stylesheet embedded so the file shows the same anywhere. No DOM involved: a pure
 * function of the layout, linear in the size of the map.
 */
import type { JourneyModel } from '../../language/model/journey-model.js';
import { layoutJourney, type LayoutOptions } from '../layout/journey-layout.js';
import type { MapLayout } from '../layout/layout-types.js';
import { patchDom, SVG_NS } from './dom-patch.js';
import { mapCss, type PaletteName } from './map-style.js';
import { mapTree, type RenderOptions } from './render-map.js';
import { textEl, toMarkup, type SvgNode } from './svg-tree.js';

export interface SvgMarkupOptions extends RenderOptions {
    palette: Exclude<PaletteName, 'vscode'>;
    /** For a picture inlined in a page whose CSP allows styles by nonce only (the HTML exports). */
    styleNonce?: string;
}

/** The standalone picture's tree: the map with its namespace and its own stylesheet. */
export function standaloneMapTree(layout: MapLayout, options: SvgMarkupOptions): SvgNode {
    const style = textEl('style', { nonce: options.styleNonce }, mapCss(options.palette), 'style');
    return mapTree(layout, options, { rootAttrs: { xmlns: SVG_NS }, before: [style] });
}

/** A laid-out map as SVG text (no XML declaration: ready to inline in HTML too). */
export function mapSvg(layout: MapLayout, options: SvgMarkupOptions): string {
    return toMarkup(standaloneMapTree(layout, options));
}

/**
 * One journey as SVG text, laid out and drawn: what `journeymap render` writes, and the entry
 * point for other pictures (a diff passes `changes`, keyed as documented in render-map.ts).
 */
export function journeyMapSvg(journey: JourneyModel, options: SvgMarkupOptions & LayoutOptions): string {
    return mapSvg(layoutJourney(journey, options), options);
}

/** The standalone picture as a DOM element of `document` (the same tree, patched into a new <svg>). */
export function renderSvgElement(document: Document, layout: MapLayout, options: SvgMarkupOptions): SVGSVGElement {
    const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
    patchDom(svg, standaloneMapTree(layout, options));
    return svg;
}
