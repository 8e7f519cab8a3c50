import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JourneyChange } from '../../src/diff/diff-model.js';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { diff } from './diff-test-helpers.js';

/** The changes without their lines: what a test pins. */
async function changes(before: string, after: string): Promise<Partial<JourneyChange>[]> {
    return (await diff(before, after)).changes.map(({ line: _line, ...rest }) => rest);
}

const BASE = `
team ops "Ops"
team desk "Desk"
journey was "Was" { stage s0 { step z0 } }
journey j "J" {
  opportunity kiosk "Self check-in kiosk" owner ops impact high effort low status planned
  metric "Calls answered" 41% target 80%
  evidence survey "Patient survey"
  note "Piloted in November"
  stage book "Books" {
    pain "The 8am rush" severity high
    opportunity "Call-back instead of a queue" status idea
    metric "First contact" 38%
    evidence interview "Interviews"
    note "Slots released at 8:00"
    step calls "Calls at 8:00" {
      emotion -2
      physical "Leaflet on the fridge"
      duration 4min
      wait 25min "Queue"
      thinks "Probably nothing" from "P3"
      onstage "Receptionist asks" by ops fail "Call drops"
      offstage "Checks the slots" by ops
      support "Telephony system" by ops
      pain "On hold for 25 minutes" severity high
      opportunity second "A second reviewer" owner ops status idea
      metric "Time to answer" 25min target 10min
      evidence observation "Shadowing" link "https://x.example/shadowing"
      link "https://x.example/ticket" "Ticket"
    }
    step told "Is told to call back" { emotion -2 }
  }
}
`;

/** BASE with one replacement that must be there. */
function edit(from: string, to: string, text = BASE): string {
    assert.ok(text.includes(from), `fixture has ${from}`);
    return text.replace(from, to);
}

const STEP = { element: 'step', journey: 'j', id: 'calls', stage: 'book', title: 'Calls at 8:00', stageTitle: 'Books' } as const;

describe('diff engine, schema 2', () => {
    it('finds no change between the schema-2 examples and themselves', async () => {
        for (const name of ['gp-booking-today.journey', 'gp-booking-next.journey']) {
            const text = readFileSync(join(EXAMPLES_DIR, name), 'utf8');
            assert.deepEqual((await diff(text, text)).changes, [], name);
        }
        assert.deepEqual(await changes(BASE, BASE), []);
    });

    it('reports the single-valued step fields duration and wait added, removed and changed', async () => {
        assert.deepEqual(await changes(BASE, edit('duration 4min', 'duration 6min')), [{ kind: 'changed', ...STEP, field: 'duration', from: '4min', to: '6min' }]);
        assert.deepEqual(await changes(BASE, edit('      duration 4min\n', '')), [{ kind: 'changed', ...STEP, field: 'duration', from: '4min' }]);
        assert.deepEqual(await changes(edit('      duration 4min\n', ''), BASE), [{ kind: 'changed', ...STEP, field: 'duration', to: '4min' }]);
        assert.deepEqual(await changes(BASE, edit('wait 25min "Queue"', 'wait 25min "Queue of 20"')),
            [{ kind: 'changed', ...STEP, field: 'wait', from: { value: '25min', why: 'Queue' }, to: { value: '25min', why: 'Queue of 20' } }]);
        assert.deepEqual(await changes(BASE, edit('wait 25min "Queue"', 'wait 2h')),
            [{ kind: 'changed', ...STEP, field: 'wait', from: { value: '25min', why: 'Queue' }, to: { value: '2h' } }]);
        assert.deepEqual(await changes(BASE, edit('      wait 25min "Queue"\n', '')), [{ kind: 'changed', ...STEP, field: 'wait', from: { value: '25min', why: 'Queue' } }]);
    });

    it('reports physical evidence and step links added, removed and edited', async () => {
        assert.deepEqual(await changes(BASE, edit('physical "Leaflet on the fridge"', 'physical "Leaflet on the fridge"\n      physical "Numbered ticket"')),
            [{ kind: 'changed', ...STEP, field: 'physical', added: ['Numbered ticket'], removed: [] }]);
        assert.deepEqual(await changes(BASE, edit('physical "Leaflet on the fridge"', 'physical "Leaflet on the kitchen fridge"')),
            [{ kind: 'changed', ...STEP, field: 'physical', added: [], removed: [], changed: [{ from: 'Leaflet on the fridge', to: 'Leaflet on the kitchen fridge' }] }]);
        assert.deepEqual(await changes(BASE, edit('      physical "Leaflet on the fridge"\n', '')),
            [{ kind: 'changed', ...STEP, field: 'physical', added: [], removed: ['Leaflet on the fridge'] }]);
        // A link is an address: a new one is one added and one removed, never "edited".
        assert.deepEqual(await changes(BASE, edit('link "https://x.example/ticket" "Ticket"', 'link "https://x.example/ticket2" "Ticket"')),
            [{ kind: 'changed', ...STEP, field: 'links', added: ['https://x.example/ticket2 (Ticket)'], removed: ['https://x.example/ticket (Ticket)'] }]);
        assert.deepEqual(await changes(BASE, edit('      link "https://x.example/ticket" "Ticket"\n', '')),
            [{ kind: 'changed', ...STEP, field: 'links', added: [], removed: ['https://x.example/ticket (Ticket)'] }]);
    });

    it('reports a fail point on onstage, offstage and support items added, removed and changed, and a team change', async () => {
        const member = (member: string, item: string) => ({ kind: 'changed', ...STEP, member, item });
        assert.deepEqual(await changes(BASE, edit('fail "Call drops"', 'fail "Call drops after 20 callers"')),
            [{ ...member('onstage', 'Receptionist asks'), field: 'fail', from: 'Call drops', to: 'Call drops after 20 callers' }]);
        assert.deepEqual(await changes(BASE, edit(' fail "Call drops"', '')),
            [{ ...member('onstage', 'Receptionist asks'), field: 'fail', from: 'Call drops' }]);
        assert.deepEqual(await changes(BASE, edit('"Checks the slots" by ops', '"Checks the slots" by ops fail "Paper list out of date"')),
            [{ ...member('offstage', 'Checks the slots'), field: 'fail', to: 'Paper list out of date' }]);
        assert.deepEqual(await changes(BASE, edit('"Telephony system" by ops', '"Telephony system" by desk fail "Queue full"')), [
            { ...member('support', 'Telephony system'), field: 'team', from: 'ops', to: 'desk' },
            { ...member('support', 'Telephony system'), field: 'fail', to: 'Queue full' },
        ]);
        // A new action spells out its team and fail point.
        assert.deepEqual(await changes(BASE, edit('support "Telephony system" by ops', 'support "Telephony system" by ops\n      support "Call-back queue" by desk fail "Lost call-backs"')),
            [{ kind: 'changed', ...STEP, field: 'support', added: ['Call-back queue'], removed: [], attributes: { added: [{ team: 'desk', fail: 'Lost call-backs' }] } }]);
    });

    it('reports the source of a thought added, removed and changed', async () => {
        const from = { kind: 'changed', ...STEP, member: 'thinks', item: 'Probably nothing', field: 'from' };
        assert.deepEqual(await changes(BASE, edit('from "P3"', 'from "P4"')), [{ ...from, from: 'P3', to: 'P4' }]);
        assert.deepEqual(await changes(BASE, edit(' from "P3"', '')), [{ ...from, from: 'P3' }]);
        assert.deepEqual(await changes(edit(' from "P3"', ''), BASE), [{ ...from, to: 'P3' }]);
    });

    it('reports a metric baseline added, removed and changed, and spells out an added metric', async () => {
        const metric = { kind: 'changed', ...STEP, field: 'metrics', metric: 'Time to answer' };
        assert.deepEqual(await changes(BASE, edit('25min target 10min', '12min baseline 25min target 10min')),
            [{ ...metric, from: { value: '25min', target: '10min' }, to: { value: '12min', baseline: '25min', target: '10min' } }]);
        assert.deepEqual(await changes(edit('25min target', '25min baseline 30min target'), edit('25min target', '25min baseline 40min target')),
            [{ ...metric, from: { value: '25min', baseline: '30min', target: '10min' }, to: { value: '25min', baseline: '40min', target: '10min' } }]);
        assert.deepEqual(await changes(edit('25min target', '25min baseline 30min target'), BASE),
            [{ ...metric, from: { value: '25min', baseline: '30min', target: '10min' }, to: { value: '25min', target: '10min' } }]);
        assert.deepEqual(await changes(BASE, edit('metric "Time to answer"', 'metric "Give-ups" target 5%\n      metric "Time to answer"')),
            [{ kind: 'changed', ...STEP, field: 'metrics', added: ['Give-ups'], removed: [], attributes: { added: [{ target: '5%' }] } }]);
    });

    it('reports evidence and opportunity links as fields of their member', async () => {
        assert.deepEqual(await changes(BASE, edit('link "https://x.example/shadowing"', 'link "https://x.example/shadowing-2"')), [{
            kind: 'changed', ...STEP, member: 'evidence', item: 'observation "Shadowing"', field: 'links',
            added: ['https://x.example/shadowing-2'], removed: ['https://x.example/shadowing'],
        }]);
        assert.deepEqual(await changes(BASE, edit('status planned', 'status planned link "https://x.example/kiosk"')), [{
            kind: 'changed', element: 'opportunity', journey: 'j', id: 'kiosk', title: 'Self check-in kiosk', field: 'links', added: ['https://x.example/kiosk'], removed: [],
        }]);
    });

    it('reports futureOf added, removed and changed on the journey', async () => {
        const journey = { kind: 'changed', element: 'journey', journey: 'j', id: 'j', field: 'futureOf' };
        const future = edit('journey j "J" {', 'journey j "J" future of was {');
        assert.deepEqual(await changes(BASE, future), [{ ...journey, to: 'was' }]);
        assert.deepEqual(await changes(future, BASE), [{ ...journey, from: 'was' }]);
        const other = edit('journey was "Was"', 'journey other "Other" { stage o { step oo } }\njourney was "Was"', future);
        assert.deepEqual(await changes(other, edit('future of was', 'future of other', other)), [{ ...journey, from: 'was', to: 'other' }]);
    });

    it('matches opportunities with an id by id: a new text is `text` changed, and owner, impact, effort, status are fields', async () => {
        const after = edit('opportunity kiosk "Self check-in kiosk" owner ops impact high effort low status planned',
            'opportunity kiosk "Self check-in kiosks in the lobby" owner desk impact medium effort high status doing');
        const opportunity = { kind: 'changed', element: 'opportunity', journey: 'j', id: 'kiosk', title: 'Self check-in kiosks in the lobby' };
        assert.deepEqual(await changes(BASE, after), [
            { ...opportunity, field: 'text', from: 'Self check-in kiosk', to: 'Self check-in kiosks in the lobby' },
            { ...opportunity, field: 'owner', from: 'ops', to: 'desk' },
            { ...opportunity, field: 'impact', from: 'high', to: 'medium' },
            { ...opportunity, field: 'effort', from: 'low', to: 'high' },
            { ...opportunity, field: 'status', from: 'planned', to: 'doing' },
        ]);
        // Entirely new words under the same id: still the same opportunity.
        const rewritten = await changes(BASE, edit('"Self check-in kiosk"', '"Walk-in desk at reception"'));
        assert.deepEqual(rewritten, [{ ...opportunity, title: 'Walk-in desk at reception', field: 'text', from: 'Self check-in kiosk', to: 'Walk-in desk at reception' }]);
        // Status alone, at a step: the opportunity names its step.
        assert.deepEqual(await changes(BASE, edit('owner ops status idea', 'owner ops status doing')), [{
            kind: 'changed', element: 'opportunity', journey: 'j', id: 'second', title: 'A second reviewer', stage: 'book', stageTitle: 'Books',
            step: 'calls', stepTitle: 'Calls at 8:00', field: 'status', from: 'idea', to: 'doing',
        }]);
    });

    it('matches opportunities without an id by text as before, their attributes as fields; an id given later is a field too', async () => {
        const stageOpportunity = { kind: 'changed', element: 'opportunity', journey: 'j', title: 'Call-back instead of a queue', stage: 'book', stageTitle: 'Books' };
        assert.deepEqual(await changes(BASE, edit('queue" status idea', 'queue" status planned')), [{ ...stageOpportunity, field: 'status', from: 'idea', to: 'planned' }]);
        assert.deepEqual(await changes(BASE, edit('opportunity "Call-back', 'opportunity callback "Call-back')),
            [{ ...stageOpportunity, id: 'callback', field: 'id', to: 'callback' }]);
        // A new text without an id: one removed and one added, with their attributes.
        assert.deepEqual(await changes(BASE, edit('"Call-back instead of a queue" status idea', '"Longer opening hours" status planned')), [{
            kind: 'changed', element: 'stage', journey: 'j', id: 'book', title: 'Books', field: 'opportunities',
            added: ['Longer opening hours'], removed: ['Call-back instead of a queue'],
            attributes: { added: [{ status: 'planned' }], removed: [{ status: 'idea' }] },
        }]);
    });

    it('reports an opportunity with an id that went to another step or stage once, as moved', async () => {
        const after = edit('      opportunity second "A second reviewer" owner ops status idea\n', '')
            .replace('step told "Is told to call back" { emotion -2 }', 'step told "Is told to call back" { emotion -2 opportunity second "A second reviewer" owner ops status doing }');
        assert.deepEqual(await changes(BASE, after), [
            {
                kind: 'moved', element: 'opportunity', journey: 'j', id: 'second', title: 'A second reviewer', stage: 'book', stageTitle: 'Books',
                step: 'told', stepTitle: 'Is told to call back', holder: { from: 'step:calls', to: 'step:told' },
                holderTitle: { from: 'Calls at 8:00', to: 'Is told to call back' },
            },
            {
                kind: 'changed', element: 'opportunity', journey: 'j', id: 'second', title: 'A second reviewer', stage: 'book', stageTitle: 'Books',
                step: 'told', stepTitle: 'Is told to call back', field: 'status', from: 'idea', to: 'doing',
            },
        ]);
        const summary = (await diff(BASE, after)).summary;
        assert.deepEqual([summary.added, summary.removed, summary.moved, summary.changed], [0, 0, 1, 1]);
    });

    it('reports stage-level pains, opportunities, metrics, evidence and notes in the stage', async () => {
        const after = edit('pain "The 8am rush" severity high', 'pain "The 8am rush" severity medium\n    pain "No smartphone, no form" severity low')
            .replace('opportunity "Call-back instead of a queue" status idea\n', '')
            .replace('metric "First contact" 38%', 'metric "First contact" 71% baseline 38%')
            .replace('evidence interview "Interviews"', 'evidence interview "Interviews" link "https://x.example/i"')
            .replace('note "Slots released at 8:00"', 'note "Slots released at 8:00 sharp"');
        const stage = { kind: 'changed', element: 'stage', journey: 'j', id: 'book', title: 'Books' };
        assert.deepEqual(await changes(BASE, after), [
            { ...stage, field: 'pains', added: ['No smartphone, no form'], removed: [], attributes: { added: [{ severity: 'low' }] } },
            { ...stage, member: 'pains', item: 'The 8am rush', field: 'severity', from: 'high', to: 'medium' },
            { ...stage, field: 'opportunities', added: [], removed: ['Call-back instead of a queue'], attributes: { removed: [{ status: 'idea' }] } },
            { ...stage, field: 'metrics', metric: 'First contact', from: { value: '38%' }, to: { value: '71%', baseline: '38%' } },
            { ...stage, member: 'evidence', item: 'interview "Interviews"', field: 'links', added: ['https://x.example/i'], removed: [] },
            { ...stage, field: 'notes', added: [], removed: [], changed: [{ from: 'Slots released at 8:00', to: 'Slots released at 8:00 sharp' }] },
        ]);
    });

    it('reports journey-level opportunities, metrics, evidence and notes in the journey, before its stages', async () => {
        const after = edit('opportunity kiosk "Self check-in kiosk" owner ops impact high effort low status planned\n', '')
            .replace('metric "Calls answered" 41% target 80%', 'metric "Calls answered" 74% baseline 41% target 80%\n  metric "Give-ups" target 5%')
            .replace('evidence survey "Patient survey"', 'evidence survey "Patient survey" link "https://x.example/s"')
            .replace('note "Piloted in November"', 'note "Piloted in November with one GP"')
            .replace('step told "Is told to call back" { emotion -2 }', 'step told "Is told to call back" { emotion -1 }');
        const journey = { kind: 'changed', element: 'journey', journey: 'j', id: 'j' };
        const result = await changes(BASE, after);
        assert.deepEqual(result, [
            { ...journey, field: 'opportunities', added: [], removed: ['Self check-in kiosk'], attributes: { removed: [{ id: 'kiosk', owner: 'ops', impact: 'high', effort: 'low', status: 'planned' }] } },
            { ...journey, field: 'metrics', added: ['Give-ups'], removed: [], attributes: { added: [{ target: '5%' }] } },
            { ...journey, field: 'metrics', metric: 'Calls answered', from: { value: '41%', target: '80%' }, to: { value: '74%', baseline: '41%', target: '80%' } },
            { ...journey, member: 'evidence', item: 'survey "Patient survey"', field: 'links', added: ['https://x.example/s'], removed: [] },
            { ...journey, field: 'notes', added: [], removed: [], changed: [{ from: 'Piloted in November', to: 'Piloted in November with one GP' }] },
            { kind: 'changed', element: 'step', journey: 'j', id: 'told', stage: 'book', title: 'Is told to call back', stageTitle: 'Books', field: 'emotion', from: -2, to: -1, direction: 'better' },
        ]);
    });

    it('counts list members in summary.added and .removed, edited members in .changed', async () => {
        const after = edit('pain "On hold for 25 minutes" severity high', 'pain "On hold for 25 minutes" severity high\n      pain "Hears an engaged tone"\n      pain "Has to repeat her history"')
            .replace('      physical "Leaflet on the fridge"\n', '')
            .replace('note "Slots released at 8:00"', 'note "Slots released at 8:00 sharp"');
        const result = await diff(BASE, after);
        assert.deepEqual(result.summary, { added: 2, removed: 1, changed: 1, moved: 0, renamed: 0, emotion: { better: 0, worse: 0 } });
        // One added pain alone: the headline says 1 added, not 0 added and 1 changed.
        const one = await diff(BASE, edit('pain "On hold for 25 minutes" severity high', 'pain "On hold for 25 minutes" severity high\n      pain "Hears an engaged tone"'));
        assert.deepEqual([one.summary.added, one.summary.changed], [1, 0]);
    });

    it('names stages and steps by title, and marks a title another stage or step shares', async () => {
        const twins = 'journey j { stage a "Same" { step x "Twin" { emotion 0 } step y "Once" { emotion 0 } } stage b "Same" { step z "Twin" { emotion 0 } } }';
        const result = await changes(twins, twins.replace('step x "Twin" { emotion 0 }', 'step x "Twin" { emotion 1 }').replace('step y "Once" { emotion 0 }', 'step y "Once" { emotion 1 }'));
        assert.deepEqual(result.map(c => [c.id, c.title, c.stageTitle, c.ambiguous]), [
            ['x', 'Twin', 'Same', ['title', 'stageTitle']],
            ['y', 'Once', 'Same', ['stageTitle']],
        ]);
        // A step moved across stages names both by their titles (old for where it was).
        const moved = await changes('journey j { stage a "Ask" { step x "X" } stage b "Book" { } }', 'journey j { stage a "Ask" { } stage b "Book" { step x "X" } }');
        assert.deepEqual(moved.map(c => [c.kind, c.stage, c.stageTitle]), [['moved', { from: 'a', to: 'b' }, { from: 'Ask', to: 'Book' }]]);
    });

    it('pairs members of one text with equal attributes first: of two same pains, the one reworded is the edit (found by the diff bench)', async () => {
        const two = 'journey j { stage s "S" { step a "A" { pain "Has to repeat her problem" severity low pain "Has to repeat her problem" severity high } } }';
        const result = await changes(two, two.replace('problem" severity low', 'problem again" severity low'));
        assert.deepEqual(result, [{
            kind: 'changed', element: 'step', journey: 'j', id: 'a', stage: 's', title: 'A', stageTitle: 'S', field: 'pains',
            added: [], removed: [], changed: [{ from: 'Has to repeat her problem', to: 'Has to repeat her problem again' }],
        }]);
    });
});
