/**
 * The web extension's bundles (scripts/web-bundles.mjs) built once per test run, in memory, with
 * esbuild's metafile: the tests run what npm run build ships, and see every module it took in.
 */
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain .mjs build script, no types
import { webBundles } from '../../scripts/web-bundles.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface WebBundle {
    name: string;
    text: string;
    /** Every input module (paths relative to the root) and every import left outside the bundle. */
    inputs: string[];
    externalImports: string[];
}

let built: Promise<Map<string, WebBundle>> | undefined;

export function buildWebBundles(): Promise<Map<string, WebBundle>> {
    built ??= (async () => {
        const bundles = new Map<string, WebBundle>();
        for (const options of webBundles as esbuild.BuildOptions[]) {
            const result = await esbuild.build({ ...options, bundle: true, write: false, metafile: true, outdir: ROOT + 'dist', absWorkingDir: ROOT, logLevel: 'silent', define: { JOURNEYMAP_VERSION: '"test"' } });
            for (const file of result.outputFiles) {
                const name = file.path.slice(file.path.lastIndexOf('/') + 1);
                const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith(name))![1];
                bundles.set(name, {
                    name, text: file.text,
                    inputs: Object.keys(output.inputs),
                    externalImports: output.imports.filter(i => i.external).map(i => i.path),
                });
            }
        }
        return bundles;
    })();
    return built;
}
