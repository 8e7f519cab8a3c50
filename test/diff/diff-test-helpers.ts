import { strict as assert } from 'node:assert';
import { diffDocuments } from '../../src/diff/diff-engine.js';
import { loadRevision } from '../../src/diff/load-revision.js';

/** The model of one map, loaded as the diff loads a revision; the fixture must parse. */
export async function model(text: string) {
    const rev = await loadRevision([{ path: 'map.journey', text }]);
    assert.deepEqual([...rev.errors.values()], [], 'fixture parses');
    return rev.models.get('map.journey')!;
}

/** The diff of two versions of one map. */
export async function diff(before: string, after: string) {
    return diffDocuments(await model(before), await model(after));
}
