/** How small a map may open: the one rule of "readable at open", for the webviews and the HTML export. */

/** The smallest size text may have on screen when a map opens: below it, a map is shrunk past reading. */
export const READABLE_TEXT_PX = 11;

/** The scale at which text laid out at `fontSize` px shows READABLE_TEXT_PX on screen. */
export function readableScale(fontSize: number): number {
    return READABLE_TEXT_PX / fontSize;
}
