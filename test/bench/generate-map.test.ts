import { strict as assert } from 'node:assert';
import { generateJourneyMap } from '../../bench/generate-map.js';
import type { Step } from '../../language/generated/ast.js';
import { loadJourneyText } from '../../language/workspace/journey-workspace.js';

describe('bench/generate-map', () => {
    it('is deterministic for a seed and differs between seeds', () => {
        assert.equal(generateJourneyMap({ steps: 300, seed: 7 }), generateJourneyMap({ steps: 300, seed: 7 }));
        assert.notEqual(generateJourneyMap({ steps: 300, seed: 7 }), generateJourneyMap({ steps: 300, seed: 8 }));
    });

    it('writes exactly the steps asked for, over the journeys asked for, in stages of 5 to 10 steps', async () => {
        for (const [steps, journeys] of [[1, 1], [100, 1], [1000, 3]]) {
            const { document, diagnostics } = await loadJourneyText(generateJourneyMap({ steps, seed: 1, journeys }));
            const root = document.parseResult.value;
            assert.equal(root.journeys.length, journeys);
            const stages = root.journeys.flatMap(j => j.stages);
            assert.equal(stages.flatMap(s => s.steps).length, steps);
            // Only a journey's last stage may be shorter (what is left of its steps).
            for (const journey of root.journeys) {
                for (const stage of journey.stages.slice(0, -1)) assert.ok(stage.steps.length >= 5 && stage.steps.length <= 10, `${stage.name}: ${stage.steps.length} steps`);
            }
            assert.deepEqual(diagnostics.filter(d => d.severity === 1), [], `errors in the map of ${steps} steps`);
        }
    });

    it('is realistic: global declarations, every kind of step member, pains without opportunity, metrics with units', async () => {
        const { document, diagnostics } = await loadJourneyText(generateJourneyMap({ steps: 1000, seed: 1 }));
        const root = document.parseResult.value;
        assert.ok(root.personas.length >= 2 && root.channels.length >= 5 && root.teams.length >= 5);
        const steps: Step[] = root.journeys.flatMap(j => j.stages.flatMap(s => s.steps));
        const members = new Set<string>();
        for (const step of steps) {
            for (const use of step.channelUses) members.add(use.channels.length > 1 ? 'channel a, b' : 'channel');
            if (step.touchpoints.length) members.add('touchpoint');
            if (step.emotions.length) members.add('emotion');
            for (const thought of step.thoughts) members.add(thought.kind);
            for (const moment of step.moments) members.add(moment.why ? 'moment of truth "why"' : 'moment of truth');
            for (const action of step.actions) members.add(action.team ? `${action.kind} by` : action.kind);
            for (const pain of step.pains) members.add(pain.severity ? 'pain severity' : 'pain');
            for (const opportunity of step.opportunities) members.add(opportunity.team ? 'opportunity owner' : 'opportunity');
            for (const metric of step.metrics) {
                const value = metric.value?.quantity?.replace(/^[0-9.+-]+/, '') ?? (metric.value?.unit !== undefined ? 'string unit' : 'number');
                members.add(`metric ${value}${metric.target ? ' target' : ''}`);
            }
            for (const evidence of step.evidence) members.add(`evidence ${evidence.kind}`);
            if (step.owners.length) members.add('owner');
            if (step.notes.length) members.add('note');
        }
        const expected = ['channel', 'channel a, b', 'touchpoint', 'emotion', 'thinks', 'feels', 'says', 'moment of truth', 'moment of truth "why"',
            'onstage', 'onstage by', 'offstage by', 'support', 'support by', 'pain', 'pain severity', 'opportunity', 'opportunity owner',
            'metric %', 'metric % target', 'metric s', 'metric min', 'metric h', 'metric d', 'metric number', 'metric number target', 'metric string unit target',
            ...['survey', 'interview', 'nps', 'feedback', 'analytics', 'review', 'social', 'ticket', 'observation', 'frontline'].map(kind => `evidence ${kind}`),
            'owner', 'note'];
        assert.deepEqual(expected.filter(member => !members.has(member)), []);
        const codes = new Set(diagnostics.map(d => d.code));
        assert.ok(codes.has('pain-without-opportunity') && codes.has('missing-emotion'), [...codes].join(', '));
    });

    it('rejects sizes that make no map', () => {
        assert.throws(() => generateJourneyMap({ steps: 0 }), RangeError);
        assert.throws(() => generateJourneyMap({ steps: 3, journeys: 4 }), RangeError);
    });
});
