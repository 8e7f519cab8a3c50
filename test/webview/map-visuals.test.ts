import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { mapSvg } from '../../webview/render/svg-markup.js';
import type { ModelMessage } from '../../webview/messages.js';
import { ROOT, launchChromium, openWebview } from './browser.js';
import { HOSTILE_TEXTS, example, journeyOf, modelOf } from './preview-fixtures.js';

const ARTIFACTS = ROOT + 'test-results/';

/** A persona, scenario and pains whose text is long, unbroken, emoji and right-to-left. */
function hostilePersonaMap(): string {
    const q = (s: string) => JSON.stringify(s);
    return `
persona hostile ${q(HOSTILE_TEXTS.emoji)} {
  description ${q(HOSTILE_TEXTS.long)}
  goal ${q(HOSTILE_TEXTS.rtl)}
  goal ${q(HOSTILE_TEXTS.unbroken)}
  need ${q(HOSTILE_TEXTS.cjk)}
  segment ${q(HOSTILE_TEXTS.unbroken)}
  quote ${q(HOSTILE_TEXTS.rtl)}
}
journey visuals "Visuals" for hostile {
  scenario ${q(HOSTILE_TEXTS.rtl)}
  objective ${q(HOSTILE_TEXTS.emoji)}
  objective ${q(HOSTILE_TEXTS.unbroken)}
  stage s ${q(HOSTILE_TEXTS.rtl)} {
    step a ${q(HOSTILE_TEXTS.emoji)} {
      emotion -2
      moment of truth ${q(HOSTILE_TEXTS.long)}
      pain ${q(HOSTILE_TEXTS.rtl)} severity high
      pain ${q(HOSTILE_TEXTS.unbroken)} severity medium
      pain ${q(HOSTILE_TEXTS.emoji)} severity low
    }
    step b ${q(HOSTILE_TEXTS.rtl)} { emotion 2 says ${q(HOSTILE_TEXTS.cjk)} }
  }
}
`;
}

/** Every text of every card (header cards too) lies inside its box as Chromium draws it; every lane hint and line label inside the picture's rows. */
function overflowing(page: Page): Promise<string[]> {
    return page.evaluate(() => {
        const problems: string[] = [];
        for (const card of Array.from(document.querySelectorAll<SVGGElement>('svg.jm-map g.jm-card'))) {
            const rect = card.querySelector(':scope>rect') as SVGRectElement;
            const box = { x: rect.x.baseVal.value, y: rect.y.baseVal.value, w: rect.width.baseVal.value, h: rect.height.baseVal.value };
            for (const text of Array.from(card.querySelectorAll<SVGTextElement>(':scope>text, :scope>a>text'))) {
                const b = text.getBBox();
                if (b.x < box.x - 0.5 || b.x + b.width > box.x + box.w + 0.5 || b.y < box.y - 0.5 || b.y + b.height > box.y + box.h + 0.5) {
                    problems.push(`${card.dataset.key}: "${text.textContent}" [${b.x.toFixed(1)},${(b.x + b.width).toFixed(1)}] outside [0,${box.w}]`);
                }
            }
        }
        for (const line of Array.from(document.querySelectorAll<SVGGElement>('svg.jm-map [data-kind=line]'))) {
            const rule = line.querySelector('line.jm-rule') as SVGLineElement;
            const label = line.querySelector('.jm-lane-label') as SVGGElement;
            const b = label.getBBox();
            if (b.x + b.width > rule.x1.baseVal.value) problems.push(`line ${line.dataset.id}: its label runs into the rule`);
            const tag = line.querySelector('rect.jm-line-tag') as SVGRectElement;
            const name = label.querySelector('tspan')!.getBBox();
            if (name.x < tag.x.baseVal.value || name.x + name.width > tag.x.baseVal.value + tag.width.baseVal.value) problems.push(`line ${line.dataset.id}: the name leaves its tag`);
        }
        return problems;
    });
}

/** A computed colour as 0–1 channels: `rgb(…)`, or `color(srgb …)` (what `color-mix` computes to). */
function channels(css: string): number[] {
    const values = css.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    return css.startsWith('color(srgb') ? values : values.map(v => v / 255);
}

/** WCAG contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
    const luminance = (css: string) => {
        const [r, g, bl] = channels(css).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
}

/** The colours a reader sees: each lane's tint under its label, each card's text on its box, each emotion value on its dot. */
function colours(page: Page) {
    return page.evaluate(() => {
        const fill = (e: Element) => getComputedStyle(e).fill;
        return {
            lanes: Array.from(document.querySelectorAll('svg.jm-map [data-kind=lane]')).map(lane => ({
                id: lane.getAttribute('data-id')!,
                bg: fill(lane.querySelector(':scope>.jm-lane-bg')!),
                label: fill(lane.querySelector('.jm-lane-label tspan')!),
                hint: lane.querySelector('.jm-lane-hint tspan') ? fill(lane.querySelector('.jm-lane-hint tspan')!) : undefined,
            })),
            cards: Array.from(document.querySelectorAll('svg.jm-map g.jm-card')).flatMap(card => Array.from(card.querySelectorAll(':scope>text>tspan')).map(t => ({
                key: card.getAttribute('data-key')!, role: t.getAttribute('class')!, fg: fill(t), bg: fill(card.querySelector(':scope>rect')!),
            }))),
            dots: Array.from(document.querySelectorAll('svg.jm-map text.jm-value')).map((t, i) => ({
                fg: fill(t), bg: fill(document.querySelectorAll('svg.jm-map circle[data-kind=emotion]:not(.jm-gap)')[i]),
            })),
            meta: Array.from(document.querySelectorAll('svg.jm-map tspan.jm-role-meta')).map(fill),
            body: Array.from(document.querySelectorAll('svg.jm-map tspan.jm-role-body')).map(fill),
        };
    });
}

type Colours = Awaited<ReturnType<typeof colours>>;

function assertLegible(found: Colours, what: string): void {
    for (const lane of found.lanes) {
        assert.ok(contrast(lane.label, lane.bg) >= 4.5, `${what}: lane label of ${lane.id} (${lane.label} on ${lane.bg})`);
        if (lane.hint) assert.ok(contrast(lane.hint, lane.bg) >= 4.5, `${what}: hint in ${lane.id}`);
    }
    for (const t of found.cards) assert.ok(contrast(t.fg, t.bg) >= 4.5, `${what}: ${t.role} in ${t.key} (${t.fg} on ${t.bg}: ${contrast(t.fg, t.bg).toFixed(2)})`);
    assert.ok(found.dots.length > 0);
    for (const d of found.dots) assert.ok(contrast(d.fg, d.bg) >= 4.5, `${what}: an emotion value (${d.fg} on ${d.bg})`);
}

describe('the picture in Chromium: type, colour and fit', function () {
    this.timeout(90_000);
    let browser: Browser;
    before(async () => {
        browser = await launchChromium();
        mkdirSync(ARTIFACTS, { recursive: true });
    });
    after(async () => { await browser?.close(); });

    /** The exported SVG (string backend, fixed palette) at 100% in a page. */
    async function exported(svg: string, name: string): Promise<Page> {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
        // tsx compiles the page functions with esbuild's keepNames, which calls a `__name` helper the page lacks.
        await page.evaluate('window.__name = (f) => f');
        writeFileSync(`${ARTIFACTS}${name}.svg`, svg);
        await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
        return page;
    }

    it('draws card text at 13 px or more at 100%, and no text leaves its card, for long, unbroken, emoji, CJK and right-to-left text', async () => {
        const layout = layoutJourney(await journeyOf(hostilePersonaMap()));
        const page = await exported(mapSvg(layout, { palette: 'light' }), 'visuals-hostile');
        const sizes = await page.evaluate(() => Array.from(document.querySelectorAll<SVGTSpanElement>('svg.jm-map g.jm-card tspan.jm-role-body')).map(t => ({
            px: parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 0), height: t.getBBox().height,
        })));
        assert.ok(sizes.length > 5, `${sizes.length} body lines`);
        assert.ok(sizes.every(s => s.px >= 13), `smallest card text: ${Math.min(...sizes.map(s => s.px))} px`);
        // The glyphs really are that big: a line box of a 13 px font is about 15 px tall.
        assert.ok(sizes.every(s => s.height >= 13), `smallest line box: ${Math.min(...sizes.map(s => s.height))} px`);
        assert.deepEqual(await overflowing(page), []);
        const persona = await page.evaluate(() => document.querySelector('.jm-heading g[data-kind=persona]')!.textContent!.replace(/\s/g, ''));
        for (const text of [HOSTILE_TEXTS.rtl, HOSTILE_TEXTS.unbroken, HOSTILE_TEXTS.cjk, HOSTILE_TEXTS.long]) assert.ok(persona.includes(text.replace(/\s/g, '')), `persona holds ${text.slice(0, 20)}…`);
        const alone = await page.evaluate(() => Array.from(document.querySelectorAll('.jm-heading tspan.jm-role-bullet')).filter(t => t.textContent!.trim() === '•').length);
        assert.equal(alone, 0, 'a bullet never stands alone on its line');
        await page.close();
    });

    it('styles meta lines (the <tspan> class) muted, and keeps every text legible on its lane and card, light and dark', async () => {
        const journey = (await modelOf(example('gift-purchase.journey'))).journeys[0];
        for (const palette of ['light', 'dark'] as const) {
            const page = await exported(mapSvg(layoutJourney(journey), { palette }), `visuals-gift-purchase-${palette}`);
            const found = await colours(page);
            // The old rule targeted text.jm-role-meta, but the class is on the <tspan>: meta drew in the body colour.
            assert.ok(found.meta.length > 5 && found.body.length > 5);
            assert.ok(found.meta.every(c => c === found.meta[0]) && found.meta[0] !== found.body[0], `${palette}: meta ${found.meta[0]}, body ${found.body[0]}`);
            assertLegible(found, palette);
            // Each lane its own tint.
            const tints = found.lanes.map(l => l.bg);
            assert.equal(new Set(tints).size, tints.length, `${palette}: ${found.lanes.map(l => `${l.id} ${l.bg}`).join(', ')}`);
            await page.close();
        }
    });

    it('keeps lane tints, cards and emotion values legible in the VS Code light, dark and high-contrast themes', async () => {
        const model = await modelOf(example('gift-purchase.journey'));
        for (const theme of ['light', 'dark', 'high-contrast'] as const) {
            const view = await openWebview(browser, { theme, width: 1400, height: 1400 });
            const message: ModelMessage = { type: 'model', uri: model.uri, label: 'gift-purchase.journey', version: 1, model, syntaxErrors: 0, errors: 0, locked: false };
            await view.post(message);
            await view.page.click('#jm-fit');
            assertLegible(await colours(view.page), theme);
            await view.page.screenshot({ path: `${ARTIFACTS}visuals-theme-${theme}.png` });
            assert.deepEqual(view.consoleErrors, []);
            await view.page.close();
        }
    });

    it('draws an emotion lane at least 120 px tall, its zones tinted green above zero and red below', async () => {
        const journey = (await modelOf(example('gift-purchase.journey'))).journeys[0];
        const page = await exported(mapSvg(layoutJourney(journey), { palette: 'light' }), 'visuals-emotion');
        const lane = await page.evaluate(() => {
            const g = document.querySelector<SVGGElement>('[data-kind=lane][data-id=emotion]')!;
            const rgb = (e: Element) => getComputedStyle(e).fill.match(/\d+/g)!.map(Number);
            return {
                height: g.querySelector<SVGRectElement>(':scope>.jm-lane-bg')!.getBBox().height,
                up: rgb(g.querySelector('.jm-zone-up')!), down: rgb(g.querySelector('.jm-zone-down')!),
                lowest: g.querySelector('text.jm-lowest')?.textContent,
            };
        });
        assert.ok(lane.height >= 120, `${lane.height} px`);
        assert.ok(lane.up[1] > lane.up[0] && lane.up[1] > lane.up[2], `green-ish above zero: ${lane.up}`);
        assert.ok(lane.down[0] > lane.down[1] && lane.down[0] > lane.down[2], `red-ish below zero: ${lane.down}`);
        assert.equal(lane.lowest, 'lowest');
        await page.close();
    });
});
