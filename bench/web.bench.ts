// The web extension (docs/web.md): the size of what vscode.dev downloads (the production bundles,
// as `npm run package` ships them, against the desktop's), and how long the language server's Web
// Worker takes in Chromium from `new Worker` to the first diagnostics of a map whose names come
// from another workspace file (served by the page, as the web extension host serves them).
// Prints one markdown section on stdout (bench/run.mjs puts it into docs/benchmarks.md).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
// @ts-expect-error -- a plain .mjs build script, no types
import { webBundles } from '../scripts/web-bundles.mjs';
import { log, Samples } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUICK = process.env.JOURNEYMAP_BENCH_QUICK === '1';
const START_RUNS = QUICK ? 2 : 3;

const desktopBundles: esbuild.BuildOptions[] = [
    { entryPoints: { extension: 'src/extension/extension.ts' }, format: 'cjs', platform: 'node', target: 'node22', outExtension: { '.js': '.cjs' }, external: ['vscode'] },
    { entryPoints: { 'language-server': 'language/server/main.ts' }, format: 'cjs', platform: 'node', target: 'node22', outExtension: { '.js': '.cjs' } },
];

/** Production bundles (minified, no source map), in memory: name → bytes. */
async function build(options: esbuild.BuildOptions[]): Promise<Map<string, Uint8Array>> {
    const files = new Map<string, Uint8Array>();
    for (const bundle of options) {
        const result = await esbuild.build({ ...bundle, bundle: true, minify: true, write: false, outdir: ROOT + 'dist', absWorkingDir: ROOT, logLevel: 'silent', define: { JOURNEYMAP_VERSION: '"bench"' } });
        for (const file of result.outputFiles) files.set(file.path.slice(file.path.lastIndexOf('/') + 1), file.contents);
    }
    return files;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function workerStart(bundle: string): Promise<Samples> {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const origin = 'https://bench.journeymap.test';
    const files: Record<string, string> = {
        [`${origin}/ws/common.journey`]: readFileSync(ROOT + 'examples/common.journey', 'utf8'),
        [`${origin}/ws/gift-purchase.journey`]: readFileSync(ROOT + 'examples/gift-purchase.journey', 'utf8'),
    };
    const samples = new Samples();
    try {
        for (let run = 0; run <= START_RUNS; run++) {
            const page = await browser.newPage();
            await page.route('**/*', route => route.request().url().endsWith('/server.js')
                ? route.fulfill({ contentType: 'text/javascript', body: bundle })
                : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
            await page.goto(`${origin}/index.html`);
            await page.addScriptTag({ content: 'window.__name = (f) => f;' });
            const ms = await page.evaluate(({ files, folder }) => new Promise<number>((resolve, reject) => {
                const open = `${folder}/gift-purchase.journey`;
                const t0 = performance.now();
                const worker = new Worker('/server.js');
                const send = (message: object) => worker.postMessage({ jsonrpc: '2.0', ...message });
                worker.onerror = event => reject(new Error(String(event.message)));
                worker.onmessage = ({ data }) => {
                    if (data.id === 1 && data.method === undefined) {
                        send({ method: 'initialized', params: {} });
                        send({ method: 'textDocument/didOpen', params: { textDocument: { uri: open, languageId: 'journey', version: 1, text: files[open] } } });
                    } else if (data.method === 'textDocument/publishDiagnostics' && data.params.uri === open
                        && !data.params.diagnostics.some((d: { code?: string }) => d.code === 'unresolved-reference')) {
                        resolve(performance.now() - t0);
                        worker.terminate();
                    } else if (data.method === 'journeymap/workspaceFiles') {
                        send({ id: data.id, result: { uris: Object.keys(files) } });
                    } else if (data.method === 'journeymap/readFile') {
                        send({ id: data.id, result: { text: files[data.params.uri] } });
                    } else if (data.method !== undefined && data.id !== undefined) {
                        send({ id: data.id, result: data.method === 'workspace/configuration' ? data.params.items.map(() => null) : null });
                    }
                };
                send({ id: 1, method: 'initialize', params: { processId: null, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'ws' }], capabilities: {} } });
            }), { files, folder: `${origin}/ws` });
            await page.close();
            if (run > 0) samples.add(ms); // the first run warms Chromium's code cache of nothing we ship: left out
            log(`worker start ${run}: ${ms.toFixed(0)} ms`);
        }
    } finally {
        await browser.close();
    }
    return samples;
}

const web = await build(webBundles as esbuild.BuildOptions[]);
const desktop = await build(desktopBundles);
const row = (what: string, name: string, bytes: Uint8Array) => `| ${what} | \`dist/${name}\` | ${kb(bytes.length)} | ${kb(gzipSync(bytes).length)} |`;
const start = await workerStart(new TextDecoder().decode(web.get('language-server-web.js')!));

console.log(`## Web extension (vscode.dev, github.dev)

What a browser downloads for the web extension (docs/web.md): the production bundles, minified as
\`npm run package\` ships them, raw and gzip-compressed (as served), next to the desktop's. The
webview bundles (preview, compare) are the same on both.

| Bundle | File | Size | gzip |
|---|---|---:|---:|
${row('Web extension host', 'extension-web.cjs', web.get('extension-web.cjs')!)}
${row('Language server (Web Worker)', 'language-server-web.js', web.get('language-server-web.js')!)}
${row('Desktop extension host', 'extension.cjs', desktop.get('extension.cjs')!)}
${row('Desktop language server (Node)', 'language-server.cjs', desktop.get('language-server.cjs')!)}

### Worker start to first diagnostics (${START_RUNS} runs, after one warm-up run)

From \`new Worker\` in Chromium (the production bundle) through \`initialize\`, the workspace listed
and read through the page (common.journey, gift-purchase.journey) and \`didOpen\`, to the first
diagnostics of gift-purchase.journey with every shared name resolved: **${start.format()} ms** (median, min–max).
`);
