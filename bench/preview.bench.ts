// The preview benchmark: in Debian's Chromium, the time from a model message to the updated DOM
// of the built webview bundle (layout + DOM patch + the browser's style and layout pass); the
// first picture against Mermaid's `journey` diagram of the same steps, both the visible window
// and the whole map; and `journeymap render` as a process on maps of 1,000 to 8,000 steps.
// Prints one markdown section on stdout; progress goes to stderr.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { URI } from 'langium';
import { chromium, type Browser, type Page } from 'playwright-core';
import { JourneyWorkspace } from '../language/workspace/journey-workspace.js';
import type { JourneyDocumentModel, JourneyModel } from '../language/model/journey-model.js';
import type { ModelMessage } from '../webview/messages.js';
import { CHROMIUM_ARGS, ROOT, openWebview } from '../test/webview/browser.js';
import { generateJourneyMap } from './generate-map.js';
import { formatMs, log, Samples } from './stats.js';

const QUICK = process.env.JOURNEYMAP_BENCH_QUICK === '1';
const VIEWPORT = { width: 1400, height: 900 };

async function modelOf(steps: number, seed = 1): Promise<JourneyDocumentModel> {
    const workspace = new JourneyWorkspace();
    const [loaded] = await workspace.load([{ uri: URI.parse(`memory:///bench-${steps}.journey`), text: generateJourneyMap({ steps, seed }) }]);
    return workspace.services.model.JourneyModelBuilder.build(loaded.document);
}

function message(model: JourneyDocumentModel, version: number): ModelMessage {
    return { type: 'model', uri: model.uri, label: 'bench.journey', version, model, syntaxErrors: 0, errors: 0, locked: false };
}

/**
 * Stores in the page the model message of the first picture. Each update is made from it in the
 * page just before it is posted: a fresh copy with every 10th step's title edited (what typing
 * does between two messages), the way VS Code's postMessage hands the webview a new object per
 * message, the last one left to the collector. (Copies made in advance for every update would be
 * live data no webview has, and the collector's copying of them fell on the timed updates.)
 * Sending thousands of steps per message would take longer than the benchmark itself.
 */
async function storeFirstMessage(page: Page, model: JourneyDocumentModel): Promise<void> {
    await page.evaluate(first => {
        (window as unknown as { __bench: Record<string, unknown> }).__bench = { first };
    }, message(model, 1));
}

/**
 * Posts the first message (`round` 0) or update `round` and times it until the DOM is updated and
 * laid out. Making the update's message (a structured clone, as VS Code's delivery makes one) is
 * not timed: it is VS Code's work, not ours.
 */
async function timedPost(page: Page, round: number): Promise<number> {
    return page.evaluate(r => {
        type Message = { version: number; model: { journeys: Array<{ stages: Array<{ steps: Array<{ title: string }> }> }> } };
        const first = (window as unknown as { __bench: { first: Message } }).__bench.first;
        let data = first;
        if (r > 0) {
            data = structuredClone(first);
            let i = 0;
            for (const stage of data.model.journeys[0].stages) {
                for (const step of stage.steps) if (i++ % 10 === 0) step.title = `${step.title} (edit ${r})`;
            }
            data.version = r + 1;
        }
        const started = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data }));
        // Force style and layout, so the figure includes what the browser must do before painting.
        document.querySelector('svg.jm-map')!.getBoundingClientRect();
        return performance.now() - started;
    }, round);
}

/**
 * The preview asks for a new model at most every 80 ms (REFRESH_DELAY_MS in
 * src/extension/preview/preview-panel.ts; the server's own rebuild takes longer): updates never
 * arrive back to back. Between two timed updates the page paints and is idle for the rest of
 * that time, as it is in VS Code, instead of painting the last one while the next is timed.
 */
async function settle(page: Page): Promise<void> {
    await page.evaluate(() => new Promise<void>(done => requestAnimationFrame(() => setTimeout(done, 60))));
}

async function store(page: Page, entries: Record<string, unknown>): Promise<void> {
    await page.evaluate(e => {
        const w = window as unknown as { __bench?: Record<string, unknown> };
        w.__bench = { ...(w.__bench ?? {}), ...e };
    }, entries);
}

/**
 * A fresh webview page per round: the first model message (the first visible picture), then
 * `warmUp` updates (timed apart as `cold`: the JIT is still compiling the layout's code over the
 * first dozen edits of a fresh page) and `runs` more (`update`: what every later edit costs).
 */
async function updates(browser: Browser, model: JourneyDocumentModel, pages: number, warmUp: number, runs: number, burst = 0): Promise<{ first: Samples; cold: Samples; update: Samples; backToBack: Samples; nodes: number }> {
    const first = new Samples();
    const cold = new Samples();
    const update = new Samples();
    const backToBack = new Samples();
    let nodes = 0;
    for (let page = 0; page < pages; page++) {
        const view = await openWebview(browser, VIEWPORT);
        await storeFirstMessage(view.page, model);
        first.add(await timedPost(view.page, 0));
        for (let i = 0; i < warmUp + runs; i++) {
            await settle(view.page);
            const ms = await timedPost(view.page, i + 1);
            (i < warmUp ? cold : update).add(ms);
        }
        // Then a burst with no pause between updates, which the preview never sends: a stress
        // figure, the page still painting the last picture and collecting its garbage.
        for (let i = 0; i < burst; i++) backToBack.add(await timedPost(view.page, warmUp + runs + i + 1));
        nodes = await view.page.evaluate(() => document.querySelectorAll('svg.jm-map *').length);
        await view.page.close();
    }
    return { first, cold, update, backToBack, nodes };
}

/**
 * Our whole map, in the page: `svgText` is the picture as SVG text the way the exports and
 * `journeymap render` make it (layout and the string backend, tooltips and stylesheet included);
 * `screen` draws it the way the preview does when every column is in view (layout and the DOM
 * backend into an <svg> in the page, with the preview's options). Bundled here for the page: the
 * webview bundle itself only draws the columns in view.
 */
async function wholeMapScript(): Promise<string> {
    const result = await build({
        stdin: {
            contents: `import { LAYOUT, layoutJourney } from './webview/layout/journey-layout.js';
import { outlineAt } from './webview/app/readable-scale.js';
import { mapCss } from './webview/render/map-style.js';
import { renderMap } from './webview/render/render-map.js';
import { mapSvg } from './webview/render/svg-markup.js';
(window as any).__journeymap = {
    svgText: (journey: any) => mapSvg(layoutJourney(journey), { palette: 'light' }),
    screen: (journey: any, svg: SVGSVGElement) => renderMap(svg, layoutJourney(journey), { titles: false }),
    // The preview's Fit page: the scale zoom-canvas.ts fitToPage picks for the view, and the
    // detail the preview draws at that scale (outline when text would be under 3 px).
    showAll: (journey: any, svg: SVGSVGElement, view: { width: number; height: number }) => {
        const layout = layoutJourney(journey);
        const k = Math.min(1.5, view.width / layout.width, view.height / layout.height);
        const outline = outlineAt(k, LAYOUT.bodySize);
        renderMap(svg, layout, { titles: false, outline });
        return outline;
    },
    css: mapCss('light'),
};`,
            resolveDir: ROOT, loader: 'ts', sourcefile: 'whole-map.ts',
        },
        bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'warning',
    });
    return result.outputFiles[0].text;
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

/** One blank page for every whole picture: Mermaid's bundle and ours loaded once. */
async function comparisonPage(browser: Browser): Promise<Page> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.setContent('<!doctype html><html><head></head><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: readFileSync(ROOT + 'node_modules/mermaid/dist/mermaid.min.js', 'utf8') });
    await page.addScriptTag({ content: await wholeMapScript() });
    await page.evaluate(() => {
        const w = window as unknown as { mermaid: { initialize(c: object): void }; __journeymap: { css: string } };
        w.mermaid.initialize({ startOnLoad: false, maxTextSize: 10_000_000 });
        // The preview's stylesheet is in its page before any map arrives: the same here.
        const style = document.createElement('style');
        style.textContent = w.__journeymap.css;
        document.head.appendChild(style);
    });
    return page;
}

interface Whole { text: number; screen: number; nodes: number; screenNodes: number; showAll?: number; showAllNodes?: number; outline?: boolean }

/** Ours: the SVG text, then (timed apart) the picture on screen; each from the plain model. */
async function ourWholeMap(page: Page, key: string): Promise<Whole> {
    const result = await page.evaluate(k => {
        const w = window as unknown as { __bench: Record<string, unknown>; gc?: () => void; __journeymap: { svgText(j: unknown): string; screen(j: unknown, svg: SVGSVGElement): void; showAll(j: unknown, svg: SVGSVGElement, view: { width: number; height: number }): boolean } };
        const out = document.getElementById('out')!;
        out.replaceChildren();
        w.gc?.();
        const journey = w.__bench[k];
        let started = performance.now();
        const svg = w.__journeymap.svgText(journey);
        const text = performance.now() - started;
        const nodes = svg.match(/<[a-z]/g)?.length ?? 0;
        w.gc?.();
        started = performance.now();
        const root = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        out.appendChild(root);
        w.__journeymap.screen(journey, root);
        out.getBoundingClientRect();
        const screen = performance.now() - started;
        const screenNodes = out.querySelectorAll('svg *').length;
        const drawn = out.querySelectorAll('svg.jm-map g.jm-card').length;
        out.replaceChildren();
        w.gc?.();
        started = performance.now();
        const all = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        out.appendChild(all);
        const outline = w.__journeymap.showAll(journey, all, { width: window.innerWidth, height: window.innerHeight });
        out.getBoundingClientRect();
        const showAll = performance.now() - started;
        return { text, screen, nodes, screenNodes, drawn, showAll, showAllNodes: out.querySelectorAll('svg *').length, outline };
    }, key);
    if (result.drawn === 0 || result.nodes === 0) throw new Error('our whole map drew nothing');
    return result;
}

/** Mermaid's: `mermaid.render` gives its SVG text (it lays out in the page to make it); then inserted and laid out. */
async function mermaidWholeMap(page: Page, key: string): Promise<Whole> {
    const result = await page.evaluate(async k => {
        const w = window as unknown as { __bench: Record<string, string>; gc?: () => void; mermaid: { render(id: string, text: string): Promise<{ svg: string }> } };
        const out = document.getElementById('out')!;
        out.replaceChildren();
        w.gc?.();
        const started = performance.now();
        const { svg } = await w.mermaid.render('journey', w.__bench[k]);
        const text = performance.now() - started;
        out.innerHTML = svg;
        out.getBoundingClientRect();
        const screen = performance.now() - started;
        const nodes = out.querySelectorAll('svg *').length;
        return { text, screen, nodes, screenNodes: nodes, tasks: out.querySelectorAll('svg .task').length };
    }, key);
    if (result.tasks === 0) throw new Error('Mermaid drew no task');
    return result;
}

/** Ours and Mermaid's whole pictures, alternated in one page so both run under the same machine load. */
async function comparison(page: Page, model: JourneyDocumentModel, runs: number, warmUp: boolean) {
    await store(page, { journey: model.journeys[0], mermaid: mermaidJourney(model.journeys[0]) });
    const ours = { text: new Samples(), screen: new Samples(), showAll: new Samples(), nodes: 0, screenNodes: 0, showAllNodes: 0, outline: false };
    const theirs = { text: new Samples(), screen: new Samples(), showAll: new Samples(), nodes: 0, screenNodes: 0, showAllNodes: 0, outline: false };
    if (warmUp) {
        // One untimed run of each: the first compiles the code and grows the heap.
        await ourWholeMap(page, 'journey');
        await mermaidWholeMap(page, 'mermaid');
    }
    for (let i = 0; i < runs; i++) {
        for (const [side, draw] of [[ours, () => ourWholeMap(page, 'journey')], [theirs, () => mermaidWholeMap(page, 'mermaid')]] as const) {
            const result = await draw();
            side.text.add(result.text);
            side.screen.add(result.screen);
            side.nodes = result.nodes;
            side.screenNodes = result.screenNodes;
            if (result.showAll !== undefined) {
                side.showAll.add(result.showAll);
                side.showAllNodes = result.showAllNodes ?? 0;
                side.outline = result.outline ?? false;
            }
        }
    }
    await page.evaluate(() => document.getElementById('out')!.replaceChildren());
    return { ours, theirs };
}

// 1k, 4k and 8k: the target is 8k within 9× of 1k; 4k shows the curve between.
const CLI_STEPS = [1000, 4000, 8000] as const;
const TIME = '/usr/bin/time';

interface CliRun { ms: number; cpuS: number; maxRssMb?: number }

/** `node bin/journeymap.mjs render map.journey -o map.svg` as its own process; GNU time adds CPU and peak memory. */
function cliRender(dir: string): Promise<CliRun> {
    const hasTime = existsSync(TIME);
    const node = [join(ROOT, 'bin/journeymap.mjs'), 'render', 'map.journey', '-o', 'map.svg'];
    const [file, args] = hasTime ? [TIME, ['-f', 'jm-time %U %S %M', process.execPath, ...node]] : [process.execPath, node];
    return new Promise((resolve, reject) => {
        const started = performance.now();
        execFile(file, args, { cwd: dir, maxBuffer: 1 << 20 }, (error, _stdout, stderr) => {
            const ms = performance.now() - started;
            if (error) return reject(new Error(`journeymap render failed in ${dir}: ${stderr}`));
            const m = /jm-time ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
            resolve(m ? { ms, cpuS: Number(m[1]) + Number(m[2]), maxRssMb: Number(m[3]) / 1024 } : { ms, cpuS: NaN });
        });
    });
}

/** Each map alone in its folder: render reads every .journey file beside it as its workspace. */
function mapDir(root: string, steps: number): string {
    const dir = join(root, `steps-${steps}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'map.journey'), generateJourneyMap({ steps, seed: 1 }));
    return dir;
}

async function cliRenders(rounds: number) {
    const root = mkdtempSync(join(tmpdir(), 'journeymap-bench-render-'));
    try {
        const dirs = new Map(CLI_STEPS.map(steps => [steps, mapDir(root, steps)]));
        const load = loadavg()[0];
        const wall = new Map(CLI_STEPS.map(steps => [steps, new Samples()]));
        const cpu = new Map(CLI_STEPS.map(steps => [steps, new Samples()]));
        const rss = new Map<number, number>();
        await cliRender(dirs.get(1000)!); // warm the file cache and the bundle's compile cache
        // Sizes interleaved, round by round, so a change in the machine's load hits all of them.
        for (let round = 0; round < rounds; round++) {
            for (const steps of CLI_STEPS) {
                log(`preview: journeymap render ${steps} steps, round ${round + 1}`);
                const run = await cliRender(dirs.get(steps)!);
                wall.get(steps)!.add(run.ms);
                cpu.get(steps)!.add(run.cpuS * 1000);
                if (run.maxRssMb !== undefined) rss.set(steps, Math.max(rss.get(steps) ?? 0, run.maxRssMb));
            }
        }
        // Peak memory from the largest map's runs: no separate 10,000-step run (the bench has five minutes).
        return { wall, cpu, rss, load };
    } finally {
        rmSync(root, { recursive: true, force: true });
    }
}

async function main(): Promise<void> {
    const started = performance.now();
    const phase = (what: string) => log(`preview: ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    // `gc` in the page, called before each whole picture, so one run's garbage is not the next one's cost.
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
    try {
        const loadAtStart = loadavg()[0];
        phase('building models');
        const m100 = await modelOf(100);
        const m1000 = await modelOf(1000);
        const [pages, warmUp] = [3, 10];
        // Enough updates for a p95 that is not just the second-largest of a handful.
        const smallRuns = QUICK ? 5 : 30;
        const largeRuns = QUICK ? 2 : 3;
        phase('100 steps in the webview');
        const small = await updates(browser, m100, pages, warmUp, smallRuns, QUICK ? 5 : 20);
        phase('1,000 steps in the webview');
        const large = await updates(browser, m1000, 2, 2, largeRuns);
        phase('whole pictures of 100 and 1,000 steps: ours and Mermaid journey, alternated in one page');
        const page = await comparisonPage(browser);
        const runs = QUICK ? 1 : 3;
        const vs100 = await comparison(page, m100, runs, true);
        const vs1000 = await comparison(page, m1000, runs, false);
        await page.close();
        const loadAtEnd = loadavg()[0];
        const version = (await browser.version());
        await browser.close();
        phase('journeymap render');
        const cli = await cliRenders(1);
        phase('done');

        const out: string[] = [];
        out.push('## Preview');
        out.push('');
        out.push(`The built webview bundle (\`dist/webview/preview.js\`) in the page the extension generates, in Chromium ${version} (headless, Debian package),`);
        out.push(`viewport ${VIEWPORT.width}×${VIEWPORT.height}. Maps from \`bench/generate-map.ts\` (seed 1). A figure is the time from dispatching the model message`);
        out.push('in the page to the updated DOM after a forced style and layout pass (`getBoundingClientRect`): layout, DOM patch and the browser\'s own work.');
        out.push('The preview draws only the columns in and near the view (the *visible window*), so its node count stays flat as maps grow.');
        out.push('An update posts a fresh copy of the map with every 10th step title edited (the picture is patched in place), made in the page just before it is');
        out.push('posted (as VS Code delivers each message as a new object; making it is not timed). Updates are spaced as the preview spaces them (it asks');
        out.push('for a model at most every 80 ms): the page paints and idles between two. Milliseconds: median · p95 (min–max).');
        out.push(`100 steps: ${pages} fresh pages, each the first picture, then ${warmUp} updates (*first ${warmUp} updates*: the JIT is still compiling the`);
        out.push(`layout's code in a fresh page), then ${smallRuns} more (*update*: every later edit); 1,000 steps: 2 pages, ${largeRuns} updates after 2.`);
        out.push('p95 is the nearest-rank 95th percentile of the samples: with fewer than 20 samples it is the largest.');
        out.push(`Load average (1 min) ${loadAtStart.toFixed(2)} when the browser runs started and ${loadAtEnd.toFixed(2)} when they ended, on ${availableParallelism()} cores:`);
        out.push('above the core count, other work shared the machine and every time here is longer than on an idle one; the ratios against Mermaid,');
        out.push('measured run by run under the same load, are the figures to compare.');
        out.push('');
        out.push(`| steps | SVG nodes drawn (visible window) | first visible picture | first ${warmUp} updates | update |`);
        out.push('|---:|---:|---:|---:|---:|');
        out.push(`| 100 | ${small.nodes} | ${small.first.formatWithP95()} | ${small.cold.formatWithP95()} | ${small.update.formatWithP95()} |`);
        out.push(`| 1,000 | ${large.nodes} | ${large.first.formatWithP95()} | ${large.cold.formatWithP95()} | ${large.update.formatWithP95()} |`);
        out.push('');
        const within = (ms: number) => ms <= 16 ? 'within' : 'over';
        out.push(`A 100-step update takes ${formatMs(small.update.median())} ms (median; p95 ${formatMs(small.update.p95())} ms): ${within(small.update.median())} one 60 Hz frame (16 ms) at the median, ${within(small.update.p95())} it at p95`
            + ` (the first ${warmUp} updates of a fresh page: ${formatMs(small.cold.median())} ms median, p95 ${formatMs(small.cold.p95())} ms).`
            + ` Back to back, with no pause between updates (a stress figure: the preview never sends them so), ${small.backToBack.values.length} updates after those:`
            + ` ${small.backToBack.formatWithP95()} ms.`);
        out.push('');
        out.push('### Whole picture against Mermaid');
        out.push('');
        out.push('The same journey as a Mermaid `journey` diagram (stages as sections, each step a task, score = emotion + 3, actor `Customer`), drawn by');
        out.push('the project\'s `mermaid` package. Everything runs in one blank page of the same browser and viewport, with both libraries loaded once;');
        out.push('ours and Mermaid\'s alternate run by run, so both run under the same machine load, after one untimed run of each at 100 steps (garbage');
        out.push('collected before each run). Both draw their whole picture. Ours starts from the plain model (the language server parses), Mermaid from its text.');
        out.push('');
        out.push('- *SVG text*: the whole picture as SVG markup. Ours: layout and the string backend (`mapSvg`, what the exports and `journeymap render`');
        out.push('  write, with tooltips and the stylesheet); no DOM needed. Mermaid: `mermaid.render`, which draws into the page and measures its text to make it.');
        out.push('- *on screen*: the whole picture in the page, after the same forced style and layout pass. Ours: layout and the DOM backend into an');
        out.push('  `<svg>`, as the preview draws when every column is in view (no `<title>`s: the preview shows its own tooltip). Mermaid:');
        out.push('  `mermaid.render`, then its SVG inserted with `innerHTML`.');
        out.push('- *shown whole*: what the preview draws for Fit page in this viewport: the same layout at the scale that fits the whole map in view. Where');
        out.push('  text would be under 3 px on screen (1,000 steps: far under), the preview draws the map in *outline* (`RenderOptions.outline`): every');
        out.push('  card as a box, its lines as bars, the curve and its dots, in a few paths per lane instead of an element per card and a <text> per');
        out.push('  line. Mermaid has no such mode: its row is its whole picture on screen, every word laid out (on screen at this size it too is');
        out.push('  unreadable). The full-detail row above is the like-for-like drawing.');
        out.push('- *first visible picture* (above, in the webview): only the columns in view, against Mermaid\'s whole picture on screen. What a user');
        out.push('  waits for, not the same amount of drawing: not like for like.');
        out.push('');
        out.push(`Mermaid draws far less per step (a task box, a face and a title; no lanes): compare the node counts. ${runs} runs each at 100 steps,`);
        out.push(`${runs} at 1,000. Milliseconds: median · p95 (min–max); ratio = Mermaid's median / ours, for the same kind of picture.`);
        out.push('');
        out.push('| steps | picture | SVG nodes | time | Mermaid / ours |');
        out.push('|---:|---|---:|---:|---:|');
        for (const [label, c, first, nodes] of [['100', vs100, small.first, small.nodes], ['1,000', vs1000, large.first, large.nodes]] as const) {
            const ratio = (theirs: Samples, ours: Samples) => `${(theirs.median() / ours.median()).toFixed(2)}×`;
            out.push(`| ${label} | Journeymap, whole map as SVG text | ${c.ours.nodes} | ${c.ours.text.formatWithP95()} | **${ratio(c.theirs.text, c.ours.text)}** |`);
            out.push(`| ${label} | Mermaid \`journey\`, whole picture as SVG text | ${c.theirs.nodes} | ${c.theirs.text.formatWithP95()} | 1 |`);
            out.push(`| ${label} | Journeymap, whole map on screen | ${c.ours.screenNodes} | ${c.ours.screen.formatWithP95()} | **${ratio(c.theirs.screen, c.ours.screen)}** |`);
            out.push(`| ${label} | Mermaid \`journey\`, whole picture on screen | ${c.theirs.screenNodes} | ${c.theirs.screen.formatWithP95()} | 1 |`);
            out.push(`| ${label} | Journeymap, whole map shown whole (Fit page in the preview${c.ours.outline ? ': outline' : ': full detail'}) | ${c.ours.showAllNodes} | ${c.ours.showAll.formatWithP95()} | **${ratio(c.theirs.screen, c.ours.showAll)}** |`);
            out.push(`| ${label} | Journeymap, first visible picture (visible window only) | ${nodes} | ${first.formatWithP95()} | ${ratio(c.theirs.screen, first)} |`);
        }
        out.push('');
        out.push('### `journeymap render`');
        out.push('');
        out.push('The real CLI as a process, `node bin/journeymap.mjs render map.journey -o map.svg`, each generated map (seed 1) alone in its folder');
        out.push('(render loads the file\'s folder as its workspace). Wall time from spawning to exit: Node start, reading, Langium parse, link and');
        out.push('validation, the plain model, layout, the SVG text and writing it; CPU time (user + system) and peak resident memory from GNU');
        out.push(`\`time\`. One round after one warm-up run, sizes interleaved round by round; median · p95 (min–max). The whole map is drawn.`);
        out.push(`Load average when these runs started: ${cli.load.toFixed(2)} (on ${availableParallelism()} cores).`);
        out.push('');
        out.push('| steps | wall (ms) | CPU (ms) | per 1,000 steps (wall, median) |');
        out.push('|---:|---:|---:|---:|');
        for (const steps of CLI_STEPS) {
            const wall = cli.wall.get(steps)!;
            out.push(`| ${steps.toLocaleString('en-US')} | ${wall.formatWithP95()} | ${cli.cpu.get(steps)!.formatWithP95()} | ${formatMs(wall.median() / (steps / 1000))} |`);
        }
        const wallRatio = cli.wall.get(8000)!.median() / cli.wall.get(1000)!.median();
        const cpuRatio = cli.cpu.get(8000)!.median() / cli.cpu.get(1000)!.median();
        out.push('');
        out.push(`8,000 steps / 1,000 steps (medians): **${wallRatio.toFixed(1)}×** wall time, ${cpuRatio.toFixed(1)}× CPU time, for 8× the steps (linear would be 8×;`);
        out.push('the fixed cost of starting Node and loading the bundle keeps it below that).');
        const rss8k = cli.rss.get(8000);
        if (rss8k !== undefined) out.push(`Peak resident memory of \`journeymap render\` at 8,000 steps: ${rss8k.toFixed(0)} MB (GNU \`time\`).`);
        out.push('');
        process.stdout.write(out.join('\n') + '\n');
    } finally {
        if (browser.isConnected()) await browser.close();
    }
}

await main();
