// Driving the local VS Code (code-server) in Debian's Chromium with playwright-core: shared by
// `npm start -- --smoke` and the end-to-end tests (test/e2e/vscode.test.ts).
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Headless Chromium; playwright gives every launch a fresh user data dir and removes it on close. */
export function launchBrowser() {
    return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page on `url` (a code-server folder URL) once the workbench is drawn. */
export async function openWorkbench(browser, url, { width = 1500, height = 950, timeout = 90_000 } = {}) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url, { timeout });
    await page.locator('.monaco-workbench').waitFor({ timeout });
    return page;
}

/** The content of the last webview VS Code made ready (a webview is two nested frames). */
export function lastWebview(page) {
    return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}
