// Builds every bundle: the VS Code extension (CJS, as VS Code loads it), the language server
// (CJS, started by the extension or as `journeymap-language-server --stdio`), the command line
// (ESM) and the webview (browser IIFE). `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** One entry per bundle; add new bundles here. */
export const bundles = [
    { entryPoints: { extension: 'src/extension/extension.ts' }, format: 'cjs', platform: 'node', outExtension: { '.js': '.cjs' }, external: ['vscode'] },
    { entryPoints: { 'language-server': 'language/server/main.ts' }, format: 'cjs', platform: 'node', outExtension: { '.js': '.cjs' } },
    {
        entryPoints: { cli: 'src/cli/main.ts' }, format: 'esm', platform: 'node', outExtension: { '.js': '.mjs' },
        // Some dependencies are CommonJS and call require(); give the ESM bundle one.
        banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    },
    // The preview and compare webviews, and the script inlined into `journeymap render -o map.html`.
    { entryPoints: { 'webview/preview': 'webview/app/main.ts', 'webview/compare': 'webview/app/compare-main.ts', 'webview/standalone': 'webview/app/standalone.ts' }, format: 'iife', platform: 'browser', target: 'chrome120' },
];

const common = {
    bundle: true,
    outdir: 'dist',
    target: 'node22',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    define: { JOURNEYMAP_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
};

const contexts = await Promise.all(bundles.map(options => esbuild.context({ ...common, ...options })));
if (watch) {
    await Promise.all(contexts.map(context => context.watch()));
} else {
    await Promise.all(contexts.map(context => context.rebuild()));
    await Promise.all(contexts.map(context => context.dispose()));
}
