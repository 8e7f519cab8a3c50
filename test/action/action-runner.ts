import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../cli/cli-process.js';

/**
 * Runs action.yml as the runner would, as far as it can without GitHub: each `run:` step in order,
 * with `shell: bash` as the runner starts it (`bash --noprofile --norc -eo pipefail`), the step's
 * `env:` evaluated (`${{ inputs.* }}`, `${{ runner.temp }}`, `${{ github.token }}`), the
 * `GITHUB_*` variables of a pull-request job and GITHUB_ACTION_PATH at this checkout. The `uses:`
 * steps (setup-node, cache, upload-artifact) are GitHub's and are not run; the `build` step
 * (`npm ci` and `npm run build`) is replaced by the build of this checkout, which shares its
 * node_modules with other worktrees.
 */

export interface ActionYml {
    name: string;
    inputs: Record<string, { description: string; required?: boolean; default?: string }>;
    outputs?: Record<string, { description: string; value: string }>;
    runs: { using: string; steps: ActionStep[] };
}

export interface ActionStep {
    id?: string;
    name?: string;
    if?: string;
    uses?: string;
    run?: string;
    shell?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
    'working-directory'?: string;
}

/**
 * action.yml parsed by js-yaml (mocha's own dependency, so already installed). Imported on use:
 * a static import of it makes tsx load the test file as CommonJS, where langium cannot be required.
 */
export async function loadActionYml(): Promise<ActionYml> {
    const yaml = await import('js-yaml');
    return yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
}

/** dist/action.mjs and the CLI beside it, built when missing (a fresh clone running one file). */
export function ensureActionBuilt(): void {
    if (existsSync(join(ROOT, 'dist/action.mjs')) && existsSync(join(ROOT, 'dist/cli.mjs'))) return;
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
}

export interface ActionRun {
    /** Exit status of the first failing step, or 0. */
    code: number;
    stdout: string;
    stderr: string;
    /** The steps' outputs (`GITHUB_OUTPUT`), by step id. */
    outputs: Record<string, Record<string, string>>;
    /** The runner's temp folder (the artifact is `<temp>/journeymap`). */
    runnerTemp: string;
    stepSummary: string;
}

export interface ActionJob {
    /** The checkout: the job's working directory. */
    workspace: string;
    inputs: Record<string, string>;
    /** The event payload (`GITHUB_EVENT_PATH`). */
    event: unknown;
    apiUrl: string;
    token?: string;
}

export async function runActionSteps(job: ActionJob): Promise<ActionRun> {
    const action = await loadActionYml();
    const runnerTemp = mkdtempSync(join(tmpdir(), 'jm-runner-'));
    const eventPath = join(runnerTemp, 'event.json');
    writeFileSync(eventPath, JSON.stringify(job.event));
    const summaryPath = join(runnerTemp, 'step-summary.md');
    writeFileSync(summaryPath, '');
    const token = job.token ?? 'ghs_test_token';
    const context: Record<string, string> = { 'runner.temp': runnerTemp, 'github.token': token, 'runner.os': 'Linux' };
    const inputs: Record<string, string> = {};
    for (const [name, input] of Object.entries(action.inputs)) inputs[name] = job.inputs[name] ?? evaluate(input.default ?? '', context, {});
    const result: ActionRun = { code: 0, stdout: '', stderr: '', outputs: {}, runnerTemp, stepSummary: '' };
    for (const step of action.runs.steps) {
        if (step.uses || step.id === 'build') continue;
        const outputPath = join(runnerTemp, `output-${step.id ?? 'step'}`);
        writeFileSync(outputPath, '');
        const env: Record<string, string> = {
            PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
            HOME: process.env.HOME ?? runnerTemp,
            CI: 'true', GITHUB_ACTIONS: 'true',
            GITHUB_ACTION_PATH: ROOT,
            GITHUB_WORKSPACE: job.workspace,
            GITHUB_EVENT_NAME: 'pull_request',
            GITHUB_EVENT_PATH: eventPath,
            GITHUB_API_URL: job.apiUrl,
            GITHUB_SERVER_URL: 'https://github.test',
            GITHUB_REPOSITORY: 'o/r',
            GITHUB_RUN_ID: '4242',
            GITHUB_OUTPUT: outputPath,
            GITHUB_STEP_SUMMARY: summaryPath,
            RUNNER_TEMP: runnerTemp,
            ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, context, inputs)])),
        };
        const run = await bash(step.run ?? '', job.workspace, env);
        result.stdout += run.stdout;
        result.stderr += run.stderr;
        result.outputs[step.id ?? ''] = parseOutputs(readFileSync(outputPath, 'utf8'));
        if (run.code !== 0) {
            result.code = run.code;
            break;
        }
    }
    result.stepSummary = readFileSync(summaryPath, 'utf8');
    return result;
}

/** The expressions action.yml's `env:` and defaults may hold; anything else fails the test. */
function evaluate(value: string, context: Record<string, string>, inputs: Record<string, string>): string {
    return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
        if (name.startsWith('inputs.')) {
            const input = name.slice('inputs.'.length);
            if (!(input in inputs)) throw new Error(`action.yml reads an input it does not declare: ${input}`);
            return inputs[input];
        }
        if (name in context) return context[name];
        throw new Error(`the test runner does not know the expression ${name}`);
    }).replace(/\$\{\{/g, () => { throw new Error(`unsupported expression in ${value}`); });
}

function parseOutputs(text: string): Record<string, string> {
    const outputs: Record<string, string> = {};
    for (const line of text.split('\n')) {
        const eq = line.indexOf('=');
        if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return outputs;
}

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', chunk => { stdout += chunk; });
        child.stderr.setEncoding('utf8').on('data', chunk => { stderr += chunk; });
        child.on('error', reject);
        child.on('close', code => resolve({ code: code ?? -1, stdout, stderr }));
    });
}
