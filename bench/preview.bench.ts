// The preview benchmark: in Debian's Chromium, the time from a model message to the updated DOM
// of the built webview bundle (layout + d3 patch + the browser's style and layout pass), and the
// first render of a 1,000-step map against Mermaid's `journey` diagram of the same steps.
// Prints one markdown section on stdout; progress goes to stderr.
import { readFileSync } from 'node:fs';
import { URI } from 'langium';
import type { Browser, Page } from 'playwright-core';
import { JourneyWorkspace } from '../language/workspace/journey-workspace.js';
import type { JourneyDocumentModel, JourneyModel } from '../language/model/journey-model.js';
import type { ModelMessage } from '../webview/messages.js';
import { ROOT, launchChromium, openWebview } from '../test/webview/browser.js';
import { generateJourneyMap } from './generate-map.js';
import { formatMs, log, Samples } from './stats.js';

const QUICK = process.env.JOURNEYMAP_BENCH_QUICK === '1';
const VIEWPORT = { width: 1400, height: 900 };

async function modelOf(steps: number, seed = 1): Promise<JourneyDocumentModel> {
    const workspace = new JourneyWorkspace();
    const [loaded] = await workspace.load([{ uri: URI.parse(`memory:///bench-${steps}.journey`), text: generateJourneyMap({ steps, seed }) }]);
    return workspace.services.model.JourneyModelBuilder.build(loaded.document);
}

/** The same model with every 10th step's title edited: what typing does between two messages. */
function edited(model: JourneyDocumentModel, round: number): JourneyDocumentModel {
    const copy: JourneyDocumentModel = structuredClone(model);
    let n = 0;
    for (const stage of copy.journeys[0].stages) {
        for (const step of stage.steps) if (n++ % 10 === 0) step.title = `${step.title} (edit ${round})`;
    }
    return copy;
}

function message(model: JourneyDocumentModel, version: number): ModelMessage {
    return { type: 'model', uri: model.uri, label: 'bench.journey', version, model, syntaxErrors: 0, errors: 0, locked: false };
}

/** Posts the message stored at `window.__bench[key]` and times it until the DOM is updated and laid out. */
async function timedPost(page: Page, key: string): Promise<number> {
    return page.evaluate(k => {
        const data = (window as unknown as { __bench: Record<string, unknown> }).__bench[k];
        const started = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data }));
        // Force style and layout, so the figure includes what the browser must do before painting.
        document.querySelector('svg.jm-map')!.getBoundingClientRect();
        return performance.now() - started;
    }, key);
}

async function store(page: Page, entries: Record<string, unknown>): Promise<void> {
    await page.evaluate(e => {
        const w = window as unknown as { __bench?: Record<string, unknown> };
        w.__bench = { ...(w.__bench ?? {}), ...e };
    }, entries);
}

async function updates(browser: Browser, model: JourneyDocumentModel, runs: number): Promise<{ first: Samples; update: Samples; nodes: number }> {
    const first = new Samples();
    const update = new Samples();
    let nodes = 0;
    for (let page = 0; page < 3; page++) {
        const view = await openWebview(browser, VIEWPORT);
        await store(view.page, { first: message(model, 1) });
        first.add(await timedPost(view.page, 'first'));
        const messages: Record<string, unknown> = {};
        for (let i = 0; i < runs + 3; i++) messages[`u${i}`] = message(edited(model, i), i + 2);
        await store(view.page, messages);
        for (let i = 0; i < runs + 3; i++) {
            const ms = await timedPost(view.page, `u${i}`);
            if (i >= 3) update.add(ms); // the first few warm up the JIT
        }
        nodes = await view.page.evaluate(() => document.querySelectorAll('svg.jm-map *').length);
        await view.page.close();
    }
    return { first, update, nodes };
}

/** One fresh webview page, one model message: the first picture. */
async function firstRender(browser: Browser, model: JourneyDocumentModel): Promise<number> {
    const view = await openWebview(browser, VIEWPORT);
    await store(view.page, { first: message(model, 1) });
    const ms = await timedPost(view.page, 'first');
    await view.page.close();
    return ms;
}

/** Mermaid's journey diagram of the same journey: stages as sections, steps as tasks, score = emotion + 3. */
export function mermaidJourney(journey: JourneyModel): string {
    const clean = (text: string) => text.replace(/[:;#\n\r]/g, ' ').trim() || '-';
    const lines = ['journey', `  title ${clean(journey.title)}`];
    for (const stage of journey.stages) {
        lines.push(`  section ${clean(stage.title)}`);
        for (const step of stage.steps) lines.push(`    ${clean(step.title)}: ${(step.emotion ?? 0) + 3}: Customer`);
    }
    return lines.join('\n');
}

async function mermaidFirstRender(browser: Browser, source: string): Promise<number> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: readFileSync(ROOT + 'node_modules/mermaid/dist/mermaid.min.js', 'utf8') });
    const ms = await page.evaluate(async text => {
        const m = (window as unknown as { mermaid: { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
        m.initialize({ startOnLoad: false, maxTextSize: 10_000_000 });
        const started = performance.now();
        const { svg } = await m.render('journey', text);
        const out = document.getElementById('out')!;
        out.innerHTML = svg;
        out.getBoundingClientRect();
        return performance.now() - started;
    }, source);
    const tasks = await page.evaluate(() => document.querySelectorAll('#out svg .task').length);
    await page.close();
    if (tasks === 0) throw new Error('Mermaid drew no task');
    return ms;
}

async function main(): Promise<void> {
    const browser = await launchChromium();
    try {
        log('preview: building models');
        const m100 = await modelOf(100);
        const m1000 = await modelOf(1000);
        log('preview: 100 steps');
        const small = await updates(browser, m100, QUICK ? 5 : 20);
        log('preview: 1,000 steps');
        const large = await updates(browser, m1000, QUICK ? 2 : 6);
        log('preview: first renders of 1,000 steps, ours and Mermaid journey, interleaved');
        // Alternating the two puts both under the same load of a shared machine.
        const source = mermaidJourney(m1000.journeys[0]);
        const mermaid = new Samples();
        const ours = new Samples();
        for (let i = 0; i < (QUICK ? 1 : 5); i++) {
            ours.add(await firstRender(browser, m1000));
            mermaid.add(await mermaidFirstRender(browser, source));
        }
        const ratio = mermaid.median() / ours.median();
        const version = (await browser.version());
        const out: string[] = [];
        out.push('## Preview');
        out.push('');
        out.push(`The built webview bundle (\`dist/webview/preview.js\`) in the page the extension generates, in Chromium ${version} (headless, Debian package),`);
        out.push(`viewport ${VIEWPORT.width}×${VIEWPORT.height}. Maps from \`bench/generate-map.ts\` (seed 1). A figure is the time from dispatching the model message`);
        out.push('in the page to the updated DOM after a forced style and layout pass (`getBoundingClientRect`): layout, d3 join and the browser\'s own work.');
        out.push('An update posts the same map with every 10th step title edited (the picture is patched in place). Milliseconds, median (min–max);');
        out.push(`first renders over 3 fresh pages, updates over ${QUICK ? "5 / 2" : "20 / 6"} messages per page (after 3 warm-up messages) on each of 3 pages.`);
        out.push('');
        out.push('| steps | SVG nodes | first render | update |');
        out.push('|---:|---:|---:|---:|');
        out.push(`| 100 | ${small.nodes} | ${small.first.format()} | ${small.update.format()} |`);
        out.push(`| 1,000 | ${large.nodes} | ${large.first.format()} | ${large.update.format()} |`);
        out.push('');
        out.push(`A 100-step update takes ${formatMs(small.update.median())} ms (median): ${small.update.median() <= 16 ? 'within' : 'over'} one 60 Hz frame (16 ms).`);
        out.push('');
        out.push('### First render against Mermaid');
        out.push('');
        out.push('The same 1,000-step journey as a Mermaid `journey` diagram (stages as sections, each step a task, score = emotion + 3, actor `Customer`),');
        out.push('rendered by `mermaid.render` from the project\'s `mermaid` package in a blank page of the same browser and viewport; its time includes');
        out.push('inserting the SVG and the same forced layout. Mermaid draws far less (a title per task, no lanes), so the comparison favours it.');
        out.push(`Five fresh pages each, alternating ours and Mermaid's so both run under the same machine load.`);
        out.push('');
        out.push('| 1,000 steps | first render (ms) |');
        out.push('|---|---:|');
        out.push(`| Journeymap preview | ${ours.format()} |`);
        out.push(`| Mermaid \`journey\` | ${mermaid.format()} |`);
        out.push(`| ratio (Mermaid / ours, medians) | ${ratio.toFixed(1)}× |`);
        out.push('');
        process.stdout.write(out.join('\n') + '\n');
    } finally {
        await browser.close();
    }
}

await main();
