/**
 * User text in HTML content or a quoted attribute value: it reaches the DOM as text, never as
 * markup. NUL, which the HTML parser would silently drop, is shown as U+FFFD.
 */
export function htmlText(text: string): string {
    return text.replace(/[&<>"'\0]/g, ch => ENTITIES[ch]);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\0': '\uFFFD' };
