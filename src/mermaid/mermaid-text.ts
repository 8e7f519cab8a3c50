import { UNSAFE } from '../text/unicode-controls.js';

/**
 * User text on one line of a Mermaid diagram: line breaks, other controls and bidi controls
 * become spaces, runs of white space one space, the ends trimmed. A line break would end the
 * statement and let the rest start one of its own (`section x`); a control has no business in a
 * picture.
 */
export function mermaidLine(text: string): string {
    return text.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Mermaid reads `%%{…}%%` anywhere in a diagram as a directive that reconfigures it (theme,
 * security level, …), and a line that starts with `%%` as a comment; `#word;` is turned into an
 * HTML entity when drawn. A WORD JOINER (U+2060, invisible) between the two `%` and after such a
 * `#` keeps both as plain text.
 */
export function mermaidInert(text: string): string {
    return text.replace(/%(?=%)/g, '%\u2060').replace(/#(?=\w+;)/g, '#\u2060');
}
