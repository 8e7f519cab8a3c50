import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import type { JourneyModel } from '../../language/model/journey-model.js';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { mapSvg, renderSvgElement } from '../../webview/render/svg-markup.js';
import { el, escapeAttr, escapeText, textEl, toMarkup, xmlSafe } from '../../webview/render/svg-tree.js';
import { launchChromium } from './browser.js';
import { FULL_MAP, gpBookingNext, journeyOf } from './preview-fixtures.js';

/** Text that must stay text, and characters XML 1.0 cannot hold. */
const HOSTILE = {
    markup: '</tspan></text><script>window.__pwned=1</script><text>',
    cdata: 'a ]]> b <![CDATA[ c ]]>',
    entities: '&amp; &lt; &#0; &nbsp; " \' < > &',
    controls: 'nul\u0000 bell\u0007 esc\u001B vt\u000B ff\u000C end',
    surrogates: 'high\uD800 low\uDC00 pair\uD83D\uDE00 reversed\uDE00\uD83D noncharacters\uFFFE\uFFFF',
    bidi: 'bidi \u202Eevil\u202C \u2066isolate\u2069 \u200F mark',
    emoji: '👩🏽‍💻 🏳️‍🌈 😀',
    rtl: 'המשלוח הגיע באיחור في المتجر',
    whitespace: 'tab\there cr\rhere',
};

/** What the text must read as once parsed: every character XML forbids replaced by U+FFFD. */
const EXPECTED: Record<string, string> = {
    ...HOSTILE,
    controls: 'nul\uFFFD bell\uFFFD esc\uFFFD vt\uFFFD ff\uFFFD end',
    surrogates: 'high\uFFFD low\uFFFD pair\uD83D\uDE00 reversed\uFFFD\uFFFD noncharacters\uFFFD\uFFFD',
};

/** FULL_MAP with one extra step per hostile text (as its title), in the plain model the layout reads. */
async function hostileJourney(): Promise<JourneyModel> {
    const journey = await journeyOf(FULL_MAP);
    const template = journey.stages[0].steps[1];
    const steps = Object.entries(HOSTILE).map(([name, text]) => ({ ...template, id: `h_${name}`, title: text }));
    // An id the grammar would never accept: the attribute escaping must hold anyway.
    steps.push({ ...template, id: 'q"<&>\'\t\n', title: 'Odd id' });
    return { ...journey, title: HOSTILE.markup, stages: [{ ...journey.stages[0], steps: [...journey.stages[0].steps, ...steps] }] };
}

/** Elements, attributes (sorted) and text, depth first: what two DOMs must agree on. */
type Canon = string[];

describe('SVG markup (string backend)', () => {
    it('escapes text and attributes, and replaces what XML 1.0 forbids', () => {
        assert.equal(escapeText('a<b>&]]>\r'), 'a&lt;b&gt;&amp;]]&gt;&#13;');
        assert.equal(escapeAttr('"\'<>&\t\n\r'), '&quot;&#39;&lt;&gt;&amp;&#9;&#10;&#13;');
        assert.equal(xmlSafe('ok\u0000\u0009\u000A\u000D\uD800x\uDFFF\uD83D\uDE00\uFFFE'), 'ok\uFFFD\u0009\u000A\u000D\uFFFDx\uFFFD\uD83D\uDE00\uFFFD');
        assert.equal(xmlSafe('plain'), 'plain');
        const tree = el('g', { 'data-id': 'x"y', skipped: null, n: 2.5 }, [textEl('text', {}, '</text><script>\u0000'), el('rect', {})]);
        assert.equal(toMarkup(tree), '<g data-id="x&quot;y" n="2.5"><text>&lt;/text&gt;&lt;script&gt;\uFFFD</text><rect></rect></g>');
    });

    describe('in a real XML parser (Chromium)', function () {
        this.timeout(60_000);
        let browser: Browser;
        before(async () => { browser = await launchChromium(); });

        /** A blank page; tsx's keepNames calls a `__name` helper the page does not have. */
        async function blankPage() {
            const page = await browser.newPage();
            await page.addInitScript({ content: 'window.__name = (f) => f;' });
            await page.goto('about:blank');
            return page;
        }
        after(async () => { await browser?.close(); });

        it('stays well-formed XML with hostile text, which reads back as the same text and runs nothing', async () => {
            const journey = await hostileJourney();
            const svg = mapSvg(layoutJourney(journey), { palette: 'light' });
            const page = await blankPage();
            try {
                const result = await page.evaluate(xml => {
                    const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
                    const error = doc.querySelector('parsererror');
                    const steps = Array.from(doc.querySelectorAll('g[data-kind=step]'));
                    // The same markup inline in an HTML page (the HTML exports and the diff page).
                    const host = document.createElement('div');
                    host.innerHTML = xml;
                    const inline = Array.from(host.querySelectorAll('g[data-kind=step]'));
                    const texts = (nodes: Element[]) => Object.fromEntries(nodes.map(g => [g.getAttribute('data-id'), Array.from(g.querySelectorAll('tspan')).map(t => t.textContent).join(' ')]));
                    return {
                        error: error?.textContent ?? null,
                        root: doc.documentElement.localName,
                        journeyTitle: doc.querySelector('.jm-heading tspan')?.textContent ?? '',
                        xml: texts(steps),
                        html: texts(inline),
                        scripts: doc.querySelectorAll('script').length + host.querySelectorAll('script').length,
                        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
                    };
                }, svg);
                assert.equal(result.error, null, result.error ?? '');
                assert.equal(result.root, 'svg');
                assert.equal(result.scripts, 0);
                assert.equal(result.pwned, null);
                const squash = (s: string) => s.replace(/\s+/g, '');
                assert.ok(squash(result.journeyTitle).length > 0 && squash(HOSTILE.markup).startsWith(squash(result.journeyTitle)), result.journeyTitle);
                for (const [name, text] of Object.entries(EXPECTED)) {
                    // Wrapping may split the title into lines at its spaces: compare without white space.
                    assert.equal(squash(result.xml[`h_${name}`] ?? ''), squash(text), `${name} as XML`);
                    assert.equal(squash(result.html[`h_${name}`] ?? ''), squash(text), `${name} inline in HTML`);
                }
                assert.ok('q"<&>\'\t\n' in result.xml, `the odd id reads back exactly: ${Object.keys(result.xml).join(', ')}`);
            } finally {
                await page.close();
            }
        });

        // Schema 2 too: links (<a>), fail points and chips inside cards, header cards, the as-is curve.
        for (const [name, journeyOfCase, marks] of [
            ['hostile text', hostileJourney, [['step:h_markup', 'added'], ['step:a', 'removed']]],
            ['gp-booking-next (schema 2)', gpBookingNext, [['opportunity:@stage:book:0', 'changed'], ['step:gets_slot', 'removed']]],
        ] as const) it(`is the very markup the DOM backend builds: same elements, attributes and text (${name})`, async () => {
            const layout = layoutJourney(await journeyOfCase());
            const options = { palette: 'light' as const, changes: new Map(marks.map(([key, change]) => [key, change])) };
            const page = await blankPage();
            let parsed: Canon;
            try {
                parsed = await page.evaluate(xml => {
                    const out: string[] = [];
                    const walk = (node: Node, depth: number): void => {
                        if (node.nodeType === Node.TEXT_NODE) { out.push(`${depth}#${node.textContent}`); return; }
                        if (node.nodeType !== Node.ELEMENT_NODE) return;
                        const element = node as Element;
                        out.push(`${depth}<${element.localName} ${Array.from(element.attributes, a => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ')}`);
                        for (const child of Array.from(node.childNodes)) walk(child, depth + 1);
                    };
                    walk(new DOMParser().parseFromString(xml, 'image/svg+xml').documentElement, 0);
                    return out;
                }, mapSvg(layout, options));
            } finally {
                await page.close();
            }
            const { document } = parseHTML('<!doctype html><html><body></body></html>');
            const built = renderSvgElement(document as unknown as Document, layout, options);
            const dom: Canon = [];
            const walk = (node: Node, depth: number): void => {
                if (node.nodeType === 3) { dom.push(`${depth}#${node.textContent}`); return; }
                if (node.nodeType !== 1) return;
                const element = node as Element;
                dom.push(`${depth}<${element.localName} ${Array.from(element.attributes, a => `${a.name}=${JSON.stringify(a.value)}`).sort().join(' ')}`);
                for (const child of Array.from(node.childNodes)) walk(child, depth + 1);
            };
            walk(built as unknown as Node, 0);
            assert.ok(parsed.length > 100);
            assert.deepEqual(dom, parsed);
        });
    });
});
