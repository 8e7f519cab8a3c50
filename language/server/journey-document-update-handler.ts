import { URI, type LangiumDocuments } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BuildPinner } from '../workspace/journey-document-builder.js';

/**
 * How long the server waits after a keystroke for the next one before it rebuilds. Longer than the
 * gap between keys of someone typing steadily (about 100 ms at 10 keys per second), so a build does
 * not start only to be thrown away by the next key; short enough not to be noticed.
 */
export const UPDATE_DELAY_MS = 150;

/**
 * Coalesces edits: each keystroke cancels the build of the text it makes stale at once, and the
 * new text is built once the keys pause (Langium would queue one build per keystroke, each parsing
 * the whole file before it notices it was cancelled). A request that needs the current text built
 * (completion, hover, the preview's model) starts that build at once and pins it: later keystrokes
 * wait for it instead of cancelling it, so the request is answered even while the user types on.
 */
export class JourneyDocumentUpdateHandler extends DefaultDocumentUpdateHandler implements BuildPinner {
    private readonly documents: LangiumDocuments;
    private readonly pending = new Set<string>();
    private timer: ReturnType<typeof setTimeout> | undefined;
    private pins = 0;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        const uri = change.document.uri;
        this.pending.add(uri);
        if (this.pins === 0) this.workspaceLock.cancelWrite();
        // A file the server does not know yet (just opened, new): nothing to coalesce with, and
        // requests sent right after the didOpen must find the document, as with Langium alone.
        if (this.documents.hasDocument(URI.parse(uri))) this.schedule(UPDATE_DELAY_MS);
        else this.flush(true);
    }

    pin(_uri: URI): { dispose(): void } {
        // Edits that came before the request must be in the build it waits for: start it now,
        // even if that cancels another pinned build (whose waiters are served by this one too).
        this.flush(true);
        this.pins++;
        let disposed = false;
        return {
            dispose: () => {
                if (disposed) return;
                disposed = true;
                if (--this.pins > 0 || this.pending.size === 0) return;
                // What was pinned is stale now: stop it and build the newest text after the pause.
                this.workspaceLock.cancelWrite();
                this.schedule(UPDATE_DELAY_MS);
            },
        };
    }

    private schedule(delay: number): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.flush(), delay);
    }

    /** Starts the build of every pending change, unless (not `force`d) a pinned build must not be cancelled. */
    private flush(force = false): void {
        if ((this.pins > 0 && !force) || this.pending.size === 0) return;
        clearTimeout(this.timer);
        this.timer = undefined;
        const changed = [...this.pending].map(uri => URI.parse(uri));
        this.pending.clear();
        this.fireDocumentUpdate(changed, []);
    }
}
