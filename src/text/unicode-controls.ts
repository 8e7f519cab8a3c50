/**
 * The characters that can change how text around them reads, whatever the output: line breaks
 * (a new line could start a workflow command or a markdown block), other C0/C1 controls (terminal
 * escape sequences, NUL), and the bidirectional controls that reorder what is displayed (the
 * "Trojan Source" characters: U+202A–202E, U+2066–2069, LRM, RLM, ALM). Every escaper in this
 * folder makes them visible or harmless; TAB is the one control passed through.
 */
export const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** `U+202E`: the code point in the usual notation. */
export function codePointName(ch: string): string {
    return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
