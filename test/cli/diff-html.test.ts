import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { launchChromium } from '../webview/browser.js';
import { twelveStepMap } from '../webview/preview-fixtures.js';
import { ensureBuilt, journeymap } from './cli-process.js';

const purchase = readFileSync(join(EXAMPLES_DIR, 'gift-purchase.journey'), 'utf8');
const CONFIRMATION = `    step confirmation "Gets the order confirmation" {
      channel email
      emotion +1
      onstage "Confirmation email with the order summary" by ops
    }
`;

/** checkout edited, confirmation moved to post_purchase, gift_wrap added (hostile title), browses removed. */
function edited(text: string): string {
    const browses = text.slice(text.indexOf('    step browses'), text.indexOf('    step checks_delivery'));
    return text.replace('      emotion -2\n      feels "Annoyed"', '      emotion -1\n      feels "Annoyed"')
        .replace(browses, '')
        .replace(CONFIRMATION, '    step gift_wrap "<img src=x onerror=\\"window.pwned=1\\"> wrapping" {\n      emotion +1\n    }\n')
        .replace('    goal "Know the gift will arrive, and hear that her friend liked it"\n', `    goal "Know the gift will arrive, and hear that her friend liked it"\n${CONFIRMATION}`);
}

describe('journeymap diff --format html (real Chromium)', function () {
    this.timeout(90_000);
    let dir: string;
    let browser: Browser;
    before(async () => {
        ensureBuilt();
        dir = mkdtempSync(join(tmpdir(), 'jm-diff-html-'));
        writeFileSync(join(dir, 'old.journey'), purchase);
        writeFileSync(join(dir, 'new.journey'), edited(purchase));
        const run = await journeymap(['diff', '--format', 'html', 'old.journey', 'new.journey'], dir);
        assert.equal(run.code, 0, run.stderr);
        writeFileSync(join(dir, 'diff.html'), run.stdout);
        browser = await launchChromium();
    });
    after(async () => {
        await browser?.close();
        rmSync(dir, { recursive: true, force: true });
    });

    it('marks the right elements, shows removed ones as ghosts, switches to the old map, centers on click, loads nothing, keeps text as text', async () => {
        const page = await browser.newPage();
        const requests: string[] = [];
        page.on('request', request => requests.push(request.url()));
        const errors: string[] = [];
        page.on('pageerror', error => errors.push(error.message));
        // A CSP violation (a style or script the policy refuses) is reported on the console.
        page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
        await page.goto(pathToFileURL(join(dir, 'diff.html')).href);
        assert.match(await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content') ?? '', /^default-src 'none'; style-src 'nonce-\S+'; script-src 'nonce-\S+'; img-src data:$/);
        // Styles apply (page and pictures, by nonce): a changed step has the changed stroke.
        assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.jm-new [data-key="step:checkout"] > rect')!).strokeWidth), '3px');
        const change = (key: string) => page.evaluate(k => [...document.querySelectorAll('.jm-new [data-key]')].find(n => n.getAttribute('data-key') === k)?.getAttribute('data-change') ?? null, key);
        assert.equal(await change('step:checkout'), 'changed');
        assert.equal(await change('emotion:checkout'), 'changed');
        assert.equal(await change('step:confirmation'), 'moved');
        assert.equal(await change('step:gift_wrap'), 'added');
        assert.equal(await change('step:browses'), 'removed', 'removed step drawn as a ghost');
        assert.equal(await change('step:sees_ad'), null, 'unchanged step unmarked');
        // Hostile title: shown as text, never run.
        assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
        assert.equal(await page.locator('img').count(), 0);
        assert.ok((await page.locator('.jm-changes').innerText()).includes('<img src=x'));
        // The switch shows the old map, which has browses as an ordinary card and no gift_wrap.
        assert.equal(await page.locator('.jm-old').isVisible(), false);
        await page.check('#jm-show-old');
        assert.equal(await page.locator('.jm-old').isVisible(), true);
        assert.equal(await page.locator('.jm-new').isVisible(), false);
        assert.equal(await page.locator('.jm-old [data-key="step:gift_wrap"]').count(), 0);
        assert.equal(await page.locator('.jm-old [data-key="step:browses"]').count(), 1);
        await page.uncheck('#jm-show-old');
        // Clicking a change focuses and scrolls to its element.
        await page.locator('.jm-changes button', { hasText: 'moved step Gets the order confirmation' }).click();
        assert.equal(await page.locator('.jm-new .jm-focus').getAttribute('data-key'), 'step:confirmation');
        const box = await page.locator('.jm-new .jm-focus').boundingBox();
        const maps = await page.locator('.jm-maps').boundingBox();
        assert.ok(box && maps && box.x + box.width / 2 > maps.x && box.x + box.width / 2 < maps.x + maps.width, 'element scrolled into view');
        assert.deepEqual(requests.filter(url => !url.startsWith('file:')), []);
        assert.deepEqual(errors, []);
        await page.close();
    });

    it('opens a wide map readable in a 1000×700 window: card text at least 11 px on screen, scrolled not shrunk', async () => {
        writeFileSync(join(dir, 'common.journey'), readFileSync(join(EXAMPLES_DIR, 'common.journey'), 'utf8'));
        writeFileSync(join(dir, 'wide-old.journey'), twelveStepMap());
        writeFileSync(join(dir, 'wide-new.journey'), twelveStepMap().replace('"Shown 4"', '"Shown 4, now sooner"'));
        const run = await journeymap(['diff', '--format', 'html', 'wide-old.journey', 'wide-new.journey'], dir);
        assert.equal(run.code, 0, run.stderr);
        writeFileSync(join(dir, 'wide.html'), run.stdout);
        const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
        await page.addInitScript({ content: 'window.__name = (f) => f;' });
        await page.goto(pathToFileURL(join(dir, 'wide.html')).href);
        const seen = await page.evaluate(() => ({
            sizes: Array.from(document.querySelectorAll<SVGTSpanElement>('.jm-new g.jm-card tspan.jm-role-body')).map(e => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM()!.a),
            map: document.querySelector('.jm-new svg.jm-map')!.getBoundingClientRect().width,
            box: document.querySelector('.jm-maps')!.clientWidth,
        }));
        await page.close();
        assert.ok(seen.sizes.length >= 24 && Math.min(...seen.sizes) >= 11, `smallest card text on screen: ${Math.min(...seen.sizes).toFixed(2)} px`);
        assert.ok(seen.map > seen.box, `the map (${seen.map} px) scrolls in its ${seen.box} px box`);
    });

    it('marks member cards (schema 2): an added pain labelled +, a removed opportunity as a faded ghost where it stood, the old curve dashed under the new; no severity colour', async () => {
        // checkout: a pain added, its second opportunity removed, emotion -2 → -1.
        const wrap = '      opportunity "Offer gift wrapping on the product page" owner product status planned\n';
        const before = purchase.replace('      opportunity "Offer wallet payments"', `${wrap}      opportunity "Offer wallet payments"`);
        const after = purchase.replace('      emotion -2\n      feels "Annoyed"', '      emotion -1\n      feels "Annoyed"')
            .replace('      pain "Gift wrapping is only offered after payment" severity low', '      pain "Gift wrapping is only offered after payment" severity low\n      pain "Promo code box is hidden" severity high');
        writeFileSync(join(dir, 'old2.journey'), before);
        writeFileSync(join(dir, 'new2.journey'), after);
        const run = await journeymap(['diff', '--format', 'html', 'old2.journey', 'new2.journey'], dir);
        assert.equal(run.code, 0, run.stderr);
        writeFileSync(join(dir, 'diff2.html'), run.stdout);
        const page = await browser.newPage();
        await page.goto(pathToFileURL(join(dir, 'diff2.html')).href);
        const card = (key: string) => page.locator(`.jm-new [data-key="${key}"]`);
        // The new pain is the checkout's third pain card: marked added, with a "+" label.
        assert.equal(await card('pain:checkout:2').getAttribute('data-change'), 'added');
        assert.match(await card('pain:checkout:2').textContent() ?? '', /Promo code box is hidden/);
        assert.equal(await card('pain:checkout:2').locator('.jm-change-badge text').textContent(), '+');
        assert.equal(await card('pain:checkout:0').getAttribute('data-change'), null, 'an unchanged pain is not marked');
        // The removed opportunity is back at its old place, faded, labelled "−".
        const oldOpportunities = [...before.slice(before.indexOf('step checkout'), before.indexOf('step confirmation')).matchAll(/opportunity "([^"]+)"/g)].map(m => m[1]);
        const at = oldOpportunities.indexOf('Offer gift wrapping on the product page');
        const ghost = card(`opportunity:checkout:${at}`);
        assert.equal(await ghost.getAttribute('data-change'), 'removed');
        assert.match(await ghost.textContent() ?? '', /Offer gift wrapping on the product page/);
        assert.ok(Number(await ghost.evaluate(n => getComputedStyle(n).opacity)) < 1);
        assert.equal(await card(`opportunity:checkout:${at + 1}`).getAttribute('data-change'), null, 'the opportunity that stayed is after the ghost, unmarked');
        assert.equal(await ghost.locator('.jm-change-badge text').textContent(), '−');
        // The old curve, dashed, under the new one; the legend says which is which.
        const dashed = page.locator('.jm-new path.jm-asis');
        assert.equal(await dashed.count(), 1);
        assert.notEqual(await dashed.evaluate(n => getComputedStyle(n).strokeDasharray), 'none');
        assert.equal(await page.locator('.jm-new .jm-legend text').allTextContents().then(t => t.join(' ')), 'before after');
        const order = await page.evaluate(() => { const g = document.querySelector('.jm-new .jm-emotion')!; return [...g.children].map(c => c.getAttribute('class')); });
        assert.ok(order.indexOf('jm-asis') < order.indexOf('jm-curve'), 'the old curve is drawn first, under the new');
        // Change colours are none of the severity colours, on cards and labels alike.
        const colours = await page.evaluate(() => {
            const svg = document.querySelector('.jm-new svg.jm-map')!;
            const style = getComputedStyle(svg);
            return {
                severity: ['--jm-pain-high', '--jm-pain-medium', '--jm-pain-low'].map(name => style.getPropertyValue(name).trim().toLowerCase()),
                marks: ['--jm-added', '--jm-removed', '--jm-changed', '--jm-moved'].map(name => style.getPropertyValue(name).trim().toLowerCase()),
            };
        });
        for (const mark of colours.marks) assert.ok(!colours.severity.includes(mark), `${mark} is a severity colour`);
        const painStroke = await card('pain:checkout:2').evaluate(n => getComputedStyle(n.querySelector(':scope > rect')!).stroke);
        const badgeFill = await card('pain:checkout:2').evaluate(n => getComputedStyle(n.querySelector('.jm-change-badge > rect')!).fill);
        const severityRgb = await page.evaluate(() => ['#cf222e', '#bc4c00', '#9a6700'].map(c => {
            const probe = document.createElement('div');
            probe.style.color = c;
            document.body.append(probe);
            const rgb = getComputedStyle(probe).color;
            probe.remove();
            return rgb;
        }));
        // The change mark outranks the severity border (docs/diff.md); the severity still reads from the card's label.
        assert.ok(!severityRgb.includes(painStroke), `an added pain's border is the change colour, not a severity one: ${painStroke}`);
        assert.match(await card('pain:checkout:2').textContent() ?? '', /▲ High/);
        assert.ok(!severityRgb.includes(badgeFill), badgeFill);
        const ghostStroke = await ghost.evaluate(n => getComputedStyle(n.querySelector(':scope > rect')!).stroke);
        assert.ok(!severityRgb.includes(ghostStroke), ghostStroke);
        // The change list labels kinds too: the pain line reads as added.
        assert.equal(await page.locator('.jm-changes li', { hasText: 'pain added' }).getAttribute('data-kind'), 'added');
        await page.close();
    });
});
