/**
 * What the end-to-end files share: the VSIX, built once per test process (both files install the
 * same package; building it is minutes on 2 cores), and the few workbench gestures they both use.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const root = fileURLToPath(new URL('../../', import.meta.url));

let packaged = false;

/** `npm run package` (journeymap.vsix at the root), the first time only. */
export function packageExtension(): void {
    if (packaged) return;
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    packaged = true;
}

/** Polls until `read()` satisfies `ok`; for text inside the webview's nested frames. */
export async function eventually(read: () => Promise<string>, ok: (value: string) => boolean, what: string, timeout = 30_000): Promise<string> {
    const deadline = Date.now() + timeout;
    let value = '';
    while (Date.now() < deadline) {
        value = await read().catch(() => '');
        if (ok(value)) return value;
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`${what}: last seen ${JSON.stringify(value.slice(0, 300))}`);
}

/** Runs a command by its title from the command palette. */
export async function runCommand(page: Page, title: string): Promise<void> {
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
}
