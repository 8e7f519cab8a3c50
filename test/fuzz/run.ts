/**
 * `npm run fuzz [-- --seconds 60 --seed N --runs N --case I --timeout-ms 2000 --hang-ms 30000 --max-failures 5 --minimise-seconds 60 --out DIR]`
 * (docs/fuzzing.md). Exits 1 when an input fails, after printing and saving it minimised.
 */
import { parseArgs } from 'node:util';
import { describeMarks, runFuzz } from './fuzz-driver.js';

const { values } = parseArgs({
    options: {
        seconds: { type: 'string', default: '60' },
        seed: { type: 'string' },
        runs: { type: 'string' },
        case: { type: 'string' },
        'timeout-ms': { type: 'string', default: '2000' },
        'hang-ms': { type: 'string' },
        'max-failures': { type: 'string', default: '5' },
        'minimise-seconds': { type: 'string', default: '60' },
        out: { type: 'string', default: 'test-results/fuzz' },
        help: { type: 'boolean', short: 'h' },
    },
});

if (values.help) {
    console.log('npm run fuzz -- [--seconds 60] [--seed N] [--runs N] [--case I] [--timeout-ms 2000] [--hang-ms 30000] [--max-failures 5] [--minimise-seconds 60] [--out test-results/fuzz]');
    process.exit(0);
}

function integer(name: string, text: string | undefined): number | undefined {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) {
        console.error(`fuzz: --${name} must be a whole number ≥ 0, got '${text}'`);
        process.exit(2);
    }
    return value;
}

const seed = integer('seed', values.seed) ?? Math.floor(Math.random() * 1_000_000);
const only = integer('case', values.case);
console.log(only === undefined
    ? `fuzz: seed ${seed}, ${values.runs ? `${values.runs} inputs or ` : ''}${values.seconds} s (replay with --seed ${seed})`
    : `fuzz: replaying case ${only} of seed ${seed}`);
const report = await runFuzz({
    seed,
    seconds: only === undefined ? integer('seconds', values.seconds) : undefined,
    runs: integer('runs', values.runs),
    only,
    timeoutMs: integer('timeout-ms', values['timeout-ms']),
    hangMs: integer('hang-ms', values['hang-ms']),
    maxFailures: integer('max-failures', values['max-failures']),
    minimiseSeconds: integer('minimise-seconds', values['minimise-seconds']),
    outDir: values.out,
    log: line => console.log(`  ${line}`),
});

const load = (await import('node:os')).loadavg().map(l => l.toFixed(2)).join(' ');
console.log(`fuzz: ${report.inputs} inputs in ${report.seconds.toFixed(1)} s (${(report.inputs / Math.max(report.seconds, 0.001)).toFixed(1)}/s, load ${load}); ` +
    `${report.parsedCleanly} parsed cleanly, ${report.rendered} journeys rendered, ${report.diffed} diffed, ${report.formatted} reformatted; ` +
    `slowest ${Math.round(report.slowestMs)} ms of CPU${report.slowOnce ? `, ${report.slowOnce} slow once but not twice` : ''}${report.restarts ? `, ${report.restarts} worker restarts` : ''}`);
for (const f of report.failures) {
    console.log(`\nFAILED: seed ${seed}, case ${f.index}, stage ${f.failure.stage} (${f.failure.kind}); base ${f.input.base}, mutations ${f.mutations.join(', ')}
  ${f.failure.message.split('\n').slice(0, 6).join('\n  ')}
  minimised input (${f.minimised.text.length} of ${f.input.text.length} characters; ${Object.entries(describeMarks(f.minimised)).map(([k, v]) => `${k} at ${v}`).join(', ')}):
----------
${shown(f.minimised.text)}
----------
  replay: npm run fuzz -- --seed ${seed} --case ${f.index}${f.files.length ? `\n  saved: ${f.files.join(', ')}` : ''}`);
}

/** The text as it is if printable, else as a JSON string (a bare \r or a bidi control garbles a terminal); long texts cut. */
function shown(text: string): string {
    const printable = /^[\n\x20-\x7e\u00a0-\u024f]*$/.test(text);
    const out = printable ? text : `(as a JSON string) ${JSON.stringify(text)}`;
    return out.length > 3_000 ? `${out.slice(0, 3_000)}… (cut; the whole text is in the saved file)` : out;
}
process.exit(report.failures.length > 0 ? 1 : 0);
