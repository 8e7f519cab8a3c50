/**
 * The HTML a ```journey fence becomes in the Markdown preview: the picture drawn by the map
 * renderer's string backend (webview/render: the preview's own layout and tree, written out as
 * SVG text that escapes every user string), or the fence's first syntax error, or its source
 * while the model is on its way. Pure: no `vscode`, no DOM.
 */
import type { JourneyDocumentModel } from '../../../language/model/journey-model.js';
import type { FenceModelResult } from '../../../language/protocol.js';
import { layoutJourney } from '../../../webview/layout/journey-layout.js';
import { mapCss } from '../../../webview/render/map-style.js';
import { mapTree, SVG_NS } from '../../../webview/render/render-map.js';
import { escapeAttr, escapeText, textEl, toMarkup } from '../../../webview/render/svg-tree.js';

/** What a fence shows: computed once per answer of the server, then served from the cache. */
export type FencePicture =
    | { kind: 'map'; svg: string }
    | { kind: 'error'; line: number; column: number; message: string; more: number }
    | { kind: 'empty' }
    | { kind: 'failed'; message: string };

/** The picture of a server answer: every journey of the fence, one under the other. */
export function fencePicture(result: FenceModelResult): FencePicture {
    const [first, ...rest] = result.syntaxErrors;
    if (first) return { kind: 'error', ...first, more: rest.length };
    if (!result.model || result.model.journeys.length === 0) return { kind: 'empty' };
    return { kind: 'map', svg: journeysSvg(result.model) };
}

/**
 * Each journey as inline SVG with the map's stylesheet in the `vscode` palette: the colours are
 * the editor theme's `--vscode-*` variables, which VS Code defines in the Markdown preview too,
 * so the picture follows the theme as it changes. The preview's CSP allows inline styles.
 */
function journeysSvg(model: JourneyDocumentModel): string {
    const style = textEl('style', {}, mapCss('vscode'), 'style');
    return model.journeys.map(journey => toMarkup(mapTree(layoutJourney(journey), { titles: true }, { rootAttrs: { xmlns: SVG_NS }, before: [style] }))).join('');
}

export interface FenceHtmlOptions {
    /** The fence's number among the journey fences of the document, from 0: the preview script's key. */
    index: number;
    /** The 0-based line of the opening fence in the Markdown file, when markdown-it knows it. */
    line?: number;
    /** Attributes the preview puts on block elements (`class="code-line" data-line="…"`), already rendered. */
    attrs: string;
    /** The fence's text, shown while its picture is on its way. */
    source: string;
    /** The last picture of this fence, kept while the new one is computed. */
    picture: FencePicture | undefined;
    /** Whether `picture` is of an older text of the fence. */
    updating: boolean;
}

/** The block element that stands for the fence. Every user string is escaped text. */
export function fenceHtml(options: FenceHtmlOptions): string {
    const { picture } = options;
    const state = picture === undefined ? 'loading' : options.updating ? 'updating' : picture.kind;
    const open = `<div${withClass(options.attrs, 'journeymap-fence')} data-journey-fence="${options.index}" data-state="${state}">`;
    return `${open}${body(options)}</div>\n`;
}

function body(options: FenceHtmlOptions): string {
    const picture = options.picture;
    if (picture === undefined) {
        return `<p class="journeymap-fence-note">Drawing the journey map…</p><pre class="journeymap-fence-source"><code>${escapeText(options.source)}</code></pre>`;
    }
    switch (picture.kind) {
        case 'map':
            return picture.svg;
        case 'empty':
            return '<p class="journeymap-fence-note">This journey block has no journey to draw.</p>';
        case 'failed':
            return `<p class="journeymap-fence-error">Journey map not drawn: ${escapeText(picture.message)}</p>`;
        case 'error': {
            // Where the user edits: the line in the Markdown file (the fence's text starts on the line after the fence).
            const line = options.line === undefined ? picture.line : options.line + 1 + picture.line;
            const more = picture.more > 0 ? ` (${picture.more} more error${picture.more > 1 ? 's' : ''})` : '';
            return `<p class="journeymap-fence-error">Journey map not drawn — ${line}:${picture.column} ${escapeText(picture.message)}${escapeText(more)}</p>`;
        }
    }
}

/** `attrs` (rendered attributes, ` name="value"` each) with `name` added to its class, or a class of its own. */
function withClass(attrs: string, name: string): string {
    if (/\sclass="/.test(attrs)) return attrs.replace(/\sclass="/, ` class="${escapeAttr(name)} `);
    return ` class="${escapeAttr(name)}"${attrs}`;
}
