/**
 * The pictures of the Markdown preview's ```journey fences, for a renderer that must answer at
 * once: markdown-it renders synchronously, but the model comes from the language server. A
 * fence seen for the first time is asked for and shown as its source (or as its previous picture,
 * while its text is being edited); when the answer comes, `onReady` asks the preview to render
 * again, and this time the picture is in the cache. When the workspace's maps change (a persona's
 * title in common.journey), the pictures are asked for again and the preview refreshed if any
 * of them changed.
 */
import type { FenceModelParams, FenceModelResult } from '../../../language/protocol.js';
import { fencePicture, type FencePicture } from './fence-html.js';

/** Where fence models come from: `journeymap/fenceModel` of the language server. */
export type FenceModelSource = (params: FenceModelParams) => Promise<FenceModelResult>;

interface Entry {
    uri?: string;
    text: string;
    picture?: FencePicture;
    /** The answer on its way, if any. */
    pending?: Promise<void>;
    /** The workspace changed since the picture was computed. */
    stale: boolean;
}

export interface FenceView {
    picture: FencePicture | undefined;
    /** `picture` is an older text's (or older workspace's) while a newer one is on its way. */
    updating: boolean;
}

/** Pictures kept: those of the fences of the open Markdown files, and some history. */
const CAPACITY = 64;

export class FencePictures {
    /** By document and text, least recently used first (a Map keeps insertion order). */
    private readonly entries = new Map<string, Entry>();
    /** The text each fence (document and index) showed last: its picture stands in while an edit is computed. */
    private readonly lastShown = new Map<string, string>();
    private readyTimer: ReturnType<typeof setTimeout> | undefined;

    /**
     * @param onReady called (at most once per `readyDelayMs`) when answers came in that change what a fence shows
     */
    constructor(private readonly source: FenceModelSource, private readonly onReady: () => void, private readonly readyDelayMs = 20) { }

    /** What fence `index` of document `uri` with text `text` shows now; asks the server if needed. */
    view(uri: string | undefined, index: number, text: string): FenceView {
        const key = entryKey(uri, text);
        let entry = this.entries.get(key);
        if (entry) {
            // Most recently used last.
            this.entries.delete(key);
            this.entries.set(key, entry);
        } else {
            entry = { uri, text, stale: true };
            this.entries.set(key, entry);
            this.evict();
        }
        if (entry.stale && !entry.pending) this.fetch(entry);
        const fence = `${uri ?? ''}\n${index}`;
        if (entry.picture) {
            if (this.lastShown.size > 4 * CAPACITY) this.lastShown.clear();
            this.lastShown.set(fence, key);
            return { picture: entry.picture, updating: false };
        }
        // Not yet drawn: the picture this fence showed last, if it is still in the cache.
        const previous = this.entries.get(this.lastShown.get(fence) ?? '')?.picture;
        return { picture: previous, updating: previous !== undefined };
    }

    /** The workspace's maps changed: every picture may be out of date; those in use are asked for again when next shown. */
    invalidate(): void {
        for (const entry of this.entries.values()) entry.stale = true;
        // Fetch now, not on the next render: nothing re-renders the preview unless an answer differs.
        for (const entry of [...this.entries.values()].slice(-CAPACITY / 4)) {
            if (!entry.pending) this.fetch(entry);
        }
    }

    /** Answers still on their way (for tests). */
    async settled(): Promise<void> {
        for (;;) {
            const pending = [...this.entries.values()].map(entry => entry.pending).filter(p => p !== undefined);
            if (pending.length === 0) return;
            await Promise.all(pending);
        }
    }

    dispose(): void {
        clearTimeout(this.readyTimer);
        this.entries.clear();
        this.lastShown.clear();
    }

    private fetch(entry: Entry): void {
        entry.stale = false;
        const params: FenceModelParams = { text: entry.text, ...(entry.uri !== undefined ? { uri: entry.uri } : {}) };
        entry.pending = this.source(params).then(
            result => fencePicture(result),
            (error: unknown): FencePicture => ({ kind: 'failed', message: `the language server did not answer (${error instanceof Error ? error.message : String(error)})` }),
        ).then(picture => {
            entry.pending = undefined;
            const changed = !samePicture(entry.picture, picture);
            entry.picture = picture;
            if (changed) this.ready();
            // The workspace changed while this was computed: ask again.
            if (entry.stale) this.fetch(entry);
        });
    }

    private ready(): void {
        if (this.readyTimer !== undefined) return;
        this.readyTimer = setTimeout(() => {
            this.readyTimer = undefined;
            this.onReady();
        }, this.readyDelayMs);
    }

    private evict(): void {
        for (const key of this.entries.keys()) {
            if (this.entries.size <= CAPACITY) break;
            this.entries.delete(key);
        }
    }
}

function entryKey(uri: string | undefined, text: string): string {
    return `${uri ?? ''}\n${text}`;
}

function samePicture(a: FencePicture | undefined, b: FencePicture): boolean {
    return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
