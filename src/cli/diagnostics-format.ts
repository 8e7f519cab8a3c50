import type { Diagnostic } from 'vscode-languageserver';
import { displayPath, terminalText } from '../text/terminal-text.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One diagnostic as `check --format json` prints it: 1-based lines and columns. */
export interface FileDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export function toFileDiagnostic(file: string, diagnostic: Diagnostic): FileDiagnostic {
    const { start, end } = diagnostic.range;
    return {
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: SEVERITIES[(diagnostic.severity ?? 1) - 1] ?? 'error',
        code: String(diagnostic.code ?? 'syntax-error'),
        message: String(diagnostic.message),
    };
}

export function sortDiagnostics(diagnostics: FileDiagnostic[]): FileDiagnostic[] {
    return diagnostics.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column);
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `path:line:column - severity code: message`, always one line: messages quote user text, whose
 * line breaks and control characters are shown escaped (`\n`), and a path never starts the line
 * with `::` (see `displayPath`), so nothing in a map can print a workflow command in CI.
 */
export function formatText(d: FileDiagnostic): string {
    return `${displayPath(d.file)}:${d.line}:${d.column} - ${d.severity} ${d.code}: ${terminalText(d.message)}`;
}

/**
 * A GitHub Actions workflow command, which shows as an annotation on the changed line. Escaped as
 * the runner unescapes: `%`, CR and LF in the message (`%25`, `%0D`, `%0A`, so the message keeps its
 * line breaks and the command stays one line); `:` and `,` too in properties. Other control
 * characters, NEL, U+2028/2029 and bidi controls have no escape there: they are shown as `\u2028`.
 */
export function formatGithub(d: FileDiagnostic): string | undefined {
    const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : d.severity === 'info' ? 'notice' : undefined;
    if (!level) return undefined;
    const props = [
        `file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`journeymap ${d.code}`)}`,
    ].join(',');
    return `::${level} ${props}::${escapeData(d.message)}`;
}

function escapeData(value: string): string {
    const escaped = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    return terminalText(escaped);
}

function escapeProperty(value: string): string {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
