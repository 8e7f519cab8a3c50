import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { ROOT, launchChromium } from '../webview/browser.js';
import { twelveStepMap } from '../webview/preview-fixtures.js';
import { ensureBuilt, journeymap } from './cli-process.js';

/** The page `journeymap render -o map.html` writes, as a viewer: the same behaviour as the preview's. */
describe('journeymap render -o map.html: the page as a viewer (CLI process, Chromium)', function () {
    this.timeout(90_000);
    let browser: Browser;
    let dir: string;
    let page: Page;
    let errors: string[];
    let requests: string[];
    before(async () => {
        ensureBuilt();
        browser = await launchChromium();
        dir = mkdtempSync(join(tmpdir(), 'journeymap-render-html-'));
        writeFileSync(join(dir, 'common.journey'), readFileSync(EXAMPLES_DIR + 'common.journey'));
        writeFileSync(join(dir, 'wide.journey'), twelveStepMap());
        const run = await journeymap(['render', 'wide.journey', '-o', 'wide.html'], dir);
        assert.equal(run.code, 0, run.stderr);
    });
    after(async () => {
        await browser?.close();
        rmSync(dir, { recursive: true, force: true });
    });
    beforeEach(async () => {
        page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
        errors = [];
        requests = [];
        page.on('pageerror', e => errors.push(String(e)));
        page.on('console', m => errors.push(`${m.type()}: ${m.text()}`));
        page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
        // tsx compiles functions passed to evaluate with a `__name` helper the page does not have.
        await page.addInitScript({ content: 'window.__name = (f) => f;' });
        await page.goto(pathToFileURL(join(dir, 'wide.html')).href);
        await page.waitForSelector('.jm-zoom-layer svg.jm-map');
    });
    afterEach(async () => {
        assert.deepEqual(errors, [], 'no error, no CSP violation');
        assert.deepEqual(requests, []);
        await page.close();
    });

    const box = (selector: string) => page.evaluate(s => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, right: r.right, bottom: r.bottom };
    }, selector);

    it('opens readable in a 1000×700 window: card text at least 11 px on screen, panned not shrunk; Fit width and Fit page shrink it', async () => {
        const seen = await page.evaluate(() => {
            const onScreen = (e: SVGGraphicsElement) => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM()!.a;
            return {
                sizes: Array.from(document.querySelectorAll<SVGTSpanElement>('g.jm-card tspan.jm-role-body')).map(onScreen),
                map: document.querySelector('svg.jm-map')!.getBoundingClientRect().width,
                view: document.querySelector('svg.jm-canvas')!.clientWidth,
            };
        });
        assert.ok(seen.sizes.length >= 24, `${seen.sizes.length} card texts`);
        assert.ok(Math.min(...seen.sizes) >= 11, `smallest card text on screen: ${Math.min(...seen.sizes).toFixed(2)} px`);
        assert.ok(seen.map > seen.view, `map ${seen.map} px wide in a ${seen.view} px view`);
        await page.click('#jm-fit');
        assert.ok(Math.abs((await box('svg.jm-map')).width - seen.view) < 2, 'Fit width');
        await page.click('#jm-fit-page');
        const [map, canvas] = [await box('svg.jm-map'), await box('svg.jm-canvas')];
        assert.ok(map.width <= canvas.width + 1 && map.height <= canvas.height + 1 && map.y >= canvas.y - 1, `Fit page: ${JSON.stringify(map)} in ${JSON.stringify(canvas)}`);
    });

    it('keeps lane labels and stage headers in view when panned, and moves the view from the overview strip', async () => {
        await page.mouse.move(700, 400);
        await page.mouse.down();
        await page.mouse.move(300, 100, { steps: 5 });
        await page.mouse.up();
        assert.equal(await page.locator('[data-frozen=lanes]').isVisible(), true);
        assert.equal(await page.locator('[data-frozen=stages]').isVisible(), true);
        assert.deepEqual(await page.locator('[data-frozen=stages] g[data-stage]').allTextContents(), ['One', 'Two']);
        assert.ok((await page.locator('[data-frozen=lanes] g[data-lane]').allTextContents()).includes('Customer actions'));
        const strip = await box('.jm-minimap svg');
        await page.mouse.click(strip.right - 3, strip.y + strip.height / 2);
        const [last, canvas] = [await box('g[data-kind=step][data-id=s11]'), await box('svg.jm-canvas')];
        assert.ok(last.x >= canvas.x && last.right <= canvas.right, `the last step in view: ${JSON.stringify(last)}`);
        await page.screenshot({ path: ROOT + 'test-results/render-html-viewer.png' });
    });

    it('takes the keyboard: one Tab stop, arrows between cards with a focus ring, Enter only focuses, Escape leaves', async () => {
        await page.focus('#jm-text-toggle');
        await page.keyboard.press('Tab');
        const key = () => page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? document.activeElement?.id);
        assert.equal(await key(), 'step:s0');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowDown');
        assert.equal(await key(), 'thinks:s1:0');
        assert.equal(await page.locator('.jm-focus-ring').isVisible(), true);
        await page.keyboard.press('Enter');
        assert.equal(await key(), 'thinks:s1:0');
        await page.keyboard.press('Escape');
        assert.equal(await key(), 'jm-text-toggle');
        assert.equal(await page.locator('svg.jm-map [tabindex="0"]').count(), 1);
    });

    it('names the picture and every card, and shows the map as text a toggle away', async () => {
        const root = await page.evaluate(() => {
            const svg = document.querySelector('svg.jm-map')!;
            return { title: svg.querySelector(':scope>title')?.textContent, desc: svg.querySelector(':scope>desc')?.textContent, unnamed: svg.querySelectorAll('g.jm-card:not([aria-label])').length };
        });
        assert.equal(root.title, 'Wide map');
        assert.match(root.desc ?? '', /2 stages, 12 steps/);
        assert.equal(root.unnamed, 0);
        await page.getByRole('img', { name: 'Pain points, Step 3: Severity: high. Waits too long' }).waitFor();
        await page.click('#jm-text-toggle');
        assert.equal(await page.locator('#jm-text-view').isVisible(), true);
        assert.equal(await page.locator('svg.jm-canvas').isVisible(), false);
        assert.deepEqual(await page.locator('#jm-text-view h3').allTextContents(), Array.from({ length: 12 }, (_, i) => `Step ${i}`));
        assert.deepEqual(await page.locator('#jm-text-view h2').allTextContents(), ['One', 'Two']);
        assert.ok((await page.locator('#jm-text-view li').allTextContents()).includes('Pain points: Severity: high. Waits too long'));
        await page.click('#jm-text-toggle');
        assert.equal(await page.locator('svg.jm-canvas').isVisible(), true);
    });
});
