// The diff benchmark: the semantic diff of two versions of a 1,000-step map with a few hundred
// scattered edits, against the cost of parsing and building the two versions it compares; and
// what the editor's compare view adds on each refresh (host and webview sides).
// Prints one markdown section on stdout (bench/run.mjs puts it into docs/benchmarks.md).
import { performance } from 'node:perf_hooks';
import { diffDocuments } from '../src/diff/diff-engine.js';
import { loadRevision } from '../src/diff/load-revision.js';
import { compareMessage } from '../src/extension/compare/compare-model.js';
import { layoutAligned } from '../webview/layout/stage-alignment.js';
import { generateJourneyMap } from './generate-map.js';
import { formatMs, log, median } from './stats.js';

const QUICK = process.env.JOURNEYMAP_BENCH_QUICK === '1';
// Ten runs: their spread is a few percent (docs/benchmarks.md), and the bench stays a few seconds.
const RUNS = QUICK ? 5 : 10;

/** Every 4th emotion changed, every 7th pain reworded slightly, every 11th touchpoint rewritten. */
function edit(text: string): { text: string; edits: number } {
    let edits = 0;
    let e = 0;
    let p = 0;
    let t = 0;
    const out = text
        .replace(/emotion ([+-]?\d)/g, (all, value) => (++e % 4 === 0 ? (edits++, `emotion ${Number(value) >= 0 ? -1 : 1}`) : all))
        .replace(/pain "((?:[^"\\]|\\.)*)"/g, (all, value) => (++p % 7 === 0 ? (edits++, `pain "${value} again"`) : all))
        .replace(/touchpoint "((?:[^"\\]|\\.)*)"/g, (all) => (++t % 11 === 0 ? (edits++, `touchpoint "A completely different touchpoint ${t}"`) : all));
    return { text: out, edits };
}

async function main(): Promise<void> {
    const before = generateJourneyMap({ steps: 1000, seed: 1 });
    const { text: after, edits } = edit(before);
    log(`diff bench: 1,000 steps, ${edits} edits`);
    const loadTimes: number[] = [];
    const diffTimes: number[] = [];
    const hostTimes: number[] = [];
    const alignTimes: number[] = [];
    let changes = 0;
    let messageBytes = 0;
    for (let run = 0; run < RUNS + 1; run++) {
        const t0 = performance.now();
        const [a, b] = await Promise.all([loadRevision([{ path: 'map.journey', text: before }]), loadRevision([{ path: 'map.journey', text: after }])]);
        const t1 = performance.now();
        if (a.errors.size + b.errors.size > 0) throw new Error('diff bench: an edited version does not parse');
        const result = diffDocuments(a.models.get('map.journey'), b.models.get('map.journey'));
        const t2 = performance.now();
        // The compare view on each keystroke: the host's diff and pictures, then the webview's layout of both.
        const spec = { old: { kind: 'git', uri: 'file:///map.journey', ref: 'HEAD' }, new: { kind: 'file', uri: 'file:///map.journey' } } as const;
        const message = compareMessage(spec, 'map.journey', { label: 'HEAD', errors: [], model: a.models.get('map.journey') }, { label: 'Working tree', errors: [], model: b.models.get('map.journey') });
        const t3 = performance.now();
        const journey = message.journeys[0];
        layoutAligned(journey.old, journey.new);
        const t4 = performance.now();
        changes = result.changes.length;
        messageBytes = JSON.stringify(message).length;
        if (run === 0) continue; // warm-up
        loadTimes.push(t1 - t0);
        diffTimes.push(t2 - t1);
        hostTimes.push(t3 - t2);
        alignTimes.push(t4 - t3);
    }
    const load = median(loadTimes);
    const diff = median(diffTimes);
    process.stdout.write([
        '## Semantic diff',
        '',
        `Two versions of a generated 1,000-step map (seed 1), ${edits} scattered edits (emotions, reworded pains, rewritten touchpoints), ${changes} changes reported. Median of ${RUNS} runs after a warm-up.`,
        '',
        '| phase | median (ms) |',
        '| --- | ---: |',
        `| parse, link (syntax and reference checks only, as journeymap diff does) and build both versions | ${formatMs(load)} |`,
        `| diff the two models | ${formatMs(diff)} |`,
        `| diff / parse | ${(100 * diff / load).toFixed(1)}% |`,
        `| compare view, host: diff, pictures and change list (\`compareMessage\`) | ${formatMs(median(hostTimes))} |`,
        `| compare view, webview: both pictures laid out on one stage frame (\`layoutAligned\`) | ${formatMs(median(alignTimes))} |`,
        '',
        `The compare view's message for this diff is ${(messageBytes / 1024).toFixed(0)} KB of JSON (both models and the marks).`,
        '',
    ].join('\n') + '\n');
}

await main();
