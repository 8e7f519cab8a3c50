/**
 * JSON for stdout. `JSON.stringify` escapes CR, LF and C0 controls but leaves NEL, LINE/PARAGRAPH
 * SEPARATOR, C1 controls and bidi controls raw; they are escaped here too (`\u2028`), which is still
 * the same JSON value, so the output parses back to exactly the text written, and no consumer that
 * splits lines or displays the output is misled.
 */
export function safeJson(value: unknown, indent = 2): string {
    return JSON.stringify(value, null, indent).replace(/[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g,
        ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
