// `npm run bench`: runs every bench/*.bench.ts in file-name order, one process each, and writes
// their markdown sections into docs/benchmarks.md after a short intro about the machine.
//
// The contract of a bench file (see bench/README.md): it is run as
// `node --expose-gc --import tsx bench/NAME.bench.ts` from the project root after `npm run build`,
// prints ONE markdown section (starting with a `## ` heading) on stdout, logs progress to stderr,
// and exits non-zero on failure. Adding a benchmark = adding a file; nothing to register here.
//
// `node bench/run.mjs language diff` runs only the bench files whose name contains one of the
// words and keeps the other sections of docs/benchmarks.md as they were.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DIR = `${ROOT}bench/`;
const OUTPUT = `${ROOT}docs/benchmarks.md`;

if (Number(process.versions.node.split('.')[0]) < 22) {
    process.stderr.write(`bench: needs Node.js 22 or later (this is ${process.version}); export PATH=$PWD/node_modules/.bin:$PATH\n`);
    process.exit(2);
}

const filters = process.argv.slice(2);
const files = readdirSync(BENCH_DIR).filter(name => name.endsWith('.bench.ts')).sort();
const selected = files.filter(name => filters.length === 0 || filters.some(filter => name.includes(filter)));
if (selected.length === 0) {
    process.stderr.write(`bench: no bench/*.bench.ts matches ${filters.join(', ')} (have: ${files.join(', ')})\n`);
    process.exit(2);
}

/** Sections are delimited by markers so one bench can be re-run without the others. */
const begin = name => `<!-- bench:${name} -->`;
const end = name => `<!-- /bench:${name} -->`;

function previousSection(name) {
    if (!existsSync(OUTPUT)) return undefined;
    const text = readFileSync(OUTPUT, 'utf8');
    const from = text.indexOf(begin(name));
    const to = text.indexOf(end(name));
    return from >= 0 && to > from ? text.slice(from + begin(name).length, to).trim() : undefined;
}

function runBench(name) {
    return new Promise(resolve => {
        const started = performance.now();
        process.stderr.write(`bench: ${name}\n`);
        const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', `bench/${name}`], {
            cwd: ROOT,
            stdio: ['ignore', 'pipe', 'inherit'],
        });
        let stdout = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', chunk => { stdout += chunk; });
        child.on('error', error => resolve({ ok: false, text: `Could not start: ${error.message}` }));
        child.on('close', (code, signal) => {
            const seconds = ((performance.now() - started) / 1000).toFixed(0);
            process.stderr.write(`bench: ${name} ${code === 0 ? 'done' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s\n`);
            resolve({ ok: code === 0 && stdout.trim() !== '', text: stdout.trim(), code, signal });
        });
    });
}

function git(...args) {
    try {
        return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
        return undefined;
    }
}

const sections = new Map();
let failed = false;
for (const name of files) {
    if (!selected.includes(name)) {
        const kept = previousSection(name);
        if (kept !== undefined) sections.set(name, kept);
        continue;
    }
    const load = os.loadavg()[0];
    const result = await runBench(name);
    // Sections kept from an earlier run keep their own date: say when each was measured.
    const stamp = `<sub>Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}, load average ${load.toFixed(2)} when it started, commit ${git('rev-parse', '--short', 'HEAD') ?? 'unknown'}.</sub>`;
    if (!result.ok) {
        failed = true;
        sections.set(name, `## ${name}\n\n**This benchmark failed** (${result.signal ?? `exit ${result.code}`}); see the log of \`npm run bench\`.\n\n${result.text}\n\n${stamp}`);
    } else {
        sections.set(name, `${result.text}\n\n${stamp}`);
    }
}

const cpus = os.cpus();
const commit = git('rev-parse', '--short', 'HEAD');
const dirty = git('status', '--porcelain', '--untracked-files=no');
const intro = [
    '# Benchmarks',
    '',
    '<!-- Written by `npm run bench` (bench/run.mjs); edit the bench files, not this page. -->',
    '',
    `Machine: ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB,`,
    `${os.type()} ${os.release()}, Node.js ${process.version}. Last written ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} at commit`,
    `${commit ?? 'unknown'}${dirty ? ' (with uncommitted changes in the work tree)' : ''}; each section says when it was measured.`,
    'The machine may be shared (the load average is given), so compare medians, not single runs.',
    '',
    'Run them with `npm run bench` (builds first: the stdio benchmarks start the bundled language server).',
    '`node bench/run.mjs language` re-runs only the bench files whose name contains `language` and keeps the other',
    'sections. How to add a benchmark: bench/README.md.',
    '',
].join('\n');

const body = files.filter(name => sections.has(name))
    .map(name => `${begin(name)}\n${sections.get(name)}\n${end(name)}`)
    .join('\n\n');
writeFileSync(OUTPUT, `${intro}\n${body}\n`);
process.stderr.write(`bench: wrote ${OUTPUT.slice(ROOT.length)}${failed ? ' (with failures)' : ''}\n`);
process.exit(failed ? 1 : 0);
