import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFontsDir } from '../../src/export/fonts.js';
import { svgToPng } from '../../src/export/png.js';
import { loadFileInWorkspace } from '../../src/cli/workspace-of.js';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { flatMapSvg } from '../../webview/render/flat-svg.js';
import { EXPORT_THEMES, PALETTES } from '../../webview/render/map-style.js';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { ROOT } from '../webview/browser.js';
import { decodePng, rgb } from './png-pixels.js';

/**
 * Every journey of every example, drawn as `journeymap render -o x.png` draws it, in each export
 * theme: test-results/screenshots/<file>[-<journey>]-<theme>.png, kept by CI as artifacts to look at.
 */
describe('screenshots of the examples in every export theme (test-results/screenshots)', function () {
    this.timeout(180_000);
    const out = join(ROOT, 'test-results', 'screenshots');

    it('draws each example journey in light, dark and high contrast, on its palette\'s background', async () => {
        mkdirSync(out, { recursive: true });
        const fontsDir = findFontsDir(import.meta.url);
        const written: string[] = [];
        for (const name of readdirSync(EXAMPLES_DIR).filter(n => n.endsWith('.journey')).sort()) {
            const { loaded, workspace } = await loadFileInWorkspace(join(EXAMPLES_DIR, name));
            const model = workspace.services.model.JourneyModelBuilder.build(loaded.document);
            for (const journey of model.journeys) {
                const layout = layoutJourney(journey);
                for (const theme of EXPORT_THEMES) {
                    const png = await svgToPng(flatMapSvg(layout, { palette: theme }), { scale: 1, fontsDir });
                    const pixels = decodePng(png);
                    assert.deepEqual([pixels.width, pixels.height], [layout.width, layout.height]);
                    assert.deepEqual(pixels.at(1, 1), [...rgb(PALETTES[theme].bg), 255], `${name} ${theme}`);
                    const file = `${name.replace(/\.journey$/, '')}${model.journeys.length > 1 ? `-${journey.id}` : ''}-${theme}.png`;
                    writeFileSync(join(out, file), png);
                    written.push(file);
                }
            }
        }
        // common.journey holds declarations only; the other five examples have a journey each at least.
        assert.ok(written.length >= 5 * EXPORT_THEMES.length, written.join(', '));
    });
});
