/**
 * A map as standalone SVG text: the same renderer run on a given document (linkedom in Node),
 * with the stylesheet embedded so the file shows the same anywhere.
 */
import type { JourneyModel } from '../../language/model/journey-model.js';
import { layoutJourney, type LayoutOptions } from '../layout/journey-layout.js';
import type { MapLayout } from '../layout/layout-types.js';
import { mapCss, type PaletteName } from './map-style.js';
import { renderMap, SVG_NS, type RenderOptions } from './render-map.js';

export interface SvgMarkupOptions extends RenderOptions {
    palette: Exclude<PaletteName, 'vscode'>;
    /** For a picture inlined in a page whose CSP allows styles by nonce only (the HTML exports). */
    styleNonce?: string;
}

export function renderSvgElement(document: Document, layout: MapLayout, options: SvgMarkupOptions): SVGSVGElement {
    const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
    svg.setAttribute('xmlns', SVG_NS);
    const style = document.createElementNS(SVG_NS, 'style');
    if (options.styleNonce) style.setAttribute('nonce', options.styleNonce);
    style.textContent = mapCss(options.palette);
    svg.appendChild(style);
    renderMap(svg, layout, options);
    return svg;
}

export function renderSvgMarkup(document: Document, layout: MapLayout, options: SvgMarkupOptions): string {
    return renderSvgElement(document, layout, options).outerHTML;
}

/**
 * One journey as SVG text, laid out and drawn: what `journeymap render` writes, and the entry
 * point for other pictures (a diff passes `changes`, keyed as documented in render-map.ts).
 */
export function journeySvg(document: Document, journey: JourneyModel, options: SvgMarkupOptions & LayoutOptions): string {
    return renderSvgMarkup(document, layoutJourney(journey, options), options);
}
