import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { ROOT, launchChromium } from '../webview/browser.js';
import { HOSTILE_TEXTS, hostileMap } from '../webview/preview-fixtures.js';

/** Runs the built CLI (bin/journeymap.mjs → dist/cli.mjs) as a process. */
function journeymap(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise(resolve => {
        execFile(process.execPath, [ROOT + 'bin/journeymap.mjs', ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
        });
    });
}

describe('journeymap render (CLI process)', function () {
    this.timeout(60_000);
    let browser: Browser;
    let dir: string;
    before(async () => {
        browser = await launchChromium();
        dir = mkdtempSync(join(tmpdir(), 'journeymap-render-'));
        writeFileSync(join(dir, 'common.journey'), readFileSync(EXAMPLES_DIR + 'common.journey'));
        writeFileSync(join(dir, 'hostile.journey'), hostileMap());
    });
    after(async () => {
        await browser?.close();
        rmSync(dir, { recursive: true, force: true });
    });

    /** Parses with Chromium's XML parser: a real well-formedness check. */
    async function parseXml(text: string): Promise<{ error: string | null; journey: string | null; steps: string[]; lanes: string[]; pains: string[] }> {
        const page = await browser.newPage();
        try {
            return await page.evaluate(xml => {
                const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
                const error = doc.querySelector('parsererror');
                const svg = doc.documentElement;
                return {
                    error: error ? error.textContent : null,
                    journey: svg.getAttribute('data-journey'),
                    steps: Array.from(svg.querySelectorAll('g[data-kind=step]')).map(g => g.getAttribute('data-id')!),
                    lanes: Array.from(svg.querySelectorAll('[data-kind=lane]')).map(g => g.getAttribute('data-id')!),
                    pains: Array.from(svg.querySelectorAll('g[data-kind=pain]')).map(g => g.textContent!),
                };
            }, text);
        } finally {
            await page.close();
        }
    }

    it('prints well-formed SVG of the first journey to stdout', async () => {
        const result = await journeymap(['render', 'examples/saas-onboarding.journey']);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
        const svg = await parseXml(result.stdout);
        assert.equal(svg.error, null);
        assert.equal(svg.journey, 'team_onboarding');
        assert.deepEqual(svg.steps, ['handoff', 'kickoff', 'sso', 'invite', 'first_week', 'check_in']);
        assert.ok(svg.lanes.includes('onstage') && svg.lanes.includes('pains'));
    });

    it('writes byte-identical SVG on every run, and a dark theme on request', async () => {
        const out = join(dir, 'map.svg');
        assert.equal((await journeymap(['render', 'examples/gift-purchase.journey', '-o', out])).code, 0);
        const first = readFileSync(out, 'utf8');
        assert.equal((await journeymap(['render', 'examples/gift-purchase.journey', '-o', out])).code, 0);
        assert.equal(readFileSync(out, 'utf8'), first);
        const dark = await journeymap(['render', 'examples/gift-purchase.journey', '--theme', 'dark']);
        assert.match(dark.stdout, /--jm-bg:#0d1117/);
        assert.match(first, /--jm-bg:#ffffff/);
    });

    it('escapes hostile text: the SVG stays well-formed and holds the text as text', async () => {
        const result = await journeymap(['render', join(dir, 'hostile.journey')]);
        assert.equal(result.code, 0, result.stderr);
        const svg = await parseXml(result.stdout);
        assert.equal(svg.error, null, result.stdout.slice(0, 2000));
        assert.ok(svg.pains[0].replace(/\s/g, '').includes(HOSTILE_TEXTS.markup.replace(/\s/g, '')));
        assert.doesNotMatch(result.stdout, /<script|<img/);
    });

    it('writes one self-contained HTML page with pan, zoom and tooltips that loads nothing from the network', async () => {
        const out = join(dir, 'map.html');
        const result = await journeymap(['render', 'examples/gift-purchase.journey', '-o', out, '--journey', 'gift_purchase']);
        assert.equal(result.code, 0, result.stderr);
        const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
        const requests: string[] = [];
        const errors: string[] = [];
        page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
        page.on('pageerror', e => errors.push(String(e)));
        // A CSP violation (a style or script the policy refuses) is reported on the console.
        page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
        await page.goto(pathToFileURL(out).toString());
        await page.waitForSelector('.jm-zoom-layer svg.jm-map');
        // The picture's own stylesheet applies: allowed by the page's nonce.
        assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('g[data-kind=stage] > rect')!).fill), 'rgb(219, 233, 246)');
        const before = await page.getAttribute('.jm-zoom-layer', 'transform');
        await page.mouse.move(500, 350);
        await page.mouse.wheel(0, -400);
        await page.waitForTimeout(150);
        const after = await page.getAttribute('.jm-zoom-layer', 'transform');
        const tooltip = await page.evaluate(() => document.querySelector('g[data-kind=step] > title')?.textContent);
        await page.screenshot({ path: ROOT + 'test-results/render-gift-purchase-html.png' });
        await page.close();
        assert.ok(before && after && before !== after, `zoom: ${before} → ${after}`);
        assert.match(tooltip ?? '', /Sees a gift-guide ad/);
        assert.deepEqual(requests, []);
        assert.deepEqual(errors, []);
        const html = readFileSync(out, 'utf8');
        assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/);
        const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
        assert.match(policy, /^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]{24}'; script-src 'nonce-[A-Za-z0-9+/=]{24}'; img-src data:$/);
        const nonce = /'nonce-([^']+)'/.exec(policy)![1];
        assert.equal(html.split(`nonce="${nonce}"`).length - 1, 3, 'the page style, the picture style and the script carry it');
        const again = await journeymap(['render', 'examples/gift-purchase.journey', '-o', join(dir, 'again.html')]);
        assert.equal(again.code, 0);
        assert.ok(!readFileSync(join(dir, 'again.html'), 'utf8').includes(nonce), 'a new nonce for every page');
    });

    it('keeps hostile text inert in the HTML page too', async () => {
        const out = join(dir, 'hostile.html');
        assert.equal((await journeymap(['render', join(dir, 'hostile.journey'), '-o', out])).code, 0);
        const page = await browser.newPage();
        const requests: string[] = [];
        page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
        await page.goto(pathToFileURL(out).toString());
        await page.waitForSelector('svg.jm-map');
        await page.waitForTimeout(200);
        const result = await page.evaluate(() => ({
            pwned: (window as unknown as { __pwned?: number }).__pwned,
            scripts: document.scripts.length,
            injected: document.querySelectorAll('svg img, svg script, body > img').length,
            title: document.title,
            pain: document.querySelector('g[data-kind=pain]')?.textContent ?? '',
        }));
        await page.close();
        assert.equal(result.pwned, undefined);
        assert.equal(result.scripts, 1);
        assert.equal(result.injected, 0);
        assert.ok(result.title.startsWith(HOSTILE_TEXTS.markup), result.title);
        assert.ok(result.pain.replace(/\s/g, '').includes(HOSTILE_TEXTS.markup.replace(/\s/g, '')));
        assert.deepEqual(requests, []);
    });

    it('renders the journey chosen with --journey, and says which one when a file has several', async () => {
        writeFileSync(join(dir, 'two.journey'), readFileSync(EXAMPLES_DIR + 'gift-purchase.journey', 'utf8') + readFileSync(EXAMPLES_DIR + 'saas-onboarding.journey', 'utf8'));
        const first = await journeymap(['render', join(dir, 'two.journey')]);
        assert.equal(first.code, 0);
        assert.equal((await parseXml(first.stdout)).journey, 'gift_purchase');
        assert.match(first.stderr, /rendered journey 'gift_purchase'; the file also has 'team_onboarding' \(choose with --journey ID\)/);
        const second = await journeymap(['render', join(dir, 'two.journey'), '--journey', 'team_onboarding']);
        assert.equal((await parseXml(second.stdout)).journey, 'team_onboarding');
        assert.equal(second.stderr, '');
    });

    it('fails clearly: syntax errors exit 1, bad options and unknown journeys exit 2', async () => {
        writeFileSync(join(dir, 'broken.journey'), 'journey j { stage s { step a "A" { emotion } }');
        const broken = await journeymap(['render', join(dir, 'broken.journey')]);
        assert.equal(broken.code, 1);
        assert.match(broken.stderr, /syntax-error/);
        assert.match(broken.stderr, /not rendered/);
        assert.equal(broken.stdout, '');
        const badOut = await journeymap(['render', 'examples/gift-purchase.journey', '-o', join(dir, 'map.gif')]);
        assert.equal(badOut.code, 2);
        assert.match(badOut.stderr, /\.svg, \.html, \.png or \.pdf/);
        const unknown = await journeymap(['render', 'examples/gift-purchase.journey', '--journey', 'nope']);
        assert.equal(unknown.code, 2);
        assert.match(unknown.stderr, /no journey 'nope'.*gift_purchase/);
        const theme = await journeymap(['render', 'examples/gift-purchase.journey', '--theme', 'neon']);
        assert.equal(theme.code, 2);
        const missing = await journeymap(['render', join(dir, 'nope.journey')]);
        assert.equal(missing.code, 2);
    });

    it('names files on stderr as terminal-safe text, and warns about workspace files it skips', async () => {
        const folder = join(dir, 'named');
        mkdirSync(folder);
        // A file name with an escape sequence and a line break: shown escaped, never acted on.
        const name = '\x1b[31mred\nline.journey';
        writeFileSync(join(folder, name), 'journey j { stage s { step a "A" { emotion } }');
        const broken = await journeymap(['render', name], folder);
        assert.equal(broken.code, 1);
        assert.ok(broken.stderr.includes('\\x1b[31mred\\nline.journey: not rendered: the file has syntax errors\n'), broken.stderr);
        assert.doesNotMatch(broken.stderr, /\x1b/);
        // A dangling link beside the file is skipped with a warning, as `export` does; the picture is still drawn.
        const walk = join(dir, 'walk');
        mkdirSync(walk);
        writeFileSync(join(walk, 'map.journey'), 'journey j { stage s { step a "A" } }');
        symlinkSync('missing.journey', join(walk, 'dangling.journey'));
        const drawn = await journeymap(['render', 'map.journey'], walk);
        assert.equal(drawn.code, 0, drawn.stderr);
        assert.match(drawn.stderr, /^dangling\.journey: warning: skipped: dangling symbolic link/m);
        assert.match(drawn.stdout, /<\/svg>\n$/);
    });
});
