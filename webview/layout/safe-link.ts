/**
 * Which link URLs may ever become a link: http:, https: and mailto:, exactly as written. Shared by
 * the layout (only such a URL gets an `href`) and the extension host, which checks again before
 * it asks the editor to open a URL the webview sent.
 */

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/**
 * The URL when it starts with http://, https:// or mailto: (no leading space or control
 * character a browser would skip) and parses as that scheme; else undefined.
 */
export function safeLinkUrl(url: string): string | undefined {
    if (typeof url !== 'string' || !SAFE_LINK.test(url)) return undefined;
    try {
        const protocol = new URL(url).protocol;
        return protocol === 'http:' || protocol === 'https:' || protocol === 'mailto:' ? url : undefined;
    } catch {
        return undefined;
    }
}
