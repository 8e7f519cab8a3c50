import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Runs `bin/journeymap.mjs` as a real process, as a user or CI would. */

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin/journeymap.mjs');

export interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

/** `npm test` builds first; running one test file on a fresh clone builds here. */
export function ensureBuilt(): void {
    if (existsSync(join(ROOT, 'dist/cli.mjs'))) return;
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
}

export function journeymap(args: string[], cwd = ROOT): Promise<Run> {
    return new Promise(resolve => {
        execFile(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}
