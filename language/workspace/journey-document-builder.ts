import {
    Cancellation, DefaultDocumentBuilder, DocumentState, OperationCancelled,
    type Disposable, type LangiumDocument, type LangiumSharedCoreServices, type URI,
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { parsedVersion } from './journey-document-factory.js';

/** What a document shows the rest of the workspace: its top-level ids and the names it refers to. */
function workspaceSignature(document: LangiumDocument): string {
    const root = document.parseResult.value as unknown as Record<string, Array<{ $type: string; name?: string }> | undefined>;
    const exported = ['personas', 'channels', 'teams', 'journeys'].flatMap(list => (root[list] ?? []).map(node => `${node.$type} ${node.name}`));
    const referenced = document.references.map(reference => `> ${reference.$refText}`);
    return [...new Set([...exported, ...referenced])].sort().join('\n');
}

/** Lets a request that needs the current text built keep a build from being cancelled by new edits. */
export interface BuildPinner {
    pin(uri: URI): Disposable;
}

/**
 * Workspace-wide checks (duplicate global ids, unused declarations) depend on every file. Langium
 * relinks a document whose references point into a changed file (their targets are new objects)
 * or that has linking errors; on top of that, when a changed file's top-level ids or the names it
 * refers to change, the other files are revalidated (not re-parsed, not relinked). Typing inside a
 * step changes neither, so it costs the changed file alone.
 *
 * A request on a document waits until the text it was sent against is parsed (Langium would
 * answer from the last build, which may be many keystrokes old).
 */
export class JourneyDocumentBuilder extends DefaultDocumentBuilder {
    private readonly signatures = new Map<string, string>();
    /** Changed files whose signature is still to compare (kept across cancelled builds). */
    private readonly unsettled = new Set<string>();
    private readonly pinner: () => BuildPinner | undefined;

    constructor(services: LangiumSharedCoreServices & { lsp?: { DocumentUpdateHandler?: unknown } }) {
        super(services);
        this.pinner = () => {
            const handler = services.lsp?.DocumentUpdateHandler as Partial<BuildPinner> | undefined;
            return typeof handler?.pin === 'function' ? handler as BuildPinner : undefined;
        };
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        for (const uri of changed) this.unsettled.add(uri.toString());
        for (const uri of deleted) {
            this.signatures.delete(uri.toString());
            // A deleted file took its declarations and references with it.
            this.unsettled.add(uri.toString());
        }
        await super.update(changed, deleted, cancelToken);
        let moved = false;
        for (const key of this.unsettled) {
            const document = this.langiumDocuments.all.find(doc => doc.uri.toString() === key);
            const signature = document ? workspaceSignature(document) : undefined;
            if (signature !== this.signatures.get(key)) moved = true;
            if (signature === undefined) this.signatures.delete(key); else this.signatures.set(key, signature);
        }
        const settled = new Set(this.unsettled);
        this.unsettled.clear();
        if (!moved) return;
        const others = this.langiumDocuments.all
            .filter(doc => !settled.has(doc.uri.toString()) && doc.state >= DocumentState.IndexedReferences)
            .toArray();
        for (const doc of others) this.resetToState(doc, DocumentState.IndexedReferences);
        // Cancelled here, they stay below Validated and the next update builds them.
        await this.buildDocuments(others, this.updateBuildOptions, cancelToken ?? Cancellation.CancellationToken.None);
    }

    protected override async awaitDocumentState(state: DocumentState, uri: URI, cancelToken: CancellationToken): Promise<URI> {
        const wanted = this.textDocuments?.get(uri.toString())?.version;
        for (;;) {
            await super.awaitDocumentState(state, uri, cancelToken);
            const document = this.langiumDocuments.getDocument(uri);
            const parsed = document && parsedVersion(document);
            if (wanted === undefined || !document || (parsed !== undefined && parsed >= wanted)) return uri;
            const pin = this.pinner()?.pin(uri);
            try {
                await this.nextDocumentPhase(state, uri, cancelToken);
            } finally {
                pin?.dispose();
            }
        }
    }

    private nextDocumentPhase(state: DocumentState, uri: URI, cancelToken: CancellationToken): Promise<void> {
        if (cancelToken.isCancellationRequested) return Promise.reject(OperationCancelled);
        return new Promise((resolve, reject) => {
            const phase = this.onDocumentPhase(state, document => {
                if (document.uri.toString() !== uri.toString()) return;
                phase.dispose();
                cancel.dispose();
                resolve();
            });
            const cancel = cancelToken.onCancellationRequested(() => {
                phase.dispose();
                cancel.dispose();
                reject(OperationCancelled);
            });
        });
    }
}
