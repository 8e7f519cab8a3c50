import { appendFileSync } from 'node:fs';
import { terminalText } from '../text/terminal-text.js';

/**
 * The action's lines in the workflow log. The runner reads a line starting with `::` (after white
 * space) as a command; only the annotations of `journeymap check --format github` and this file's
 * own messages may be commands. Anything else that reaches the log (a CLI's stderr, an API error)
 * is one line per line, controls shown escaped, and never starts with `::`.
 */
export function logLine(text: string): string {
    const shown = terminalText(text);
    return /^[\s\u0085]*::/.test(shown) ? `> ${shown}` : shown;
}

/** Each line of a process's output as a safe log line. */
export function logLines(text: string): string[] {
    return text.split('\n').filter(line => line.length > 0).map(logLine);
}

/** A workflow command of the action's own (`::warning::…`): the message escaped as the runner unescapes it. */
export function workflowCommand(level: 'error' | 'warning' | 'notice', message: string): string {
    const escaped = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    return `::${level}::${terminalText(escaped)}`;
}

/** An annotation line printed by `journeymap check --format github` (already escaped by it). */
export const ANNOTATION = /^::(error|warning|notice) file=[^\n]*::/;

/** A step output (`GITHUB_OUTPUT`); values here are the action's own, one line each. */
export function setOutput(file: string | undefined, name: string, value: string): void {
    if (!file) return;
    appendFileSync(file, `${name}=${value.replace(/[\r\n]+/g, ' ')}\n`);
}
