import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffDocuments, diffTexts } from '../../src/diff/diff-engine.js';
import type { JourneyChange } from '../../src/diff/diff-model.js';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { diff, model } from './diff-test-helpers.js';

const only = (changes: JourneyChange[], pick: Partial<JourneyChange>) =>
    changes.filter(c => Object.entries(pick).every(([k, v]) => JSON.stringify((c as unknown as Record<string, unknown>)[k]) === JSON.stringify(v)));

const BASE = `
persona dana "Dana" { goal "Find a gift" }
journey gift "Gift" for dana {
  scenario "Birthday"
  stage find "Find" {
    step search "Searches" {
      emotion 0
      pain "Too many results to scroll through" severity low
      opportunity "Better filters"
      metric "Conversion" 2% target 3%
    }
    step compare "Compares" { emotion +1 }
    step pick "Picks one" { emotion +1 }
  }
  stage buy "Buy" {
    step pay "Pays" {
      emotion -1
      pain "Has to retype her card on mobile"
      note "From the usability study"
    }
    step confirm "Gets confirmation" { emotion +1 }
  }
}
`;

describe('diff engine', () => {
    it('finds no change between a file and itself, for every example', async () => {
        for (const name of ['gift-purchase.journey', 'gift-return.journey', 'saas-onboarding.journey']) {
            const text = readFileSync(join(EXAMPLES_DIR, name), 'utf8');
            const result = await diff(text, text);
            assert.deepEqual(result.changes, [], name);
            assert.deepEqual(result.summary, { added: 0, removed: 0, changed: 0, moved: 0, renamed: 0, emotion: { better: 0, worse: 0 } });
        }
    });

    it('pairs repeated ids in order: a file with duplicate ids has no change against itself (found by the fuzzer)', async () => {
        const text = `persona p "P"
persona p "P again"
journey j "J" for p {
  stage s { step a "A" {} step b "B" {} step b "B again" {} }
  stage s { step c }
}`;
        assert.deepEqual((await diff(text, text)).changes, []);
        const result = await diff(text, text.replace(' step b "B again" {}', ''));
        assert.deepEqual(result.changes.map(c => `${c.kind} ${c.element} ${c.id}`), ['removed step b']);
        // A step whose stage id is now repeated, in the repeat: it moved into an added stage.
        const moved = await diff('journey j { stage s { step a } }', 'journey j { stage s { } stage s { step a } }');
        assert.deepEqual(moved.changes.map(c => `${c.kind} ${c.element} ${c.id}`), ['added stage s', 'moved step a']);
    });

    it('reports emotion better and worse with from/to and lines', async () => {
        const result = await diff(BASE, BASE.replace('step pay "Pays" {\n      emotion -1', 'step pay "Pays" {\n      emotion -2').replace('emotion 0', 'emotion +2'));
        const pay = only(result.changes, { id: 'pay', field: 'emotion' });
        assert.equal(pay.length, 1);
        assert.equal(pay[0].from, -1);
        assert.equal(pay[0].to, -2);
        assert.equal(pay[0].direction, 'worse');
        assert.deepEqual(pay[0].line, { from: 16, to: 16 });
        assert.equal(only(result.changes, { id: 'search', field: 'emotion' })[0].direction, 'better');
        assert.deepEqual(result.summary.emotion, { better: 1, worse: 1 });
        assert.equal(result.summary.changed, 2);
    });

    it('reports a step moved to another stage once, as moved, with its other changes beside it', async () => {
        const after = BASE.replace('    step pick "Picks one" { emotion +1 }\n', '')
            .replace('    step confirm', '    step pick "Picks one" { emotion -1 }\n    step confirm');
        const result = await diff(BASE, after);
        const moved = only(result.changes, { kind: 'moved', id: 'pick' });
        assert.deepEqual(moved.map(m => m.stage), [{ from: 'find', to: 'buy' }]);
        assert.equal(only(result.changes, { kind: 'removed' }).length, 0);
        assert.equal(only(result.changes, { kind: 'added' }).length, 0);
        assert.equal(only(result.changes, { id: 'pick', field: 'emotion' })[0].direction, 'worse');
        assert.equal(result.summary.moved, 1);
    });

    it('reports a move within a stage with index from/to, and only the step that moved', async () => {
        const after = BASE.replace('    step compare "Compares" { emotion +1 }\n    step pick "Picks one" { emotion +1 }\n',
            '    step pick "Picks one" { emotion +1 }\n    step compare "Compares" { emotion +1 }\n');
        const result = await diff(BASE, after);
        assert.equal(result.changes.length, 1);
        assert.equal(result.changes[0].kind, 'moved');
        assert.ok(['pick', 'compare'].includes(result.changes[0].id!));
        assert.ok(result.changes[0].index);
        assert.notEqual(result.changes[0].index!.from, result.changes[0].index!.to);
    });

    it('calls a step with a new id but the same contents renamed, and a renamed stage renamed', async () => {
        const result = await diff(BASE, BASE.replace('step compare "Compares"', 'step compare_items "Compares"').replace('stage buy "Buy"', 'stage purchase "Buy"'));
        assert.deepEqual(only(result.changes, { kind: 'renamed', element: 'step' }).map(c => [c.from, c.to]), [['compare', 'compare_items']]);
        assert.deepEqual(only(result.changes, { kind: 'renamed', element: 'stage' }).map(c => [c.from, c.to]), [['buy', 'purchase']]);
        assert.equal(result.summary.added + result.summary.removed + result.summary.moved, 0);
    });

    it('pairs a slightly edited pain as changed, a rewritten one as removed + added', async () => {
        const slight = await diff(BASE, BASE.replace('Has to retype her card on mobile', 'Has to retype her card number on mobile'));
        assert.deepEqual(only(slight.changes, { field: 'pains' }).map(c => [c.added, c.removed, c.changed]),
            [[[], [], [{ from: 'Has to retype her card on mobile', to: 'Has to retype her card number on mobile' }]]]);
        const rewritten = await diff(BASE, BASE.replace('Has to retype her card on mobile', 'Delivery options are unclear'));
        assert.deepEqual(only(rewritten.changes, { field: 'pains' }).map(c => [c.added, c.removed, c.changed]),
            [[['Delivery options are unclear'], ['Has to retype her card on mobile'], undefined]]);
    });

    it('compares metrics by value and target, by name', async () => {
        const result = await diff(BASE, BASE.replace('2% target 3%', '2.5% target 4%'));
        const metric = only(result.changes, { field: 'metrics' });
        assert.equal(metric.length, 1);
        assert.equal(metric[0].metric, 'Conversion');
        assert.deepEqual(metric[0].from, { value: '2%', target: '3%' });
        assert.deepEqual(metric[0].to, { value: '2.5%', target: '4%' });
    });

    it('reports every single-valued and list field of steps, stages, journeys and personas', async () => {
        const after = BASE
            .replace('persona dana "Dana" { goal "Find a gift" }', 'persona dana "Dana R." { goal "Find a gift fast" goal "Stay in budget" }')
            .replace('scenario "Birthday"', 'scenario "Anniversary"')
            .replace('stage find "Find" {', 'stage find "Discover" {\n    goal "Shortlist"')
            .replace('step search "Searches" {', 'step search "Searches the shop" {\n      thinks "So many"')
            .replace('opportunity "Better filters"', 'opportunity "Saved searches"')
            .replace('note "From the usability study"', '');
        const result = await diff(BASE, after);
        const fields = new Set(result.changes.map(c => `${c.element}.${c.field}`));
        for (const expected of ['persona.title', 'persona.goals', 'journey.scenario', 'stage.title', 'stage.goal', 'step.title', 'step.thinks', 'step.opportunities', 'step.notes']) {
            assert.ok(fields.has(expected), `${expected} in ${[...fields].join(', ')}`);
        }
        const title = only(result.changes, { element: 'step', field: 'title' })[0];
        assert.equal(title.from, 'Searches');
        assert.equal(title.to, 'Searches the shop');
        const stageGoal = only(result.changes, { element: 'stage', field: 'goal' })[0];
        assert.equal(stageGoal.from, undefined, 'absent side omitted');
        assert.ok(!('from' in stageGoal));
    });

    it('reports added and removed steps, stages, journeys and top-level declarations', async () => {
        const after = BASE.replace('    step confirm "Gets confirmation" { emotion +1 }\n', '')
            .replace('  stage buy', '  stage wrap "Wrap" { step wrap_it "Wraps it" { emotion 0 } }\n  stage buy')
            .replace('persona dana', 'channel app "App"\npersona dana')
            + '\njourney second "Second" { stage one "One" { step s1 "S1" { emotion 0 } } }\n';
        const result = await diff(BASE, after);
        const kinds = result.changes.filter(c => c.kind !== 'changed').map(c => `${c.kind} ${c.element} ${c.id}`);
        assert.deepEqual(kinds, [
            'added channel app',
            'added stage wrap', 'added step wrap_it',
            'removed step confirm',
            'added journey second',
        ]);
        const removed = result.changes.find(c => c.kind === 'removed')!;
        assert.equal(removed.stage, 'buy');
        assert.deepEqual(removed.line, { from: 21 });
    });

    it('orders changes by journey, then the new order, removed elements where they stood', async () => {
        const after = BASE.replace('    step compare "Compares" { emotion +1 }\n', '')
            .replace('step pick "Picks one" { emotion +1 }', 'step pick "Picks one" { emotion -1 }')
            .replace('step search "Searches" {', 'step search "Searches" {\n      feels "Curious"')
            .replace('step confirm "Gets confirmation" { emotion +1 }', 'step confirm "Gets confirmation" { emotion +2 }');
        const result = await diff(BASE, after);
        assert.deepEqual(result.changes.map(c => `${c.kind} ${c.id}`), ['changed search', 'removed compare', 'changed pick', 'changed confirm']);
    });

    it('diffTexts keeps duplicates apart and pairs the nearest edit first', () => {
        assert.equal(diffTexts(['a', 'b'], ['b', 'a']), undefined);
        const result = diffTexts(['Slow checkout page', 'Slow checkout'], ['Slow checkout pages'])!;
        assert.deepEqual(result.changed, [{ from: 'Slow checkout page', to: 'Slow checkout pages' }]);
        assert.deepEqual(result.removed, ['Slow checkout']);
    });

    it('shows a file added or deleted as all its journeys added or removed', async () => {
        const m = await model(BASE);
        assert.deepEqual(diffDocuments(undefined, m).changes.map(c => `${c.kind} ${c.element} ${c.id}`), ['added persona dana', 'added journey gift']);
        assert.deepEqual(diffDocuments(m, undefined).changes.map(c => `${c.kind} ${c.element} ${c.id}`), ['removed persona dana', 'removed journey gift']);
    });
});
