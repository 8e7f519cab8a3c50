/**
 * The page `journeymap render -o map.html` writes: the picture, its layout (for the viewer's
 * frozen headers, overview strip, keyboard and text view) and the viewer script
 * (webview/app/standalone.ts), all inline in one file that loads nothing from the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JourneyModel } from '../../language/model/journey-model.js';
import { viewerCss } from '../../webview/app/viewer-style.js';
import { readableScale } from '../../webview/app/readable-scale.js';
import { LAYOUT, layoutJourney } from '../../webview/layout/journey-layout.js';
import type { CardLayout, MapLayout } from '../../webview/layout/layout-types.js';
import { PALETTES, type ExportTheme } from '../../webview/render/map-style.js';
import { mapSvg } from '../../webview/render/svg-markup.js';
import { xmlSafe } from '../../webview/render/svg-tree.js';
import { randomNonce } from '../text/nonce.js';
import { standalonePageHead } from '../text/standalone-page.js';

function escapeHtml(text: string): string {
    return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The pan/zoom script, built next to the CLI bundle (dist/webview/standalone.js). */
function standaloneScript(): string {
    const candidates = [new URL('./webview/standalone.js', import.meta.url), new URL('../../dist/webview/standalone.js', import.meta.url)];
    const found = candidates.find(url => existsSync(fileURLToPath(url)));
    if (!found) throw new Error('dist/webview/standalone.js is missing: run `npm run build`');
    // Inline in a <script>: a literal "</script" inside would end it early.
    return readFileSync(fileURLToPath(found), 'utf8').replace(/<\/(script)/gi, '<\\/$1').replace(/\/\/# sourceMappingURL=.*$/m, '');
}

/**
 * What the viewer needs of the layout: geometry, keys and full texts; not the wrapped lines of
 * cards other than stage headers (the picture has them), nor source ranges.
 */
function viewerLayout(layout: MapLayout): MapLayout {
    const card = (c: CardLayout): CardLayout => {
        const { range: _range, uri: _uri, parts: _parts, data: _data, lines, ...rest } = c;
        return { ...rest, lines: c.kind === 'stage' ? lines : [], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    };
    const emotion = layout.emotion && { ...layout.emotion, asIs: undefined, points: layout.emotion.points.map(p => ({ ...p, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })) };
    return { ...layout, cards: layout.cards.map(card), emotion };
}

/**
 * Data for a <script>: JSON (a JavaScript expression that runs nothing) with every `<`, `>` and
 * `&` escaped, so no user text can end the script or open a comment in it.
 */
function scriptData(value: unknown): string {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function standaloneHtml(journey: JourneyModel, theme: ExportTheme, layout: MapLayout = layoutJourney(journey)): string {
    // A fresh nonce for the page's script and styles (the picture's own <style> included).
    const nonce = randomNonce();
    const svg = mapSvg(layout, { palette: theme, styleNonce: nonce });
    const palette = PALETTES[theme];
    const data = scriptData({ layout: viewerLayout(layout), minScale: readableScale(LAYOUT.bodySize) });
    // No network at all (standalonePageHead): style and script are inline, by nonce.
    const style = `html,body{margin:0;height:100%;overflow:hidden;background:${palette.bg};color:${palette.fg};font-family:Arial,'Liberation Sans',Helvetica,sans-serif;font-size:14px;}
#jm-root{display:flex;flex-direction:column;height:100%;}
#jm-toolbar{display:flex;gap:6px;align-items:center;padding:6px 10px;border-bottom:1px solid ${palette['card-border']};}
#jm-toolbar .jm-file{margin-right:auto;font-weight:bold;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;}
#jm-toolbar button{font:inherit;padding:3px 10px;background:${palette['lane-bg-alt']};color:${palette.fg};border:1px solid ${palette['card-border']};border-radius:4px;cursor:pointer;}
#jm-toolbar button[aria-pressed=true]{background:${palette.highlight};color:${palette.bg};}
#jm-toolbar button:focus-visible{outline:2px solid ${palette.highlight};outline-offset:1px;}
#jm-canvas-host{flex:1;min-height:0;}
#jm-canvas-host[hidden]{display:none;}
.jm-canvas{display:block;cursor:grab;}
${viewerCss(theme)}`;
    return `${standalonePageHead({ nonce, title: `${journey.title} — Journeymap`, style, script: true })}
<body>
<div id="jm-root">
<div id="jm-toolbar" role="toolbar" aria-label="Map view"><span class="jm-file">${escapeHtml(journey.title)}</span><button id="jm-fit" type="button" title="Fit the map to the width of the window">Fit width</button><button id="jm-fit-page" type="button" title="Fit the whole map into the window">Fit page</button><button id="jm-text-toggle" type="button" aria-pressed="false" title="Show the map as text: a heading per stage and step, a list per step">Text view</button></div>
<div id="jm-canvas-host">${svg}</div>
<section id="jm-text-view" aria-label="Text view of the map" tabindex="-1" hidden></section>
</div>
<script nonce="${nonce}">var JOURNEYMAP_MAP=${data};
${standaloneScript()}</script>
</body>
</html>
`;
}
