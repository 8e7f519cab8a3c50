import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fontMetrics } from '../../src/export/font-metrics.js';
import { withBundledFallback } from '../../src/export/font-runs.js';
import { FONT_FILES } from '../../src/export/fonts.js';
import { measureText } from '../../webview/layout/text-metrics.js';
import { ROOT } from '../webview/browser.js';

const FONTS = join(ROOT, 'fonts');
const font = (file: string) => fontMetrics(join(FONTS, file));

describe('bundled fonts: metrics and fallback runs', () => {
    it('reads the fonts\' own tables: Liberation Sans has exactly the Arial widths the layout measures with', () => {
        for (const [file, bold] of [[FONT_FILES.regular, false], [FONT_FILES.bold, true]] as const) {
            const metrics = font(file);
            for (let code = 32; code <= 126; code++) {
                const ch = String.fromCharCode(code);
                // The layout adds 12% for fonts wider than Arial and rounds up to 1/100 px.
                const layoutEm = Math.round(measureText(ch, 1000, bold) / 1.12);
                assert.ok(Math.abs(metrics.advance(ch, 1000) - layoutEm) <= 1, `${file} '${ch}': ${metrics.advance(ch, 1000)} vs ${layoutEm}`);
            }
        }
        const liberation = font(FONT_FILES.regular);
        const dejavu = font(FONT_FILES.fallback);
        assert.equal(liberation.has(0x41), true);
        assert.equal(liberation.has(0x2605), false, 'no ★ in Liberation Sans');
        assert.equal(dejavu.has(0x2605), true, 'DejaVu Sans has ★');
        assert.equal(dejavu.has(0x05D0), true, 'and Hebrew');
        assert.equal(dejavu.has(0x4E00), false, 'no CJK in either');
    });

    it('gives each run Liberation Sans lacks its own DejaVu Sans tspan, at the x where the runs before it end', () => {
        const svg = '<svg><text font-weight="bold"><tspan x="8" y="36" font-size="10">★ Moment &amp; more</tspan></text></svg>';
        const star = font(FONT_FILES.fallbackBold).advance('★ ', 10);
        assert.equal(withBundledFallback(svg, FONTS),
            `<svg><text font-weight="bold"><tspan x="8" y="36" font-size="10"><tspan font-family="DejaVu Sans">★ </tspan><tspan x="${Math.round((8 + star) * 100) / 100}">Moment &amp; more</tspan></tspan></text></svg>`);
        // Runs in the middle: each one after the first starts a chunk of its own.
        const middle = withBundledFallback('<svg><text><tspan x="0" font-size="12">a ⇄ b</tspan></text></svg>', FONTS);
        const a = font(FONT_FILES.regular).advance('a ', 12);
        const arrow = font(FONT_FILES.fallback).advance('⇄ ', 12);
        assert.equal(middle, `<svg><text><tspan x="0" font-size="12">a <tspan x="${Math.round(a * 100) / 100}" font-family="DejaVu Sans">⇄ </tspan><tspan x="${Math.round((a + arrow) * 100) / 100}">b</tspan></tspan></text></svg>`);
    });

    it('leaves plain text, text no bundled font has, and lines already in DejaVu Sans alone; right-to-left and end-anchored lines go whole', () => {
        for (const svg of ['<svg><text><tspan x="1">Plain text, "quoted" &lt;tags&gt;</tspan></text></svg>', '<svg><text><tspan x="1">café 中文 🦄</tspan></text></svg>',
            '<svg><text font-family="DejaVu Sans"><tspan x="1">★</tspan></text></svg>']) {
            assert.equal(withBundledFallback(svg, FONTS), svg);
        }
        assert.equal(withBundledFallback('<svg><text direction="rtl"><tspan x="100">שלום ★</tspan></text></svg>', FONTS),
            '<svg><text direction="rtl"><tspan x="100"><tspan font-family="DejaVu Sans">שלום ★</tspan></tspan></text></svg>');
        assert.equal(withBundledFallback('<svg><text x="5" text-anchor="end">⇄ 2</text></svg>', FONTS),
            '<svg><text x="5" text-anchor="end"><tspan font-family="DejaVu Sans">⇄ 2</tspan></text></svg>');
    });
});
