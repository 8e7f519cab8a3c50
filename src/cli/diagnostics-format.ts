import type { Diagnostic } from 'vscode-languageserver';

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

/** `path:line:column - severity code: message` */
export function formatText(d: FileDiagnostic): string {
    return `${d.file}:${d.line}:${d.column} - ${d.severity} ${d.code}: ${d.message}`;
}

/** A GitHub Actions workflow command, which shows as an annotation on the changed line. */
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
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
