import { strict as assert } from 'node:assert';
import type { JourneyModel } from '../../language/model/journey-model.js';
import { emotionChart } from '../../src/diff/emotion-chart.js';
import { loadRevision } from '../../src/diff/load-revision.js';

async function journey(text: string): Promise<JourneyModel> {
    const rev = await loadRevision([{ path: 'map.journey', text }]);
    return rev.models.get('map.journey')!.journeys[0];
}

const map = (steps: string) => `journey j "J" {\n  stage s "S" {\n${steps}\n  }\n}\n`;
const step = (id: string, title: string, emotion?: number) => `    step ${id} "${title}" {${emotion === undefined ? '' : ` emotion ${emotion}`} }`;

describe('emotionChart: the emotion curve before and after', () => {
    it('steps in both versions by id, then by title, in the new order; the others named apart', async () => {
        const before = await journey(map([step('a', 'Arrives', -1), step('b', 'Browses', 0), step('c', 'Calls', -2), step('gone', 'Leaves', 1)].join('\n')));
        const after = await journey(map([step('c', 'Calls back', 1), step('a', 'Arrives', -1), step('b2', 'Browses', 2), step('new', 'New step', 2)].join('\n')));
        assert.deepEqual(emotionChart(before, after), {
            steps: ['Calls back', 'Arrives', 'Browses'],
            before: [-2, -1, 0],
            after: [1, -1, 2],
            added: ['New step'],
            removed: ['Leaves'],
        });
    });

    it('a step without emotion counts as 0 on its side; no chart when no step in both versions changed its emotion', async () => {
        const before = await journey(map([step('a', 'A'), step('b', 'B', 1)].join('\n')));
        const after = await journey(map([step('a', 'A', -2), step('b', 'B', 1)].join('\n')));
        assert.deepEqual(emotionChart(before, after)?.before, [0, 1]);
        assert.deepEqual(emotionChart(before, after)?.after, [-2, 1]);
        const reordered = await journey(map([step('b', 'B', 1), step('a', 'A'), step('c', 'Added', -2)].join('\n')));
        assert.equal(emotionChart(before, reordered), undefined, 'moved and added steps alone change no emotion of the chart');
        assert.equal(emotionChart(before, before), undefined);
    });

    it('repeated ids pair in order; a step with an empty title is shown by its id', async () => {
        const before = await journey(map([step('x', 'One', 0), step('x', 'Two', 0), step('e', '', 0)].join('\n')));
        const after = await journey(map([step('x', 'One', 1), step('x', 'Two', 2), step('e', '', -1)].join('\n')));
        assert.deepEqual(emotionChart(before, after), { steps: ['One', 'Two', 'e'], before: [0, 0, 0], after: [1, 2, -1], added: [], removed: [] });
    });
});
