/**
 * The HTML of a Journeymap webview (the preview, the compare view): one script (the bundle, with a fresh nonce), a strict CSP,
 * nothing remote. Pure, so the browser tests load exactly this page.
 */
export interface PreviewHtmlOptions {
    /** `webview.cspSource`: the origin webview resources are served from. */
    cspSource: string;
    /** `webview.asWebviewUri(dist/webview/preview.js)` as a string. */
    scriptUri: string;
    nonce: string;
    /** The page title (the compare view passes its own). */
    title?: string;
}

export function previewHtml({ cspSource, scriptUri, nonce, title = 'Journeymap Preview' }: PreviewHtmlOptions): string {
    // Styles are inserted by the script with the same nonce; images only for the PNG export.
    const csp = [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `img-src ${cspSource} data: blob:`,
        `font-src ${cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${title}</title>
</head>
<body>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>
`;
}
