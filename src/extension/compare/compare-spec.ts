/** Naming and addressing the sides of a comparison. Pure: vscode-uri, no vscode. */
import { URI } from 'vscode-uri';
import type { CompareSideSpec, CompareSpec } from '../../../webview/compare-messages.js';

/** Read-only documents of a file at a revision, for "click → show the old source". */
export const REVISION_SCHEME = 'journeymap-revision';

/** How a revision is named in labels: the index is "Staged", a full hash is shortened. */
function revisionLabel(ref: string): string {
    if (ref === '') return 'Staged';
    return /^[0-9a-f]{40}$/i.test(ref) ? ref.slice(0, 8) : ref;
}

function fileOf(side: CompareSideSpec): URI {
    return URI.parse(side.kind === 'resource' ? side.location : side.uri);
}

function basename(uri: URI): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

const sameFile = (spec: CompareSpec) => fileOf(spec.old).toString() === fileOf(spec.new).toString();

export function sideLabels(spec: CompareSpec): { old: string; new: string } {
    const label = (side: CompareSideSpec): string => {
        if (side.kind === 'git') return revisionLabel(side.ref);
        if (side.kind === 'file') return sameFile(spec) ? 'Working tree' : basename(fileOf(side));
        return `${basename(URI.parse(side.uri))} (${URI.parse(side.uri).scheme})`;
    };
    return { old: label(spec.old), new: label(spec.new) };
}

export function compareTitle(spec: CompareSpec): string {
    const labels = sideLabels(spec);
    return sameFile(spec) ? `${basename(fileOf(spec.new))} (${labels.old} ↔ ${labels.new})` : `${labels.old} ↔ ${labels.new}`;
}

export function sameSpec(a: CompareSpec, b: CompareSpec): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

/** The read-only document of a git side: the file's path, the revision in the query. */
export function revisionDocumentUri<U>(Uri: { parse(value: string): U }, side: Extract<CompareSideSpec, { kind: 'git' }>): U {
    const file = URI.parse(side.uri);
    return Uri.parse(file.with({ scheme: REVISION_SCHEME, query: new URLSearchParams({ ref: side.ref }).toString() }).toString());
}

/** The inverse of revisionDocumentUri: which file at which revision a read-only document shows. */
export function revisionOfDocument(uri: { path: string; query: string }): { fsPath: string; ref: string } {
    return { fsPath: URI.file(uri.path).fsPath, ref: new URLSearchParams(uri.query).get('ref') ?? 'HEAD' };
}

/**
 * A side of a diff editor as a comparison side: files stay live; the Git extension's `git:`
 * documents (query `{"path", "ref"}`; ref `~` or '' is the index) become revisions so their
 * model is built with that revision's other files; anything else is read as it is.
 */
export function sideOfResource(uri: URI, location: URI): CompareSideSpec {
    if (uri.scheme === 'file') return { kind: 'file', uri: uri.toString() };
    if (uri.scheme === 'git') {
        try {
            const query = JSON.parse(uri.query) as { path?: unknown; ref?: unknown };
            if (typeof query.path === 'string' && typeof query.ref === 'string') {
                return { kind: 'git', uri: URI.file(query.path).toString(), ref: query.ref === '~' ? '' : query.ref };
            }
        } catch {
            // Not the Git extension's query: read the document as it is.
        }
    }
    return { kind: 'resource', uri: uri.toString(), location: location.toString() };
}
