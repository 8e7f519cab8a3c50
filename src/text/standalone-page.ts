/**
 * The head of a self-contained HTML file (`render -o map.html`, the HTML diff, the HTML report):
 * a policy that forbids every fetch and admits only the page's own style and script, by a fresh
 * nonce. The webviews have their own (src/extension/preview/preview-html.ts): VS Code serves
 * their script.
 */
import { htmlText } from './html-text.js';

export interface StandalonePageHead {
    nonce: string;
    /** User text: escaped here. */
    title: string;
    /** The page's stylesheet (trusted: written by us, user text already escaped). */
    style: string;
    /** Whether the page runs an inline script (with the same nonce). */
    script: boolean;
}

/** `<!doctype html>` up to and including `</head>`. */
export function standalonePageHead({ nonce, title, style, script }: StandalonePageHead): string {
    const policy = ["default-src 'none'", `style-src 'nonce-${nonce}'`, ...script ? [`script-src 'nonce-${nonce}'`] : [], 'img-src data:'].join('; ');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlText(title)}</title>
<style nonce="${nonce}">${style}</style>
</head>`;
}
