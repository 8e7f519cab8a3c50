// Renders images/icon.svg to the 128×128 PNG the VS Code marketplace and the Extensions view want
// (vsce refuses SVG icons). Run after editing the SVG: node scripts/render-icon.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('../images/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: new URL('../images/icon.png', import.meta.url).pathname, omitBackground: true });
} finally {
    await browser.close();
}
