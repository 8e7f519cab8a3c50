import { strict as assert } from 'node:assert';
import type { Browser, Page } from 'playwright-core';
import { diffDocuments } from '../../src/diff/diff-engine.js';
import { formatMarkdown } from '../../src/diff/format-markdown.js';
import { loadRevision } from '../../src/diff/load-revision.js';
import { AFTER_COLOUR, BEFORE_COLOUR, emotionXyChart } from '../../src/mermaid/emotion-xychart.js';
import { launchChromium } from '../webview/browser.js';
import { mermaidXyChart, openMermaidPage } from './mermaid-page.js';

async function model(text: string) {
    const rev = await loadRevision([{ path: 'map.journey', text }]);
    return rev.models.get('map.journey')!;
}

/** The ```mermaid blocks of a markdown text. */
function mermaidBlocks(markdown: string): string[] {
    return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map(m => m[1]);
}

const HOSTILE_TITLES = [
    'Quote " inside', 'Bracket ] and [', 'Comma, here', 'line\nbreak', 'x"]\n  line [9, 9]\n  x-axis ["y',
    '%%{init: {"theme": "dark"}}%%', '#9829; entity', '```', '', '   ', 'tab\there', '\u202Ebidi', '<b>tag</b>',
];

describe('the emotion chart of the Markdown diff: a Mermaid xychart-beta', () => {
    it('x axis the steps, y axis -2..+2, the line before then after', () => {
        assert.equal(emotionXyChart({ steps: ['A', 'B'], before: [-2, 0], after: [1, 2], added: [], removed: [] }), [
            '---',
            'config:',
            '  themeVariables:',
            '    xyChart:',
            `      plotColorPalette: "${BEFORE_COLOUR.hex}, ${AFTER_COLOUR.hex}"`,
            '---',
            'xychart-beta',
            '  x-axis ["A", "B"]',
            '  y-axis "Emotion" -2 --> 2',
            '  line [-2, 0]',
            '  line [1, 2]',
            '',
        ].join('\n'));
    });

    it('the diff draws one chart a journey whose emotions changed, none for one whose did not', async () => {
        const before = 'journey j "J" { stage s { step a "A" { emotion 0 } step b "B" { emotion 1 } } }\n'
            + 'journey k "K" { stage s { step a "A" { emotion 0 } } }\n';
        const after = before.replace('step a "A" { emotion 0 } step b', 'step a "A" { emotion -2 } step c "C" { emotion 2 } step b')
            .replace('journey k "K" { stage s { step a "A" { emotion 0 } } }', 'journey k "K2" { stage s { step a "A" { emotion 0 } } }');
        const [a, b] = [await model(before), await model(after)];
        const md = formatMarkdown(diffDocuments(a, b), { documents: () => ({ before: a, after: b }) });
        const blocks = mermaidBlocks(md);
        assert.equal(blocks.length, 1, md);
        assert.match(blocks[0], /x-axis \["A", "B"\]\n {2}y-axis "Emotion" -2 --> 2\n {2}line \[0, 1\]\n {2}line \[-2, 1\]\n$/);
        assert.match(md, /^Emotion per step, -2 to \+2: grey before, blue after \(a step without emotion counts as 0\)\. Not in the chart: added \*C\*\.$/m);
        assert.ok(md.indexOf('```mermaid') > md.indexOf('journey `j`') && md.indexOf('```mermaid') < md.indexOf('journey `k`'), 'under its journey\'s heading');
        assert.equal(mermaidBlocks(formatMarkdown(diffDocuments(a, b))).length, 0, 'no documents, no chart');
    });

    describe('parsed by Mermaid\'s own parser (real Chromium)', function () {
        this.timeout(120_000);
        let browser: Browser;
        let page: Page;
        before(async () => {
            browser = await launchChromium();
            page = await openMermaidPage(browser);
        });
        after(async () => browser?.close());

        it('the chart of a diff: categories, y axis, two lines with their values and colours', async () => {
            const before = 'journey j { stage s { step a "Arrives" { emotion -1 } step b "Browses" { emotion 0 } step c "Calls: twice" } }\n';
            const after = 'journey j { stage s { step a "Arrives" { emotion 1 } step b "Browses" { emotion 0 } step c "Calls: twice" { emotion -2 } } }\n';
            const [a, b] = [await model(before), await model(after)];
            const [block] = mermaidBlocks(formatMarkdown(diffDocuments(a, b), { documents: () => ({ before: a, after: b }) }));
            const chart = await mermaidXyChart(page, block);
            assert.equal(chart.error, undefined, chart.error);
            assert.deepEqual(chart, {
                categories: ['Arrives', 'Browses', 'Calls: twice'],
                yAxis: { min: -2, max: 2, title: 'Emotion' },
                lines: [{ values: [-1, 0, 0], colour: BEFORE_COLOUR.hex }, { values: [1, 0, -2], colour: AFTER_COLOUR.hex }],
            });
        });

        it('hostile step titles stay one category each: no quote, bracket, line break or directive breaks out', async () => {
            const steps = HOSTILE_TITLES.map(title => title);
            const chart = await mermaidXyChart(page, emotionXyChart({ steps, before: steps.map(() => 0), after: steps.map((_, i) => (i % 5) - 2), added: [], removed: [] }));
            assert.equal(chart.error, undefined, chart.error);
            assert.equal(chart.categories!.length, HOSTILE_TITLES.length);
            assert.equal(chart.lines!.length, 2, 'no line of its own');
            assert.deepEqual(chart.lines![1].values, steps.map((_, i) => (i % 5) - 2));
            assert.equal(chart.categories![0], 'Quote \uff02 inside');
            assert.equal(chart.categories![1], 'Bracket ] and [');
            assert.equal(chart.categories![3], 'line break');
            for (const category of chart.categories!) assert.doesNotMatch(category, /[\n\r\u202e]/);
        });
    });
});
