import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { JourneyDocumentModel } from '../../language/model/journey-model.js';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { ROW_ORDER } from '../../webview/layout/layout-types.js';
import { flatMapSvg } from '../../webview/render/flat-svg.js';
import { mapSvg } from '../../webview/render/svg-markup.js';
import type { ModelMessage } from '../../webview/messages.js';
import { NONCE, ROOT, launchChromium, openWebview, type WebviewPage } from './browser.js';
import { FULL_MAP, HOSTILE_TEXTS, example, hostileMap, modelOf } from './preview-fixtures.js';

const ARTIFACTS = ROOT + 'test-results/';

function modelMessage(model: JourneyDocumentModel, extra: Partial<ModelMessage> = {}): ModelMessage {
    return { type: 'model', uri: model.uri, label: 'map.journey', version: 1, model, syntaxErrors: 0, errors: 0, locked: false, ...extra };
}

/** Every card's text lies inside its box as Chromium really draws it (real fonts, not our metrics). */
async function clippedTexts(view: WebviewPage): Promise<string[]> {
    return view.page.evaluate(() => {
        const problems: string[] = [];
        for (const card of Array.from(document.querySelectorAll<SVGGElement>('svg.jm-map g.jm-card'))) {
            const rect = card.querySelector(':scope>rect') as SVGRectElement;
            const box = { x: rect.x.baseVal.value, y: rect.y.baseVal.value, w: rect.width.baseVal.value, h: rect.height.baseVal.value };
            for (const text of Array.from(card.querySelectorAll<SVGTextElement>(':scope>text, :scope>a>text'))) {
                const b = text.getBBox();
                if (b.x < box.x - 0.5 || b.x + b.width > box.x + box.w + 0.5 || b.y < box.y - 0.5 || b.y + b.height > box.y + box.h + 0.5) {
                    problems.push(`${card.dataset.key}: "${text.textContent}" [${b.x.toFixed(1)},${(b.x + b.width).toFixed(1)}] outside [${box.x},${box.x + box.w}]`);
                }
            }
        }
        return problems;
    });
}

describe('preview webview in Chromium', function () {
    this.timeout(60_000);
    let browser: Browser;
    before(async () => {
        browser = await launchChromium();
        mkdirSync(ARTIFACTS, { recursive: true });
    });
    after(async () => { await browser?.close(); });

    it('draws a posted model following the markup contract, with nothing clipped, for every example', async () => {
        for (const name of ['gift-purchase.journey', 'saas-onboarding.journey', 'gift-return.journey']) {
            const model = await modelOf(example(name), name);
            const view = await openWebview(browser, { width: 1400, height: 900 });
            await view.post(modelMessage(model, { label: name }));
            const journey = model.journeys[0];
            const dom = await view.page.evaluate(() => {
                const svg = document.querySelector('svg.jm-map')!;
                const attr = (sel: string, name: string) => Array.from(svg.querySelectorAll(sel)).map(e => e.getAttribute(name));
                return {
                    journey: svg.getAttribute('data-journey'),
                    rows: Array.from(svg.querySelectorAll('[data-kind=lane],[data-kind=line]')).map(e => e.getAttribute('data-id')),
                    lines: attr('[data-kind=line]', 'data-id'),
                    stages: attr('g[data-kind=stage]', 'data-id'),
                    steps: attr('g[data-kind=step]', 'data-id'),
                    emotions: Array.from(svg.querySelectorAll('[data-kind=emotion]')).map(e => [e.getAttribute('data-step'), e.getAttribute('data-value')]),
                    // Step members: not the header's cards (persona, journey-level items) nor a stage's own.
                    members: Array.from(svg.querySelectorAll('.jm-row g.jm-card:not([data-kind=stage]):not([data-kind=step]):not([data-stage])')).map(e => [e.getAttribute('data-kind'), e.getAttribute('data-step')]),
                    cardsWellFormed: Array.from(svg.querySelectorAll('g.jm-card')).every(g => g.querySelector(':scope>rect') && g.querySelector(':scope>text>tspan')),
                    pains: attr('g[data-kind=pain]', 'data-step'),
                };
            });
            const steps = journey.stages.flatMap(s => s.steps);
            assert.equal(dom.journey, journey.id);
            assert.deepEqual(dom.rows, ROW_ORDER.filter(id => dom.rows.includes(id)), `${name}: rows in the spec's order`);
            assert.ok(['actions', 'onstage', 'visibility', 'offstage'].every(id => dom.rows.includes(id)));
            assert.deepEqual(dom.stages, journey.stages.map(s => s.id));
            assert.deepEqual(dom.steps, steps.map(s => s.id));
            assert.deepEqual(dom.emotions, steps.map(s => [s.id, s.emotion === undefined ? null : String(s.emotion)]));
            assert.deepEqual(dom.pains, steps.flatMap(s => s.pains.map(() => s.id)));
            assert.ok(dom.members.length > 10 && dom.members.every(([kind, step]) => kind && step && steps.some(s => s.id === step)));
            assert.ok(dom.cardsWellFormed, 'every card is a <g> with a <rect> and <text><tspan>');
            assert.deepEqual(await clippedTexts(view), [], name);
            const shot = `${ARTIFACTS}preview-${name.replace('.journey', '')}.png`;
            await view.page.screenshot({ path: shot, fullPage: false });
            // The README's picture: refreshed on request, so an ordinary run leaves the tree clean.
            if (process.env.JOURNEYMAP_UPDATE_SCREENSHOTS === '1' && name === 'gift-purchase.journey') copyFileSync(shot, `${ROOT}docs/images/preview.png`);
            assert.deepEqual(view.consoleErrors, []);
            assert.deepEqual(view.strayRequests, []);
            await view.page.close();
        }
    });

    it('is legible in the light, dark and high-contrast themes', async () => {
        const model = await modelOf(example('saas-onboarding.journey'));
        for (const theme of ['light', 'dark', 'high-contrast'] as const) {
            const view = await openWebview(browser, { theme });
            await view.post(modelMessage(model));
            const colours = await view.page.evaluate(() => {
                const text = document.querySelector('g[data-kind=step] text')!;
                const rect = document.querySelector('g[data-kind=step] rect')!;
                return { fg: getComputedStyle(text).fill, bg: getComputedStyle(rect).fill, page: getComputedStyle(document.body).backgroundColor };
            });
            const luminance = (css: string) => {
                const [r, g, b] = css.match(/\d+/g)!.map(Number).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const [hi, lo] = [luminance(colours.fg), luminance(colours.bg)].sort((a, b) => b - a);
            assert.ok((hi + 0.05) / (lo + 0.05) >= 4.5, `${theme}: contrast of ${colours.fg} on ${colours.bg}`);
            await view.page.screenshot({ path: `${ARTIFACTS}preview-theme-${theme}.png` });
            await view.page.close();
        }
    });

    it('patches the picture in place on an updated model: same nodes, zoom kept', async () => {
        const view = await openWebview(browser);
        const first = await modelOf(example('gift-purchase.journey'));
        await view.post(modelMessage(first));
        await view.page.mouse.move(600, 400);
        await view.page.mouse.wheel(0, -300);
        await view.page.waitForTimeout(100);
        const before = await view.page.evaluate(() => {
            (document.querySelector('g[data-kind=step][data-id=checkout]') as unknown as { __mark: number }).__mark = 42;
            (document.querySelector('svg.jm-map') as unknown as { __mark: number }).__mark = 7;
            return document.querySelector('.jm-zoom-layer')!.getAttribute('transform');
        });
        const edited = await modelOf(example('gift-purchase.journey').replace('"Checks out"', '"Checks out on her phone"'));
        await view.post(modelMessage(edited, { version: 2 }));
        const after = await view.page.evaluate(() => {
            const step = document.querySelector('g[data-kind=step][data-id=checkout]') as unknown as SVGGElement & { __mark?: number };
            return {
                sameStep: step.__mark === 42,
                sameSvg: (document.querySelector('svg.jm-map') as unknown as { __mark?: number }).__mark === 7,
                text: step.textContent,
                transform: document.querySelector('.jm-zoom-layer')!.getAttribute('transform'),
                maps: document.querySelectorAll('svg.jm-map').length,
            };
        });
        assert.ok(before && before !== 'translate(0,0) scale(1)', `zoomed: ${before}`);
        assert.ok(after.sameStep && after.sameSvg, 'nodes were replaced instead of patched');
        assert.match(after.text!, /Checks out on her phone/);
        assert.equal(after.transform, before);
        assert.equal(after.maps, 1);
        await view.page.close();
    });

    it('clicking a card asks the host to select its source; the cursor highlights its step', async () => {
        const view = await openWebview(browser);
        const model = await modelOf(example('gift-purchase.journey'));
        await view.post(modelMessage(model));
        // The whole map in view, so every card can be clicked (it opens readable, wider than the view).
        await view.page.click('#jm-fit');
        const step = model.journeys[0].stages.flatMap(s => s.steps).find(s => s.pains.length > 0)!;
        await view.page.click(`g[data-kind=pain][data-step=${step.id}]`);
        await view.page.click(`g[data-kind=step][data-id=${step.id}]`);
        const reveals = (await view.posted()).filter(m => m.type === 'reveal');
        assert.deepEqual(reveals, [
            { type: 'reveal', uri: model.uri, range: step.pains[0].range },
            { type: 'reveal', uri: model.uri, range: step.range },
        ]);
        const other = model.journeys[0].stages.at(-1)!.steps.at(-1)!;
        await view.post({ type: 'cursor', uri: model.uri, position: { line: other.range.start.line + 1, character: 4 } });
        const highlighted = await view.page.evaluate(() => Array.from(document.querySelectorAll('.jm-highlight')).map(e => e.getAttribute('data-id') ?? e.getAttribute('data-step')));
        assert.ok(highlighted.length >= 2 && highlighted.every(id => id === other.id), JSON.stringify(highlighted));
        // Scrolled into view: the highlighted step card is inside the viewport.
        const box = await view.page.locator(`g[data-kind=step][data-id=${other.id}] rect`).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 1200, JSON.stringify(box));
        await view.post({ type: 'cursor', uri: model.uri, position: { line: 0, character: 0 } });
        assert.equal(await view.page.locator('.jm-highlight').count(), 0);
        await view.page.close();
    });

    it('keeps the last good picture with an error banner while the text does not parse; the banner jumps to the error', async () => {
        const view = await openWebview(browser);
        const model = await modelOf(example('gift-purchase.journey'));
        await view.post(modelMessage(model));
        await view.page.click('#jm-fit'); // every step in view, so every step is drawn
        await view.post(modelMessage(model, { syntaxErrors: 2, errors: 3, version: 2 }));
        assert.equal(await view.page.locator('#jm-banner').isVisible(), true);
        assert.match(await view.page.locator('#jm-banner').innerText(), /2 syntax errors/);
        assert.equal(await view.page.locator('g[data-kind=step]').count(), model.journeys[0].stages.flatMap(s => s.steps).length);
        await view.page.click('#jm-banner');
        assert.ok((await view.posted()).some(m => m.type === 'revealFirstError' && m.uri === model.uri));
        await view.post(modelMessage(model, { version: 3 }));
        assert.equal(await view.page.locator('#jm-banner').isVisible(), false);
        await view.page.close();
    });

    it('has a strict CSP with a nonce, no inline script without it, and loads nothing else', async () => {
        const view = await openWebview(browser);
        await view.post(modelMessage(await modelOf(example('saas-onboarding.journey'))));
        const page = await view.page.evaluate(() => ({
            csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
            scripts: Array.from(document.scripts).map(s => ({ nonce: s.nonce, src: s.src, inline: s.textContent!.trim().length > 0 })),
            styles: Array.from(document.querySelectorAll('style')).map(s => s.nonce),
        }));
        assert.match(page.csp!, /default-src 'none'/);
        assert.match(page.csp!, new RegExp(`script-src 'nonce-${NONCE}'`));
        assert.doesNotMatch(page.csp!, /unsafe-inline|unsafe-eval/);
        assert.ok(page.scripts.length === 1 && page.scripts.every(s => s.nonce === NONCE && !s.inline));
        assert.ok(page.styles.length > 0 && page.styles.every(n => n === NONCE));
        assert.deepEqual(view.strayRequests, []);
        assert.deepEqual(view.consoleErrors, []);
        await view.page.close();
    });

    it('shows hostile text as text and runs nothing', async () => {
        const view = await openWebview(browser);
        const model = await modelOf(hostileMap());
        await view.post(modelMessage(model));
        await view.page.waitForTimeout(200);
        const result = await view.page.evaluate(() => ({
            pwned: (window as unknown as { __pwned?: number }).__pwned,
            scripts: document.scripts.length,
            injected: document.querySelectorAll('svg img, svg script, svg foreignObject, body > img').length,
            painText: document.querySelector('g[data-kind=pain]')!.textContent,
            maps: document.querySelectorAll('svg.jm-map').length,
            cards: document.querySelectorAll('g.jm-card').length,
        }));
        assert.equal(result.pwned, undefined);
        assert.equal(result.scripts, 1);
        assert.equal(result.injected, 0);
        assert.equal(result.maps, 1, 'a </svg> in the text did not close the picture');
        assert.ok(result.painText!.replace(/\s/g, '').includes(HOSTILE_TEXTS.markup.replace(/\s/g, '')), result.painText!);
        assert.deepEqual(await clippedTexts(view), [], 'long, unbroken, emoji and RTL text stays in its card in Chromium');
        await view.page.screenshot({ path: `${ARTIFACTS}preview-hostile.png` });
        assert.deepEqual(view.strayRequests, []);
        await view.page.close();
    });

    it('shows a picker for several journeys, toggles lanes, and exports SVG, PNG and PDF in the chosen theme', async () => {
        const view = await openWebview(browser);
        const twoJourneys = example('gift-purchase.journey') + '\n' + example('saas-onboarding.journey');
        const model = await modelOf(twoJourneys);
        await view.post(modelMessage(model));
        assert.equal(await view.page.locator('#jm-picker').isVisible(), true);
        await view.page.selectOption('#jm-picker', 'team_onboarding');
        assert.equal(await view.page.getAttribute('svg.jm-map', 'data-journey'), 'team_onboarding');
        assert.equal(await view.page.locator('[data-kind=lane][data-id=pains]').count(), 1);
        await view.page.click('#jm-lanes-button');
        await view.page.uncheck('input[data-lane=pains]');
        assert.equal(await view.page.locator('[data-kind=lane][data-id=pains]').count(), 0);
        await view.page.click('#jm-export-svg');
        await view.page.click('#jm-export-png');
        await view.page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string; format?: string }> }).__posted.some(m => m.type === 'save' && m.format === 'png'));
        // Exports in the dark palette: the PDF (made by the host from this flattened SVG) and the SVG.
        assert.equal(await view.page.inputValue('#jm-export-theme'), 'light');
        await view.page.selectOption('#jm-export-theme', 'dark');
        await view.page.click('#jm-export-pdf');
        await view.page.click('#jm-export-svg');
        const saves = (await view.posted()).filter(m => m.type === 'save') as unknown as Array<{ format: string; data: string; name: string; theme?: string; title?: string }>;
        assert.deepEqual(saves.map(m => [m.format, m.theme]), [['svg', 'light'], ['png', 'light'], ['pdf', 'dark'], ['svg', 'dark']]);
        assert.match(saves[0].data, /^<svg[^>]*data-journey="team_onboarding"/);
        assert.match(saves[0].data, /--jm-bg:#ffffff/);
        // The SVG is the command line's markup for the same layout (hidden lanes too), byte for byte.
        const layout = layoutJourney(model.journeys.find(j => j.id === 'team_onboarding')!, { hiddenLanes: new Set(['pains']) });
        assert.equal(saves[0].data, mapSvg(layout, { palette: 'light' }));
        assert.equal(saves[1].name, 'team_onboarding');
        assert.match(saves[1].data, /^data:image\/png;base64,iVBOR/);
        assert.equal(saves[2].data, flatMapSvg(layout, { palette: 'dark' }));
        assert.doesNotMatch(saves[2].data, /<style|var\(/);
        assert.equal(saves[2].title, 'Onboarding a new customer team');
        assert.match(saves[3].data, /--jm-bg:#0d1117/);
        const state = await view.page.evaluate(() => (window as unknown as { __state: { journeyId?: string; hiddenLanes?: string[]; exportTheme?: string } }).__state);
        assert.equal(state.journeyId, 'team_onboarding');
        assert.deepEqual(state.hiddenLanes, ['pains']);
        assert.equal(state.exportTheme, 'dark');
        assert.deepEqual(view.consoleErrors, []);
        await view.page.close();
    });

    it('restores journey, lanes and zoom from the saved state after a reload', async () => {
        const view = await openWebview(browser, { state: { journeyId: 'team_onboarding', hiddenLanes: ['metrics'], transform: { x: -40, y: -10, k: 0.5 } } });
        await view.post(modelMessage(await modelOf(example('gift-purchase.journey') + '\n' + example('saas-onboarding.journey'))));
        assert.equal(await view.page.getAttribute('svg.jm-map', 'data-journey'), 'team_onboarding');
        assert.equal(await view.page.locator('[data-kind=lane][data-id=metrics]').count(), 0);
        assert.equal(await view.page.getAttribute('.jm-zoom-layer', 'transform'), 'translate(-40,-10) scale(0.5)');
        await view.page.close();
    });

    it('shows a card\'s full text as a tooltip on hover', async () => {
        const view = await openWebview(browser);
        await view.post(modelMessage(await modelOf(example('gift-purchase.journey'))));
        await view.page.hover('g[data-kind=step][data-id=checks_delivery]');
        assert.equal(await view.page.locator('#jm-tooltip').isVisible(), true);
        assert.match(await view.page.locator('#jm-tooltip').innerText(), /Looks for the delivery date[\s\S]*ticket: WISMO/);
        await view.page.close();
    });

    it('draws a long map around the view and the rest as it is panned to', async () => {
        const stages = Array.from({ length: 30 }, (_, s) => `stage s${s} { ${Array.from({ length: 5 }, (_, i) => `step t${s}_${i} "Step ${s}.${i}" { emotion +1 onstage "Shown ${s}.${i}" }`).join(' ')} }`);
        const model = await modelOf(`journey long for dana { ${stages.join('\n')} }`);
        const view = await openWebview(browser, { width: 1000, height: 700 });
        await view.post(modelMessage(model));
        const drawn = () => view.page.evaluate(() => Array.from(document.querySelectorAll('g[data-kind=step]')).map(g => g.getAttribute('data-id')));
        const first = await drawn();
        assert.ok(first.includes('t0_0') && !first.includes('t29_4') && first.length < 150, `${first.length} of 150 steps drawn`);
        for (let i = 0; i < 40 && !(await drawn()).includes('t29_4'); i++) {
            await view.page.mouse.move(900, 400);
            await view.page.mouse.down();
            await view.page.mouse.move(100, 400, { steps: 4 });
            await view.page.mouse.up();
            await view.page.waitForTimeout(30);
        }
        const later = await drawn();
        assert.ok(later.includes('t29_4') && !later.includes('t0_0'), JSON.stringify(later.slice(0, 3)));
        assert.equal(await view.page.locator('[data-kind=lane][data-id=onstage]').count(), 1);
        await view.page.close();
    });

    it('opens a wide map at a readable scale in a side panel: card text at least 11 px on screen, panned not shrunk', async () => {
        const steps = Array.from({ length: 12 }, (_, i) => `step s${i} "Step ${i}" { emotion +1 thinks "Thinks about ${i}" onstage "Shown ${i}" }`);
        const model = await modelOf(`journey wide for dana { stage one "One" { ${steps.slice(0, 6).join(' ')} } stage two "Two" { ${steps.slice(6).join(' ')} } }`);
        const view = await openWebview(browser, { width: 1000, height: 700 });
        await view.post(modelMessage(model));
        const seen = await view.page.evaluate(() => {
            const map = document.querySelector<SVGSVGElement>('svg.jm-map')!;
            // What Chromium draws: the font size in the map times the scale from the map to the screen.
            const onScreen = (e: SVGGraphicsElement) => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM()!.a;
            const bodyTexts = Array.from(document.querySelectorAll<SVGTSpanElement>('g.jm-card tspan.jm-role-body'));
            return {
                sizes: bodyTexts.map(onScreen),
                mapWidthOnScreen: map.getBoundingClientRect().width,
                viewWidth: document.querySelector('svg.jm-canvas')!.clientWidth,
            };
        });
        assert.ok(seen.sizes.length >= 12, `${seen.sizes.length} card texts`);
        assert.ok(Math.min(...seen.sizes) >= 11, `smallest card text on screen: ${Math.min(...seen.sizes).toFixed(2)} px`);
        // Wider than the view: it opened to be panned, not fitted.
        assert.ok(seen.mapWidthOnScreen > seen.viewWidth, `map ${seen.mapWidthOnScreen} px wide in a ${seen.viewWidth} px view`);
        // Fit width still shrinks it to the view, below the readable scale.
        await view.page.click('#jm-fit');
        const fitted = await view.page.evaluate(() => document.querySelector('svg.jm-map')!.getBoundingClientRect().width);
        assert.ok(Math.abs(fitted - seen.viewWidth) < 2, `fitted ${fitted} px to ${seen.viewWidth} px`);
        await view.page.close();
    });

    it('renders the full map with every lane', async () => {
        const view = await openWebview(browser);
        await view.post(modelMessage(await modelOf(FULL_MAP)));
        const rows = await view.page.evaluate(() => Array.from(document.querySelectorAll('[data-kind=lane],[data-kind=line]')).map(e => e.getAttribute('data-id')));
        assert.deepEqual(rows, [...ROW_ORDER]);
        assert.match(await view.page.getAttribute('path.jm-curve', 'd') ?? '', /^M/);
        await view.page.close();
    });
});
