// The command-line benchmark: start-up of `journeymap` (whole processes, against bare Node), and
// `check` against `diff` on a workspace of 2,000 small maps (two folders and two git revisions),
// and `render` of a 100-step map to SVG, PNG and PDF.
// Prints one markdown section on stdout (bench/run.mjs puts it into docs/benchmarks.md).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PNG_SCALE, pngScale } from '../src/export/png.js';
import { generateJourneyMap } from './generate-map.js';
import { generateWorkspace, writeWorkspace } from './generate-workspace.js';
import { formatMs, log, Samples } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin/journeymap.mjs');
const QUICK = process.env.JOURNEYMAP_BENCH_QUICK === '1';
const START_RUNS = QUICK ? 5 : 7;
const COMMAND_RUNS = 2;
const BIG_RUNS = 1;
const MAPS = QUICK ? 200 : 2000;
/** `report` against `check`: 1,250 maps of 8 steps, 10,000 steps. */
const REPORT_MAPS = QUICK ? 125 : 1250;
const REPORT_RUNS = 1;
/** `render` to SVG, PNG and PDF: one map of 100 steps, a few runs (each is a whole process). */
const RENDER_STEPS = 100;
const RENDER_RUNS = 1;

interface Timed { ms: number; stdout: string; status: number | null }

/** One whole process, from spawn to exit. */
function time(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Timed {
    const t0 = performance.now();
    const child = spawnSync(process.execPath, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - t0;
    if (child.error) throw child.error;
    return { ms, stdout: child.stdout, status: child.status };
}

/** The 95th percentile (nearest rank) of the samples. */
function p95(samples: Samples): number {
    const sorted = [...samples.values].sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)];
}

/**
 * Runs the cases interleaved (run 1 of each, run 2 of each, …), so a burst of load hits them alike;
 * first one warm-up run of each (the file cache, Node's compile cache) unless `warmUp` is false.
 */
function interleaved(cases: ReadonlyArray<{ args: readonly string[]; env?: NodeJS.ProcessEnv; cwd?: string; ok?: (run: Timed) => void }>, runs: number, warmUp = true): Samples[] {
    const samples = cases.map(() => new Samples());
    if (warmUp) for (const c of cases) c.ok?.(time(c.args, c));
    for (let run = 0; run < runs; run++) {
        cases.forEach((c, i) => {
            const result = time(c.args, c);
            c.ok?.(result);
            samples[i].add(result.ms);
        });
    }
    return samples;
}

function expectStatus(status: number): (run: Timed) => void {
    return run => {
        if (run.status !== status) throw new Error(`cli bench: exit status ${run.status}, expected ${status}`);
    };
}

function git(cwd: string, ...args: string[]): void {
    execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' } });
}

async function main(): Promise<void> {
    // Start-up: bare Node, then the dispatcher alone (--version, --help), then a small real command.
    log(`cli bench: start-up, ${START_RUNS} runs each`);
    const noCache = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' };
    const [bare, version, help] = interleaved([
        { args: ['-e', '0'] },
        { args: [CLI, '--version'], ok: expectStatus(0) },
        { args: [CLI, '--help'], ok: expectStatus(0) },
    ], START_RUNS);
    const examples = join(ROOT, 'examples');
    const [checkOne, checkOneNoCache] = interleaved([
        { args: [CLI, 'check', examples], ok: expectStatus(0) },
        { args: [CLI, 'check', examples], env: noCache, ok: expectStatus(0) },
    ], COMMAND_RUNS);

    // 2,000 small maps: the same files checked, and diffed as two folders and as two commits.
    const dir = mkdtempSync(join(tmpdir(), 'journeymap-cli-bench-'));
    try {
        // One map of 100 steps drawn to each format: the picture is the same, the writer differs.
        const map = join(dir, 'render', 'map.journey');
        writeWorkspace(new Map([['map.journey', generateJourneyMap({ steps: RENDER_STEPS })]]), join(dir, 'render'));
        log(`cli bench: render ${RENDER_STEPS} steps to SVG, PNG and PDF; ${RENDER_RUNS} runs each`);
        const formats = ['svg', 'png', 'pdf'] as const;
        // No warm-up run: the start-up rows above have compiled the bundles, and each run takes seconds.
        const renders = interleaved(formats.map(format => ({ args: [CLI, 'render', map, '-o', join(dir, `map.${format}`)], ok: expectStatus(0) })), RENDER_RUNS, false);
        const svgText = readFileSync(join(dir, 'map.svg'), 'utf8');
        const [svgWidth, svgHeight] = [/ width="(\d+)"/, / height="(\d+)"/].map(re => Number(re.exec(svgText)![1]));
        const sizes = formats.map(format => statSync(join(dir, `map.${format}`)).size);

        const workspace = generateWorkspace({ maps: MAPS });
        writeWorkspace(workspace.old, join(dir, 'old'));
        writeWorkspace(workspace.new, join(dir, 'new'));
        const repo = join(dir, 'repo');
        writeWorkspace(workspace.old, repo);
        git(repo, 'init', '-q', '-b', 'main');
        git(repo, 'add', '.');
        git(repo, 'commit', '-q', '-m', 'old');
        rmSync(join(repo, 'maps'), { recursive: true });
        writeWorkspace(workspace.new, repo);
        git(repo, 'add', '-A');
        git(repo, 'commit', '-q', '-m', 'new');
        const changedFiles = workspace.edited + workspace.added + workspace.deleted;
        log(`cli bench: ${MAPS} maps (+ common.journey), ${changedFiles} files differ; ${BIG_RUNS} runs each`);
        const diffOk = (run: Timed) => {
            expectStatus(0)(run);
            const files = JSON.parse(run.stdout).files as unknown[];
            if (files.length !== changedFiles) throw new Error(`cli bench: diff reported ${files.length} files, expected ${changedFiles}`);
        };
        const [check, diffFolders, diffGit] = interleaved([
            { args: [CLI, 'check', 'old'], cwd: dir, ok: expectStatus(0) },
            { args: [CLI, 'diff', '--format', 'json', 'old', 'new'], cwd: dir, ok: diffOk },
            { args: [CLI, 'diff', '--format', 'json', '--git', 'HEAD~1', 'HEAD'], cwd: repo, ok: diffOk },
        ], BIG_RUNS, false); // the files were just written and the bundles just run: warm enough, and a run takes seconds

        // `report` reads the same files as `check` and adds the models and the insights.
        const reportWorkspace = generateWorkspace({ maps: REPORT_MAPS });
        writeWorkspace(reportWorkspace.old, join(dir, 'report'));
        const reportSteps = REPORT_MAPS * 8;
        log(`cli bench: report against check, ${REPORT_MAPS} maps (${reportSteps} steps); ${REPORT_RUNS} runs each`);
        const reportOk = (run: Timed) => {
            expectStatus(0)(run);
            if (JSON.parse(run.stdout).totals.steps < reportSteps) throw new Error('cli bench: report counted too few steps');
        };
        const [reportCheck, reportJson] = interleaved([
            { args: [CLI, 'check', 'report'], cwd: dir, ok: expectStatus(0) },
            { args: [CLI, 'report', '--format', 'json', 'report'], cwd: dir, ok: reportOk },
        ], REPORT_RUNS, false);
        // The other formats add only their formatting to the same work: one run each.
        const [reportMarkdown, reportHtml] = interleaved([
            { args: [CLI, 'report', '--format', 'markdown', 'report'], cwd: dir, ok: expectStatus(0) },
            { args: [CLI, 'report', '--format', 'html', 'report'], cwd: dir, ok: expectStatus(0) },
        ], 1, false);

        const ratio = (s: Samples) => `${(s.median() / bare.median()).toFixed(1)}×`;
        const row = (name: string, s: Samples) => `| ${name} | ${formatMs(s.median())} | ${formatMs(p95(s))} | ${formatMs(s.min())}–${formatMs(s.max())} | ${ratio(s)} |`;
        const seconds = (s: Samples) => s.values.length === 1 ? (s.values[0] / 1000).toFixed(1)
            : `${(s.median() / 1000).toFixed(1)} (${(s.min() / 1000).toFixed(1)}–${(s.max() / 1000).toFixed(1)})`;
        process.stdout.write([
            '## Command line',
            '',
            'Whole `journeymap` processes (`node bin/journeymap.mjs …`, spawned and waited for), as a user or CI runs them.',
            '',
            `### Start-up (${START_RUNS} runs each, after one warm-up run, interleaved)`,
            '',
            '`--version` and `--help` load only the dispatcher (dist/cli.mjs and a few-KB chunk); a command loads its own chunk and',
            'the shared ones (Langium, the language) with `import()`; `check examples` reads the 4 example maps. Node\'s compile',
            'cache (enabled by `bin/journeymap.mjs`) keeps V8\'s compiled code between runs; the last row turns it off',
            `(\`NODE_DISABLE_COMPILE_CACHE=1\`). ${COMMAND_RUNS} runs for the \`check\` rows.`,
            '',
            '| process | median (ms) | p95 (ms) | min–max (ms) | × bare Node |',
            '| --- | ---: | ---: | ---: | ---: |',
            row('`node -e 0` (bare Node)', bare),
            row('`journeymap --version`', version),
            row('`journeymap --help`', help),
            row('`journeymap check examples`', checkOne),
            row('the same, compile cache off', checkOneNoCache),
            '',
            `### \`render\` to SVG, PNG and PDF: ${RENDER_STEPS} steps (${RENDER_RUNS} runs each, after one warm-up run, interleaved)`,
            '',
            `One map of ${RENDER_STEPS} steps from \`bench/generate-map.ts\` (${svgWidth.toLocaleString('en-US')} × ${svgHeight.toLocaleString('en-US')} px), written with \`-o map.svg\`,`,
            `\`-o map.png\` (resvg, the bundled fonts; ${pngScale(svgWidth, svgHeight, DEFAULT_PNG_SCALE)}×: 2× would pass the 64-million-pixel limit) and \`-o map.pdf\` (pdfkit + svg-to-pdfkit, one A3 page). Whole processes: each`,
            'parses, links and lays out the map; PNG and PDF also resolve the stylesheet, place the fallback-font runs and load their writer.',
            '',
            '| command | median (ms) | min–max (ms) | file size |',
            '| --- | ---: | ---: | ---: |',
            ...formats.map((format, i) => `| \`journeymap render -o map.${format}\` | ${formatMs(renders[i].median())} | ${formatMs(renders[i].min())}–${formatMs(renders[i].max())} | ${(sizes[i] / 1024).toFixed(0)} KB |`),
            '',
            `### ${MAPS.toLocaleString('en-US')} small maps (${BIG_RUNS} runs each, interleaved, no warm-up run)`,
            '',
            `Generated by \`bench/generate-workspace.ts\`: \`common.journey\` (personas, channels, teams) and ${MAPS.toLocaleString('en-US')} maps of one`,
            `8-step journey each that use it; the new version edits every 10th map (an emotion and a touchpoint), deletes one and adds one`,
            `(${changedFiles} files differ). \`check\` reads the old folder; \`diff\` loads both versions, each as one workspace, and`,
            'diffs the files that differ (`--format json`); `diff --git` reads the two commits of a repository holding the same files.',
            '',
            '| command | seconds, median (min–max) | × check |',
            '| --- | ---: | ---: |',
            `| \`journeymap check old\` | ${seconds(check)} | 1.0× |`,
            `| \`journeymap diff old new\` | ${seconds(diffFolders)} | ${(diffFolders.median() / check.median()).toFixed(1)}× |`,
            `| \`journeymap diff --git HEAD~1 HEAD\` | ${seconds(diffGit)} | ${(diffGit.median() / check.median()).toFixed(1)}× |`,
            '',
            `### \`report\` against \`check\`: ${reportSteps.toLocaleString('en-US')} steps (one run of each, \`check\` first; no warm-up run)`,
            '',
            `The same generator, ${REPORT_MAPS.toLocaleString('en-US')} maps of 8 steps. \`report\` parses, links and validates as \`check\` does, then`,
            'builds every model and computes the insights (docs/report.md). The goal: within 1.2× of `check`.',
            '',
            '| command | seconds, median (min–max) | × check |',
            '| --- | ---: | ---: |',
            `| \`journeymap check report\` | ${seconds(reportCheck)} | 1.00× |`,
            ...([['json', reportJson], ['markdown', reportMarkdown], ['html', reportHtml]] as const).map(([format, s]) =>
                `| \`journeymap report --format ${format} report\` | ${seconds(s)} | ${(s.median() / reportCheck.median()).toFixed(2)}× |`),
            '',
        ].join('\n') + '\n');
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

await main();
