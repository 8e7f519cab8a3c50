import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { JourneyDocumentModel } from '../../language/model/journey-model.js';
import { ROW_ORDER } from '../../webview/layout/layout-types.js';
import type { ModelMessage } from '../../webview/messages.js';
import { journeyMapSvg } from '../../webview/render/svg-markup.js';
import { ROOT, launchChromium, openWebview, type WebviewPage } from './browser.js';
import { gpBookingNextModel, modelOf } from './preview-fixtures.js';

const ARTIFACTS = ROOT + 'test-results/';

function modelMessage(model: JourneyDocumentModel): ModelMessage {
    return { type: 'model', uri: model.uri, label: 'gp-booking-next.journey', version: 1, model, syntaxErrors: 0, errors: 0, locked: false };
}

/**
 * Every text of every card — its own, its links', its fail point's and chips' — lies inside its
 * box as Chromium draws it with real fonts, and every fail point and chip inside its card.
 */
function clippedParts(page: Page): Promise<string[]> {
    return page.evaluate(() => {
        const problems: string[] = [];
        const boxOf = (g: Element) => {
            const rect = g.querySelector(':scope>rect') as SVGRectElement;
            return { x: rect.x.baseVal.value, y: rect.y.baseVal.value, w: rect.width.baseVal.value, h: rect.height.baseVal.value };
        };
        const inside = (b: { x: number; y: number; width: number; height: number }, box: { x: number; y: number; w: number; h: number }) =>
            b.x >= box.x - 0.5 && b.x + b.width <= box.x + box.w + 0.5 && b.y >= box.y - 0.5 && b.y + b.height <= box.y + box.h + 0.5;
        for (const card of Array.from(document.querySelectorAll<SVGGElement>('svg.jm-map g.jm-card'))) {
            const box = boxOf(card);
            for (const text of Array.from(card.querySelectorAll<SVGTextElement>(':scope>text, :scope>a>text'))) {
                if (!inside(text.getBBox(), box)) problems.push(`${card.dataset.key}: "${text.textContent}"`);
            }
            for (const part of Array.from(card.querySelectorAll<SVGGElement>(':scope>g.jm-part'))) {
                const partBox = boxOf(part);
                const m = part.transform.baseVal.consolidate()!.matrix;
                if (!inside({ x: m.e + partBox.x, y: m.f + partBox.y, width: partBox.w, height: partBox.h }, box)) problems.push(`${card.dataset.key}: its ${part.dataset.kind} leaves it`);
                for (const text of Array.from(part.querySelectorAll<SVGTextElement>(':scope>text'))) {
                    if (!inside(text.getBBox(), partBox)) problems.push(`${card.dataset.key} ${part.dataset.kind}: "${text.textContent}"`);
                }
            }
        }
        return problems;
    });
}

describe('schema 2 in the picture (Chromium)', function () {
    this.timeout(60_000);
    let browser: Browser;
    let view: WebviewPage;
    before(async () => {
        browser = await launchChromium();
        mkdirSync(ARTIFACTS, { recursive: true });
        view = await openWebview(browser, { width: 1600, height: 1000 });
        await view.post(modelMessage(await gpBookingNextModel()));
        await view.page.locator('button', { hasText: 'Fit width' }).click();
    });
    after(async () => { await browser?.close(); });

    it('draws every schema-2 element of gp-booking-next, nothing clipped', async () => {
        const dom = await view.page.evaluate(() => {
            const svg = document.querySelector('svg.jm-map')!;
            const all = (sel: string) => Array.from(svg.querySelectorAll(sel));
            // A card's words: its lines joined by spaces.
            const text = (e: Element | null) => e ? Array.from(e.querySelectorAll('tspan')).map(t => t.textContent).join(' ') : '';
            return {
                rows: all('[data-kind=lane],[data-kind=line]').map(e => e.getAttribute('data-id')),
                physical: all('[data-kind=lane][data-id=physical] g[data-kind=physical]').map(e => e.getAttribute('data-step')),
                fails: all('g.jm-card > g[data-kind=fail]').map(e => [e.parentElement!.getAttribute('data-kind'), e.getAttribute('data-step'), text(e)]),
                waits: all('g[data-kind=wait]').map(e => [e.getAttribute('data-step'), text(e), e.closest('[data-kind=lane]')!.getAttribute('data-id')]),
                fillsForm: text(svg.querySelector('g[data-kind=step][data-id=fills_form]')),
                chips: all('g[data-kind=opportunity][data-step=fills_form]').map(e => ({
                    status: e.getAttribute('data-status'), impact: e.getAttribute('data-impact'), effort: e.getAttribute('data-effort'),
                    chips: Array.from(e.querySelectorAll(':scope>g[data-kind=chip]')).map(c => `${c.getAttribute('data-chip')}:${text(c)}`),
                })),
                staged: all('g.jm-card[data-stage]').map(e => [e.getAttribute('data-kind'), e.getAttribute('data-stage'), e.hasAttribute('data-step'), e.closest('[data-kind=lane]')?.getAttribute('data-id')]),
                header: all('.jm-heading > g.jm-card').map(e => [e.getAttribute('data-kind'), e.hasAttribute('data-step') || e.hasAttribute('data-stage')]),
                persona: text(svg.querySelector('.jm-heading g[data-kind=persona]')),
                metric: text(svg.querySelector('g[data-kind=metric][data-step=collects]')),
                metricData: ['data-trend', 'data-target'].map(a => svg.querySelector('g[data-kind=metric][data-step=collects]')!.getAttribute(a)),
            };
        });
        assert.deepEqual(dom.rows, ROW_ORDER.filter(id => dom.rows.includes(id)));
        assert.equal(dom.rows[1], 'physical');
        assert.deepEqual(dom.physical, ['notices', 'consultation', 'collects']);
        assert.deepEqual(dom.fails, [
            ['onstage', 'gets_slot', '✗ Fail point Link expires before she opens it'],
            ['offstage', 'fills_form', '✗ Fail point Review slips when the duty GP is called to an emergency'],
            ['support', 'collects', '✗ Fail point Pharmacy system down: prescription printed again'],
        ]);
        assert.deepEqual(dom.waits, [
            ['gets_slot', 'Wait 2h Clinician review', 'actions'],
            ['consultation', 'Wait 10min Appointments start on time more often with fewer emergencies squeezed in', 'actions'],
        ]);
        assert.match(dom.fillsForm, /Takes 6min/);
        assert.deepEqual(dom.chips, [{ status: 'idea', impact: 'medium', effort: 'medium', chips: ['status:idea', 'impact:impact medium', 'effort:effort medium'] }]);
        assert.deepEqual(dom.staged.filter(s => s[1] === 'book').map(s => s.join(' ')), [
            'evidence book false stages', 'note book false stages', 'pain book false pains', 'opportunity book false opportunities', 'metric book false metrics',
        ]);
        assert.deepEqual(dom.header, [
            ['persona', false], ['scenario', false], ['opportunity', false], ['opportunity', false], ['metric', false], ['metric', false], ['evidence', false], ['note', false],
        ]);
        for (const words of ['Ruth', 'retired teacher', 'Segment:', 'Goals', '•\u00A0See a doctor', 'Needs', '•\u00A0Not to repeat', 'I set an alarm for eight']) assert.ok(dom.persona.includes(words), `${words} in ${dom.persona}`);
        assert.match(dom.metric, /1d → 3h ▼.*target 2h · ✗ off target/);
        assert.deepEqual(dom.metricData, ['down', 'off']);
        assert.deepEqual(await clippedParts(view.page), []);
        await view.page.screenshot({ path: `${ARTIFACTS}preview-gp-booking-next.png` });
        assert.deepEqual(view.consoleErrors, []);
    });

    it('draws the as-is curve dashed and muted under the to-be one, with an as-is / to-be legend', async () => {
        const curve = await view.page.evaluate(() => {
            const asIs = document.querySelector<SVGPathElement>('path[data-kind=asis-emotion]');
            const toBe = document.querySelector<SVGPathElement>('path.jm-curve');
            const legend = document.querySelector('[data-kind=lane][data-id=emotion] [data-kind=legend]');
            return {
                d: asIs?.getAttribute('d') ?? '', dash: asIs ? getComputedStyle(asIs).strokeDasharray : '',
                colours: [asIs && getComputedStyle(asIs).stroke, toBe && getComputedStyle(toBe).stroke],
                toBeDash: toBe ? getComputedStyle(toBe).strokeDasharray : '',
                before: !!asIs && !!toBe && (asIs.compareDocumentPosition(toBe) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
                legend: legend?.textContent ?? '',
            };
        });
        // The as-is journey shares two of these step ids in a row and one alone (a dot-sized segment).
        assert.match(curve.d, /^M[\d.,]+Z?M?[\d.,]*L[\d.,]+/);
        assert.notEqual(curve.dash, 'none');
        assert.equal(curve.toBeDash, 'none');
        assert.notEqual(curve.colours[0], curve.colours[1], 'muted, not the to-be colour');
        assert.ok(curve.before, 'drawn under the to-be curve');
        assert.equal(curve.legend, 'as-isto-be');
    });

    it('opens an https link through the host, never inside the webview', async () => {
        const link = view.page.locator('g[data-kind=step][data-id=fills_form] a').first();
        assert.equal(await link.getAttribute('href'), 'https://practice.example/reports/triage-funnel');
        const url = view.page.url();
        const popups: string[] = [];
        view.page.context().on('page', p => popups.push(p.url()));
        await link.dispatchEvent('click');
        await view.page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'openLink'));
        const opened = (await view.posted()).filter(m => m.type === 'openLink');
        assert.deepEqual(opened, [{ type: 'openLink', url: 'https://practice.example/reports/triage-funnel' }]);
        assert.equal(view.page.url(), url);
        assert.deepEqual(popups, []);
        assert.ok(!(await view.posted()).some(m => m.type === 'reveal'), 'a link click is not a card click');
        assert.deepEqual(view.strayRequests, []);
    });

    it('selects a persona declared in another file in that file', async () => {
        const model = await gpBookingNextModel();
        const persona = model.journeys[0].persona!;
        assert.ok(persona.uri && persona.uri !== model.uri, 'ruth is declared in gp-booking-today.journey');
        await view.page.locator('.jm-heading g[data-kind=persona] > rect').dispatchEvent('click');
        const reveal = (await view.posted()).filter(m => m.type === 'reveal').at(-1);
        assert.deepEqual(reveal, { type: 'reveal', uri: persona.uri, range: persona.range });
    });

    it('writes links in files as <a target="_blank" rel="noopener noreferrer"> for http, https and mailto only', async () => {
        const model = await modelOf(`journey j "J" {
  stage s "S" {
    step a "A" {
      link "https://ok.example/a" "Good"
      link "javascript:alert(1)" "Bad"
      link "data:text/html,<script>alert(2)</script>"
      opportunity "O" link "mailto:team@ok.example"
      evidence survey "Survey" link "JavaScript:alert(3)"
    }
  }
}
`);
        const svg = journeyMapSvg(model.journeys[0], { palette: 'light' });
        const page = await browser.newPage();
        const anchors = await page.evaluate(text => {
            const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
            if (doc.querySelector('parsererror')) return null;
            return {
                anchors: Array.from(doc.querySelectorAll('a')).map(a => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel'), a.textContent]),
                texts: Array.from(doc.querySelectorAll('text')).map(t => t.textContent ?? ''),
            };
        }, svg);
        await page.close();
        assert.ok(anchors, 'well-formed');
        assert.deepEqual(anchors.anchors, [
            ['https://ok.example/a', '_blank', 'noopener noreferrer', '↗\u00A0Good'],
            ['mailto:team@ok.example', '_blank', 'noopener noreferrer', '↗\u00A0mailto:team@ok.example'],
        ]);
        for (const bad of ['javascript:alert(1)', 'data:text/html,<script>alert(2)</script>', 'JavaScript:alert(3)']) {
            assert.ok(anchors.texts.some(t => t.includes(bad)), `${bad} shown as text`);
        }
        assert.doesNotMatch(svg, /href="(?!https:|mailto:)/i);
    });
});
