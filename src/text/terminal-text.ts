import { UNSAFE } from './unicode-controls.js';

/**
 * User text on one line of a terminal or a CI log: line breaks, control characters (escape
 * sequences) and bidi controls are shown as `\n`, `\r`, `\x1b`, `\u202e` instead of acting.
 * Everything else, backslashes included, is printed as written.
 */
export function terminalText(text: string): string {
    return text.replace(UNSAFE, ch => {
        if (ch === '\n') return '\\n';
        if (ch === '\r') return '\\r';
        const code = ch.charCodeAt(0);
        return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}

/**
 * A path at the start of an output line. GitHub Actions reads any line that starts with `::`
 * (after white space) as a workflow command, so a file named `::error ::x.journey` must not start
 * one: such a relative path is printed as `./::error ::x.journey`, which names the same file.
 */
export function displayPath(path: string): string {
    const shown = terminalText(path);
    return /^[\s\u0085]*:/.test(shown) ? `./${shown}` : shown;
}
