import { strict as assert } from 'node:assert';
import { customerHeadline } from '../../src/diff/customer-headline.js';
import { listedKind, newPicture, oldPicture } from '../../src/diff/diff-picture.js';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { diff, model } from './diff-test-helpers.js';

/** Schema-2 marks of a diff picture, on real models: member cards, ghosts, the old curve; and the headline. */

const BEFORE = `persona p "P"
team ops "Ops"
journey j "J" for p {
  stage book "Books" {
    pain "Phone queue at 8am" severity high
    opportunity cb "Call-back" owner ops status planned
    step call "Calls" {
      emotion -2
      onstage "Receptionist answers" by ops
      pain "On hold" severity medium
      pain "Has to repeat symptoms" severity low
      opportunity "Online form"
    }
    step wait "Waits" {
      emotion -1
    }
  }
}
`;

const AFTER = `persona p "P"
team ops "Ops"
journey j "J" for p {
  stage book "Books" {
    pain "Phone queue at 8am" severity high
    pain "No smartphone, no form" severity medium
    opportunity cb "Call-back" owner ops status doing
    step call "Calls" {
      emotion -1
      onstage "Receptionist answers" by ops fail "Call drops"
      pain "Has to repeat symptoms" severity low
      pain "No call-back time given" severity high
      opportunity "Online form"
    }
    step wait "Waits" {
      emotion -1
    }
  }
}
`;

describe('diff picture: member cards, ghosts and the old curve (schema 2)', () => {
    it('marks added, edited and attribute-changed member cards, and puts a removed pain back where it stood', async () => {
        const [before, after, changes] = [await model(BEFORE), await model(AFTER), (await diff(BEFORE, AFTER)).changes];
        const { journey, marks } = newPicture(before.journeys[0], after.journeys[0], changes);
        const call = journey!.stages[0].steps[0];
        // "On hold" is back at index 0, as a ghost; the two pains of the new version follow.
        assert.deepEqual(call.pains.map(p => p.text), ['On hold', 'Has to repeat symptoms', 'No call-back time given']);
        assert.equal(after.journeys[0].stages[0].steps[0].pains.length, 2, 'the new model is not touched');
        assert.equal(marks.get('pain:call:0'), 'removed');
        assert.equal(marks.get('pain:call:1'), undefined);
        assert.equal(marks.get('pain:call:2'), 'added');
        assert.equal(marks.get('onstage:call:0'), 'changed', 'a fail point added to an action marks its card');
        assert.equal(marks.get('pain:@stage:book:1'), 'added', 'a stage-level pain');
        assert.equal(marks.get('opportunity:@stage:book:0'), 'changed', 'an opportunity matched by id, its status changed');
        assert.equal(marks.get('emotion:call'), 'changed');
        // The cards the marks name exist in the laid-out picture, the ghost among them.
        const keys = new Set(layoutJourney(journey!).cards.map(c => c.key));
        for (const key of marks.keys()) if (!key.startsWith('emotion:')) assert.ok(keys.has(key), key);
    });

    it('marks the header\'s cards: journey-level opportunities, KPIs, evidence and notes, the scenario and the persona', async () => {
        const map = (goal: string, scenario: string, body: string) => `persona p "P" {\n  goal "${goal}"\n}\njourney j "J" for p {\n  scenario "${scenario}"\n${body}  stage s "S" {\n    step a "A" { emotion 1 }\n  }\n}\n`;
        const before = map('Book fast', 'Books a visit', `  opportunity o1 "Online booking" status planned\n  metric "Calls per booking" 3\n  note "Old note"\n  note "Kept note"\n`);
        const after = map('Book in one go', 'Books a visit online', `  opportunity o1 "Online booking" status doing\n  opportunity o2 "Call-back slots"\n  metric "Calls per booking" 2\n  note "Kept note"\n  evidence survey "Patient survey 2026"\n`);
        const [old, next, changes] = [await model(before), await model(after), (await diff(before, after)).changes];
        const { journey, marks } = newPicture(old.journeys[0], next.journeys[0], changes);
        assert.equal(marks.get('opportunity:@journey:0'), 'changed', 'matched by id, its status changed');
        assert.equal(marks.get('opportunity:@journey:1'), 'added');
        assert.equal(marks.get('metric:@journey:0'), 'changed');
        assert.equal(marks.get('evidence:@journey:0'), 'added');
        // The removed note is back in the header where it stood, as a ghost; the new model is not touched.
        assert.deepEqual(journey!.notes!.map(n => n.text), ['Old note', 'Kept note']);
        assert.equal(next.journeys[0].notes!.length, 1);
        assert.equal(marks.get('note:@journey:0'), 'removed');
        assert.equal(marks.get('note:@journey:1'), undefined);
        assert.equal(marks.get('scenario:@journey'), 'changed');
        assert.equal(marks.get('persona:p'), 'changed', 'the persona\'s goal changed');
        const keys = new Set(layoutJourney(journey!).cards.map(c => c.key));
        for (const key of marks.keys()) if (!key.startsWith('emotion:')) assert.ok(keys.has(key), key);
        // The old picture: the note that went away and the KPI that changed, at their old places.
        const oldMarks = oldPicture(old.journeys[0], next.journeys[0], changes).marks;
        assert.equal(oldMarks.get('note:@journey:0'), 'removed');
        assert.equal(oldMarks.get('metric:@journey:0'), 'changed');
        assert.equal(oldMarks.get('persona:p'), 'changed');
    });

    it('carries the old emotion curve, labelled before/after, only when the curve changed', async () => {
        const [before, after] = [await model(BEFORE), await model(AFTER)];
        const changes = (await diff(BEFORE, AFTER)).changes;
        const { journey } = newPicture(before.journeys[0], after.journeys[0], changes);
        assert.deepEqual(journey!.asIs!.labels, { before: 'before', after: 'after' });
        assert.deepEqual(journey!.asIs!.steps.map(s => [s.id, s.emotion]), [['call', -2], ['wait', -1]]);
        const layout = layoutJourney(journey!);
        assert.deepEqual(layout.emotion!.asIsLabels, { before: 'before', after: 'after' });
        const same = AFTER.replace('pain "No call-back time given" severity high\n', '');
        const unchangedCurve = newPicture(after.journeys[0], (await model(same)).journeys[0], (await diff(AFTER, same)).changes);
        assert.equal(unchangedCurve.journey!.asIs, undefined);
    });

    it('marks the old picture by old texts: removed and edited members where they were', async () => {
        const [before, after, changes] = [await model(BEFORE), await model(AFTER), (await diff(BEFORE, AFTER)).changes];
        const { marks } = oldPicture(before.journeys[0], after.journeys[0], changes);
        assert.equal(marks.get('pain:call:0'), 'removed');
        assert.equal(marks.get('onstage:call:0'), 'changed');
        assert.equal(marks.get('pain:call:1'), undefined);
    });

    it('lists a list change whose members were all added as added, all removed as removed', async () => {
        const changes = (await diff(BEFORE, AFTER)).changes;
        const stagePains = changes.find(c => c.element === 'stage' && c.field === 'pains')!;
        assert.equal(stagePains.kind, 'changed');
        assert.equal(listedKind(stagePains), 'added');
        const stepPains = changes.find(c => c.element === 'step' && c.field === 'pains')!;
        assert.equal(listedKind(stepPains), 'changed', 'one added and one removed: changed');
    });

    it('heads the diff in the map\'s terms: pains, fail points, opportunities, emotion', async () => {
        assert.equal(customerHeadline(await diff(BEFORE, AFTER)),
            '2 pains added, 1 pain removed, 1 fail point added, 1 opportunity with a new status; emotion better at 1 step');
        assert.equal(customerHeadline(await diff(BEFORE, BEFORE)), undefined);
    });
});
