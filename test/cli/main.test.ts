import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, journeymap, ROOT } from './cli-process.js';

/**
 * Runs the CLI with a module hook (Node's `module.registerHooks`) that writes the URL of every
 * module Node loads to a file, and returns the files loaded, with their sizes.
 */
async function loadedModules(args: string[]): Promise<{ code: number; files: Array<{ path: string; bytes: number }> }> {
    const dir = mkdtempSync(join(tmpdir(), 'jm-loads-'));
    const trace = join(dir, 'loaded.txt');
    const hook = `import { registerHooks } from 'node:module'; import { appendFileSync } from 'node:fs';
        registerHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(trace)}, url + '\\n'); return next(url, context); } });`;
    try {
        const code = await new Promise<number>(resolve => {
            execFile(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, join(ROOT, 'bin/journeymap.mjs'), ...args], { cwd: ROOT },
                error => resolve(error ? (typeof error.code === 'number' ? error.code : -1) : 0));
        });
        const files = readFileSync(trace, 'utf8').split('\n').filter(url => url.startsWith('file:'))
            .map(url => fileURLToPath(url)).map(path => ({ path, bytes: statSync(path).size }));
        return { code, files };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

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

    it('--version and --help load the dispatcher only, not Langium or a command', async () => {
        // Sizes, not names: the chunks' names carry hashes, and a minified build keeps no comments.
        // The dispatcher and its chunk are a few KB; Langium and the language are megabytes.
        const check = await loadedModules(['check', 'examples']);
        assert.equal(check.code, 0);
        const checkBytes = check.files.reduce((sum, file) => sum + file.bytes, 0);
        assert.ok(checkBytes > 500_000, `check loads the language (${checkBytes} bytes): the hook sees the chunks`);
        for (const args of [['--version'], ['--help'], ['diff', '--help']]) {
            const run = await loadedModules(args);
            assert.equal(run.code, 0, args.join(' '));
            assert.ok(run.files.some(file => file.path === join(ROOT, 'dist/cli.mjs')), `${args.join(' ')} loads dist/cli.mjs`);
            const bytes = run.files.reduce((sum, file) => sum + file.bytes, 0);
            assert.ok(bytes < 32_000, `${args.join(' ')} loads ${bytes} bytes: ${run.files.map(f => `${f.path} (${f.bytes})`).join(', ')}`);
            assert.deepEqual(run.files.filter(file => file.path.includes('node_modules')), []);
        }
    });

    it('every command prints its usage with --help, as its own usage errors give it', async () => {
        for (const command of ['check', 'diff', 'export', 'fmt', 'import', 'render']) {
            const help = await journeymap([command, '--help']);
            assert.equal(help.code, 0, command);
            const usage = help.stdout.replace(/^Usage: /, '').trim();
            assert.match(usage, new RegExp(`^journeymap ${command} `));
            // Without arguments each command fails with its usage line, taken from the same module.
            const bare = await journeymap([command]);
            assert.equal(bare.code, 2, command);
            assert.ok(bare.stderr.includes(usage), `${command}: ${bare.stderr}`);
        }
    });

    it('a name of an object property is an unknown command, not a crash', async () => {
        const run = await journeymap(['toString']);
        assert.equal(run.code, 2);
        assert.match(run.stderr, /unknown command 'toString'/);
    });
});
