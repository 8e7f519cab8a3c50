/**
 * A map as SVG text for renderers that know no CSS variables (resvg for PNG, svg-to-pdfkit for
 * PDF): the stylesheet of the chosen palette resolved into presentation attributes on every
 * element (inline-style.ts), no <style>, no tooltips. Pure, as svg-markup.ts: `journeymap render`
 * and the preview's PDF export call it with the same layout and get the same text.
 */
import type { MapLayout } from '../layout/layout-types.js';
import { SVG_NS } from './dom-patch.js';
import { inlineStyles } from './inline-style.js';
import { mapCss, type ExportTheme } from './map-style.js';
import { mapTree, type RenderOptions } from './render-map.js';
import { toMarkup } from './svg-tree.js';

export function flatMapSvg(layout: MapLayout, options: RenderOptions & { palette: ExportTheme }): string {
    const tree = mapTree(layout, { ...options, titles: false }, { rootAttrs: { xmlns: SVG_NS } });
    return toMarkup(inlineStyles(tree, mapCss(options.palette)));
}
