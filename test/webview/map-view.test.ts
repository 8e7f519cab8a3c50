import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { JourneyDocumentModel } from '../../language/model/journey-model.js';
import type { ModelMessage } from '../../webview/messages.js';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { ROOT, launchChromium, openWebview, type WebviewPage } from './browser.js';
import { gpBookingNextModel, modelOf, twelveStepMap } from './preview-fixtures.js';

const ARTIFACTS = ROOT + 'test-results/';

function modelMessage(model: JourneyDocumentModel): ModelMessage {
    return { type: 'model', uri: model.uri, label: 'map.journey', version: 1, model, syntaxErrors: 0, errors: 0, locked: false };
}

/** The screen box of an element, or null. */
function box(view: WebviewPage, selector: string) {
    return view.page.evaluate(s => {
        const node = document.querySelector(s);
        if (!node) return null;
        const r = node.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, right: r.right, bottom: r.bottom };
    }, selector);
}

async function drag(view: WebviewPage, from: [number, number], to: [number, number]): Promise<void> {
    await view.page.mouse.move(...from);
    await view.page.mouse.down();
    await view.page.mouse.move(...to, { steps: 5 });
    await view.page.mouse.up();
}

/** What has the keyboard focus: a card's key, or an element's id. */
const focused = (view: WebviewPage) => view.page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? document.activeElement?.id ?? null);

describe('the map view in the preview (Chromium): frozen headers, overview, keyboard, names, text view', function () {
    this.timeout(60_000);
    let browser: Browser;
    let wide: JourneyDocumentModel;
    before(async () => {
        browser = await launchChromium();
        mkdirSync(ARTIFACTS, { recursive: true });
        wide = await modelOf(twelveStepMap());
    });
    after(async () => { await browser?.close(); });

    it('keeps lane labels in view when panned right and stage headers when panned down, lined up with the map', async () => {
        const view = await openWebview(browser, { width: 1000, height: 700 });
        await view.post(modelMessage(wide));
        const canvas = (await box(view, 'svg.jm-canvas'))!;
        assert.equal(await view.page.locator('[data-frozen=lanes]').isVisible(), false, 'no copy while the real labels show');
        await drag(view, [700, 400], [300, 400]);
        await view.page.waitForTimeout(50);
        assert.equal(await view.page.locator('[data-frozen=lanes]').isVisible(), true);
        const lanes = await view.page.evaluate(() => Array.from(document.querySelectorAll('[data-frozen=lanes] g[data-lane]')).map(g => {
            const real = document.querySelector(`svg.jm-map [data-kind=lane][data-id="${g.getAttribute('data-lane')}"]`)!.getBoundingClientRect();
            const copy = g.getBoundingClientRect();
            return { lane: g.getAttribute('data-lane'), text: g.textContent, copyX: copy.x, copyTop: copy.top, realTop: real.top, realX: real.x };
        }));
        const actions = lanes.find(l => l.lane === 'actions')!;
        assert.equal(actions.text, 'Customer actions');
        for (const lane of lanes) {
            assert.ok(Math.abs(lane.copyTop - lane.realTop) < 1, `${lane.lane}: copy at ${lane.copyTop}, lane at ${lane.realTop}`);
            assert.ok(Math.abs(lane.copyX - canvas.x) < 1 && lane.realX < canvas.x - 100, `${lane.lane}: the copy stays at the left edge while the map moved left`);
        }
        assert.equal(await view.page.locator('[data-frozen=stages]').isVisible(), false);
        await drag(view, [600, 600], [600, 150]);
        await view.page.waitForTimeout(50);
        assert.equal(await view.page.locator('[data-frozen=stages]').isVisible(), true);
        const stages = await view.page.evaluate(() => Array.from(document.querySelectorAll('[data-frozen=stages] g[data-stage]')).map(g => {
            const real = document.querySelector(`svg.jm-map g[data-kind=stage][data-id="${g.getAttribute('data-stage')}"]`)!.getBoundingClientRect();
            const copy = g.getBoundingClientRect();
            return { stage: g.getAttribute('data-stage'), text: g.textContent, copyX: copy.x, realX: real.x, copyY: copy.y, realY: real.y };
        }));
        assert.deepEqual(stages.map(s => s.text), ['One', 'Two']);
        const row = (await box(view, '[data-frozen=stages]'))!;
        assert.ok(Math.abs(row.y - canvas.y) < 1, 'the row is at the top of the view');
        for (const stage of stages) {
            assert.ok(Math.abs(stage.copyX - stage.realX) < 1, `${stage.stage}: lined up across (${stage.copyX} vs ${stage.realX})`);
            assert.ok(stage.realY < canvas.y && stage.copyY >= canvas.y - 1, `${stage.stage}: the real header left the view, the copy did not`);
        }
        // The lane labels and the row overlap at the corner, which is covered.
        assert.equal(await view.page.locator('[data-frozen=corner]').isVisible(), true);
        await view.page.screenshot({ path: `${ARTIFACTS}map-view-frozen-headers.png` });
        assert.deepEqual(view.consoleErrors, []);
        await view.page.close();
    });

    it('shows an overview strip for a map wider than the view; a click there moves the view', async () => {
        const view = await openWebview(browser, { width: 1000, height: 700 });
        await view.post(modelMessage(wide));
        assert.equal(await view.page.locator('.jm-minimap').isVisible(), true);
        const strip = (await box(view, '.jm-minimap svg'))!;
        const before = (await box(view, '.jm-minimap-view'))!;
        assert.ok(before.x - strip.x < 2 && before.width < strip.width * 0.9, 'the view rectangle starts at the left and covers part of the map');
        // Click near the right end of the strip: the last step comes into view.
        await view.page.mouse.click(strip.right - 4, strip.y + strip.height / 2);
        await view.page.waitForTimeout(50);
        const canvas = (await box(view, 'svg.jm-canvas'))!;
        const last = (await box(view, 'g[data-kind=step][data-id=s11]'))!;
        assert.ok(last && last.x >= canvas.x && last.right <= canvas.right, `last step at ${JSON.stringify(last)}`);
        const after = (await box(view, '.jm-minimap-view'))!;
        assert.ok(after.x > before.x + 20 && Math.abs(after.right - strip.right) < 3, 'the rectangle followed the view');
        // Drag back along the strip.
        await drag(view, [strip.right - 4, strip.y + 5], [strip.x + 2, strip.y + 5]);
        assert.ok(Math.abs((await box(view, '.jm-minimap-view'))!.x - strip.x) < 2);
        // An edit that moves no box and no label (here: the same map again) changes nothing in the strip or the frozen headers.
        await view.page.evaluate(() => {
            const w = window as unknown as { __mutations: number };
            w.__mutations = 0;
            const observer = new MutationObserver(records => { w.__mutations += records.length; });
            for (const node of Array.from(document.querySelectorAll('.jm-minimap, .jm-frozen'))) observer.observe(node, { subtree: true, childList: true, attributes: true, characterData: true });
        });
        await view.post({ ...modelMessage(wide), version: 2 });
        assert.equal(await view.page.evaluate(() => (window as unknown as { __mutations: number }).__mutations), 0);
        // Fit width: the map no longer overflows across, the strip goes.
        await view.page.click('#jm-fit');
        assert.equal(await view.page.locator('.jm-minimap').isVisible(), false);
        await view.page.close();
    });

    it('has one Tab stop in the picture; arrows move between cards, Enter selects the source, Escape leaves; a focus ring shows and the view follows', async () => {
        const view = await openWebview(browser, { width: 1000, height: 700 });
        await view.post(modelMessage(wide));
        const steps = wide.journeys[0].stages.flatMap(s => s.steps);
        assert.equal(await view.page.locator('svg.jm-map [tabindex="0"]').count(), 1, 'one Tab stop');
        await view.page.focus('#jm-lock');
        await view.page.keyboard.press('Tab');
        assert.equal(await focused(view), 'step:s0', 'Tab enters the picture at the first step');
        const ring = async () => view.page.evaluate(() => {
            const ring = document.querySelector<SVGRectElement>('.jm-focus-ring')!;
            const card = document.activeElement!.querySelector(':scope>rect')!.getBoundingClientRect();
            const r = ring.getBoundingClientRect();
            const style = getComputedStyle(ring);
            return { shown: style.display !== 'none', stroke: style.stroke, width: parseFloat(style.strokeWidth), around: r.left < card.left && r.right > card.right && r.top < card.top && r.bottom > card.bottom };
        });
        const first = await ring();
        assert.ok(first.shown && first.around && first.width >= 2 && first.stroke !== 'none', JSON.stringify(first));
        for (let i = 0; i < 3; i++) await view.page.keyboard.press('ArrowRight');
        assert.equal(await focused(view), 'step:s3');
        await view.page.keyboard.press('ArrowDown');
        assert.equal(await focused(view), 'thinks:s3:0', 'down, across lanes, in the same column');
        await view.page.keyboard.press('ArrowDown');
        await view.page.keyboard.press('ArrowDown');
        assert.equal(await focused(view), 'pain:s3:0', 'down past the on-stage lane to the pain');
        await view.page.keyboard.press('ArrowRight');
        assert.equal(await focused(view), 'pain:s3:0', 'no other pain in that lane: it stays');
        await view.page.keyboard.press('ArrowUp');
        await view.page.keyboard.press('ArrowUp');
        await view.page.keyboard.press('ArrowUp');
        assert.equal(await focused(view), 'step:s3');
        await view.page.keyboard.press('ArrowUp');
        assert.equal(await focused(view), 'stage:one', 'up to the stage header');
        await view.page.keyboard.press('ArrowDown');
        await view.page.keyboard.press('End');
        assert.equal(await focused(view), 'step:s11', 'End: the last card of the lane');
        // The view followed: the focused card is in view, clear of the frozen lane labels.
        const canvas = (await box(view, 'svg.jm-canvas'))!;
        const card = (await box(view, 'g[data-key="step:s11"]'))!;
        assert.ok(card.x >= canvas.x && card.right <= canvas.right && card.y >= canvas.y && card.bottom <= canvas.bottom, JSON.stringify(card));
        assert.ok((await ring()).around);
        for (let i = 0; i < 4; i++) await view.page.keyboard.press('ArrowLeft');
        assert.equal(await focused(view), 'step:s7');
        assert.equal(await view.page.locator('svg.jm-map [tabindex="0"]').count(), 1, 'still one Tab stop: the focused card');
        await view.page.keyboard.press('Enter');
        const reveals = (await view.posted()).filter(m => m.type === 'reveal');
        assert.deepEqual(reveals, [{ type: 'reveal', uri: wide.uri, range: steps[7].range }], 'Enter: the same message as a click');
        await view.page.keyboard.press('Escape');
        assert.equal(await focused(view), 'jm-lock', 'Escape: back where the focus came from');
        assert.equal(await view.page.locator('.jm-focus-ring').isVisible(), false, 'no ring once the focus left');
        // Tab again: back to the card that had the focus.
        await view.page.keyboard.press('Tab');
        assert.equal(await focused(view), 'step:s7');
        await view.page.screenshot({ path: `${ARTIFACTS}map-view-keyboard.png` });
        assert.deepEqual(view.consoleErrors, []);
        await view.page.close();
    });

    it('moves the focus to a card not drawn yet in a long map (only the columns in view are drawn): drawn, in view, focused', async () => {
        const stages = Array.from({ length: 30 }, (_, s) => `stage s${s} { ${Array.from({ length: 5 }, (_, i) => `step t${s}_${i} "Step ${s}.${i}" { onstage "Shown ${s}.${i}" }`).join(' ')} }`);
        const view = await openWebview(browser, { width: 1000, height: 700 });
        await view.post(modelMessage(await modelOf(`journey long for dana { ${stages.join('\n')} }`)));
        assert.equal(await view.page.locator('g[data-key="step:t29_4"]').count(), 0, 'not drawn at first');
        await view.page.focus('#jm-lock');
        await view.page.keyboard.press('Tab');
        await view.page.keyboard.press('End');
        assert.equal(await focused(view), 'step:t29_4');
        const [canvas, card] = [(await box(view, 'svg.jm-canvas'))!, (await box(view, 'g[data-key="step:t29_4"]'))!];
        assert.ok(card.x >= canvas.x && card.right <= canvas.right, JSON.stringify(card));
        await view.page.keyboard.press('ArrowDown');
        assert.equal(await focused(view), 'onstage:t29_4:0');
        await view.page.keyboard.press('Home');
        assert.equal(await focused(view), 'onstage:t0_0:0');
        assert.equal(await view.page.locator('svg.jm-map [tabindex="0"]').count(), 1);
        await view.page.close();
    });

    it('shows a long map whole (Fit page) in outline, zoomed out past reading: boxes and bars, no words; hover and click still find the card; Tab zooms in to a card', async () => {
        const stages = Array.from({ length: 30 }, (_, s) => `stage s${s} { ${Array.from({ length: 5 }, (_, i) => `step t${s}_${i} "Step ${s}.${i}" { emotion ${(i % 5) - 2} pain "Pain ${s}.${i}" severity high onstage "Shown ${s}.${i}" }`).join(' ')} }`);
        const model = await modelOf(`journey long for dana { ${stages.join('\n')} }`);
        const layout = layoutJourney(model.journeys[0]);
        const view = await openWebview(browser, { width: 1000, height: 700 });
        await view.post(modelMessage(model));
        assert.ok(await view.page.locator('g[data-kind=step] text').count() > 0, 'opens readable, with words');
        await view.page.click('#jm-fit-page');
        await view.page.waitForFunction(() => document.querySelector('svg.jm-map path.jm-outline-box') !== null);
        assert.equal(await view.page.locator('svg.jm-map g[data-kind=step]').count(), 0);
        const drawn = await view.page.evaluate(() => ({
            boxes: Array.from(document.querySelectorAll('svg.jm-map path.jm-outline-box')).reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g)?.length ?? 0), 0),
            words: Array.from(document.querySelectorAll('svg.jm-map [data-kind=lane] text')).filter(t => !t.closest('.jm-lane-label, .jm-lane-hint') && !t.matches('.jm-axis')).length,
            mapWidth: document.querySelector('svg.jm-map')!.getBoundingClientRect().width,
        }));
        assert.equal(drawn.boxes, layout.cards.filter(c => c.lane !== 'header').length, 'every card, as a box');
        assert.equal(drawn.words, 0);
        assert.ok(drawn.mapWidth <= 1000.5, `the whole map in view: ${drawn.mapWidth}`);
        await view.page.screenshot({ path: `${ARTIFACTS}map-view-outline.png` });
        // The pointer over a pain card: its tooltip, and a click selects its source.
        const pain = layout.cards.find(c => c.key === 'pain:t12_3:0')!;
        const at = await view.page.evaluate(([x, y]) => {
            const p = new DOMPoint(x, y).matrixTransform(document.querySelector<SVGSVGElement>('svg.jm-map')!.getScreenCTM()!);
            return [p.x, p.y];
        }, [pain.x + pain.width / 2, pain.y + pain.height / 2]);
        await view.page.mouse.move(at[0], at[1]);
        assert.match(await view.page.locator('#jm-tooltip').textContent() ?? '', /Pain 12\.3/);
        await view.page.mouse.click(at[0], at[1]);
        const reveal = (await view.posted()).filter(m => m.type === 'reveal').pop();
        assert.deepEqual(reveal?.range, pain.range);
        // The editor's cursor in a step: its cards outlined over the rest, visible at this zoom.
        const step = layout.cards.find(c => c.key === 'step:t12_3')!;
        await view.post({ type: 'cursor', uri: model.uri, position: step.range.start });
        const ring = await view.page.evaluate(() => {
            // One path per lane the step has cards in.
            const paths = Array.from(document.querySelectorAll<SVGPathElement>('svg.jm-map path.jm-outline-highlight'));
            return paths.length === 0 ? undefined : {
                boxes: paths.reduce((n, p) => n + p.getAttribute('d')!.match(/M/g)!.length, 0),
                width: getComputedStyle(paths[0]).strokeWidth, screen: paths[0].getBoundingClientRect().width,
            };
        });
        assert.equal(ring?.boxes, layout.cards.filter(c => c.step === 't12_3' || c.key === 'step:t12_3').length);
        assert.equal(ring?.width, '3px');
        assert.ok(ring!.screen > 0);
        // The keyboard: Tab into the picture zooms in to where text reads and focuses a card.
        await view.page.focus('#jm-lock');
        await view.page.keyboard.press('Tab');
        const key = await focused(view);
        assert.match(key ?? '', /^step:/);
        assert.equal(await view.page.locator('svg.jm-map path.jm-outline-box').count(), 0, 'drawn in full again');
        const fontPx = await view.page.evaluate(k => document.querySelector(`g[data-key="${k}"] tspan`)!.getBoundingClientRect().height, key);
        assert.ok(fontPx >= 11, `readable once zoomed in: ${fontPx}px`);
        await view.page.keyboard.press('ArrowDown');
        assert.match(await focused(view) ?? '', /^(emotion|pain|onstage):/);
        assert.deepEqual(view.consoleErrors, []);
        await view.page.close();
    });

    it('names every card and the picture for assistive technology', async () => {
        const view = await openWebview(browser, { width: 1000, height: 700 });
        await view.post(modelMessage(wide));
        await view.page.click('#jm-fit');
        const names = await view.page.evaluate(() => Array.from(document.querySelectorAll('svg.jm-map g.jm-card')).map(g => ({ role: g.getAttribute('role'), name: g.getAttribute('aria-label') })));
        assert.ok(names.length > 36 && names.every(n => n.role === 'img' && (n.name ?? '').length > 3), JSON.stringify([names.length, names.filter(n => !n.name || n.role !== "img")]));
        // Chromium's own accessible-name computation finds them.
        await view.page.getByRole('img', { name: 'Pain points, Step 3: Severity: high. Waits too long' }).waitFor();
        await view.page.getByRole('img', { name: 'Thoughts & feelings, Step 10: Thinks. Thinks about 10' }).waitFor();
        await view.page.getByRole('img', { name: 'Step 8 of 12, Two: Step 7' }).waitFor();
        await view.page.getByRole('img', { name: 'Stage 1 of 2: One' }).waitFor();
        await view.page.getByRole('img', { name: 'Emotion, Step 0: +1' }).waitFor();
        const root = await view.page.evaluate(() => {
            const svg = document.querySelector('svg.jm-map')!;
            return { label: svg.getAttribute('aria-label'), desc: svg.querySelector(':scope>desc')?.textContent };
        });
        assert.equal(root.label, 'Wide map');
        assert.equal(root.desc, 'Journey map: Wide map. Persona: Dana, online shopper. Scenario: Twelve steps. 2 stages, 12 steps.');
        await view.page.close();
    });

    it('shows the map as text, a toggle away: a heading per stage and step, "lane: text" items, every step title', async () => {
        const view = await openWebview(browser, { width: 1000, height: 700 });
        const model = await gpBookingNextModel();
        await view.post(modelMessage(model));
        assert.equal(await view.page.locator('#jm-text-view').isVisible(), false);
        await view.page.click('#jm-text-toggle');
        assert.equal(await view.page.getAttribute('#jm-text-toggle', 'aria-pressed'), 'true');
        assert.equal(await view.page.locator('#jm-text-view').isVisible(), true);
        assert.equal(await view.page.locator('svg.jm-canvas').isVisible(), false);
        const journey = model.journeys[0];
        const outline = await view.page.evaluate(() => ({
            h1: document.querySelector('#jm-text-view h1')?.textContent,
            stages: Array.from(document.querySelectorAll('#jm-text-view h2')).map(h => h.textContent),
            steps: Array.from(document.querySelectorAll('#jm-text-view h3')).map(h => h.textContent),
            items: Array.from(document.querySelectorAll('#jm-text-view h3 + ul > li')).map(li => li.textContent),
        }));
        assert.equal(outline.h1, journey.title);
        assert.deepEqual(outline.stages, journey.stages.map(s => s.title));
        assert.deepEqual(outline.steps, journey.stages.flatMap(s => s.steps.map(t => t.title)));
        const onstage = journey.stages.flatMap(s => s.steps).flatMap(s => s.onstage)[0];
        assert.ok(outline.items.some(t => t!.startsWith(`On-stage: ${onstage.text}`)), `an on-stage action as "lane: text": ${JSON.stringify(outline.items.slice(0, 8))}`);
        // Its headings are real headings: a screen reader can go by them.
        assert.equal(await view.page.getByRole('heading', { level: 2 }).count(), journey.stages.length);
        assert.deepEqual((await view.page.evaluate(() => (window as unknown as { __state: { textView?: boolean } }).__state)).textView, true);
        await view.page.screenshot({ path: `${ARTIFACTS}map-view-text.png` });
        await view.page.click('#jm-text-toggle');
        assert.equal(await view.page.locator('svg.jm-canvas').isVisible(), true);
        assert.equal(await view.page.locator('#jm-text-view').isVisible(), false);
        await view.page.close();
    });

    it('draws solid card borders in the theme\'s contrast colour in a high-contrast theme, and keeps text and focus ring legible in every theme', async () => {
        const model = await gpBookingNextModel();
        for (const theme of ['light', 'dark', 'high-contrast'] as const) {
            const view = await openWebview(browser, { theme, width: 1200, height: 800 });
            await view.post(modelMessage(model));
            await view.page.click('#jm-fit');
            const borders = await view.page.evaluate(() => Array.from(document.querySelectorAll('svg.jm-map g.jm-card>rect, svg.jm-map .jm-part>rect')).map(r => {
                const style = getComputedStyle(r);
                return { kind: r.parentElement!.getAttribute('data-kind'), cls: r.parentElement!.getAttribute('class'), dash: style.strokeDasharray, stroke: style.stroke, width: parseFloat(style.strokeWidth) };
            }));
            const dashed = borders.filter(b => b.dash !== 'none');
            if (theme === 'high-contrast') {
                assert.deepEqual(dashed, [], 'no dashed border');
                // Cards whose border says something (moment of truth, pain severity) keep its colour.
                const plain = borders.filter(b => ['step', 'wait', 'note', 'onstage', 'touchpoint'].includes(b.kind!) && !/jm-moment|jm-highlight/.test(b.cls!));
                assert.ok(plain.length > 5 && plain.every(b => b.stroke === 'rgb(111, 195, 223)' && b.width >= 1.5), JSON.stringify(plain.slice(0, 3)));
            } else {
                assert.ok(dashed.some(b => b.kind === 'wait'), `${theme}: wait cards keep their dashes outside high contrast`);
            }
            await view.page.focus('#jm-lock');
            await view.page.keyboard.press('Tab');
            const ring = await view.page.evaluate(() => getComputedStyle(document.querySelector('.jm-focus-ring')!).stroke);
            const page = await view.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
            assert.notEqual(ring, page, `${theme}: the focus ring stands out`);
            await view.page.screenshot({ path: `${ARTIFACTS}map-view-theme-${theme}.png` });
            await view.page.close();
        }
    });
});
