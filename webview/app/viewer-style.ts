/**
 * The stylesheet of what is around a map on screen (map-view.ts, text-view.ts): frozen headers,
 * overview strip, focus ring, text view; and solid borders in high-contrast themes. Shared by the
 * webviews (`vscode` palette) and the HTML export (its light or dark palette). The map's own
 * stylesheet is map-style.ts.
 */
import { FONT_FAMILY } from '../layout/text-metrics.js';
import { PALETTES, type PaletteName } from '../render/map-style.js';

export function viewerCss(palette: PaletteName): string {
    const vars = Object.entries(PALETTES[palette]).map(([name, value]) => `--jm-${name}:${value};`).join('');
    // The focus colour: the editor's in VS Code, the highlight colour in a file.
    const focus = palette === 'vscode' ? 'var(--vscode-focusBorder)' : PALETTES[palette].highlight;
    return `.jm-view-host{position:relative;overflow:hidden;}
.jm-canvas,.jm-minimap,#jm-text-view{${vars}--jm-focus:${focus};}
.jm-canvas{outline:none;}
.jm-frozen{font-family:${FONT_FAMILY};}
.jm-frozen text{fill:var(--jm-fg);white-space:pre;}
.jm-frozen .jm-frozen-bg{fill:var(--jm-bg);}
.jm-frozen-lanes,.jm-frozen-corner{filter:drop-shadow(1px 0 0 var(--jm-card-border));}
.jm-frozen-stages{filter:drop-shadow(0 1px 0 var(--jm-card-border));}
.jm-frozen .jm-frozen-lane-bg{fill:var(--jm-lane-bg);}
.jm-frozen .jm-alt>.jm-frozen-lane-bg{fill:var(--jm-lane-bg-alt);}
.jm-frozen .jm-frozen-lane text,.jm-frozen-corner text{fill:var(--jm-muted);font-weight:bold;}
.jm-frozen .jm-frozen-line text{fill:var(--jm-muted);font-style:italic;}
.jm-frozen .jm-frozen-card>rect{fill:var(--jm-stage-bg);stroke:var(--jm-card-border);stroke-width:1;}
.jm-frozen .jm-frozen-card text{fill:var(--jm-stage-fg);}
.jm-focus-ring{fill:none;stroke:var(--jm-focus);stroke-width:3;vector-effect:non-scaling-stroke;pointer-events:none;}
.jm-map g.jm-card:focus{outline:none;}
.jm-minimap{position:absolute;right:12px;bottom:12px;z-index:2;line-height:0;background:var(--jm-bg);border:1px solid var(--jm-card-border);box-shadow:0 1px 4px rgba(0,0,0,.3);cursor:pointer;}
.jm-minimap[hidden]{display:none;}
.jm-minimap .jm-minimap-bg{fill:var(--jm-bg);}
.jm-minimap .jm-minimap-lane{fill:var(--jm-lane-bg);}
.jm-minimap .jm-minimap-lane.jm-alt{fill:var(--jm-lane-bg-alt);}
.jm-minimap .jm-minimap-card{fill:var(--jm-card-border);}
.jm-minimap .jm-minimap-stage{fill:var(--jm-stage-bg);stroke:var(--jm-stage-fg);stroke-width:1;vector-effect:non-scaling-stroke;}
.jm-minimap .jm-minimap-pain{fill:var(--jm-pain-high);}
.jm-minimap .jm-minimap-opportunity{fill:var(--jm-opportunity);}
.jm-minimap .jm-minimap-view{fill:var(--jm-focus);fill-opacity:.15;stroke:var(--jm-focus);stroke-width:2;vector-effect:non-scaling-stroke;}
#jm-text-view{flex:1;min-height:0;overflow:auto;padding:8px 24px 24px;background:var(--jm-bg);color:var(--jm-fg);line-height:1.45;}
#jm-text-view[hidden]{display:none;}
#jm-text-view h1{font-size:1.5em;margin:8px 0;}
#jm-text-view h2{font-size:1.25em;margin:20px 0 4px;padding-top:8px;border-top:1px solid var(--jm-card-border);}
#jm-text-view h3{font-size:1.05em;margin:12px 0 2px;}
#jm-text-view ul{margin:2px 0 6px;padding-left:22px;max-width:60em;}
#jm-text-view .jm-text-lane{font-weight:bold;color:var(--jm-muted);}
#jm-text-view:focus-visible{outline:2px solid var(--jm-focus);outline-offset:-2px;}
${HIGH_CONTRAST}`;
}

/**
 * High contrast (VS Code marks the body `vscode-high-contrast`, `vscode-high-contrast-light`
 * too): every card border solid and in the theme's contrast colour, so no box depends on a dash
 * pattern or a faint colour to be seen. Diff marks keep their patterns: there the pattern says
 * what changed.
 */
const HIGH_CONTRAST = `body.vscode-high-contrast .jm-map .jm-card:not([data-change])>rect,body.vscode-high-contrast .jm-map .jm-part>rect{stroke-dasharray:none;}
body.vscode-high-contrast .jm-map .jm-card:not([data-change]):not(.jm-highlight):not([data-kind=pain]):not([data-kind=opportunity]):not(.jm-moment)>rect{stroke:var(--vscode-contrastBorder, currentColor);stroke-width:1.5;}
body.vscode-high-contrast .jm-frozen-card>rect{stroke:var(--vscode-contrastBorder, currentColor);}
body.vscode-high-contrast .jm-minimap{box-shadow:none;border-color:var(--vscode-contrastBorder);}
body.vscode-high-contrast .jm-focus-ring{stroke:var(--vscode-contrastActiveBorder, var(--vscode-focusBorder));}
`;
