import { strict as assert } from 'node:assert';
import { exampleSources, loadTexts } from './journey-test-helpers.js';

describe('the shipped examples', () => {
    it('check clean of errors and warnings as one workspace', async () => {
        const files = Object.fromEntries(exampleSources().map(({ name, text }) => [name, text]));
        assert.ok(Object.keys(files).length >= 3, 'examples/ holds the maps');
        const loaded = await loadTexts(files);
        for (const [name, { document, diagnostics }] of Object.entries(loaded)) {
            const serious = diagnostics.filter(d => d.severity === 1 || d.severity === 2);
            assert.deepEqual(serious.map(d => `${name}:${d.range.start.line + 1} ${d.code} ${d.message}`), []);
            assert.equal(document.parseResult.parserErrors.length, 0);
        }
    });
});
