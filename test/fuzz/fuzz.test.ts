import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzzBases, fuzzCase, runFuzz } from './fuzz-driver.js';
import type { FuzzCase } from './fuzz-harness.js';
import { lineBoundaries, minimise, removeRange } from './minimise.js';

/**
 * The CI slice of `npm run fuzz`: a fixed seed and a fixed number of inputs through the same
 * driver, worker and watchdog (docs/fuzzing.md). A failure prints the replay command and the
 * minimised input, and saves it under test-results/fuzz.
 */

const SEED = 20260301;
const RUNS = Number(process.env.JOURNEY_FUZZ_SLICE ?? 50);

describe('fuzz: CI slice (seed 20260301)', function () {
    this.timeout(120_000);

    it(`runs ${RUNS} mutated maps through every stage without a failure`, async () => {
        const report = await runFuzz({ seed: SEED, runs: RUNS, minimiseSeconds: 20, outDir: 'test-results/fuzz' });
        for (const f of report.failures) {
            console.error(`fuzz failure: seed ${SEED}, case ${f.index} (replay: npm run fuzz -- --seed ${SEED} --case ${f.index}), ` +
                `stage ${f.failure.stage} (${f.failure.kind}): ${f.failure.message}\nminimised input: ${JSON.stringify(f.minimised.text)}`);
        }
        assert.deepEqual(report.failures.map(f => `case ${f.index}: ${f.failure.signature}`), []);
        assert.equal(report.inputs, RUNS);
        // The slice reaches every stage: inputs that parse, render, diff and get reformatted.
        assert.ok(report.parsedCleanly > 0 && report.parsedCleanly < RUNS, `${report.parsedCleanly} of ${RUNS} parsed`);
        assert.ok(report.rendered > 0 && report.diffed > 0 && report.formatted > 0, JSON.stringify(report));
        console.log(`      ${report.inputs} inputs in ${report.seconds.toFixed(1)} s: ${report.parsedCleanly} parsed cleanly, ${report.rendered} journeys rendered, ` +
            `${report.diffed} diffed, ${report.formatted} reformatted; slowest ${Math.round(report.slowestMs)} ms of CPU`);
    });

    it('kills an input that does not answer in time and reports it with its stage, saved for replay', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'journey-fuzz-'));
        try {
            // A 1 ms hang limit: every input "hangs", so the kill, the restart and the report run for real.
            const report = await runFuzz({ seed: SEED, runs: 1, hangMs: 1, minimiseSeconds: 0, outDir: dir, warmUp: false });
            assert.equal(report.failures.length, 1);
            const [f] = report.failures;
            assert.equal(f.failure.kind, 'slow');
            assert.match(f.failure.message, /killed in stage/);
            assert.equal(report.restarts, 2, "killed, and killed again when run a second time to confirm");
            assert.deepEqual(f.minimised, f.input, 'no time to minimise: the input as it was');
            assert.equal(f.files.length, 2);
            assert.equal(readFileSync(f.files[0], 'utf8'), f.input.text);
            const saved = JSON.parse(readFileSync(f.files[1], 'utf8'));
            assert.equal(saved.replay, `npm run fuzz -- --seed ${SEED} --case 0`);
            assert.equal(saved.base, f.input.base);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('builds the same input for the same seed and case, and mutates every kind of base', () => {
        const bases = fuzzBases(SEED);
        assert.ok(bases.some(b => b.name.startsWith('generated-')) && bases.some(b => b.name === 'gift-purchase.journey'));
        assert.deepEqual(fuzzCase(SEED, 17, bases), fuzzCase(SEED, 17, fuzzBases(SEED)));
        assert.notDeepEqual(fuzzCase(SEED, 17, bases).input.text, fuzzCase(SEED, 18, bases).input.text);
        const used = new Set(Array.from({ length: 200 }, (_, i) => fuzzCase(SEED, i, bases).input.base));
        assert.deepEqual([...used].sort(), bases.map(b => b.name).sort());
    });
});

describe('fuzz: minimiser', () => {
    const input = (text: string, marks: number[] = []): FuzzCase => ({ base: 'x', text, marks });

    it('removes lines, then characters, while the failure persists', async () => {
        const text = 'alpha\nbeta BUG here\ngamma\r\ndelta\rOTHER\nepsilon\n';
        let calls = 0;
        const result = await minimise(input(text), async c => { calls++; return c.text.includes('BUG') && c.text.includes('OTHER'); });
        assert.equal(result.text, 'BUGOTHER');
        assert.ok(calls < 200, `${calls} tries`);
    });

    it('keeps the marks on the same character as the text shrinks', async () => {
        const text = 'one\ntwo\nthree X four\nfive';
        const cursor = text.indexOf('X');
        const result = await minimise(input(text, [cursor, text.length]), async c => c.text[c.marks[0]] === 'X');
        assert.equal(result.text, 'X');
        assert.deepEqual(result.marks, [0, 1]);
    });

    it('moves a mark inside a removed range to its start', () => {
        assert.deepEqual(removeRange(input('abcdef', [0, 2, 3, 5, 6]), 1, 4).marks, [0, 1, 1, 2, 3]);
        assert.deepEqual(lineBoundaries('a\r\nb\rc\nd'), [0, 3, 5, 7, 8]);
        assert.deepEqual(lineBoundaries(''), [0]);
    });

    it('stops at the deadline with what it has', async () => {
        const result = await minimise(input('a\nb\nc'), async () => true, Date.now() - 1);
        assert.equal(result.text, 'a\nb\nc');
    });
});

