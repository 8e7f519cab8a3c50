// Markdown benchmark: what a ```journey fence costs in VS Code's Markdown preview. The model comes
// from the real bundled server over stdio (`journeymap/fenceModel`), on workspaces of growing size,
// next to `journeymap/textModel` (a throwaway workspace with every file, the other way the server
// could have built it); then the extension host's drawing of the answer (layout and SVG text) and a
// Markdown render that finds every fence in the cache. Prints one markdown section on stdout.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { FenceModelRequest, TextModelRequest, type FenceModelResult, type TextModelResult } from '../language/protocol.js';
import { SERVER_NODE_OPTIONS } from '../language/server/server-node-options.js';
import { fencePicture } from '../src/extension/markdown/fence-html.js';
import { FencePictures } from '../src/extension/markdown/fence-pictures.js';
import { journeyFencePlugin, type MarkdownItLike } from '../src/extension/markdown/journey-fence-plugin.js';
import { generateJourneyMap } from './generate-map.js';
import { generateWorkspace, writeWorkspace } from './generate-workspace.js';
import { log, Samples } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;
/** Runs of `textModel` on a workspace of maps: seconds each, a comparison only (the whole bench has five minutes). */
const SLOW_RUNS = 1;
/** Workspace sizes: small maps of 8 steps besides common.journey. */
const WORKSPACES = [0, 500];
const FENCE_STEPS = [20, 200];

/** A fence's text: one journey naming the workspace's personas, channels and teams (generate-map.ts's declarations). */
function fenceText(steps: number, seed: number): string {
    const text = generateJourneyMap({ steps, seed });
    return text.slice(text.indexOf('\njourney ') + 1);
}

async function startServer(dir: string): Promise<{ connection: MessageConnection; stop(): void }> {
    const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, `${ROOT}dist/language-server.cjs`, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onRequest((method, params) => method === 'workspace/configuration' ? (params as { items: unknown[] }).items.map(() => null) : null);
    connection.listen();
    const rootUri = pathToFileURL(dir).toString();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities: {} });
    await connection.sendNotification('initialized', {});
    return { connection, stop: () => { connection.dispose(); child.kill(); } };
}

async function time<T>(samples: Samples, run: () => Promise<T>): Promise<T> {
    globalThis.gc?.();
    const start = performance.now();
    const result = await run();
    samples.add(performance.now() - start);
    return result;
}

async function main(): Promise<void> {
    const loadBefore = loadavg()[0];
    const out: string[] = ['## Markdown fences', ''];
    out.push(`A \`\`\`journey fence of ${FENCE_STEPS.join(' or ')} steps naming the workspace's declarations; medians (min–max) of ${RUNS} runs`);
    out.push(`(${SLOW_RUNS} of \`textModel\` on a workspace of maps),`);
    out.push('each with a different text (a comment line added), after a warm-up request that also waits for the workspace to load.');
    out.push('`fenceModel` is what the Markdown preview asks (the fence linked against the live index); `textModel` builds the same');
    out.push('text in a throwaway workspace with every file, as the compare view does for an older revision.');
    out.push('');
    out.push('| Workspace | Fence | `journeymap/fenceModel` (ms) | `journeymap/textModel` (ms) |');
    out.push('|---|---|---|---|');
    for (const maps of WORKSPACES) {
        const dir = mkdtempSync(join(tmpdir(), 'journeymap-bench-md-'));
        writeWorkspace(generateWorkspace({ maps: Math.max(maps, 1) }).old, dir);
        if (maps === 0) rmSync(join(dir, 'maps'), { recursive: true, force: true });
        const server = await startServer(dir);
        const uri = pathToFileURL(join(dir, 'README.md')).toString();
        try {
            log(`markdown: workspace of ${maps} maps`);
            await server.connection.sendRequest(FenceModelRequest, { uri, text: fenceText(20, 1) });
            for (const steps of FENCE_STEPS) {
                const fence = new Samples();
                const text = new Samples();
                for (let run = 0; run < RUNS; run++) {
                    const source = `// run ${run}\n${fenceText(steps, 3)}`;
                    const answer = await time(fence, () => server.connection.sendRequest<FenceModelResult>(FenceModelRequest, { uri, text: source }));
                    if (!answer.model || answer.model.journeys[0].persona === undefined) throw new Error('the fence did not resolve the workspace persona');
                    if (run < (maps > 0 ? SLOW_RUNS : RUNS)) await time(text, () => server.connection.sendRequest<TextModelResult>(TextModelRequest, { uri: `${uri}.journey`, text: source }));
                }
                out.push(`| ${maps === 0 ? 'common.journey only' : `${maps} maps × 8 steps`} | ${steps} steps | ${fence.format()} | ${text.format()} |`);
            }
        } finally {
            server.stop();
            rmSync(dir, { recursive: true, force: true });
        }
    }

    // The host's side, in this process: drawing an answer, and a render served from the cache.
    const dir = mkdtempSync(join(tmpdir(), 'journeymap-bench-md-'));
    writeWorkspace(generateWorkspace({ maps: 1 }).old, dir);
    const server = await startServer(dir);
    const uri = pathToFileURL(join(dir, 'README.md')).toString();
    out.push('');
    out.push('| In the extension host | ms |');
    out.push('|---|---|');
    try {
        for (const steps of FENCE_STEPS) {
            const answer = await server.connection.sendRequest<FenceModelResult>(FenceModelRequest, { uri, text: fenceText(steps, 3) });
            const draw = new Samples();
            let svg = 0;
            for (let run = 0; run < RUNS; run++) {
                const picture = await time(draw, async () => fencePicture(answer));
                if (picture.kind === 'map') svg = picture.svg.length;
            }
            out.push(`| Drawing a ${steps}-step answer (layout + SVG text, ${Math.round(svg / 1024)} KB) | ${draw.format()} |`);
        }
        const pictures = new FencePictures(params => server.connection.sendRequest<FenceModelResult>(FenceModelRequest, params), () => undefined, 0);
        const module = await import('markdown-it' as string) as { default: new () => MarkdownItLike & { render(source: string, env?: unknown): string } };
        const md = new module.default();
        journeyFencePlugin(md, pictures);
        const markdown = Array.from({ length: 5 }, (_, i) => `## Map ${i}\n\nSome text about it.\n\n\`\`\`journey\n${fenceText(20, 10 + i)}\`\`\`\n`).join('\n');
        const env = { currentDocument: { toString: () => uri } };
        md.render(markdown, env);
        await pictures.settled();
        const render = new Samples();
        for (let run = 0; run < RUNS; run++) await time(render, async () => md.render(markdown, env));
        out.push(`| Rendering a Markdown file of 5 fences of 20 steps, all in the cache (markdown-it) | ${render.format()} |`);
        pictures.dispose();
    } finally {
        server.stop();
        rmSync(dir, { recursive: true, force: true });
    }
    out.push('');
    out.push(`Load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after (1 min, ${availableParallelism()} cores).`);
    process.stdout.write(out.join('\n') + '\n');
}

await main();
