import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt, journeymap, ROOT } from '../cli/cli-process.js';
import { launchChromium } from '../webview/browser.js';

const HOSTILE = `team t "<img src=x onerror=window.pwned=1> team"
journey j "J <script>window.pwned=2</script>" {
  metric "KPI <b onclick=window.pwned=3>x</b>" 4% baseline 5% target 3%
  stage s "S <style>body{display:none}</style>" {
    step a "A <img src=x onerror=window.pwned=4>" {
      emotion -2
      moment of truth
      pain "<script>window.pwned=5</script> pain" severity high
      opportunity "Fix <iframe src=https://evil.example/></iframe>" owner t impact high effort low status planned
    }
    step b "B \\" onmouseover=\\"window.pwned=6" {
      emotion 1
    }
  }
}
`;

describe('journeymap report --format html (real Chromium)', function () {
    this.timeout(90_000);
    let dir: string;
    let browser: Browser;

    before(async () => {
        ensureBuilt();
        dir = mkdtempSync(join(tmpdir(), 'jm-report-html-'));
        const examples = await journeymap(['report', '--format', 'html', '--link-base', 'https://github.com/o/r/blob/main', 'examples'], ROOT);
        assert.equal(examples.code, 0, examples.stderr);
        writeFileSync(join(dir, 'examples.html'), examples.stdout);
        mkdirSync(join(dir, 'hostile'));
        writeFileSync(join(dir, 'hostile/h.journey'), HOSTILE);
        const hostile = await journeymap(['report', '--format', 'html', '--link-base', 'javascript:window.pwned=7//', 'hostile'], dir);
        assert.equal(hostile.code, 0, hostile.stderr);
        writeFileSync(join(dir, 'hostile.html'), hostile.stdout);
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        rmSync(dir, { recursive: true, force: true });
    });

    /** Opens a page, recording every request and every error (a CSP violation is a console error). */
    async function open(name: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
        const page = await browser.newPage();
        const requests: string[] = [];
        const errors: string[] = [];
        page.on('request', request => requests.push(request.url()));
        page.on('pageerror', error => errors.push(error.message));
        page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
        await page.goto(pathToFileURL(join(dir, name)).href);
        return { page, requests, errors };
    }

    it('renders every section of the examples, styled by nonce, and loads nothing', async () => {
        const { page, requests, errors } = await open('examples.html');
        assert.match(await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content') ?? '', /^default-src 'none'; style-src 'nonce-\S+'; img-src data:$/);
        assert.deepEqual(await page.locator('h2').allInnerTexts(), ['Top pains', 'Opportunity portfolio', 'Owners', 'KPIs off target', 'Evidence', 'Emotion curves']);
        assert.match(await page.locator('.jm-headline').innerText(), /^5 journeys · 18 stages · 30 steps · 13 pains · 16 opportunities · 6 fail points · 5 moments of truth$/);
        assert.equal(await page.locator('#pains tbody tr').count(), 10);
        // The grid holds the open opportunities only, by impact and effort.
        const cell = (impact: string, effort: string) => page.locator(`.jm-grid td[data-impact=${impact}][data-effort=${effort}] .jm-chip`).allInnerTexts();
        assert.deepEqual(await cell('high', 'low'), ['Call-back instead of a phone queue']);
        assert.deepEqual(await cell('high', 'medium'), ['Online triage form, open all day, reviewed by a clinician within two hours']);
        assert.equal((await cell('none', 'none')).length, 8);
        assert.equal(await page.locator('.jm-grid .jm-chip').count(), 13, '16 opportunities less 2 done and 1 dropped');
        // The style applied: the quick-win cell is tinted.
        assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.jm-grid td[data-impact=high][data-effort=low]')!).backgroundColor), 'rgb(218, 251, 225)');
        // One small curve per journey; a journey with emotions has a line through them.
        assert.equal(await page.locator('.jm-curve').count(), 5);
        assert.equal(await page.locator('.jm-curve[data-journey=gp_booking_today] circle').count(), 6);
        assert.equal(await page.locator('.jm-curve[data-journey=gp_booking_today] path').count(), 1);
        assert.ok((await page.locator('.jm-curve svg').first().boundingBox())!.width > 0);
        assert.equal(await page.locator('#pains a').first().getAttribute('href'), 'https://github.com/o/r/blob/main/examples/gp-booking-today.journey#L55');
        assert.deepEqual(requests, [pathToFileURL(join(dir, 'examples.html')).href]);
        assert.deepEqual(errors, []);
    });

    it('keeps hostile text as text: nothing runs, no element from a map, no link from an unsafe base', async () => {
        const { page, requests, errors } = await open('hostile.html');
        await page.locator('.jm-curve circle').last().hover();
        assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
        assert.equal(await page.locator('img, iframe, script, b, body style').count(), 0);
        assert.equal(await page.locator('a').count(), 0, 'a javascript: link base makes no links');
        assert.ok(await page.locator('body').isVisible());
        assert.match(await page.locator('#pains').innerText(), /<script>window\.pwned=5<\/script> pain/);
        assert.match(await page.locator('#portfolio').innerText(), /Fix <iframe src=https:\/\/evil\.example\/><\/iframe>/);
        assert.match(await page.locator('#owners').innerText(), /<img src=x onerror=window\.pwned=1> team/);
        assert.match(await page.locator('#kpis').innerText(), /KPI <b onclick=window\.pwned=3>x<\/b>\s+J <script>window\.pwned=2<\/script> \(whole journey\)\s+5% → 4% → 3%/);
        assert.equal(await page.locator('.jm-curve circle title').last().textContent(), 'B " onmouseover="window.pwned=6: +1');
        assert.deepEqual(requests, [pathToFileURL(join(dir, 'hostile.html')).href]);
        assert.deepEqual(errors, []);
    });
});
