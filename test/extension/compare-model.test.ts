import { strict as assert } from 'node:assert';
import { compareMessage } from '../../src/extension/compare/compare-model.js';
import { loadRevision } from '../../src/diff/load-revision.js';
import type { CompareSpec } from '../../webview/compare-messages.js';

const SPEC: CompareSpec = { old: { kind: 'git', uri: 'file:///w/map.journey', ref: 'HEAD' }, new: { kind: 'file', uri: 'file:///w/map.journey' } };

async function model(text: string) {
    const rev = await loadRevision([{ path: 'map.journey', text }]);
    assert.deepEqual([...rev.errors.values()], [], 'fixture parses');
    return rev.models.get('map.journey')!;
}

const BEFORE = `team ops "Ops"
journey j "J" {
  stage s "S" {
    step a "Pays *by card* with \`Pay\`" {
      emotion 0
      opportunity kiosk "Self check-in kiosk" owner ops status planned
    }
  }
}
`;

describe('compare view change list (compare-model)', () => {
    it('keeps the user\'s own asterisks and backticks, adds none, and names opportunity fields', async () => {
        const after = BEFORE.replace('status planned', 'status doing').replace('emotion 0', 'emotion 0\n      pain "Card *declined*" severity high');
        const message = compareMessage(SPEC, 'map.journey', { label: 'HEAD', errors: [], model: await model(BEFORE) }, { label: 'Working tree', errors: [], model: await model(after) });
        const items = message.journeys[0].changes;
        assert.deepEqual(items.map(i => i.text), [
            'step Pays *by card* with `Pay`: pain added: “Card *declined*” (severity high)',
            'opportunity Self check-in kiosk at step Pays *by card* with `Pay`: status planned → doing',
        ]);
        assert.deepEqual(message.summary, { added: 1, removed: 0, changed: 1, moved: 0, renamed: 0, better: 0, worse: 0 });
        // The opportunity's change is about its step: clicking it centers and selects the step.
        assert.equal(items[1].newKey, 'step:a');
        assert.equal(items[1].reveal?.side, 'new');
        assert.equal(items[1].reveal?.range.start.line, 3);
    });
});
