import { codePointName } from './unicode-controls.js';

/**
 * User text inside one line of GitHub-flavoured markdown (a list item, a heading, a quote), kept
 * inert: it reads as written and cannot end its line, add markup, raw HTML or links of its own,
 * or notify anyone.
 *
 * - Line breaks (CR, LF, CRLF, NEL, U+2028/2029) become a space: a lone CR ends a list item on GitHub.
 * - Other control characters and bidi controls are shown as a code span naming them (`<U+202E>`).
 * - Markup characters are backslash-escaped (`\ ` * _ [ ] ~ | $`), `<`, `>`, `&` written as entities.
 * - `@` is followed by U+2060 WORD JOINER and so is `#` before a digit: no @-mention, team mention
 *   or issue cross-reference from a pull-request comment; the text still reads `@maya`, `#12`.
 * - An `http://` or `https://` URL becomes an explicit autolink `<https://…>`: its text and target
 *   are the URL exactly as written, no backslash inside. `www.` is written `www\.`, so GitHub does
 *   not guess a link for it (it reads `www.` all the same). Links go only to http(s) (and mailto,
 *   which no user text gets: `@` is followed by a word joiner): an `ftp://` URL, which GitHub would
 *   link by itself, gets U+2060 WORD JOINER after `ftp:` and stays text.
 */
export function markdownText(text: string): string {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(URL)) {
        const url = trimUrl(match[0]);
        if (/:\/\/$/.test(url)) continue;
        out += escapeInline(text.slice(last, match.index)) + `<${url}>`;
        last = match.index + url.length;
    }
    return out + escapeInline(text.slice(last));
}

/**
 * User text as the label of a link we write (`[label](target)`): as `markdownText`, except that a
 * URL stays text, with U+2060 WORD JOINER after its `http:` or `https:`. A link inside a label
 * would undo the outer link (a file path holding `http://` made the source link of a report line
 * plain brackets).
 */
export function markdownLinkLabel(text: string): string {
    return escapeInline(text, true);
}

/** An absolute http(s) URL, up to a character an autolink cannot hold (or one we never pass raw). */
const URL = /https?:\/\/[^\s<>\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\u061c`"\\]+/gi;

/** Trailing punctuation is not part of the link, as GitHub decides it; nor a `)` that closes nothing. */
function trimUrl(url: string): string {
    for (;;) {
        const last = url[url.length - 1];
        if (/[?!.,:;*_~'\]]/.test(last)) url = url.slice(0, -1);
        else if (last === ')' && count(url, ')') > count(url, '(')) url = url.slice(0, -1);
        else return url;
    }
}

function count(text: string, ch: string): number {
    return text.split(ch).length - 1;
}

/** Controls and bidi controls; line breaks (CR, LF, NEL) are left to the first alternative below. */
const CONTROLS = '\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x84\\x86-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c';
const SPECIAL_TEXT = `\\r\\n|[\\r\\n\\u0085\\u2028\\u2029]|[${CONTROLS}]+|[\\\\\`*_[\\]~|$<>&@]|#(?=[0-9])|www\\.|ftp:(?=//)`;
const SPECIAL = new RegExp(SPECIAL_TEXT, 'gi');
/** In a link label, `http:` and `https:` before `//` are broken like `ftp:`. */
const SPECIAL_IN_LABEL = new RegExp(`${SPECIAL_TEXT}|https?:(?=//)`, 'gi');

function escapeInline(text: string, inLabel = false): string {
    return text.replace(inLabel ? SPECIAL_IN_LABEL : SPECIAL, found => {
        if (/^(\r\n|[\r\n\u0085\u2028\u2029])$/.test(found)) return ' ';
        if (found === '<') return '&lt;';
        if (found === '>') return '&gt;';
        if (found === '&') return '&amp;';
        if (found === '@' || found === '#' || /^(ftp|https?):$/i.test(found)) return `${found}\u2060`;
        if (/^www\.$/i.test(found)) return `${found.slice(0, 3)}\\.`;
        if (/^[\\`*_[\]~|$]$/.test(found)) return `\\${found}`;
        // A run of controls: one code span naming each (two spans side by side would merge their backticks).
        return `\`${[...found].map(ch => `<${codePointName(ch)}>`).join('')}\``;
    });
}
