// `npm start`: build the VSIX, provide a local VS Code (code-server, installed once), install the VSIX into
// a fresh isolated profile, open examples/ with a map and its preview beside it, print the URL.
// Usage: npm start [-- --port 8080] [-- --folder path] [-- --smoke]; PORT works too. Ctrl-C stops it cleanly.
// --smoke: the same start, then a headless Chromium opens the URL and waits for the workbench and the
// extension's preview of the map; one line of result, everything stopped and removed, exit 0 or 1.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './clean-env.mjs';
import { CODE_SERVER_VERSION, createProfile, ensureCodeServer, freePort, installExtension, startCodeServer, stopCodeServer } from './code-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAP = 'gift-purchase.journey';
/** How long the smoke test waits for the workbench and the preview, once code-server answers. */
const SMOKE_TIMEOUT_MS = 180_000;
/** Where a smoke test leaves its screenshot, and code-server's log when it fails (git ignores it). */
const evidenceDir = join(root, 'test-results', 'smoke');

const argValue = name => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const smoke = process.argv.includes('--smoke');
const fail = (message, status = 1) => {
    console.error(`journeymap start${smoke ? ' --smoke' : ''}: ${message}`);
    process.exit(status);
};
const portText = argValue('--port') ?? process.env.PORT;
// A smoke test without an explicit port takes a free one: it must not collide with a running `npm start`.
const port = portText === undefined ? (smoke ? await freePort() : 8080) : Number(portText);
const folder = resolve(argValue('--folder') ?? resolve(root, 'examples'));
if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`--port must be a port number (got ${portText})`, 2);

const started = Date.now();
let server;
let profile;
try {
    // The nested npm and code-server get the user's environment, not the variables this `npm start` set.
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit', env: cleanEnv() });
    const codeServer = ensureCodeServer();
    profile = createProfile({ 'journeymap.openOnStartup': MAP });
    installExtension(codeServer, profile, resolve(root, 'journeymap.vsix'));
    server = await startCodeServer(codeServer, profile, { port, folder });
} catch (error) {
    if (profile) rmSync(profile.dir, { recursive: true, force: true });
    fail(firstLine(error));
}

console.log(`\nJourneymap in VS Code: ${server.folderUrl}\n(workspace ${folder}; Ctrl-C stops it)\n`);

let stopping = false;
const stop = async status => {
    if (stopping) return;
    stopping = true;
    await stopCodeServer(server);
    rmSync(profile.dir, { recursive: true, force: true });
    process.exit(status);
};
process.on('SIGINT', () => stop(smoke ? 1 : 0));
process.on('SIGTERM', () => stop(smoke ? 1 : 0));
server.child.once('exit', code => { if (!stopping) { console.error(`code-server stopped (${code})`); process.exit(1); } });

if (smoke) {
    const result = await smokeTest(server).then(ok => ({ ok }), error => ({ error }));
    if (result.ok) console.log(`journeymap start --smoke: ok, ${result.ok} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
    else {
        mkdirSync(evidenceDir, { recursive: true });
        writeFileSync(join(evidenceDir, 'code-server.log'), server.output.join(''));
        console.error(`journeymap start --smoke: failed: ${firstLine(result.error)} (screenshot and code-server log in ${evidenceDir})`);
    }
    await stop(result.ok ? 0 : 1);
}

/**
 * Proves VS Code answered and the extension is loaded: the workbench is drawn and the Journeymap preview
 * that `journeymap.openOnStartup` opens shows the map's SVG (which needs the extension activated and its
 * language server answering). Resolves to what it saw; leaves a screenshot either way.
 */
async function smokeTest({ folderUrl }) {
    const { launchBrowser, lastWebview, openWorkbench } = await import('./vscode-browser.mjs');
    const deadline = Date.now() + SMOKE_TIMEOUT_MS;
    const left = () => Math.max(1, deadline - Date.now());
    const browser = await launchBrowser();
    let page;
    try {
        page = await openWorkbench(browser, folderUrl, { timeout: left() });
        const steps = lastWebview(page).locator('svg [data-kind="step"]');
        await steps.first().waitFor({ timeout: left() }).catch(() => { throw new Error(`the Journeymap preview of ${MAP} did not show its map within ${SMOKE_TIMEOUT_MS / 1000} s`); });
        return `VS Code answered at ${folderUrl.split('?')[0]}, the workbench of code-server ${CODE_SERVER_VERSION} loaded and the Journeymap preview of ${MAP} showed its map (${await steps.count()} steps drawn in view)`;
    } finally {
        if (page) {
            mkdirSync(evidenceDir, { recursive: true });
            await page.screenshot({ path: join(evidenceDir, 'workbench.png') }).catch(() => undefined);
        }
        await browser.close();
    }
}

function firstLine(error) {
    return String(error instanceof Error ? error.message : error).split('\n').find(line => line.trim()) ?? 'failed';
}
