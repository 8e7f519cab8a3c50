// Generates a workspace of many small `.journey` maps in two versions, for the command-line
// benchmark (`check` and `diff` over thousands of files) and for trying the CLI on a big folder.
// Deterministic, like generate-map.ts: the same options give the same files, byte for byte.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateJourneyMap } from './generate-map.js';

export interface GenerateWorkspaceOptions {
    /** Number of small maps (besides `common.journey`, which holds the shared declarations). */
    maps: number;
    /** Steps per map; default 8. */
    steps?: number;
    /** Every `editEvery`-th map is edited in the new version (an emotion and a touchpoint); default 10. */
    editEvery?: number;
}

export interface GeneratedWorkspace {
    /** Relative path → text, for the old and the new version. */
    old: Map<string, string>;
    new: Map<string, string>;
    /** Maps edited, added and deleted in the new version. */
    edited: number;
    added: number;
    deleted: number;
}

/**
 * `common.journey` with the personas, channels and teams, and `maps/NNNN.journey` files of one
 * journey each that use them (as a real repository of many maps would). The new version edits
 * every `editEvery`-th map, deletes the last map and adds one.
 */
export function generateWorkspace(options: GenerateWorkspaceOptions): GeneratedWorkspace {
    const { maps, steps = 8, editEvery = 10 } = options;
    const old = new Map<string, string>();
    const first = generateJourneyMap({ steps, seed: 1 });
    const journeyAt = (text: string) => text.indexOf('\njourney ') + 1;
    old.set('common.journey', first.slice(0, journeyAt(first)));
    const name = (i: number) => `maps/${String(i).padStart(4, '0')}.journey`;
    for (let i = 1; i <= maps; i++) {
        const text = generateJourneyMap({ steps, seed: i });
        // Journey ids are global: number them by file so the workspace has no duplicates.
        old.set(name(i), `// Map ${i} of ${maps}.\n${text.slice(journeyAt(text)).replace(/^journey j1_/m, `journey m${i}_`)}`);
    }
    const next = new Map(old);
    let edited = 0;
    // The last map is deleted below, not edited.
    for (let i = editEvery; i < maps; i += editEvery) {
        const text = old.get(name(i))!;
        const changed = text
            .replace(/emotion ([+-]?\d)/, (_all, value) => `emotion ${Number(value) >= 0 ? -1 : 1}`)
            .replace(/touchpoint "[^"]*"/, `touchpoint "Rewritten touchpoint ${i}"`);
        if (changed !== text) {
            next.set(name(i), changed);
            edited++;
        }
    }
    next.delete(name(maps));
    const extra = generateJourneyMap({ steps, seed: maps + 1 });
    next.set(name(maps + 1), extra.slice(journeyAt(extra)).replace(/^journey j1_/m, `journey m${maps + 1}_`));
    return { old, new: next, edited, added: 1, deleted: 1 };
}

/** Writes one version's files below `dir`. */
export function writeWorkspace(files: ReadonlyMap<string, string>, dir: string): void {
    for (const [path, text] of files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
    }
}
