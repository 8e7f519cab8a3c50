import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import type { Browser, Page } from 'playwright-core';
import { describeChange, PLAIN_MARKUP } from '../../src/diff/describe-change.js';
import type { JourneyDiff } from '../../src/diff/diff-model.js';
import { mermaidJourney, mermaidXyChart, openMermaidPage } from '../mermaid/mermaid-page.js';
import { launchChromium } from '../webview/browser.js';
import { ensureBuilt, journeymap, type Run } from './cli-process.js';
import { corpusJourney, journeyString, PAYLOADS } from './injection-corpus.js';

/**
 * Every payload of the corpus, put into titles, pains and notes, passed through every output of
 * the real CLI: `check` (text, json, github), `export` (json, mermaid), `diff` (markdown with its
 * emotion chart, json, text, html) and `render` (svg, html). No output lets user text act: no new line in a log, no workflow command,
 * no markdown or HTML of its own, no mention, no script, no request; and the text reads as written.
 */

interface JsonDiagnostic { file: string; line: number; severity: string; code: string; message: string }

/** A file name that tries to start a workflow command and to break its line. */
const HOSTILE_NAME = '::error ::@octocat #1 <b>x&amp;\n::warning ::y.journey';

/** Characters no escaper may pass raw to a terminal or a log: line breaks, controls, bidi. */
const RAW_UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

describe('hostile user text through every output (real CLI, real Chromium)', function () {
    this.timeout(180_000);
    let dir: string;
    let browser: Browser;
    const run = async (args: string[]): Promise<Run> => {
        const result = await journeymap(args, dir);
        assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, result.stderr);
        return result;
    };

    before(async () => {
        ensureBuilt();
        dir = mkdtempSync(join(tmpdir(), 'jm-injection-'));
        for (const side of ['old', 'new']) {
            mkdirSync(join(dir, side));
            writeFileSync(join(dir, side, 'map.journey'), corpusJourney(side === 'new'));
            const title = side === 'new' ? journeyString('@octocat <i>x</i>') : '"Y"';
            writeFileSync(join(dir, side, HOSTILE_NAME), `persona q\njourney y ${title} for q {\n  stage s {\n    step a {\n      emotion 0\n      pain "p"\n    }\n  }\n}\n`);
        }
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        rmSync(dir, { recursive: true, force: true });
    });

    it(`the corpus has ${PAYLOADS.length} payloads (at least 40), each in a title, a pain and a note`, () => {
        assert.ok(PAYLOADS.length >= 40);
    });

    it('export: the model holds every payload exactly (the JSON parses and round-trips), nothing raw', async () => {
        const result = await run(['export', '--format', 'json', 'new/map.journey']);
        assert.equal(result.code, 0, result.stderr);
        assert.doesNotMatch(result.stdout, RAW_UNSAFE);
        const model = JSON.parse(result.stdout) as { journeys: { title: string; stages: { steps: { title: string; pains: { text: string }[]; notes: { text: string }[] }[] }[] }[] };
        const steps = model.journeys[0].stages[0].steps;
        assert.equal(steps.length, PAYLOADS.length);
        steps.forEach((step, i) => {
            assert.equal(step.title, PAYLOADS[i]);
            assert.equal(step.pains[0].text, PAYLOADS[i]);
            assert.equal(step.notes[0].text, PAYLOADS[i]);
        });
    });

    describe('check', () => {
        let diagnostics: JsonDiagnostic[];
        before(async () => {
            const json = await run(['check', '--format', 'json', 'new']);
            assert.equal(json.code, 0, json.stderr);
            assert.doesNotMatch(json.stdout, RAW_UNSAFE);
            diagnostics = JSON.parse(json.stdout) as JsonDiagnostic[];
        });

        it('json parses and round-trips every payload in the messages that quote it', () => {
            for (const payload of PAYLOADS) {
                assert.ok(diagnostics.some(d => d.code === 'pain-without-opportunity' && d.message.includes(`"${payload}"`)), JSON.stringify(payload));
            }
            assert.ok(diagnostics.some(d => d.file === join('new', HOSTILE_NAME)), 'the hostile file name round-trips');
        });

        it('text: one line per diagnostic, none starting with ::, no raw control or bidi character', async () => {
            const result = await run(['check', 'new']);
            assert.equal(result.code, 0, result.stderr);
            const lines = result.stdout.split('\n');
            assert.equal(lines.pop(), '', 'ends with a line break');
            assert.equal(lines.length, diagnostics.filter(d => d.severity !== 'hint').length);
            for (const line of [...lines, ...result.stderr.split('\n')]) {
                assert.doesNotMatch(line, /^[\s\u0085]*::/, line);
                assert.doesNotMatch(line, RAW_UNSAFE, JSON.stringify(line));
                if (line) assert.match(line, /^(new\/|\d+ files? checked)/, line);
            }
            assert.ok(lines.some(line => line.includes('Pain "\\n::error ::injected error"')), 'a line break is shown as \\n');
            assert.ok(lines.some(line => line.includes('\\u202eevil\\u202c')), 'bidi controls are shown');
            assert.ok(lines.some(line => line.includes('\\x1b[31mred')), 'escape sequences are shown');
        });

        it('text: a relative path that starts with :: is printed as ./::…, which names the same file', async () => {
            const result = await journeymap(['check', HOSTILE_NAME], join(dir, 'new'));
            assert.equal(result.code, 0, result.stderr);
            for (const line of (result.stdout + result.stderr).split('\n')) assert.doesNotMatch(line, /^\s*::/, line);
            assert.match(result.stdout, /^\.\/::error ::@octocat #1 <b>x&amp;\\n::warning ::y\.journey:\d+:\d+ - /m);
        });

        it('github: one annotation per error, warning and info, each one line, properties and data escaped', async () => {
            const result = await run(['check', '--format', 'github', 'new']);
            assert.equal(result.code, 0, result.stderr);
            const lines = result.stdout.split('\n');
            assert.equal(lines.pop(), '');
            const annotated = diagnostics.filter(d => d.severity !== 'hint');
            assert.equal(lines.length, annotated.length);
            const shape = /^::(error|warning|notice) file=([^:,\r\n]*),line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=journeymap [a-z-]+::([^\r\n]*)$/;
            lines.forEach((line, i) => {
                const match = shape.exec(line);
                assert.ok(match, line);
                assert.doesNotMatch(line, RAW_UNSAFE, JSON.stringify(line));
                // The runner unescapes %25, %0D, %0A (and %3A, %2C in properties): that gives back the text.
                const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
                const message = annotated[i].message;
                if (!RAW_UNSAFE.test(message.replace(/[\r\n]/g, ''))) assert.equal(unescape(match[3]), message);
                assert.equal(unescape(match[2]), annotated[i].file);
            });
        });
    });

    describe('diff', () => {
        let json: JourneyDiff;
        before(async () => {
            const result = await run(['diff', '--format', 'json', 'old', 'new']);
            assert.equal(result.code, 0, result.stderr);
            assert.doesNotMatch(result.stdout, RAW_UNSAFE);
            json = JSON.parse(result.stdout) as JourneyDiff;
            assert.ok(json.changes.length >= PAYLOADS.length * 3, `${json.changes.length} changes`);
        });

        it('markdown: one list item per change, user text inert and as written (parsed with marked, GFM)', async () => {
            const result = await run(['diff', '--format', 'markdown', 'old', 'new']);
            assert.equal(result.code, 0, result.stderr);
            const md = result.stdout;
            assert.doesNotMatch(md, /[\r\u0085\u2028\u2029]/, 'no line break but LF');
            assert.doesNotMatch(md, RAW_UNSAFE, 'no raw control or bidi character');
            assert.doesNotMatch(md, /(^|[^\\])(\\\\)*\$/m, 'every $ escaped (GitHub math)');
            const tokens = marked.lexer(md, { gfm: true });
            assert.ok(!JSON.stringify(tokens).includes('"type":"html"'), 'no raw HTML token');
            assert.ok(!tokens.some(t => t.type === 'table'), 'no table');
            const { document } = parseHTML(`<!doctype html><html><body>${marked.parse(md, { gfm: true, async: false })}</body></html>`);
            const items = [...document.querySelectorAll('li')];
            assert.equal(items.length, json.changes.length, 'one list item per change');
            // Only our markup: strong, em, code; and links whose text is their target, an http(s) URL (an ftp:// one stays text).
            for (const element of document.body.querySelectorAll('*')) {
                assert.ok(['H2', 'H3', 'P', 'UL', 'LI', 'STRONG', 'EM', 'CODE', 'A'].includes(element.tagName), element.outerHTML);
                if (element.tagName === 'A') {
                    assert.match(element.getAttribute('href') ?? '', /^https?:\/\//);
                    assert.equal(element.textContent, element.getAttribute('href'));
                }
            }
            const text = document.body.textContent ?? '';
            assert.doesNotMatch(text, /@[A-Za-z0-9]/, 'no @-mention');
            assert.doesNotMatch(text, /#[0-9]/, 'no issue reference');
            // Each payload reads as written: line breaks as spaces, controls and bidi named, U+2060 after @ and #.
            const expected = (payload: string) => payload.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ')
                .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, ch => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`)
                .replace(/@/g, '@\u2060').replace(/#(?=[0-9])/g, '#\u2060').replace(/ftp:(?=\/\/)/gi, 'ftp:\u2060');
            const itemTexts = items.map(item => item.textContent ?? '');
            for (const payload of PAYLOADS) {
                assert.ok(itemTexts.some(t => t.includes(`pain added: “${expected(payload)}”`)), JSON.stringify(payload));
                assert.ok(itemTexts.some(t => t.includes(`note added: “${expected(payload)}”`)), JSON.stringify(payload));
            }
            assert.ok(itemTexts.some(t => t.includes('see https://example.com/a_b*c*_(d)?q=1&r=2 here')), 'a URL reads unchanged');
            const heading = [...document.querySelectorAll('h3')].map(h => h.textContent).join('\n');
            assert.ok(heading.includes('::error ::@\u2060octocat #\u20601 <b>x&amp; ::warning ::y.journey: journey y'), heading);
        });

        it('text: one line per change, user text as written except controls, nothing raw', async () => {
            const result = await run(['diff', '--format', 'text', 'old', 'new']);
            assert.equal(result.code, 0, result.stderr);
            assert.doesNotMatch(result.stdout, RAW_UNSAFE);
            for (const line of result.stdout.split('\n')) assert.doesNotMatch(line, /^\s*::/, line);
            const changeLines = result.stdout.split('\n').filter(line => line.startsWith('    '));
            assert.equal(changeLines.length, json.changes.length);
            assert.ok(changeLines.some(line => line.includes('“**bold** _em_ ~~strike~~ __strong__”')), 'markup characters kept');
            assert.ok(changeLines.some(line => line.includes('“`code` and ``double``”')), 'backticks kept');
            assert.ok(changeLines.some(line => line.includes('“lone\\rCR then text”')));
        });

        it('html: in Chromium nothing runs or loads, each change reads exactly as written (as DOM text)', async () => {
            const result = await run(['diff', '--format', 'html', 'old', 'new']);
            assert.equal(result.code, 0, result.stderr);
            writeFileSync(join(dir, 'diff.html'), result.stdout);
            const page = await openQuietly(join(dir, 'diff.html'));
            const shown = await page.page.locator('.jm-changes button').evaluateAll(buttons => buttons.map(b => b.textContent ?? ''));
            // The HTML parser turns CR and CRLF into LF and NUL into U+FFFD: the DOM holds the text otherwise unchanged.
            const asDom = (t: string) => t.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
            const wanted = json.changes.map(c => asDom(describeChange(c, t => t, t => t, PLAIN_MARKUP)));
            assert.deepEqual([...shown].sort(), [...wanted].sort());
            assert.ok(shown.some(t => t.includes('**bold** _em_ ~~strike~~')), 'asterisks and underscores kept');
            assert.ok(shown.some(t => t.includes('`code` and ``double``')), 'backticks kept');
            await page.assertInert();
        });
    });

    describe('mermaid', () => {
        /** What a payload becomes as a Mermaid title: one line, `:` `#` `;` replaced, WORD JOINERs aside. */
        const mermaidTitle = (payload: string) => payload
            .replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, ' ').replace(/\s+/g, ' ').trim()
            .replace(/:/g, '\u2236').replace(/#/g, '\uff03').replace(/;/g, ',').replace(/\u2060/g, '');

        it('export --format mermaid: one line a statement, nothing raw, and Mermaid reads one task a payload, as written but the replacements', async () => {
            const result = await run(['export', '--format', 'mermaid', '--fence', 'new/map.journey']);
            assert.equal(result.code, 0, result.stderr);
            assert.doesNotMatch(result.stdout, RAW_UNSAFE);
            const lines = result.stdout.split('\n');
            assert.equal(lines.length, PAYLOADS.length + 6, 'fence, journey, title, section, the tasks, fence, end');
            for (const line of lines) assert.doesNotMatch(line, /^\s*::/, line);
            assert.equal(lines.filter(line => line.startsWith('```')).length, 2);
            const page = await openMermaidPage(browser);
            const read = await mermaidJourney(page, result.stdout.replace(/^```mermaid\n|```\n$/g, ''));
            await page.close();
            assert.equal(read.error, undefined, read.error);
            assert.equal(read.sections!.length, 1);
            assert.equal(read.tasks!.length, PAYLOADS.length);
            // Mermaid writes the attribute values of tags in single quotes before parsing (its cleanupText).
            const asMermaid = (title: string) => title.replace(/<(\w+)([^>]*)>/g, (_, tag: string, attributes: string) => `<${tag}${attributes.replace(/="([^"]*)"/g, "='$1'")}>`);
            read.tasks!.forEach((task, i) => {
                assert.equal(task.task.replace(/\u2060/g, ''), asMermaid(mermaidTitle(PAYLOADS[i])), JSON.stringify(PAYLOADS[i]));
                assert.deepEqual(task.people, ['P']);
                assert.equal(task.score, 3);
            });
        });

        it('diff markdown: the emotion chart parses in Mermaid with one category a step, and the text around it stays inert', async () => {
            const removed = '@octocat <b>gone</b> #1 ::error ::x';
            const added = '[click](javascript:alert(1)) `x` @team';
            let n = 0;
            const before = corpusJourney(true).replace('  stage s "S" {', `  stage s "S" {\n    step gone ${journeyString(removed)} {\n      emotion 1\n    }`);
            const after = corpusJourney(true).replace(/emotion 0/g, () => `emotion ${(n++ % 5) - 2}`)
                .replace('  stage s "S" {', `  stage s "S" {\n    step fresh ${journeyString(added)} {\n      emotion 2\n    }`);
            for (const [side, text] of [['chart-old', before], ['chart-new', after]]) {
                mkdirSync(join(dir, side));
                writeFileSync(join(dir, side, 'map.journey'), text);
            }
            const result = await run(['diff', '--format', 'markdown', 'chart-old', 'chart-new']);
            assert.equal(result.code, 0, result.stderr);
            const md = result.stdout;
            assert.doesNotMatch(md, RAW_UNSAFE);
            for (const line of md.split('\n')) assert.doesNotMatch(line, /^\s*::/, line);
            const tokens = marked.lexer(md, { gfm: true });
            assert.ok(!JSON.stringify(tokens).includes('"type":"html"'), 'no raw HTML token');
            const fences = tokens.filter(t => t.type === 'code');
            assert.equal(fences.length, 1, 'one chart, one fence: no title closes it');
            assert.equal((fences[0] as { lang?: string }).lang, 'mermaid');
            const page = await openMermaidPage(browser);
            const chart = await mermaidXyChart(page, (fences[0] as { text: string }).text);
            await page.close();
            assert.equal(chart.error, undefined, chart.error);
            assert.equal(chart.categories!.length, PAYLOADS.length);
            assert.deepEqual(chart.lines!.map(l => l.values), [PAYLOADS.map(() => 0), PAYLOADS.map((_, i) => (i % 5) - 2)]);
            const { document } = parseHTML(`<!doctype html><html><body>${marked.parse(md, { gfm: true, async: false })}</body></html>`);
            for (const element of document.body.querySelectorAll('*')) {
                assert.ok(['H2', 'H3', 'P', 'UL', 'LI', 'STRONG', 'EM', 'CODE', 'PRE', 'A'].includes(element.tagName), element.outerHTML);
                if (element.tagName === 'A') assert.equal(element.textContent, element.getAttribute('href'));
            }
            const legend = [...document.querySelectorAll('p')].map(p => p.textContent ?? '').find(t => t.startsWith('Emotion per step'));
            assert.equal(legend, 'Emotion per step, -2 to +2: grey before, blue after (a step without emotion counts as 0). '
                + 'Not in the chart: added [click](javascript:alert(1)) `x` @\u2060team; removed @\u2060octocat <b>gone</b> #\u20601 ::error ::x.');
        });
    });

    describe('render', () => {
        // XML 1.0 cannot hold these at all, not even as character references.
        const XML_ILLEGAL = /[\x00-\x08\x0b\x0c\x0e-\x1f]/;
        for (const format of ['svg', 'html'] as const) {
            it(`${format}: in Chromium nothing runs or loads, every payload is the text of its card`, async () => {
                const out = `map.${format}`;
                const payloads = PAYLOADS.filter(p => format === 'html' || !XML_ILLEGAL.test(p));
                mkdirSync(join(dir, format));
                writeFileSync(join(dir, format, 'map.journey'), corpusJourney(true, payloads));
                const result = await run(['render', `${format}/map.journey`, '-o', out]);
                assert.equal(result.code, 0, result.stderr);
                const page = await openQuietly(join(dir, out));
                const titles = await page.page.locator('svg title').evaluateAll(nodes => nodes.map(n => n.textContent ?? ''));
                // The renderer writes a CR as `&#13;` (kept as CR by both parsers, where a literal one
                // would become LF) and each character XML cannot hold as U+FFFD.
                const asDom = (t: string) => t.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '\uFFFD');
                for (const payload of payloads) {
                    assert.ok(titles.some(t => t.startsWith(asDom(payload))), JSON.stringify(payload));
                }
                await page.assertInert();
            });
        }

        // Once written raw (a standalone .svg stopped drawing at that card): the renderer now writes
        // each character XML cannot hold as U+FFFD.
        it('svg: a title with a C0 control character (NUL, VT, FF, BS, ESC) still gives well-formed XML', async () => {
            const payloads = PAYLOADS.filter(p => XML_ILLEGAL.test(p));
            assert.ok(payloads.length > 0);
            mkdirSync(join(dir, 'svg-c0'));
            writeFileSync(join(dir, 'svg-c0', 'map.journey'), corpusJourney(true, payloads));
            const result = await run(['render', 'svg-c0/map.journey', '-o', 'c0.svg']);
            assert.equal(result.code, 0, result.stderr);
            const page = await openQuietly(join(dir, 'c0.svg'));
            assert.equal(await page.page.locator('parsererror').count(), 0, 'well-formed');
            const titles = await page.page.locator('svg title').evaluateAll(nodes => nodes.map(n => n.textContent ?? ''));
            const asXml = (t: string) => t.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '\uFFFD');
            for (const payload of payloads) {
                assert.ok(titles.some(t => t.startsWith(asXml(payload))), JSON.stringify(payload));
            }
            await page.assertInert();
        });
    });

    /** Opens a file in a fresh page, recording anything a payload could make happen. */
    async function openQuietly(path: string): Promise<{ page: Page; assertInert(): Promise<void> }> {
        const page = await browser.newPage();
        const url = pathToFileURL(path).href;
        const requests: string[] = [];
        const events: string[] = [];
        page.on('request', request => { if (request.url() !== url) requests.push(request.url()); });
        page.on('dialog', dialog => { events.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
        page.on('pageerror', error => events.push(`pageerror: ${error.message}`));
        page.on('console', message => events.push(`console.${message.type()}: ${message.text()}`));
        await page.goto(url);
        return {
            page,
            async assertInert() {
                assert.equal(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned), undefined, 'no payload ran');
                assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('script')].filter(s => !s.nonce).length), 0, 'no script element of a payload');
                assert.equal(await page.locator('img, iframe, object, embed, link, foreignObject, a').count(), 0, 'no element of a payload');
                assert.deepEqual(requests, [], 'no request');
                assert.deepEqual(events, [], 'no dialog, error or console message');
                await page.close();
            },
        };
    }
});
