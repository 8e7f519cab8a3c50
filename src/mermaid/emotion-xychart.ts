import type { EmotionChart } from '../diff/emotion-chart.js';
import { mermaidInert, mermaidLine } from './mermaid-text.js';

/** Colours of the two lines, before and after: the legend under the chart names them. */
export const BEFORE_COLOUR = { name: 'grey', hex: '#8c959f' };
export const AFTER_COLOUR = { name: 'blue', hex: '#0969da' };

/**
 * The chart as a Mermaid `xychart-beta` line chart: the steps on the x axis, emotion -2..+2 on
 * the y axis, the line before drawn first, then the line after. Step titles are Mermaid strings,
 * which end at the next `"` and may span lines: each is one line, its `"` written `＂` (U+FF02).
 */
export function emotionXyChart(chart: EmotionChart): string {
    return [
        '---',
        'config:',
        '  themeVariables:',
        '    xyChart:',
        `      plotColorPalette: "${BEFORE_COLOUR.hex}, ${AFTER_COLOUR.hex}"`,
        '---',
        'xychart-beta',
        `  x-axis [${chart.steps.map(label).join(', ')}]`,
        '  y-axis "Emotion" -2 --> 2',
        `  line [${chart.before.join(', ')}]`,
        `  line [${chart.after.join(', ')}]`,
        '',
    ].join('\n');
}

function label(title: string): string {
    return `"${mermaidInert(mermaidLine(title).replace(/"/g, '\uff02')) || '-'}"`;
}
