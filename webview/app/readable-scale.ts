/** How small a map may open: the one rule of "readable at open", for the webviews and the HTML export. */

/** The smallest size text may have on screen when a map opens: below it, a map is shrunk past reading. */
export const READABLE_TEXT_PX = 11;

/** The scale at which text laid out at `fontSize` px shows READABLE_TEXT_PX on screen. */
export function readableScale(fontSize: number): number {
    return READABLE_TEXT_PX / fontSize;
}

/**
 * Below this size on screen text is a smudge, not words: the preview draws cards' lines as bars
 * (RenderOptions.outline) and spares the browser laying out every word of a long map shown whole.
 */
export const OUTLINE_TEXT_PX = 3;

/** Whether a map at `scale`, its body text laid out at `fontSize` px, is drawn in outline. */
export function outlineAt(scale: number, fontSize: number): boolean {
    return fontSize * scale < OUTLINE_TEXT_PX;
}
