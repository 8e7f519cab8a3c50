import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewHtml } from '../../src/extension/preview/preview-html.js';
import { VSCODE_THEMES } from './vscode-themes.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
    return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The origin the stand-in host serves the webview from, like VS Code's `webview.cspSource`. */
export const WEBVIEW_ORIGIN = 'https://webview.journeymap.test';
export const NONCE = 'TestNonce0123456789abcdefghijklm';

export interface WebviewPage {
    page: Page;
    /** Every request that went anywhere but the bundle. */
    strayRequests: string[];
    consoleErrors: string[];
    /** Posts a host → webview message the way VS Code does (a window message event). */
    post(message: unknown): Promise<void>;
    /** Messages the webview sent to the host through the acquireVsCodeApi stub. */
    posted(): Promise<Array<{ type: string; [key: string]: unknown }>>;
}

/**
 * A built webview bundle (dist/webview/preview.js, or compare.js) in the page the extension generates, with
 * a stub of VS Code's `acquireVsCodeApi` that records what the webview posts and keeps its state.
 */
export async function openWebview(browser: Browser, options: { state?: unknown; width?: number; height?: number; theme?: keyof typeof VSCODE_THEMES; bundle?: 'preview' | 'compare' } = {}): Promise<WebviewPage> {
    const bundle = `dist/webview/${options.bundle ?? 'preview'}.js`;
    const page = await browser.newPage({ viewport: { width: options.width ?? 1200, height: options.height ?? 800 } });
    const strayRequests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', e => consoleErrors.push(String(e)));
    const html = previewHtml({ cspSource: WEBVIEW_ORIGIN, scriptUri: `${WEBVIEW_ORIGIN}/${bundle}`, nonce: NONCE });
    await page.route('**/*', route => {
        const url = route.request().url();
        if (url === `${WEBVIEW_ORIGIN}/index.html`) return route.fulfill({ contentType: 'text/html', body: html });
        if (url === `${WEBVIEW_ORIGIN}/${bundle}`) {
            return route.fulfill({ contentType: 'text/javascript', body: readFileSync(ROOT + bundle, 'utf8') });
        }
        strayRequests.push(url);
        return route.abort();
    });
    // tsx compiles the functions below with esbuild's keepNames, which calls a `__name` helper
    // that does not exist in the page.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    // VS Code puts the theme's colours on <html> as inline custom properties (CSSOM: allowed by the CSP).
    // It also marks <body> with the theme's kind (`vscode-light`, `vscode-dark`, `vscode-high-contrast`).
    await page.addInitScript(([theme, kind]: [Record<string, string>, string]) => {
        document.addEventListener('DOMContentLoaded', () => {
            for (const [name, value] of Object.entries(theme)) document.documentElement.style.setProperty(name, value);
            document.body.classList.add(`vscode-${kind}`);
            document.body.setAttribute('data-vscode-theme-kind', `vscode-${kind}`);
        });
    }, [VSCODE_THEMES[options.theme ?? 'light'], options.theme ?? 'light'] as [Record<string, string>, string]);
    await page.addInitScript((state: unknown) => {
        const w = window as unknown as { __posted: unknown[]; __state: unknown; acquireVsCodeApi: () => unknown };
        w.__posted = [];
        w.__state = state;
        w.acquireVsCodeApi = () => ({
            postMessage: (m: unknown) => { w.__posted.push(JSON.parse(JSON.stringify(m))); },
            getState: () => w.__state,
            setState: (s: unknown) => { w.__state = s; },
        });
    }, options.state);
    await page.goto(`${WEBVIEW_ORIGIN}/index.html`);
    await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'ready'), undefined, { timeout: 10_000 })
        .catch(error => { throw new Error(`the webview never said ready: ${consoleErrors.join('\n')}\n${error}`); });
    return {
        page, strayRequests, consoleErrors,
        post: message => page.evaluate(m => { window.dispatchEvent(new MessageEvent('message', { data: m })); }, message),
        posted: () => page.evaluate(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted),
    };
}
