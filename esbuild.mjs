// Builds every bundle: the VS Code extension (CJS, as VS Code loads it), the language server
// (CJS, started by the extension or as `journeymap-language-server --stdio`), the command line
// (ESM, split into chunks loaded per command) and the webview (browser IIFE).
// `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { webBundles } from './scripts/web-bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The CLI's chunks (below dist/); their names carry a content hash, so old ones are removed first. */
const CLI_CHUNKS = 'cli-chunks';
rmSync(`dist/${CLI_CHUNKS}`, { recursive: true, force: true });

/** Some dependencies are CommonJS and call require(); give each ESM file of a bundle one. */
const REQUIRE_BANNER = { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" };

/** One entry per bundle; add new bundles here. */
export const bundles = [
    {
        // The PDF writer is a bundle of its own, loaded by the extension on the first PDF export
        // (src/extension/preview/preview-panel.ts): pdfkit is twice the size of the extension.
        entryPoints: { extension: 'src/extension/extension.ts', 'export-pdf': 'src/export/pdf.ts' }, format: 'cjs', platform: 'node', outExtension: { '.js': '.cjs' }, external: ['vscode'],
        // pdfkit's ES module build asks for import.meta.url (to find files beside it that it never
        // reads here); a CommonJS bundle has none: give it the bundle's own.
        define: { 'import.meta.url': '__importMetaUrl' },
        banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    },
    { entryPoints: { 'language-server': 'language/server/main.ts' }, format: 'cjs', platform: 'node', outExtension: { '.js': '.cjs' } },
    {
        // Code splitting, not one bundle per command: `dist/cli.mjs` is only the dispatcher
        // (src/cli/main.ts), and each command's `import()` becomes a chunk in dist/cli-chunks/ that
        // shares Langium, the language and the diff engine with the other commands instead of
        // carrying its own copy. `--version` and `--help` load the dispatcher alone; a command loads
        // its chunk and the shared chunks it needs. The sources keep plain dynamic imports, so the
        // CLI also runs unbundled (tsx) the same way.
        entryPoints: { cli: 'src/cli/main.ts' }, format: 'esm', platform: 'node', outExtension: { '.js': '.mjs' },
        splitting: true, chunkNames: `${CLI_CHUNKS}/[name]-[hash]`,
        banner: REQUIRE_BANNER,
        // resvg (PNG export) is a native module: it cannot be bundled, and is loaded with import()
        // only when a PNG is drawn (src/export/png.ts), from the package's dependencies.
        external: ['@resvg/resvg-js'],
    },
    // The GitHub Action's step (action.yml): the CLI's check, report and diff in one process, and
    // the REST API. One file, no chunks: it runs once per job, so start-up splitting buys nothing.
    { entryPoints: { action: 'src/action/action.ts' }, format: 'esm', platform: 'node', outExtension: { '.js': '.mjs' }, banner: REQUIRE_BANNER },
    // The preview and compare webviews, and the script inlined into `journeymap render -o map.html`.
    { entryPoints: { 'webview/preview': 'webview/app/main.ts', 'webview/compare': 'webview/app/compare-main.ts', 'webview/standalone': 'webview/app/standalone.ts' }, format: 'iife', platform: 'browser', target: 'chrome120' },
    // The script and styles VS Code's Markdown preview loads for ```journey fences (the maps themselves are drawn by the extension).
    { entryPoints: { 'webview/markdown-fence': 'webview/markdown/fence-preview.ts', 'webview/markdown-fence-style': 'webview/markdown/fence-preview.css' }, format: 'iife', platform: 'browser', target: 'chrome120' },
    // vscode.dev and github.dev: the web extension host's entry and the language server's Web Worker.
    ...webBundles,
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
