/**
 * The fuzzer: seeded mutations of the examples and of generated maps, each run in a worker thread
 * under a watchdog (CPU time over the limit fails; a worker with no answer for `hangMs` is killed) (test/fuzz/fuzz-harness.ts has the stages and checks). A failure is confirmed
 * (a slow input must be slow twice: the machine may just be busy), minimised and written to
 * `outDir`. Case `i` of seed `s` is the same input on every machine, so `--seed s --case i`
 * replays it.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generateJourneyMap } from '../../bench/generate-map.js';
import type { CaseOutcome, Failure, FuzzBase, FuzzCase } from './fuzz-harness.js';
import { STAGES } from './fuzz-stages.js';
import { minimise } from './minimise.js';
import { ALL_MUTATIONS, at, pick, seededRandom } from './mutations.js';
import type { WorkerData } from './fuzz-worker.js';

export interface FuzzOptions {
    seed: number;
    /** Stop generating inputs after this long… */
    seconds?: number;
    /** …or after this many inputs (whichever comes first). */
    runs?: number;
    /** Run only this case of the seed (a replay). */
    only?: number;
    /** An input taking more CPU time than this fails (default 2,000 ms). */
    timeoutMs?: number;
    /** Wall time after which an input counts as hung and its worker is killed (default 30 s). */
    hangMs?: number;
    /** Stop after this many different failures (default 5). */
    maxFailures?: number;
    /** Time to minimise each failure (default 60 s). */
    minimiseSeconds?: number;
    /** Where failing inputs are written; none if undefined. */
    outDir?: string;
    log?: (line: string) => void;
    /** Run one input before the clock starts (default true), so start-up is not counted. */
    warmUp?: boolean;
}

export interface FoundFailure {
    index: number;
    mutations: string[];
    failure: Failure;
    input: FuzzCase;
    minimised: FuzzCase;
    files: string[];
}

export interface FuzzReport {
    seed: number;
    inputs: number;
    seconds: number;
    parsedCleanly: number;
    rendered: number;
    diffed: number;
    formatted: number;
    /** Inputs slow once but not when run again (a busy machine), not failures. */
    slowOnce: number;
    /** Worker restarts after a kill or a crash. */
    restarts: number;
    slowestMs: number;
    byMutation: Record<string, number>;
    failures: FoundFailure[];
}

// The driver stays light (no Langium): the language runs in the worker only.
const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

/** The maps mutated: the examples, and generated maps of a few shapes (two fixed, one per seed). */
export function fuzzBases(seed: number): FuzzBase[] {
    const examples = readdirSync(EXAMPLES_DIR).filter(n => n.endsWith('.journey')).sort()
        .map(name => ({ name, text: readFileSync(join(EXAMPLES_DIR, name), 'utf8'), withCommon: name !== 'common.journey' }));
    const generated = [
        { steps: 12, seed: 1 },
        { steps: 40, seed: 2, journeys: 2, stageSteps: [1, 6] as const },
        { steps: 8 + (seed % 30), seed: seed + 1 },
    ].map(options => ({ name: `generated-${options.steps}-${options.seed}.journey`, text: generateJourneyMap(options), withCommon: false }));
    return [...examples, ...generated];
}

/** Case `index` of `seed`: a base, 1–4 mutations (mostly 1) (splices take from the other bases), four marks. */
export function fuzzCase(seed: number, index: number, bases: readonly FuzzBase[]): { input: FuzzCase; mutations: string[] } {
    const random = seededRandom(Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
    const base = pick(bases, random);
    const others = bases.filter(b => b !== base).map(b => b.text);
    const names = Object.keys(ALL_MUTATIONS);
    const mutations: string[] = [];
    let text = base.text;
    // Mostly one or two: every extra mutation makes a syntax error likelier, and the later stages need none.
    for (let n = 1 + Math.floor(random() ** 2 * 4); n > 0; n--) {
        const name = pick(names, random);
        mutations.push(name);
        text = ALL_MUTATIONS[name](text, random, others);
    }
    return { input: { base: base.name, text, marks: [at(text, random), at(text, random), at(text, random), at(text, random)] }, mutations };
}

/** A worker thread running the harness, restarted when it has to be killed. */
class Evaluator {
    private worker?: Worker;
    private ready?: Promise<void>;
    private readonly stage = new SharedArrayBuffer(4);
    private nextId = 0;
    private pending?: { id: number; resolve: (outcome: CaseOutcome) => void; reject: (error: Error) => void };
    restarts = 0;

    constructor(private readonly bases: readonly FuzzBase[], private readonly hardLimitMs: number) { }

    private start(): Promise<void> {
        const worker = new Worker(new URL('./fuzz-worker.ts', import.meta.url), { workerData: { bases: [...this.bases], stage: this.stage } satisfies WorkerData });
        this.worker = worker;
        this.ready = new Promise((resolve, reject) => {
            worker.on('message', message => {
                const pending = this.pending;
                if (message.ready) resolve();
                else if (pending && pending.id === message.id) pending.resolve(message.outcome);
            });
            // A crash of the thread itself (an error outside the harness's own try).
            worker.on('error', error => { reject(error); this.pending?.reject(error); });
            worker.on('exit', code => {
                const error = new Error(`the worker exited (code ${code})`);
                reject(error);
                this.pending?.reject(error);
            });
        });
        return this.ready;
    }

    /** The outcome, with a `slow` failure when the worker had to be killed. */
    async evaluate(input: FuzzCase): Promise<CaseOutcome> {
        if (!this.worker) await this.start();
        else await this.ready;
        const id = ++this.nextId;
        const stageView = new Int32Array(this.stage);
        Atomics.store(stageView, 0, 0);
        let timer: NodeJS.Timeout | undefined;
        try {
            return await new Promise<CaseOutcome>((resolve, reject) => {
                this.pending = { id, resolve, reject };
                timer = setTimeout(() => reject(new Killed()), this.hardLimitMs);
                this.worker!.postMessage({ id, input });
            });
        } catch (error) {
            const stage = STAGES[Atomics.load(stageView, 0)];
            await this.stop();
            this.restarts++;
            const failure: Failure = error instanceof Killed
                ? { stage, kind: 'slow', message: `no answer after ${this.hardLimitMs} ms: the worker was killed in stage ${stage}`, signature: `${stage}:slow` }
                : { stage, kind: 'exception', message: `the worker died: ${(error as Error).stack ?? error}`, signature: `${stage}:worker-died` };
            return { failure, parsedCleanly: false, rendered: 0, diffed: false, formatted: false, ms: this.hardLimitMs, stageMs: {} };
        } finally {
            clearTimeout(timer);
            this.pending = undefined;
        }
    }

    async stop(): Promise<void> {
        const worker = this.worker;
        this.worker = undefined;
        if (worker) {
            worker.removeAllListeners();
            await worker.terminate();
        }
    }
}

class Killed extends Error { }

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
    const { seed, timeoutMs = 2_000, maxFailures = 5, minimiseSeconds = 60, log = () => undefined } = options;
    const bases = fuzzBases(seed);
    // The kill is for hangs only: wall time on a shared machine can be many times the CPU time.
    const evaluator = new Evaluator(bases, options.hangMs ?? Math.max(30_000, 5 * timeoutMs));
    /** The failure of an input, a slow one confirmed by running it again. */
    const failureOf = async (input: FuzzCase, confirm = true): Promise<{ failure?: Failure; outcome: CaseOutcome; slowOnce: boolean }> => {
        const outcome = await evaluator.evaluate(input);
        let failure = outcome.failure ?? (outcome.ms > timeoutMs ? slowFailure(outcome, timeoutMs) : undefined);
        if (!failure || failure.kind !== 'slow' || !confirm) return { failure, outcome, slowOnce: false };
        const again = await evaluator.evaluate(input);
        failure = again.failure ?? (again.ms > timeoutMs ? slowFailure(again, timeoutMs) : undefined);
        return failure?.kind === 'slow' ? { failure, outcome, slowOnce: false } : { failure, outcome: again, slowOnce: failure === undefined };
    };

    const report: FuzzReport = {
        seed, inputs: 0, seconds: 0, parsedCleanly: 0, rendered: 0, diffed: 0, formatted: 0, slowOnce: 0, restarts: 0, slowestMs: 0, byMutation: {}, failures: [],
    };
    const found = new Map<string, { index: number; mutations: string[]; failure: Failure; input: FuzzCase }>();
    try {
        // Warm up (module loading, first-call compilation) before the clock runs.
        if (options.warmUp !== false) await evaluator.evaluate(fuzzCase(seed, 0, bases).input);
        const started = Date.now();
        const deadline = options.seconds === undefined ? Infinity : started + options.seconds * 1000;
        const runs = options.runs ?? Infinity;
        let lastLog = started;
        for (let index = options.only ?? 0; ; index++) {
            if (options.only !== undefined ? index > options.only : report.inputs >= runs || Date.now() >= deadline) break;
            const { input, mutations } = fuzzCase(seed, index, bases);
            const { failure, outcome, slowOnce } = await failureOf(input);
            report.inputs++;
            if (outcome.parsedCleanly) report.parsedCleanly++;
            report.rendered += outcome.rendered;
            if (outcome.diffed) report.diffed++;
            if (outcome.formatted) report.formatted++;
            if (slowOnce) report.slowOnce++;
            report.slowestMs = Math.max(report.slowestMs, failure ? 0 : outcome.ms);
            for (const m of mutations) report.byMutation[m] = (report.byMutation[m] ?? 0) + 1;
            if (failure && !found.has(failure.signature)) {
                log(`case ${index}: ${failure.stage} ${failure.kind}: ${failure.message.split('\n')[0]}`);
                found.set(failure.signature, { index, mutations, failure, input });
                if (found.size >= maxFailures) break;
            }
            if (Date.now() - lastLog > 10_000) {
                lastLog = Date.now();
                log(`${report.inputs} inputs, ${(report.inputs / ((lastLog - started) / 1000)).toFixed(1)}/s, ${found.size} failure(s)`);
            }
        }
        report.seconds = (Date.now() - started) / 1000;

        for (const { index, mutations, failure, input } of found.values()) {
            log(`minimising case ${index} (${failure.signature}, ${input.text.length} characters)…`);
            const minimised = await minimise(input, async candidate => (await failureOf(candidate, false)).failure?.signature === failure.signature,
                Date.now() + minimiseSeconds * 1000);
            const files = options.outDir ? writeFailure(options.outDir, seed, index, mutations, failure, input, minimised) : [];
            report.failures.push({ index, mutations, failure, input, minimised, files });
        }
    } finally {
        report.restarts = evaluator.restarts;
        await evaluator.stop();
    }
    return report;
}

function slowFailure(outcome: CaseOutcome, timeoutMs: number): Failure {
    const [stage, ms] = Object.entries(outcome.stageMs).sort((a, b) => b[1] - a[1])[0] as [Failure['stage'], number];
    return { stage, kind: 'slow', message: `took ${Math.round(outcome.ms)} ms of CPU time (over ${timeoutMs} ms), ${Math.round(ms)} ms of it in ${stage}`, signature: `${stage}:slow` };
}

/** The minimised input as a .journey file, and everything about it as JSON beside it. */
function writeFailure(dir: string, seed: number, index: number, mutations: string[], failure: Failure, input: FuzzCase, minimised: FuzzCase): string[] {
    mkdirSync(dir, { recursive: true });
    const stem = join(dir, `seed-${seed}-case-${index}-${failure.stage}-${failure.kind}`);
    writeFileSync(`${stem}.journey`, minimised.text, 'utf8');
    writeFileSync(`${stem}.json`, JSON.stringify({
        seed, case: index, replay: `npm run fuzz -- --seed ${seed} --case ${index}`, base: input.base, mutations, failure,
        minimised: { text: minimised.text, marks: describeMarks(minimised) }, input: { text: input.text, marks: describeMarks(input) },
    }, null, 2) + '\n', 'utf8');
    return [`${stem}.journey`, `${stem}.json`];
}

/** The marks as offsets and as line:column (1-based), named for what they are. */
export function describeMarks(input: FuzzCase): Record<string, string> {
    const names = ['completion', 'hover', 'range start', 'range end'];
    return Object.fromEntries(input.marks.map((offset, i) => {
        const before = input.text.slice(0, Math.min(offset, input.text.length)).split(/\r\n|\r|\n/);
        return [names[i], `offset ${offset} (${before.length}:${before[before.length - 1].length + 1})`];
    }));
}
