import { strict as assert } from 'node:assert';
import { JOURNEY_MODEL_SCHEMA_VERSION, durationSeconds, type JourneyDocumentModel } from '../../../language/model/journey-model.js';
import { loadTexts } from '../journey-test-helpers.js';
import { createTestServices } from '../journey-test-helpers.js';
import { withoutRanges } from '../journey-format-helpers.js';

const builder = createTestServices().Journey.model.JourneyModelBuilder;

async function model(files: Record<string, string>, name: string): Promise<JourneyDocumentModel> {
    const loaded = await loadTexts(files);
    return builder.build(loaded[name].document);
}

const AS_IS = `persona guest "Guest"\nteam desk "Front desk"\nteam it "IT"\n` +
    `journey today "Check-in today" for guest {\n  stage arrive {\n    step queue { emotion -2 }\n    step check_in "Checks in" { emotion -1 }\n  }\n}\n`;

const TO_BE = `journey next "Check-in, to be" for guest future of today {
  opportunity kiosk "Self check-in kiosk" owner desk impact high effort medium status planned
  metric "Within 5 min" 71% baseline 64% target 90%
  metric "Calls" target 2min
  evidence interview "Guests" link "https://wiki.example/study" "Study"
  note "Pilot in one hotel"
  stage arrive "Arrival" {
    pain "No parking sign" severity medium
    opportunity "Signs" status idea
    metric "Lost guests" 12
    evidence observation "Car park"
    note "Evening only"
    step check_in "Checks in" {
      emotion 1
      physical "Registration card"
      physical "Room key"
      duration 1.5h
      wait 10min "Queue at the desk"
      says "Why my passport again?" from "P4, interview"
      thinks "Quick"
      onstage "Takes the card" by desk fail "Terminal offline"
      support "PMS" by it
      opportunity "Pre-fill the card" owner it status doing link "https://tracker.example/PMS-88"
      evidence observation "Shadowing" link "https://wiki.example/shadow"
      link "https://figma.example/kiosk" "Kiosk prototype"
      link "mailto:desk@example.org"
    }
  }
}
`;

describe('the journey model, schema 2', () => {
    it('is schema version 2', () => {
        assert.equal(JOURNEY_MODEL_SCHEMA_VERSION, 2);
    });

    it('carries every schema-2 field of a step', async () => {
        const doc = await model({ 'today.journey': AS_IS, 'next.journey': TO_BE }, 'next.journey');
        const step = withoutRanges(doc.journeys[0].stages[0].steps[0]) as Record<string, unknown>;
        assert.deepEqual(step.physical, [{ text: 'Registration card' }, { text: 'Room key' }]);
        assert.deepEqual(step.duration, { text: '1.5h', seconds: 5400 });
        assert.deepEqual(step.wait, { value: { text: '10min', seconds: 600 }, why: 'Queue at the desk' });
        assert.deepEqual(step.says, [{ text: 'Why my passport again?', from: 'P4, interview' }]);
        assert.deepEqual(step.thinks, [{ text: 'Quick' }], 'no `from`: left out');
        assert.deepEqual(step.onstage, [{ text: 'Takes the card', team: { id: 'desk', title: 'Front desk', resolved: true }, fail: { text: 'Terminal offline' } }]);
        assert.deepEqual(step.support, [{ text: 'PMS', team: { id: 'it', title: 'IT', resolved: true } }], 'no fail: left out');
        assert.deepEqual(step.opportunities, [{ text: 'Pre-fill the card', owner: { id: 'it', title: 'IT', resolved: true }, status: 'doing', links: [{ url: 'https://tracker.example/PMS-88' }] }]);
        assert.deepEqual(step.evidence, [{ kind: 'observation', source: 'Shadowing', solicited: false, links: [{ url: 'https://wiki.example/shadow' }] }]);
        assert.deepEqual(step.links, [{ url: 'https://figma.example/kiosk', label: 'Kiosk prototype' }, { url: 'mailto:desk@example.org' }]);
    });

    it('carries stage-level and journey-level members, futureOf and the as-is curve', async () => {
        const doc = await model({ 'today.journey': AS_IS, 'next.journey': TO_BE }, 'next.journey');
        const journey = withoutRanges(doc.journeys[0]) as Record<string, unknown>;
        assert.equal(journey.futureOf, 'today');
        assert.deepEqual(journey.futureOfRef, { id: 'today', title: 'Check-in today', resolved: true });
        assert.deepEqual(journey.asIs, {
            id: 'today', title: 'Check-in today', uri: 'memory:/today.journey',
            steps: [{ id: 'queue', title: 'Queue', stage: 'arrive', emotion: -2 }, { id: 'check_in', title: 'Checks in', stage: 'arrive', emotion: -1 }],
        });
        assert.deepEqual(journey.opportunities, [{ text: 'Self check-in kiosk', id: 'kiosk', owner: { id: 'desk', title: 'Front desk', resolved: true }, impact: 'high', effort: 'medium', status: 'planned' }]);
        assert.deepEqual(journey.metrics, [
            { name: 'Within 5 min', value: { text: '71%', value: 71, unit: '%', kind: 'percent' }, baseline: { text: '64%', value: 64, unit: '%', kind: 'percent' }, target: { text: '90%', value: 90, unit: '%', kind: 'percent' } },
            { name: 'Calls', target: { text: '2min', value: 2, unit: 'min', kind: 'duration' } },
        ]);
        assert.deepEqual(journey.evidence, [{ kind: 'interview', source: 'Guests', solicited: true, links: [{ url: 'https://wiki.example/study', label: 'Study' }] }]);
        assert.deepEqual(journey.notes, [{ text: 'Pilot in one hotel' }]);
        const stage = (journey.stages as Array<Record<string, unknown>>)[0];
        assert.deepEqual(stage.pains, [{ text: 'No parking sign', severity: 'medium' }]);
        assert.deepEqual(stage.opportunities, [{ text: 'Signs', status: 'idea' }]);
        assert.deepEqual(stage.metrics, [{ name: 'Lost guests', value: { text: '12', value: 12, kind: 'number' } }]);
        assert.deepEqual(stage.evidence, [{ kind: 'observation', source: 'Car park', solicited: false }]);
        assert.deepEqual(stage.notes, [{ text: 'Evening only' }]);
    });

    it('gives an opportunity id its range, and a fail point the range of its text', async () => {
        const doc = await model({ 'today.journey': AS_IS, 'next.journey': TO_BE }, 'next.journey');
        const [kiosk] = doc.journeys[0].opportunities!;
        assert.deepEqual(kiosk.idRange, { start: { line: 1, character: 14 }, end: { line: 1, character: 19 } });
        const fail = doc.journeys[0].stages[0].steps[0].onstage[0].fail!;
        assert.deepEqual(fail.range, { start: { line: 20, character: 44 }, end: { line: 20, character: 62 } });
    });

    it('leaves out the as-is for an unknown journey or a cycle, but keeps futureOf', async () => {
        const unknown = await model({ 'a.journey': 'journey a future of nowhere { stage s { step x } }' }, 'a.journey');
        assert.equal(unknown.journeys[0].futureOf, 'nowhere');
        assert.equal(unknown.journeys[0].futureOfRef?.resolved, false);
        assert.equal(unknown.journeys[0].asIs, undefined);
        const cycle = await model({ 'a.journey': 'journey a future of b { stage s { step x } }\njourney b future of a { stage s { step x } }\njourney c future of a {}' }, 'a.journey');
        assert.deepEqual(cycle.journeys.map(j => j.asIs), [undefined, undefined, undefined], 'a journey in or after a cycle has no as-is');
    });

    it('leaves every schema-2 field out of a schema-1 map, and an empty metric out of the metrics', async () => {
        const doc = await model({ 'a.journey': 'journey a {\n  stage s {\n    step x {\n      metric "m" 3 target 4\n      metric "empty"\n      metric "only baseline" baseline 3\n    }\n  }\n  stage t\n}\n' }, 'a.journey');
        const journey = doc.journeys[0];
        for (const key of ['futureOf', 'futureOfRef', 'asIs', 'opportunities', 'metrics', 'evidence', 'notes']) assert.ok(!(key in journey), key);
        for (const key of ['pains', 'opportunities', 'metrics', 'evidence', 'notes']) assert.ok(!(key in journey.stages[0]), key);
        const step = journey.stages[0].steps[0];
        for (const key of ['physical', 'duration', 'wait', 'links']) assert.ok(!(key in step), key);
        assert.deepEqual(step.metrics.map(m => m.name), ['m']);
        assert.deepEqual(journey.stages.map(s => s.id), ['s', 't'], 'a stage without a body');
    });

    it('normalizes durations to seconds', () => {
        assert.deepEqual(['30s', '12min', '2h', '3d', '1.1h', '62%', '4'].map(durationSeconds), [30, 720, 7200, 259200, 3960, undefined, undefined]);
    });
});
