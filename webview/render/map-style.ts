/**
 * The stylesheet of a map picture. One source for every picture: the webview inserts it (with its
 * CSP nonce) using the `vscode` palette, which maps colours to the editor theme's `--vscode-*`
 * variables; exported files (SVG, HTML, PNG, PDF) embed it with a fixed light, dark or
 * high-contrast palette.
 */
import { FONT_FAMILY } from '../layout/text-metrics.js';

export type PaletteName = 'light' | 'dark' | 'high-contrast' | 'vscode';

/** The palettes an exported file can use (`--theme`, the preview's export menu). */
export const EXPORT_THEMES = ['light', 'dark', 'high-contrast'] as const;
export type ExportTheme = typeof EXPORT_THEMES[number];

type Palette = Record<string, string>;

const LIGHT: Palette = {
    bg: '#ffffff', fg: '#1f2328', muted: '#59636e', 'card-bg': '#ffffff', 'card-border': '#c8d1da',
    'stage-bg': '#dbe9f6', 'stage-fg': '#0b3a63', 'lane-bg': '#f6f8fa', 'lane-bg-alt': '#eef1f4', line: '#6e7781',
    curve: '#0969da', 'zero-line': '#afb8c1', 'pain-high': '#cf222e', 'pain-medium': '#bc4c00', 'pain-low': '#9a6700',
    opportunity: '#1a7f37', moment: '#8250df', highlight: '#0969da',
    added: '#1a7f37', removed: '#cf222e', changed: '#9a6700', moved: '#8250df',
};

const DARK: Palette = {
    bg: '#0d1117', fg: '#e6edf3', muted: '#9198a1', 'card-bg': '#161b22', 'card-border': '#3d444d',
    'stage-bg': '#12304f', 'stage-fg': '#cae8ff', 'lane-bg': '#11161d', 'lane-bg-alt': '#151b23', line: '#8b949e',
    curve: '#4493f8', 'zero-line': '#3d444d', 'pain-high': '#ff7b72', 'pain-medium': '#ffa657', 'pain-low': '#d29922',
    opportunity: '#3fb950', moment: '#bc8cff', highlight: '#4493f8',
    added: '#3fb950', removed: '#ff7b72', changed: '#d29922', moved: '#bc8cff',
};

/**
 * Black ground, white text and borders, saturated accents: every colour has at least 7:1 contrast
 * on black (WCAG AAA), like VS Code's own high-contrast dark theme.
 */
const HIGH_CONTRAST: Palette = {
    bg: '#000000', fg: '#ffffff', muted: '#e0e0e0', 'card-bg': '#000000', 'card-border': '#ffffff',
    'stage-bg': '#002b4d', 'stage-fg': '#ffffff', 'lane-bg': '#000000', 'lane-bg-alt': '#141414', line: '#ffffff',
    curve: '#00e5ff', 'zero-line': '#bdbdbd', 'pain-high': '#ff8080', 'pain-medium': '#ffa640', 'pain-low': '#ffff00',
    opportunity: '#3ff23f', moment: '#ff8cff', highlight: '#f38518',
    added: '#3ff23f', removed: '#ff8080', changed: '#ffff00', moved: '#ff8cff',
};

/** Theme-following colours; contrast-border is only set by high-contrast themes. */
const VSCODE: Palette = {
    bg: 'var(--vscode-editor-background)', fg: 'var(--vscode-editor-foreground)', muted: 'var(--vscode-descriptionForeground)',
    'card-bg': 'var(--vscode-editorWidget-background, var(--vscode-editor-background))',
    'card-border': 'var(--vscode-contrastBorder, var(--vscode-editorWidget-border, var(--vscode-panel-border, #888)))',
    'stage-bg': 'var(--vscode-badge-background)', 'stage-fg': 'var(--vscode-badge-foreground)',
    'lane-bg': 'var(--vscode-editor-background)', 'lane-bg-alt': 'var(--vscode-sideBar-background, var(--vscode-editor-background))',
    line: 'var(--vscode-editorRuler-foreground, var(--vscode-descriptionForeground))',
    curve: 'var(--vscode-charts-blue, var(--vscode-focusBorder))', 'zero-line': 'var(--vscode-editorLineNumber-foreground)',
    'pain-high': 'var(--vscode-charts-red, var(--vscode-errorForeground))', 'pain-medium': 'var(--vscode-charts-orange, var(--vscode-editorWarning-foreground))',
    'pain-low': 'var(--vscode-charts-yellow, var(--vscode-editorWarning-foreground))', opportunity: 'var(--vscode-charts-green)',
    moment: 'var(--vscode-charts-purple)', highlight: 'var(--vscode-focusBorder)',
    // Diff marks in the colours of the editor's own git decorations; chart colours where a theme has none.
    added: 'var(--vscode-gitDecoration-addedResourceForeground, var(--vscode-charts-green, #3fb950))',
    removed: 'var(--vscode-gitDecoration-deletedResourceForeground, var(--vscode-charts-red, #f85149))',
    changed: 'var(--vscode-gitDecoration-modifiedResourceForeground, var(--vscode-charts-yellow, #d29922))', moved: 'var(--vscode-charts-purple, #a371f7)',
};

export const PALETTES: Readonly<Record<PaletteName, Palette>> = { light: LIGHT, dark: DARK, 'high-contrast': HIGH_CONTRAST, vscode: VSCODE };

/** The CSS of a map, scoped to `svg.jm-map`. */
export function mapCss(palette: PaletteName): string {
    const vars = Object.entries(PALETTES[palette]).map(([name, value]) => `--jm-${name}:${value};`).join('');
    return `svg.jm-map{${vars}font-family:${FONT_FAMILY};background:var(--jm-bg);}
.jm-map .jm-bg{fill:var(--jm-bg);}
.jm-map text{fill:var(--jm-fg);white-space:pre;}
.jm-map .jm-heading text.jm-role-heading{font-weight:bold;}
.jm-map .jm-lane-bg{fill:var(--jm-lane-bg);}
.jm-map g.jm-alt>.jm-lane-bg{fill:var(--jm-lane-bg-alt);}
.jm-map .jm-lane-label text{fill:var(--jm-muted);font-weight:bold;}
.jm-map .jm-line line.jm-rule{stroke:var(--jm-line);stroke-width:1.5;stroke-dasharray:6 4;}
.jm-map .jm-line .jm-lane-label text{fill:var(--jm-muted);font-weight:normal;font-style:italic;}
.jm-map .jm-card>rect{fill:var(--jm-card-bg);stroke:var(--jm-card-border);stroke-width:1;}
.jm-map .jm-card[data-kind=stage]>rect{fill:var(--jm-stage-bg);}
.jm-map .jm-card[data-kind=stage] text{fill:var(--jm-stage-fg);}
.jm-map .jm-card[data-kind=step].jm-moment>rect{stroke:var(--jm-moment);stroke-width:2;}
.jm-map .jm-card[data-kind=pain]>rect{stroke:var(--jm-pain-low);stroke-width:1.5;}
.jm-map .jm-card[data-kind=pain].jm-high>rect{stroke:var(--jm-pain-high);stroke-width:2.5;}
.jm-map .jm-card[data-kind=pain].jm-medium>rect{stroke:var(--jm-pain-medium);stroke-width:2;}
.jm-map .jm-card[data-kind=opportunity]>rect{stroke:var(--jm-opportunity);stroke-width:1.5;}
.jm-map text.jm-role-meta,.jm-map text.jm-role-badge{fill:var(--jm-muted);}
.jm-map text.jm-role-moment{fill:var(--jm-moment);}
.jm-map text.jm-role-title,.jm-map text.jm-role-metric-name{font-weight:bold;}
.jm-map .jm-curve{fill:none;stroke:var(--jm-curve);stroke-width:2.5;}
.jm-map .jm-zero{stroke:var(--jm-zero-line);stroke-width:1;}
.jm-map .jm-level{stroke:var(--jm-zero-line);stroke-width:0.5;stroke-dasharray:2 4;}
.jm-map circle[data-kind=emotion]{fill:var(--jm-curve);stroke:var(--jm-bg);stroke-width:1.5;}
.jm-map circle[data-kind=emotion].jm-gap{fill:var(--jm-bg);stroke:var(--jm-muted);stroke-dasharray:2 2;}
.jm-map .jm-card.jm-highlight>rect{stroke:var(--jm-highlight);stroke-width:3;}
.jm-map [data-change=added]>rect,.jm-map circle[data-change=added]{stroke:var(--jm-added);stroke-width:3;}
.jm-map [data-change=removed]{opacity:0.55;}
.jm-map [data-change=removed]>rect{stroke:var(--jm-removed);stroke-width:3;stroke-dasharray:5 3;}
.jm-map [data-change=changed]>rect,.jm-map circle[data-change=changed]{stroke:var(--jm-changed);stroke-width:3;}
.jm-map [data-change=moved]>rect{stroke:var(--jm-moved);stroke-width:3;stroke-dasharray:1 3;}
.jm-map .jm-card{cursor:pointer;}
.jm-map .jm-asis{fill:none;stroke:var(--jm-muted);stroke-width:2;stroke-dasharray:6 4;opacity:0.8;}
.jm-map .jm-asis-point{fill:var(--jm-bg);stroke:var(--jm-muted);stroke-width:1.5;}
.jm-map .jm-legend line.jm-curve{stroke-width:2.5;}
.jm-map .jm-fail>rect{fill:var(--jm-card-bg);stroke:var(--jm-pain-high);stroke-width:1.5;}
.jm-map .jm-role-fail-label{fill:var(--jm-pain-high);font-weight:bold;}
.jm-map .jm-chip>rect{fill:var(--jm-lane-bg-alt);stroke:var(--jm-card-border);stroke-width:1;}
.jm-map .jm-chip[data-chip=status]>rect{stroke:var(--jm-opportunity);}
.jm-map .jm-card[data-kind=wait]>rect{stroke-dasharray:4 3;}
.jm-map .jm-card[data-kind=persona]>rect{fill:var(--jm-lane-bg);}
.jm-map .jm-card[data-kind=note]>rect{stroke-dasharray:2 3;}
.jm-map .jm-role-wait,.jm-map .jm-role-duration{fill:var(--jm-muted);font-weight:bold;}
.jm-map .jm-role-off-target{fill:var(--jm-pain-high);}
.jm-map .jm-role-quote{font-style:italic;}
.jm-map a.jm-link text{fill:var(--jm-curve);text-decoration:underline;}
.jm-map a.jm-link{cursor:pointer;}
`;
}
