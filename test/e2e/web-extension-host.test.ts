import { strict as assert } from 'node:assert';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
// @ts-expect-error plain ESM script shared with `npm start`
import { createProfile, ensureCodeServer, freePort, installExtension, startCodeServer, stopCodeServer } from '../../scripts/code-server.mjs';
// @ts-expect-error plain ESM script shared with `npm start -- --smoke`
import { launchBrowser, lastWebview, openWorkbench } from '../../scripts/vscode-browser.mjs';
import { eventually, packageExtension, root, runCommand as runCommandIn } from './workbench.js';

/**
 * Journeymap's web extension (docs/web.md) in a real VS Code: code-server in Chromium, with the
 * extension forced into the browser's web worker extension host by VS Code's `remote.extensionKind`
 * setting, as on vscode.dev: the `browser` entry runs, and the language server is the Web Worker
 * bundle reading the workspace through the host. Screenshots go to test-results/e2e-web/.
 */
const shots = join(root, 'test-results', 'e2e-web');

/** Processes running the desktop language server of the extension installed in `profileDir` (none may run here). */
function nodeLanguageServers(profileDir: string): string[] {
    return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n')
        .filter(line => line.includes('language-server.cjs') && line.includes(profileDir));
}

describe('Journeymap in the web extension host (code-server, remote.extensionKind = web)', function () {
    this.timeout(240_000);
    let server: { child: ChildProcess; folderUrl: string; output: string[] } | undefined;
    let profile: { dir: string } | undefined;
    let browser: Browser | undefined;
    let page: Page;
    let workspace: string;
    const workerUrls: string[] = [];

    before(async function () {
        this.timeout(900_000);
        packageExtension();
        const codeServer = ensureCodeServer();
        workspace = mkdtempSync(join(tmpdir(), 'journeymap-e2e-web-ws-'));
        cpSync(join(root, 'examples'), workspace, { recursive: true });
        // What vscode.dev does by having no other host: run the extension in the web worker host.
        profile = createProfile({ 'remote.extensionKind': { 'journeymap.journeymap': ['web'] } });
        installExtension(codeServer, profile, join(root, 'journeymap.vsix'));
        server = await startCodeServer(codeServer, profile, { port: await freePort(), folder: workspace }) as typeof server;
        mkdirSync(shots, { recursive: true });
        browser = await launchBrowser() as Browser;
        browser.on('disconnected', () => undefined);
        const context = browser.contexts()[0];
        context?.on('page', p => p.on('worker', w => workerUrls.push(w.url())));
        page = await openWorkbench(browser, server!.folderUrl) as Page;
        page.on('worker', worker => workerUrls.push(worker.url()));
        await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="gift-purchase.journey"]').waitFor({ timeout: 90_000 });
    });

    after(async () => {
        await browser?.close();
        if (server) await stopCodeServer(server);
        if (profile) rmSync(profile.dir, { recursive: true, force: true });
        if (workspace) rmSync(workspace, { recursive: true, force: true });
    });

    afterEach(async function () {
        const name = this.currentTest?.title.replace(/[^\w]+/g, '-').slice(0, 60);
        await page?.screenshot({ path: join(shots, `${name}.png`) }).catch(() => undefined);
    });

    const editor = () => page.locator('.editor-instance .monaco-editor').first();
    const editorText = async () => (await editor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');

    const runCommand = (title: string) => runCommandIn(page, title);

    /** Opens a file of the workspace's top folder from the Explorer (Quick Open waits for the remote's search). */
    async function openFile(name: string) {
        await page.keyboard.press('Escape');
        await page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first().click();
        await page.locator(`.tab.active[aria-label^="${name}"]`).first().waitFor({ timeout: 30_000 });
        await editor().locator('.view-lines').waitFor();
    }

    async function goToLine(line: number, column = 1) {
        await page.keyboard.press('Control+G');
        await page.locator('.quick-input-widget input').fill(`:${line}:${column}`);
        await page.keyboard.press('Enter');
    }

    it('runs in the web worker extension host: hover on a persona declared in another file', async () => {
        await openFile('gift-purchase.journey');
        await eventually(editorText, text => text.includes('Buying a birthday gift'), 'the map is open');
        // dana is declared in common.journey, which is not open: the worker read it through the host.
        const hover = page.locator('.monaco-hover', { hasText: 'Buys gifts online' }).first();
        for (let attempt = 0; attempt < 6 && !(await hover.isVisible()); attempt++) {
            await page.mouse.move(5, 5);
            await editor().locator('.view-line span', { hasText: /^dana$/ }).first().hover();
            await hover.waitFor({ timeout: 8_000 }).catch(() => undefined);
        }
        assert.ok(await hover.isVisible(), 'the hover with the persona description');
        await page.keyboard.press('Escape');
        assert.deepEqual(nodeLanguageServers(profile!.dir), [], 'no Node language server process: the server is the Web Worker');
    });

    it('completes the channels declared in another file', async () => {
        await goToLine(9, 100);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter');
        await page.keyboard.type('channel ');
        await page.keyboard.press('Control+Space');
        const rows = page.locator('.editor-widget.suggest-widget .monaco-list-row');
        await rows.filter({ hasText: 'email' }).first().waitFor({ timeout: 30_000 });
        const labels = await rows.evaluateAll(all => all.map(r => r.getAttribute('aria-label') ?? ''));
        for (const channel of ['web', 'app', 'email']) assert.ok(labels.some(l => l.startsWith(channel)), `${channel} in ${labels.join(' | ')}`);
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Z');
        await page.keyboard.press('Control+Z');
    });

    it('opens the preview to the side and selects the source of a clicked card', async () => {
        await runCommand('Journeymap: Open Preview to the Side');
        const preview = () => lastWebview(page) as FrameLocator;
        const step = preview().locator('svg [data-kind="step"][data-id="sees_ad"]');
        await step.waitFor({ timeout: 60_000 });
        assert.match(await step.locator('text').first().textContent() ?? '', /Sees a gift-guide ad/);
        await preview().locator('#jm-fit').click();
        // The card, not its box: the card's text covers the middle of the box.
        await preview().locator('svg [data-kind="step"][data-id="checkout"]').first().click();
        await page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: /Ln 61, Col 6 \(\d+ selected\)/ }).waitFor({ timeout: 30_000 });
    });

    it('marks errors with our codes in the Problems panel', async () => {
        await editor().locator('.view-lines').click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type('\njourney broken for nobody {');
        await page.keyboard.press('End');
        await page.keyboard.type('\n@');
        await editor().locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
        await page.keyboard.press('Control+Shift+M');
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'unresolved-reference' }).first().waitFor({ timeout: 30_000 });
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'syntax-error' }).first().waitFor({ timeout: 30_000 });
        assert.deepEqual(nodeLanguageServers(profile!.dir), []);
    });
});
