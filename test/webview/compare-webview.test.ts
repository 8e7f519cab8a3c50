import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { compareMessage } from '../../src/extension/compare/compare-model.js';
import type { CompareMessage, CompareSpec } from '../../webview/compare-messages.js';
import { ROOT, launchChromium, openWebview, type WebviewPage } from './browser.js';

const ARTIFACTS = ROOT + 'test-results/';
import { HOSTILE_TEXTS, example, modelOf, twelveStepMap } from './preview-fixtures.js';

const SPEC: CompareSpec = { old: { kind: 'git', uri: 'file:///w/gift-return.journey', ref: 'HEAD' }, new: { kind: 'file', uri: 'file:///w/gift-return.journey' } };

/** gift-return.journey edited the way a pull request might: emotion worse, a step gone, one added, a stage added. */
function editedReturn(title = 'Asks in the store app'): string {
    const original = example('gift-return.journey');
    const calls = original.slice(original.indexOf('    step calls '), original.indexOf('  }\n\n  stage exchange'));
    return original
        .replace('      emotion 0\n', '      emotion -2\n')
        .replace(calls, '')
        .replace('    step exchanged ', `    step app_check ${JSON.stringify(title)} {\n      emotion 1\n    }\n    step exchanged `)
        .replace(/\n}\n*$/, '\n\n  stage review "Writes a review" {\n    step reviews "Reviews the store" {\n      emotion 1\n    }\n  }\n}\n');
}

async function comparison(newText = editedReturn()): Promise<CompareMessage> {
    const old = await modelOf(example('gift-return.journey'), 'gift-return.journey');
    const now = await modelOf(newText, 'gift-return.journey');
    return compareMessage(SPEC, 'gift-return.journey (HEAD ↔ Working tree)', { label: 'HEAD', errors: [], model: old }, { label: 'Working tree', errors: [], model: now });
}

/** `data-id=data-change` of every marked card in one pane. */
function marks(view: WebviewPage, side: 'old' | 'new'): Promise<string[]> {
    return view.page.evaluate(s => Array.from(document.querySelectorAll(`[data-side=${s}] svg.jm-map g.jm-card[data-change]:is([data-kind=step],[data-kind=stage])`))
        .map(e => `${e.getAttribute('data-id') ?? e.getAttribute('data-key')}=${e.getAttribute('data-change')}`).sort(), side);
}

/** The x of each stage card in one pane, in map coordinates. */
function stageXs(view: WebviewPage, side: 'old' | 'new'): Promise<Record<string, number>> {
    return view.page.evaluate(s => Object.fromEntries(Array.from(document.querySelectorAll(`[data-side=${s}] g.jm-card[data-kind=stage]`))
        .map(g => [g.getAttribute('data-id'), Number(/translate\(([-\d.]+)/.exec(g.getAttribute('transform') ?? '')?.[1])])), side);
}

describe('compare webview in Chromium', function () {
    this.timeout(60_000);
    let browser: Browser;
    before(async () => { browser = await launchChromium(); });
    after(async () => { await browser?.close(); });

    it('draws old and new side by side with the marks, each stage at the same x in both', async () => {
        const view = await openWebview(browser, { bundle: 'compare', width: 1600, height: 900 });
        await view.post(await comparison());
        assert.deepEqual(await marks(view, 'new'), [
            'app_check=added', 'calls=removed', 'reads_policy=changed', 'review=added', 'reviews=added',
        ]);
        assert.deepEqual(await marks(view, 'old'), ['calls=removed', 'reads_policy=changed']);
        const emotion = await view.page.evaluate(() => Array.from(document.querySelectorAll('[data-side] circle[data-change]')).map(c => `${c.getAttribute('data-step')}=${c.getAttribute('data-change')}`));
        assert.deepEqual(emotion, ['reads_policy=changed', 'calls=removed', 'reads_policy=changed', 'calls=removed'], 'emotion points are marked in both');
        const ghostMembers = await view.page.evaluate(() => Array.from(document.querySelectorAll('[data-side=new] g.jm-card[data-step=calls]')).map(g => g.getAttribute('data-change')));
        assert.ok(ghostMembers.length >= 5 && ghostMembers.every(c => c === 'removed'), `the removed step's members are ghosts too: ${ghostMembers}`);
        // Each mark carries its label, so it reads without colour (a ghost step's members are faded, unlabelled).
        const labels = await view.page.evaluate(() => Array.from(document.querySelectorAll('[data-side] g.jm-card[data-change]'))
            .map(g => [g.getAttribute('data-change'), g.querySelector(':scope > .jm-change-badge text')?.textContent ?? null]));
        const symbol: Record<string, string> = { added: '+', removed: '−', changed: '~', moved: '↔' };
        assert.ok(labels.filter(([, label]) => label !== null).length >= 7, JSON.stringify(labels));
        for (const [change, label] of labels) assert.ok(label === null ? change === 'removed' : label === symbol[change!], `${change}: ${label}`);
        // The emotion changed: the old curve runs dashed under the new one, in the new picture only.
        assert.equal(await view.page.locator('[data-side=new] path.jm-asis').count(), 1);
        assert.equal(await view.page.locator('[data-side=old] path.jm-asis').count(), 0);

        const [oldXs, newXs] = [await stageXs(view, 'old'), await stageXs(view, 'new')];
        assert.deepEqual(Object.keys(oldXs), ['decide', 'exchange', 'after']);
        for (const id of Object.keys(oldXs)) assert.equal(oldXs[id], newXs[id], `stage ${id} starts at the same x in both`);
        assert.ok(newXs.review > newXs.after);

        const text = await view.page.evaluate(() => ({
            title: document.querySelector('.jm-file')?.textContent,
            summary: document.getElementById('jm-summary')?.textContent,
            labels: Array.from(document.querySelectorAll('.jm-pane-label')).map(l => l.textContent),
            arrangement: document.getElementById('jm-panes')?.className,
            changes: Array.from(document.querySelectorAll('#jm-changes button')).map(b => b.textContent),
        }));
        assert.equal(text.title, 'gift-return.journey (HEAD ↔ Working tree)');
        assert.equal(text.summary, '3 added · 1 removed · 1 changed · emotion 0 better, 1 worse');
        assert.deepEqual(text.labels, ['HEAD', 'Working tree']);
        assert.equal(text.arrangement, 'jm-side-by-side');
        assert.ok(text.changes.some(c => c === 'step Reads the return policy: emotion 0 → -2 ↓ (worse)'), text.changes.join('\n'));
        assert.deepEqual(view.strayRequests, []);
        assert.deepEqual(view.consoleErrors, []);
        mkdirSync(ARTIFACTS, { recursive: true });
        await view.page.screenshot({ path: `${ARTIFACTS}compare-gift-return.png` });
        // The docs' picture: refreshed on request, so an ordinary run leaves the tree clean.
        if (process.env.JOURNEYMAP_UPDATE_SCREENSHOTS === '1') copyFileSync(`${ARTIFACTS}compare-gift-return.png`, `${ROOT}docs/images/compare.png`);
    });

    it('pans both pictures together; a change clicked is centered in both and its source revealed', async () => {
        const view = await openWebview(browser, { bundle: 'compare', width: 1400, height: 900 });
        const message = await comparison();
        await view.post(message);
        const layers = () => view.page.evaluate(() => Array.from(document.querySelectorAll('[data-side] .jm-zoom-layer')).map(l => l.getAttribute('transform')));
        const box = (await view.page.locator('[data-side=old] .jm-canvas').boundingBox())!;
        await view.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await view.page.mouse.down();
        await view.page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2 - 50, { steps: 5 });
        await view.page.mouse.up();
        const [oldLayer, newLayer] = await layers();
        assert.equal(oldLayer, newLayer, 'the new picture followed the drag of the old one');

        await view.page.getByRole('button', { name: /Reads the return policy: emotion/ }).click();
        const focused = await view.page.evaluate(() => Array.from(document.querySelectorAll('.jm-focus')).map(e => `${e.closest('[data-side]')!.getAttribute('data-side')}:${e.getAttribute('data-id')}`));
        assert.deepEqual(focused, ['old:reads_policy', 'new:reads_policy']);
        const journey = message.journeys[0];
        const step = journey.new!.stages[0].steps.find(s => s.id === 'reads_policy')!;
        assert.deepEqual((await view.posted()).at(-1), { type: 'reveal', side: 'new', range: step.range });

        // A removed step has its source only in the old version.
        await view.page.getByRole('button', { name: /removed step Calls to check/ }).click();
        const calls = journey.old!.stages[0].steps.find(s => s.id === 'calls')!;
        assert.deepEqual((await view.posted()).at(-1), { type: 'reveal', side: 'old', range: calls.range });

        // A card clicked in the old picture selects its source there (the whole width in view:
        // the pictures open readable, wider than their panes).
        await view.page.click('#jm-fit');
        await view.page.locator('[data-side=old] g.jm-card[data-kind=step][data-id=visits_store]').click();
        const visits = journey.old!.stages[1].steps.find(s => s.id === 'visits_store')!;
        assert.deepEqual((await view.posted()).at(-1), { type: 'reveal', side: 'old', range: visits.range });
    });

    it('opens a wide comparison readable: card text at least 11 px on screen in a 1000×700 view, panned not shrunk', async () => {
        const old = await modelOf(twelveStepMap(), 'wide.journey');
        const now = await modelOf(twelveStepMap().replace('"Shown 4"', '"Shown 4, now sooner"'), 'wide.journey');
        const view = await openWebview(browser, { bundle: 'compare', width: 1000, height: 700 });
        await view.post(compareMessage(SPEC, 'wide.journey', { label: 'HEAD', errors: [], model: old }, { label: 'Working tree', errors: [], model: now }));
        const sizes = await view.page.evaluate(() => Array.from(document.querySelectorAll<SVGTSpanElement>('g.jm-card tspan.jm-role-body'))
            .map(e => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM()!.a));
        assert.ok(sizes.length >= 48 && Math.min(...sizes) >= 11, `smallest card text on screen: ${Math.min(...sizes).toFixed(2)} px of ${sizes.length}`);
        const widths = await view.page.evaluate(() => ({ map: document.querySelector('svg.jm-map')!.getBoundingClientRect().width, pane: document.querySelector('svg.jm-canvas')!.clientWidth }));
        assert.ok(widths.map > widths.pane, JSON.stringify(widths));
        await view.page.close();
    });

    it('gives each picture the preview\'s aids: frozen lane labels when panned, an overview strip, and the keyboard (Tab in, arrows, Enter shows the source)', async () => {
        const old = await modelOf(twelveStepMap(), 'wide.journey');
        const now = await modelOf(twelveStepMap().replace('"Shown 4"', '"Shown 4, now sooner"'), 'wide.journey');
        const view = await openWebview(browser, { bundle: 'compare', width: 1000, height: 700 });
        await view.post(compareMessage(SPEC, 'wide.journey', { label: 'HEAD', errors: [], model: old }, { label: 'Working tree', errors: [], model: now }));
        // Wider than their panes: a strip in each.
        assert.equal(await view.page.locator('[data-side] .jm-minimap:visible').count(), 2);
        const box = (await view.page.locator('[data-side=new] .jm-canvas').boundingBox())!;
        await view.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await view.page.mouse.down();
        await view.page.mouse.move(box.x + box.width / 2 - 300, box.y + box.height / 2, { steps: 5 });
        await view.page.mouse.up();
        // Both pictures panned together: both freeze their lane labels.
        assert.equal(await view.page.locator('[data-side] [data-frozen=lanes]:visible').count(), 2);
        assert.equal(await view.page.locator('[data-side=new] [data-frozen=lanes] [data-lane=actions]').textContent(), 'Customer actions');
        // The keyboard in the new picture: one Tab stop, an arrow to the next step, Enter reveals its source there.
        await view.page.locator('[data-side=new] svg.jm-map g.jm-card[tabindex="0"]').focus();
        const first = await view.page.evaluate(() => document.activeElement?.getAttribute('data-key'));
        await view.page.keyboard.press('ArrowRight');
        const next = await view.page.evaluate(() => document.activeElement?.getAttribute('data-key'));
        assert.notEqual(next, first);
        await view.page.keyboard.press('Enter');
        const message = (await view.posted()).at(-1) as { type: string; side: string; range: unknown };
        assert.equal(message.type, 'reveal');
        assert.equal(message.side, 'new');
        assert.equal(await view.page.locator('[data-side=new] svg.jm-map g.jm-card[tabindex="0"]').count(), 1);
        assert.deepEqual(view.consoleErrors, []);
        await view.page.close();
    });

    it('stacks the pictures on request and remembers it, with the comparison, for a reload; stacks them at first in a narrow view', async () => {
        const narrow = await openWebview(browser, { bundle: 'compare', width: 700, height: 900 });
        await narrow.post(await comparison());
        assert.equal(await narrow.page.locator('#jm-panes').getAttribute('class'), 'jm-stacked');
        await narrow.page.close();
        const view = await openWebview(browser, { bundle: 'compare', width: 1200, height: 1000 });
        await view.post(await comparison());
        await view.page.locator('#jm-arrangement').click();
        const panes = await view.page.evaluate(() => {
            const [a, b] = Array.from(document.querySelectorAll('.jm-pane')).map(p => p.getBoundingClientRect());
            return { className: document.getElementById('jm-panes')!.className, below: b.top >= a.bottom - 1, sameLeft: Math.abs(a.left - b.left) < 1 };
        });
        assert.deepEqual(panes, { className: 'jm-stacked', below: true, sameLeft: true });
        const state = await view.page.evaluate(() => (window as unknown as { __state: { spec: unknown; arrangement: string } }).__state);
        assert.deepEqual(state.spec, SPEC);
        assert.equal(state.arrangement, 'stacked');
    });

    it('keeps the last picture when a comparison fails, and says when a version does not parse', async () => {
        const view = await openWebview(browser, { bundle: 'compare' });
        await view.post(await comparison());
        await view.post({ type: 'compareFailed', spec: SPEC, message: '"nope" is not a revision of this repository.' });
        assert.equal(await view.page.locator('#jm-banner').textContent(), '"nope" is not a revision of this repository.');
        assert.equal(await view.page.locator('[data-side=new] g.jm-card[data-id=reads_policy]').count(), 1, 'the last picture stays');

        // A side being typed that does not parse now: the last valid comparison stays, the banner says so.
        const typing = await comparison();
        typing.new.notice = 'Working tree: 1 syntax error, comparing the last valid version.';
        await view.post(typing);
        assert.equal(await view.page.locator('#jm-banner').textContent(), typing.new.notice);
        assert.equal(await view.page.locator('[data-side=new] g.jm-card[data-change]').count() > 0, true);

        const now = await modelOf(example('gift-return.journey'), 'gift-return.journey');
        await view.post(compareMessage(SPEC, 't', { label: 'HEAD', errors: ['line 3, column 1: expected a stage'] }, { label: 'Working tree', errors: [], model: now }));
        assert.match((await view.page.locator('#jm-banner').textContent())!, /^Not compared, a version does not parse\. HEAD: line 3, column 1: expected a stage$/);
        assert.equal(await view.page.locator('[data-side=old] .jm-pane-note').textContent(), 'HEAD does not parse.');
        assert.equal(await view.page.locator('[data-side=new] [data-change]').count(), 0, 'not compared, so nothing is marked added');
        assert.equal(await view.page.locator('#jm-changes').textContent(), 'Not compared.');
    });

    it('shows hostile text as text and runs nothing', async () => {
        const view = await openWebview(browser, { bundle: 'compare' });
        await view.post(await comparison(editedReturn(HOSTILE_TEXTS.markup)));
        const result = await view.page.evaluate(() => ({
            pwned: (window as unknown as { __pwned?: number }).__pwned,
            images: document.querySelectorAll('img').length,
            scripts: document.querySelectorAll('script').length,
            entry: Array.from(document.querySelectorAll('#jm-changes button')).map(b => b.textContent).find(t => t?.includes('<script>')),
        }));
        assert.equal(result.pwned, undefined);
        assert.equal(result.images, 0);
        assert.equal(result.scripts, 1, 'only the bundle');
        assert.equal(result.entry, `added step ${HOSTILE_TEXTS.markup}`);
        assert.deepEqual(view.strayRequests, []);
    });
});
