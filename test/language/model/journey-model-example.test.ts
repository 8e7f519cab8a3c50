import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestServices, exampleSources, loadTexts } from '../journey-test-helpers.js';

/**
 * The model of the schema-2 example pair (gp-booking-today / gp-booking-next), as the preview and
 * the diff receive it, against a golden file. `UPDATE_GOLDEN=1` rewrites it after a deliberate change.
 */

const GOLDEN = fileURLToPath(new URL('../golden/schema2/gp-booking-next.model.json', import.meta.url));
const builder = createTestServices().Journey.model.JourneyModelBuilder;

describe('the model export of the service-blueprint example', () => {
    it('matches the golden JSON, and uses every schema-2 field', async () => {
        const files = Object.fromEntries(exampleSources().map(({ name, text }) => [name, text]));
        const loaded = await loadTexts(files);
        const model = JSON.parse(JSON.stringify(builder.build(loaded['gp-booking-next.journey'].document)));
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, JSON.stringify(model, null, 2) + '\n');
        assert.deepEqual(model, JSON.parse(readFileSync(GOLDEN, 'utf8')));

        const json = JSON.stringify(model);
        for (const field of ['"physical"', '"duration"', '"wait"', '"links"', '"fail"', '"from"', '"impact"', '"effort"', '"status"', '"baseline"', '"futureOf"', '"asIs"', '"seconds"', '"label"']) {
            assert.ok(json.includes(field), `${field} used`);
        }
        const [journey] = model.journeys;
        for (const key of ['opportunities', 'metrics', 'evidence', 'notes']) assert.ok(journey[key]?.length > 0, `journey ${key}`);
        const stage = journey.stages.find((s: { id: string }) => s.id === 'book');
        for (const key of ['pains', 'opportunities', 'metrics', 'evidence', 'notes']) assert.ok(stage[key]?.length > 0, `stage ${key}`);
        const statuses = new Set(json.match(/"status":"(\w+)"/g));
        assert.equal(statuses.size, 5, 'every status word');
        assert.ok(/"value":\{"text":"[^"]+"/.test(json) && json.includes('"target":{"text":"5%"'), 'a metric with only a target');
    });
});
