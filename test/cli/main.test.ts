import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, journeymap, ROOT } from './cli-process.js';

/** The `journeymap` entry point: help, version, unknown commands. */

describe('journeymap (as a process)', function () {
    this.timeout(60_000);
    before(() => ensureBuilt());

    it('--help lists every command and exits 0', async () => {
        const run = await journeymap(['--help']);
        assert.equal(run.code, 0);
        for (const command of ['check', 'export']) assert.match(run.stdout, new RegExp(`^  journeymap ${command} `, 'm'));
        assert.match(run.stdout, /Exit status: 0 ok, 1 problems found, 2 usage or I\/O error/);
    });

    it('no command prints the help on stdout and exits 2', async () => {
        const run = await journeymap([]);
        assert.equal(run.code, 2);
        assert.match(run.stdout, /Usage:/);
    });

    it('--version prints the package version', async () => {
        const run = await journeymap(['--version']);
        assert.equal(run.code, 0);
        assert.equal(run.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    });

    it('a command with --help prints its usage and exits 0', async () => {
        const run = await journeymap(['check', '--help']);
        assert.equal(run.code, 0);
        assert.equal(run.stdout, 'Usage: journeymap check [--format text|json|github] PATHS…\n');
    });

    it('an unknown command exits 2 and names it on stderr', async () => {
        const run = await journeymap(['chek', 'examples']);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /unknown command 'chek'/);
        assert.equal(run.stdout, '');
    });
});
