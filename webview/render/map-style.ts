/**
 * The stylesheet of a map picture. One source for every picture: the webview inserts it (with its
 * CSP nonce) using the `vscode` palette, which maps colours to the editor theme's `--vscode-*`
 * variables; exported files (SVG, HTML, PNG, PDF) embed it with a fixed light, dark or
 * high-contrast palette.
 */
import { ROW_ORDER, STAGE_TONES, type LaneId } from '../layout/layout-types.js';
import { FONT_FAMILY } from '../layout/text-metrics.js';

/** Cards that annotate the story: their boxes let the lane's tint through, so the opaque step cards stand out. */
const ANNOTATION_KINDS = ['channel', 'touchpoint', 'thinks', 'feels', 'says', 'onstage', 'offstage', 'support', 'physical', 'wait', 'evidence', 'note'];

const LANE_IDS = ROW_ORDER.filter((id): id is LaneId => id !== 'interaction' && id !== 'visibility' && id !== 'internal');

export type PaletteName = 'light' | 'dark' | 'high-contrast' | 'vscode';

/** The palettes an exported file can use (`--theme`, the preview's export menu). */
export const EXPORT_THEMES = ['light', 'dark', 'high-contrast'] as const;
export type ExportTheme = typeof EXPORT_THEMES[number];

type Palette = Record<string, string>;

/*
 * Every colour is a variable, so a theme is a swap of values. Lanes each get their own light
 * tint (story lanes blue-ish, the organisation's lanes green and grey, pains red, opportunities
 * green) dark enough to tell apart and light enough for body text at well over 4.5:1; stages
 * cycle through six colours (`stage-N` the band, `stage-N-bg` the header's fill); the emotion
 * lane is green above zero and red below, its dots coloured by value with `on-mood` text inside.
 */
const LIGHT: Palette = {
    bg: '#ffffff', fg: '#1f2328', muted: '#57606a', 'card-bg': '#ffffff', 'card-border': '#d0d7de', 'card-border-strong': '#8c959f',
    'stage-bg': '#dbe9f6', 'stage-fg': '#0b3a63', 'lane-bg': '#f6f8fa', 'lane-bg-alt': '#eef1f4', line: '#57606a', 'line-tag-bg': '#ffffff',
    'lane-stages': '#ffffff', 'lane-physical': '#f5f1fb', 'lane-actions': '#eaf2fc', 'lane-touchpoints': '#e8f5f4', 'lane-mindset': '#fcf5e6',
    'lane-emotion': '#fbfcfd', 'lane-onstage': '#edf6ef', 'lane-offstage': '#f1f2f5', 'lane-support': '#f5f2ed', 'lane-pains': '#fcefef',
    'lane-opportunities': '#ebf6ee', 'lane-metrics': '#eef2f9',
    'stage-0': '#2f6fcf', 'stage-0-bg': '#dbe9f6', 'stage-1': '#148585', 'stage-1-bg': '#dbf1ef', 'stage-2': '#7a4fc9', 'stage-2-bg': '#ebe4fa',
    'stage-3': '#c05a00', 'stage-3-bg': '#fbe8d8', 'stage-4': '#2d8a45', 'stage-4-bg': '#ddf1e2', 'stage-5': '#b5367f', 'stage-5-bg': '#f9e2ef',
    curve: '#0969da', 'zero-line': '#8c959f', 'zone-up': '#dcf3e2', 'zone-down': '#fbe3e3',
    'mood-up': '#1a7f37', 'mood-down': '#cf222e', 'mood-flat': '#57606a', 'on-mood': '#ffffff',
    'pain-high': '#cf222e', 'pain-medium': '#a74300', 'pain-low': '#7d5800',
    'pain-high-bg': '#ffebe9', 'pain-medium-bg': '#fff1e5', 'pain-low-bg': '#fff8dc',
    'pain-high-text': '#cf222e', 'pain-medium-text': '#a74300', 'pain-low-text': '#7d5800',
    opportunity: '#1a7f37', 'opportunity-bg': '#f0faf3', moment: '#8250df', highlight: '#0969da',
    // Change marks: never a severity colour (pains are red, orange, brown) nor the opportunity green.
    added: '#0a7c86', removed: '#57606a', changed: '#0550ae', moved: '#bf3989',
};

const DARK: Palette = {
    bg: '#0d1117', fg: '#e6edf3', muted: '#9198a1', 'card-bg': '#161b22', 'card-border': '#3d444d', 'card-border-strong': '#656c76',
    'stage-bg': '#12304f', 'stage-fg': '#cae8ff', 'lane-bg': '#11161d', 'lane-bg-alt': '#151b23', line: '#8b949e', 'line-tag-bg': '#0d1117',
    'lane-stages': '#0d1117', 'lane-physical': '#1b1727', 'lane-actions': '#111d2e', 'lane-touchpoints': '#0f2223', 'lane-mindset': '#231e12',
    'lane-emotion': '#10141a', 'lane-onstage': '#112019', 'lane-offstage': '#171a20', 'lane-support': '#1e1b16', 'lane-pains': '#261416',
    'lane-opportunities': '#10221a', 'lane-metrics': '#141b27',
    'stage-0': '#4493f8', 'stage-0-bg': '#13294a', 'stage-1': '#39c5bb', 'stage-1-bg': '#0f302e', 'stage-2': '#a371f7', 'stage-2-bg': '#2a1f45',
    'stage-3': '#f0883e', 'stage-3-bg': '#3b2411', 'stage-4': '#3fb950', 'stage-4-bg': '#12301a', 'stage-5': '#f778ba', 'stage-5-bg': '#3d1a2e',
    curve: '#4493f8', 'zero-line': '#656c76', 'zone-up': '#10291a', 'zone-down': '#2e1518',
    'mood-up': '#3fb950', 'mood-down': '#ff7b72', 'mood-flat': '#9198a1', 'on-mood': '#0d1117',
    'pain-high': '#ff7b72', 'pain-medium': '#ffa657', 'pain-low': '#d29922',
    'pain-high-bg': '#2d1517', 'pain-medium-bg': '#2d1d10', 'pain-low-bg': '#2a2210',
    'pain-high-text': '#ff7b72', 'pain-medium-text': '#ffa657', 'pain-low-text': '#d29922',
    opportunity: '#3fb950', 'opportunity-bg': '#10231a', moment: '#bc8cff', highlight: '#4493f8',
    added: '#39c5cf', removed: '#8b949e', changed: '#79c0ff', moved: '#f778ba',
};

/**
 * Black ground, white text and borders, saturated accents: every colour has at least 7:1 contrast
 * on black (WCAG AAA), like VS Code's own high-contrast dark theme. Lane tints are barely off
 * black (the borders and the text carry the structure); change marks are none of the severity colours.
 */
const HIGH_CONTRAST: Palette = {
    bg: '#000000', fg: '#ffffff', muted: '#e0e0e0', 'card-bg': '#000000', 'card-border': '#ffffff', 'card-border-strong': '#ffffff',
    'stage-bg': '#002b4d', 'stage-fg': '#ffffff', 'lane-bg': '#000000', 'lane-bg-alt': '#141414', line: '#ffffff', 'line-tag-bg': '#000000',
    'lane-stages': '#000000', 'lane-physical': '#0d0a14', 'lane-actions': '#08101c', 'lane-touchpoints': '#061414', 'lane-mindset': '#14110a',
    'lane-emotion': '#000000', 'lane-onstage': '#08140b', 'lane-offstage': '#0e0e0e', 'lane-support': '#12100c', 'lane-pains': '#170909',
    'lane-opportunities': '#08140b', 'lane-metrics': '#0a0e16',
    'stage-0': '#6fb7ff', 'stage-0-bg': '#001f3d', 'stage-1': '#00e5d4', 'stage-1-bg': '#002b28', 'stage-2': '#c9a0ff', 'stage-2-bg': '#1e1238',
    'stage-3': '#ffa640', 'stage-3-bg': '#2e1a00', 'stage-4': '#3ff23f', 'stage-4-bg': '#002e00', 'stage-5': '#ff8cff', 'stage-5-bg': '#2e0a2e',
    curve: '#00e5ff', 'zero-line': '#bdbdbd', 'zone-up': '#002a0f', 'zone-down': '#2a0008',
    'mood-up': '#3ff23f', 'mood-down': '#ff8080', 'mood-flat': '#e0e0e0', 'on-mood': '#000000',
    'pain-high': '#ff8080', 'pain-medium': '#ffa640', 'pain-low': '#ffff00',
    'pain-high-bg': '#2a0000', 'pain-medium-bg': '#2a1600', 'pain-low-bg': '#262600',
    'pain-high-text': '#ff8080', 'pain-medium-text': '#ffa640', 'pain-low-text': '#ffff00',
    opportunity: '#3ff23f', 'opportunity-bg': '#000000', moment: '#ff8cff', highlight: '#f38518',
    added: '#7df9ff', removed: '#c0c0c0', changed: '#80b0ff', moved: '#ff8cff',
};

/** `percent` of a theme colour over the editor background: a tint that follows light, dark and high-contrast themes. */
const tint = (colour: string, percent: number) => `color-mix(in srgb, ${colour} ${percent}%, var(--vscode-editor-background))`;
const towardsText = (colour: string) => `color-mix(in srgb, ${colour} 55%, var(--vscode-editor-foreground))`;
const BLUE = 'var(--vscode-charts-blue, #3794ff)';
const GREEN = 'var(--vscode-charts-green, #388a34)';
const RED = 'var(--vscode-charts-red, #f14c4c)';
const ORANGE = 'var(--vscode-charts-orange, #d18616)';
const YELLOW = 'var(--vscode-charts-yellow, #cca700)';
const PURPLE = 'var(--vscode-charts-purple, #a371f7)';
const CYAN = 'var(--vscode-terminal-ansiCyan, #11a8cd)';
const MAGENTA = 'var(--vscode-terminal-ansiMagenta, #bc3fbc)';
const STAGE_COLOURS = [BLUE, CYAN, PURPLE, ORANGE, GREEN, MAGENTA];

/** Theme-following colours; contrast-border is only set by high-contrast themes. */
const VSCODE: Palette = {
    bg: 'var(--vscode-editor-background)', fg: 'var(--vscode-editor-foreground)', muted: 'var(--vscode-descriptionForeground)',
    'card-bg': 'var(--vscode-editorWidget-background, var(--vscode-editor-background))',
    'card-border': 'var(--vscode-contrastBorder, var(--vscode-editorWidget-border, var(--vscode-panel-border, #888)))',
    'card-border-strong': 'var(--vscode-contrastBorder, var(--vscode-editorLineNumber-foreground, #888))',
    'stage-bg': 'var(--vscode-badge-background)', 'stage-fg': 'var(--vscode-badge-foreground)',
    'lane-bg': 'var(--vscode-editor-background)', 'lane-bg-alt': 'var(--vscode-sideBar-background, var(--vscode-editor-background))',
    line: 'var(--vscode-editorRuler-foreground, var(--vscode-descriptionForeground))', 'line-tag-bg': 'var(--vscode-editor-background)',
    'lane-stages': 'var(--vscode-editor-background)', 'lane-physical': tint(PURPLE, 6), 'lane-actions': tint(BLUE, 8), 'lane-touchpoints': tint(CYAN, 7),
    'lane-mindset': tint(YELLOW, 7), 'lane-emotion': 'var(--vscode-editor-background)', 'lane-onstage': tint(GREEN, 6), 'lane-offstage': tint('var(--vscode-editor-foreground)', 4),
    'lane-support': tint(ORANGE, 5), 'lane-pains': tint(RED, 7), 'lane-opportunities': tint(GREEN, 7), 'lane-metrics': tint(BLUE, 5),
    ...Object.fromEntries(STAGE_COLOURS.flatMap((colour, i) => [[`stage-${i}`, colour], [`stage-${i}-bg`, tint(colour, 16)]])),
    curve: 'var(--vscode-charts-blue, var(--vscode-focusBorder))', 'zero-line': 'var(--vscode-editorLineNumber-foreground)',
    'zone-up': tint(GREEN, 10), 'zone-down': tint(RED, 10),
    'mood-up': towardsText(GREEN), 'mood-down': towardsText(RED), 'mood-flat': 'var(--vscode-descriptionForeground)', 'on-mood': 'var(--vscode-editor-background)',
    'pain-high': 'var(--vscode-charts-red, var(--vscode-errorForeground))', 'pain-medium': 'var(--vscode-charts-orange, var(--vscode-editorWarning-foreground))',
    'pain-low': 'var(--vscode-charts-yellow, var(--vscode-editorWarning-foreground))',
    'pain-high-bg': tint(RED, 12), 'pain-medium-bg': tint(ORANGE, 12), 'pain-low-bg': tint(YELLOW, 10),
    // Chart colours are made for lines, not words: as text, mixed towards the foreground to read on any theme.
    'pain-high-text': towardsText(RED), 'pain-medium-text': towardsText(ORANGE), 'pain-low-text': towardsText(YELLOW),
    // Not tinted: a theme's descriptionForeground (owners, labels) is barely 4.5:1 on its own background.
    opportunity: 'var(--vscode-charts-green)', 'opportunity-bg': 'var(--vscode-editorWidget-background, var(--vscode-editor-background))',
    moment: 'var(--vscode-charts-purple)', highlight: 'var(--vscode-focusBorder)',
    // Diff marks: not the git decorations' red and yellow, which are the pains' severity colours here.
    added: 'var(--vscode-terminal-ansiCyan, #39c5cf)', removed: 'var(--vscode-disabledForeground, #8b949e)',
    changed: 'var(--vscode-terminal-ansiBlue, #79c0ff)', moved: 'var(--vscode-terminal-ansiMagenta, #f778ba)',
};

export const PALETTES: Readonly<Record<PaletteName, Palette>> = { light: LIGHT, dark: DARK, 'high-contrast': HIGH_CONTRAST, vscode: VSCODE };

/** The CSS of a map, scoped to `svg.jm-map`. */
export function mapCss(palette: PaletteName): string {
    const vars = Object.entries(PALETTES[palette]).map(([name, value]) => `--jm-${name}:${value};`).join('');
    return `svg.jm-map{${vars}font-family:${FONT_FAMILY};background:var(--jm-bg);}
.jm-map .jm-bg{fill:var(--jm-bg);}
.jm-map text{fill:var(--jm-fg);white-space:pre;}
.jm-map .jm-heading text.jm-role-heading,.jm-map .jm-heading .jm-role-heading{font-weight:bold;}
.jm-map .jm-lane-bg{fill:var(--jm-lane-bg);}
.jm-map g.jm-alt>.jm-lane-bg{fill:var(--jm-lane-bg-alt);}
${LANE_IDS.map(id => `.jm-map g.jm-lane-${id}>.jm-lane-bg{fill:var(--jm-lane-${id});}`).join('\n')}
.jm-map .jm-lane>.jm-lane-bg{stroke:var(--jm-card-border);stroke-width:0.5;}
.jm-map .jm-lane-label text{fill:var(--jm-fg);font-weight:bold;}
.jm-map .jm-lane-hint text{fill:var(--jm-muted);font-style:italic;}
.jm-map .jm-outline-text{fill:var(--jm-fg);opacity:.45;pointer-events:none;}
.jm-map .jm-outline-box{fill:var(--jm-card-bg);stroke:var(--jm-card-border);stroke-width:1;}
.jm-map .jm-outline-box[data-outline=step]{stroke:var(--jm-tone,var(--jm-card-border-strong));stroke-width:2;}
.jm-map .jm-outline-box[data-outline=step].jm-moment{stroke:var(--jm-moment);}
.jm-map .jm-outline-box[data-outline=stage]{fill:var(--jm-tone-bg,var(--jm-stage-bg));stroke:var(--jm-tone,var(--jm-card-border));}
.jm-map .jm-outline-box[data-outline=pain]{fill:var(--jm-pain-low-bg);stroke:var(--jm-pain-low);}
.jm-map .jm-outline-box[data-outline=pain].jm-high{fill:var(--jm-pain-high-bg);stroke:var(--jm-pain-high);}
.jm-map .jm-outline-box[data-outline=pain].jm-medium{fill:var(--jm-pain-medium-bg);stroke:var(--jm-pain-medium);}
.jm-map .jm-outline-box[data-outline=opportunity]{fill:var(--jm-opportunity-bg);stroke:var(--jm-opportunity);}
.jm-map .jm-outline-highlight{fill:none;stroke:var(--jm-highlight);stroke-width:3px;vector-effect:non-scaling-stroke;pointer-events:none;}
.jm-map .jm-outline-dots{fill:var(--jm-curve);}
.jm-map .jm-outline-dots.jm-up{fill:var(--jm-mood-up);}
.jm-map .jm-outline-dots.jm-down{fill:var(--jm-mood-down);}
.jm-map .jm-outline-dots.jm-flat{fill:var(--jm-mood-flat);}
.jm-map .jm-outline-dots.jm-gap{fill:var(--jm-bg);stroke:var(--jm-muted);stroke-width:1.5;}
.jm-map .jm-line line.jm-rule{stroke:var(--jm-line);stroke-width:2;}
.jm-map .jm-line[data-id=visibility] line.jm-rule{stroke-dasharray:10 5;}
.jm-map .jm-line[data-id=internal] line.jm-rule{stroke-dasharray:2 4;stroke-linecap:round;}
.jm-map .jm-line-tag{fill:var(--jm-line-tag-bg);stroke:var(--jm-line);stroke-width:1.5;}
.jm-map .jm-line .jm-lane-label .jm-role-line-label{fill:var(--jm-fg);font-weight:bold;}
.jm-map .jm-line .jm-lane-label .jm-role-line-hint{fill:var(--jm-muted);font-style:italic;}
.jm-map .jm-card>rect{fill:var(--jm-card-bg);stroke:var(--jm-card-border);stroke-width:1;}
.jm-map .jm-card[data-kind=step]>rect{stroke:var(--jm-card-border-strong);stroke-width:1.25;}
${ANNOTATION_KINDS.map(kind => `.jm-map .jm-card[data-kind=${kind}]>rect`).join(',')}{fill-opacity:0.72;}
${Array.from({ length: STAGE_TONES }, (_, i) => `.jm-map .jm-tone-${i}{--jm-tone:var(--jm-stage-${i});--jm-tone-bg:var(--jm-stage-${i}-bg);}`).join('\n')}
.jm-map .jm-band{fill:var(--jm-tone,var(--jm-line));}
.jm-map .jm-card[data-kind=stage]>rect{fill:var(--jm-tone-bg,var(--jm-stage-bg));stroke:var(--jm-tone,var(--jm-card-border));stroke-width:1;}
.jm-map .jm-card[data-kind=stage] .jm-role-goal{fill:var(--jm-fg);}
.jm-map .jm-card[data-kind=step].jm-moment>rect{stroke:var(--jm-moment);stroke-width:2.5;}
.jm-map .jm-card[data-kind=pain]>rect{stroke:var(--jm-pain-low);stroke-width:1.5;}
.jm-map .jm-card[data-kind=pain].jm-high>rect{fill:var(--jm-pain-high-bg);stroke:var(--jm-pain-high);stroke-width:2.5;}
.jm-map .jm-card[data-kind=pain].jm-medium>rect{fill:var(--jm-pain-medium-bg);stroke:var(--jm-pain-medium);stroke-width:2;}
.jm-map .jm-card[data-kind=pain].jm-low>rect{fill:var(--jm-pain-low-bg);}
.jm-map .jm-role-severity-high{fill:var(--jm-pain-high-text);}
.jm-map .jm-role-severity-medium{fill:var(--jm-pain-medium-text);}
.jm-map .jm-role-severity-low{fill:var(--jm-pain-low-text);}
.jm-map .jm-card[data-kind=opportunity]>rect{fill:var(--jm-opportunity-bg);stroke:var(--jm-opportunity);stroke-width:1.5;}
.jm-map .jm-role-meta,.jm-map .jm-role-badge,.jm-map .jm-role-kicker{fill:var(--jm-muted);}
.jm-map .jm-role-kicker{letter-spacing:0.02em;}
.jm-map .jm-role-moment{fill:var(--jm-moment);}
.jm-map .jm-role-title,.jm-map .jm-role-metric-name,.jm-map .jm-role-persona-name,.jm-map .jm-role-label{font-weight:bold;}
.jm-map .jm-curve{fill:none;stroke:var(--jm-curve);stroke-width:3;stroke-linejoin:round;stroke-linecap:round;}
.jm-map .jm-zone-up{fill:var(--jm-zone-up);}
.jm-map .jm-zone-down{fill:var(--jm-zone-down);}
.jm-map .jm-zero{stroke:var(--jm-zero-line);stroke-width:1.5;}
.jm-map .jm-level{stroke:var(--jm-zero-line);stroke-width:0.75;stroke-dasharray:2 4;}
.jm-map .jm-axis{font-weight:bold;}
.jm-map .jm-axis.jm-up{fill:var(--jm-mood-up);}
.jm-map .jm-axis.jm-down{fill:var(--jm-mood-down);}
.jm-map .jm-axis.jm-flat{fill:var(--jm-muted);}
.jm-map circle[data-kind=emotion]{fill:var(--jm-curve);stroke:var(--jm-bg);stroke-width:2;}
.jm-map circle[data-kind=emotion].jm-up{fill:var(--jm-mood-up);}
.jm-map circle[data-kind=emotion].jm-down{fill:var(--jm-mood-down);}
.jm-map circle[data-kind=emotion].jm-flat{fill:var(--jm-mood-flat);}
.jm-map circle[data-kind=emotion].jm-gap{fill:var(--jm-bg);stroke:var(--jm-muted);stroke-width:1.5;stroke-dasharray:2 2;}
.jm-map text.jm-value{fill:var(--jm-on-mood);font-weight:bold;pointer-events:none;}
.jm-map text.jm-lowest{fill:var(--jm-pain-high-text);font-weight:bold;paint-order:stroke;stroke:var(--jm-bg);stroke-width:3px;stroke-linejoin:round;}
.jm-map .jm-moment-mark line{stroke:var(--jm-moment);stroke-width:1.5;stroke-dasharray:4 3;}
.jm-map .jm-moment-mark text{fill:var(--jm-moment);font-weight:bold;}
/* Diff marks and the highlight outrank every kind's own border (hence the longer selectors). */
.jm-map g.jm-card.jm-highlight[data-kind]>rect{stroke:var(--jm-highlight);stroke-width:3;}
.jm-map g.jm-card[data-change=added][data-kind]>rect,.jm-map [data-change=added]>rect,.jm-map circle[data-change=added]{stroke:var(--jm-added);stroke-width:3;}
.jm-map [data-change=removed]{opacity:0.55;}
.jm-map g.jm-card[data-change=removed][data-kind]>rect,.jm-map [data-change=removed]>rect{stroke:var(--jm-removed);stroke-width:3;stroke-dasharray:5 3;}
.jm-map g.jm-card[data-change=changed][data-kind]>rect,.jm-map [data-change=changed]>rect,.jm-map circle[data-change=changed]{stroke:var(--jm-changed);stroke-width:3;}
.jm-map g.jm-card[data-change=moved][data-kind]>rect,.jm-map [data-change=moved]>rect{stroke:var(--jm-moved);stroke-width:3;stroke-dasharray:1 3;}
.jm-map .jm-card{cursor:pointer;}
.jm-map .jm-change-badge>rect{stroke:none;}
.jm-map .jm-change-badge text{fill:var(--jm-bg);font-weight:bold;}
.jm-map .jm-change-badge[data-badge=added]>rect{fill:var(--jm-added);}
.jm-map .jm-change-badge[data-badge=removed]>rect{fill:var(--jm-removed);}
.jm-map .jm-change-badge[data-badge=changed]>rect{fill:var(--jm-changed);}
.jm-map .jm-change-badge[data-badge=moved]>rect{fill:var(--jm-moved);}
.jm-map .jm-asis{fill:none;stroke:var(--jm-muted);stroke-width:2;stroke-dasharray:6 4;opacity:0.8;}
.jm-map .jm-asis-point{fill:var(--jm-bg);stroke:var(--jm-muted);stroke-width:1.5;}
.jm-map .jm-legend line.jm-curve{stroke-width:3;}
.jm-map .jm-fail>rect{fill:var(--jm-card-bg);stroke:var(--jm-pain-high);stroke-width:1.5;}
.jm-map .jm-role-fail-label{fill:var(--jm-pain-high-text);font-weight:bold;}
.jm-map .jm-chip>rect{fill:var(--jm-lane-bg-alt);stroke:var(--jm-card-border);stroke-width:1;}
.jm-map .jm-chip[data-chip=status]>rect{stroke:var(--jm-opportunity);}
.jm-map .jm-card[data-kind=wait]>rect{stroke-dasharray:4 3;}
.jm-map .jm-card[data-kind=persona]>rect{fill:var(--jm-card-bg);stroke:var(--jm-card-border-strong);stroke-width:1.25;}
.jm-map .jm-card[data-kind=scenario]>rect{fill:var(--jm-lane-bg);}
.jm-map .jm-card[data-kind=note]>rect{stroke-dasharray:2 3;}
.jm-map .jm-role-wait,.jm-map .jm-role-duration{fill:var(--jm-muted);font-weight:bold;}
.jm-map .jm-role-off-target{fill:var(--jm-pain-high-text);}
.jm-map .jm-role-quote{font-style:italic;}
.jm-map a.jm-link text,.jm-map a.jm-link tspan{fill:var(--jm-curve);text-decoration:underline;}
.jm-map a.jm-link{cursor:pointer;}
`;
}
