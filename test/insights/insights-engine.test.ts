import { strict as assert } from 'node:assert';
import { insightsOf, map } from './insights-helpers.js';

/** Every ordering rule and tie-break of docs/report.md, over models built by the real parser. */

describe('insights engine', () => {
    describe('pain order', () => {
        it('severity high, medium, low, then none', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', `stage s {
  step x {
    pain "none"
    pain "low" severity low
    pain "high" severity high
    pain "medium" severity medium
  }
}`) });
            assert.deepEqual(insights.pains.map(p => p.text), ['high', 'medium', 'low', 'none']);
            assert.equal(insights.pains[3].severity, null);
        });

        it('same severity: a moment of truth first, even over a lower emotion', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', `stage s {
  step x {
    emotion -2
    pain "plain" severity high
  }
  step y {
    emotion 1
    moment of truth
    pain "moment" severity high
  }
}`) });
            assert.deepEqual(insights.pains.map(p => [p.text, p.momentOfTruth, p.emotion]), [['moment', true, 1], ['plain', false, -2]]);
        });

        it('then lower emotion first; no emotion and a stage-level pain count as 0', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', `stage s {
  step plus {
    emotion 1
    pain "at +1" severity low
  }
  step none {
    pain "no emotion" severity low
  }
  step minus {
    emotion -1
    pain "at -1" severity low
  }
  pain "stage" severity low
}`) });
            // "no emotion" and "stage" tie at 0 and both lack an opportunity: source order breaks it.
            assert.deepEqual(insights.pains.map(p => p.text), ['at -1', 'no emotion', 'stage', 'at +1']);
            const stagePain = insights.pains.find(p => p.text === 'stage')!;
            assert.deepEqual([stagePain.stage, stagePain.step, stagePain.emotion, stagePain.momentOfTruth], ['s', null, null, false]);
        });

        it('then pains with no opportunity first; the count takes the step and the stage, not the journey', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', `opportunity "journey-wide"
stage s {
  opportunity "stage-wide"
  step x {
    pain "covered by the stage" severity medium
  }
}
stage t {
  step y {
    pain "covered twice" severity medium
    opportunity "one"
    opportunity "two"
  }
  step z {
    pain "uncovered" severity medium
  }
}`) });
            assert.deepEqual(insights.pains.map(p => [p.text, p.opportunities]), [['uncovered', 0], ['covered by the stage', 1], ['covered twice', 2]]);
        });

        it('then file, line: by path, whatever order the files come in', async () => {
            const body = 'stage s {\n  step x {\n    pain "first" severity high\n    pain "second" severity high\n  }\n}';
            const insights = await insightsOf({ 'z.journey': map('z', body), 'a.journey': map('a', body) });
            assert.deepEqual(insights.pains.map(p => `${p.file}:${p.line} ${p.text}`), [
                'a.journey:6 first', 'a.journey:7 second', 'z.journey:6 first', 'z.journey:7 second',
            ]);
        });
    });

    describe('opportunity order', () => {
        it('open (doing, planned, idea, no status: unranked among themselves), then done, then dropped', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', `opportunity "dropped" status dropped impact high
opportunity "done" status done impact high
opportunity "idea" status idea
opportunity "doing" status doing
opportunity "none"
opportunity "planned" status planned`) });
            assert.deepEqual(insights.opportunities.map(o => o.text), ['idea', 'doing', 'none', 'planned', 'done', 'dropped']);
            assert.equal(insights.opportunities.find(o => o.text === 'none')!.status, null);
        });

        it('within a group: impact high, medium, low, none', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', `opportunity "none" effort low
opportunity "low" impact low effort high
opportunity "high" impact high effort high
opportunity "medium" impact medium`) });
            assert.deepEqual(insights.opportunities.map(o => o.text), ['high', 'medium', 'low', 'none']);
        });

        it('then effort low, medium, high, none', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', `opportunity "none" impact medium
opportunity "high" impact medium effort high
opportunity "low" impact medium effort low
opportunity "medium" impact medium effort medium`) });
            assert.deepEqual(insights.opportunities.map(o => o.text), ['low', 'medium', 'high', 'none']);
        });

        it('then more pains first: the step, the whole stage, the whole journey', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', `opportunity "journey" impact low
stage s {
  pain "p1"
  opportunity "stage" impact low
  step x {
    pain "p2"
    pain "p3"
    opportunity "step x" impact low
  }
  step y {
    opportunity "step y" impact low
  }
}
stage t {
  step z {
    pain "p4"
  }
}`) });
            assert.deepEqual(insights.opportunities.map(o => [o.text, o.pains]), [['journey', 4], ['stage', 3], ['step x', 2], ['step y', 0]]);
            assert.deepEqual(insights.opportunities.map(o => [o.stage, o.step]), [[null, null], ['s', null], ['s', 'x'], ['s', 'y']]);
        });

        it('then file, line; ids, owners and levels as written, null when absent', async () => {
            const insights = await insightsOf({
                'b.journey': map('b', 'opportunity fix "B" owner a impact high effort low status planned'),
                'a.journey': map('a', 'opportunity "A1"\nopportunity "A2"'),
            });
            assert.deepEqual(insights.opportunities.map(o => `${o.file}:${o.line}`), ['b.journey:4', 'a.journey:4', 'a.journey:5']);
            assert.deepEqual(insights.opportunities[0], {
                journey: 'b', stage: null, step: null, id: 'fix', text: 'B', owner: 'a', impact: 'high', effort: 'low',
                status: 'planned', pains: 0, file: 'b.journey', line: 4,
            });
            assert.deepEqual([insights.opportunities[1].id, insights.opportunities[1].owner, insights.opportunities[1].impact], [null, null, null]);
        });
    });

    describe('owners', () => {
        it('every owning team, open most first then id; done counted apart; dropped in neither', async () => {
            const insights = await insightsOf({ 'm.journey': `team c "C"\n${map('j', `opportunity "1" owner b status done
opportunity "2" owner c status dropped
opportunity "3" owner b
opportunity "4" owner a status doing
opportunity "5" owner a status dropped
opportunity "6" owner b status planned
opportunity "7"`)}` });
            assert.deepEqual(insights.owners, [
                { team: 'b', open: 2, done: 1 }, { team: 'a', open: 1, done: 0 }, { team: 'c', open: 0, done: 0 },
            ]);
            assert.equal(insights.totals.opportunities, 7);
        });
    });

    describe('metrics', () => {
        it('only metrics with a target; the baseline gives the direction', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', `metric "no target" 5
metric "up, reached" 82% baseline 40% target 80%
metric "up, short" 70% baseline 40% target 80%
metric "down, reached" 8min baseline 25min target 10min
metric "down, short" 12min baseline 25min target 10min
metric "score falls on purpose" 3 baseline 9 target 4`) });
            assert.deepEqual(insights.metrics.map(m => [m.name, m.onTarget]), [
                ['up, short', false], ['down, short', false], ['up, reached', true], ['down, reached', true], ['score falls on purpose', true],
            ]);
            assert.deepEqual(insights.metrics[0], {
                journey: 'j', stage: null, step: null, name: 'up, short', value: '70%', baseline: '40%', target: '80%',
                onTarget: false, file: 'm.journey', line: 6,
            });
        });

        it('without a baseline: higher is better for percentages and numbers, shorter for durations (units normalized)', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', `metric "pct" 79% target 80%
metric "num" 4.5 target 4
metric "dur" 1h target 30min
metric "dur ok" 20min target 1h
metric "stars" 4.2 "stars" target 4 "stars"`) });
            assert.deepEqual(Object.fromEntries(insights.metrics.map(m => [m.name, m.onTarget])), {
                pct: false, num: true, dur: false, 'dur ok': true, stars: true,
            });
        });

        it('off target, on target, no value (or not comparable); file, line within each', async () => {
            const insights = await insightsOf({
                'b.journey': map('b', 'metric "b off" 1% target 2%\nmetric "b none" target 2%\nmetric "b on" 3% target 2%'),
                'a.journey': map('a', `metric "a units differ" 4 "stars" target 4 "points"
metric "a on" 3% target 2%
metric "a off" 1% target 2%`),
            });
            assert.deepEqual(insights.metrics.map(m => [m.name, m.onTarget]), [
                ['a off', false], ['b off', false], ['a on', true], ['b on', true], ['a units differ', null], ['b none', null],
            ]);
            assert.equal(insights.metrics.find(m => m.name === 'b none')!.value, null);
        });

        it('stage and step metrics carry their place', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', 'stage s {\n  metric "st" 1 target 2\n  step x {\n    metric "sp" 1 target 2\n  }\n}') });
            assert.deepEqual(insights.metrics.map(m => [m.name, m.stage, m.step, m.line]), [['st', 's', null, 5], ['sp', 's', 'x', 7]]);
        });
    });

    describe('evidence', () => {
        it('counts solicited and unsolicited at every level; a step is covered by its own or its stage\'s, not the journey\'s', async () => {
            const insights = await insightsOf({ 'm.journey': map('j', `evidence survey "journey"
stage s {
  evidence analytics "stage"
  step covered_by_stage
}
stage t {
  step own {
    evidence interview "step"
    evidence review "step"
  }
  step bare
  step also_bare {
    emotion 1
  }
}`) });
            assert.deepEqual([insights.evidence.solicited, insights.evidence.unsolicited], [2, 2]);
            assert.deepEqual(insights.evidence.stepsWithout, [
                { journey: 'j', step: 'bare', file: 'm.journey', line: 14 },
                { journey: 'j', step: 'also_bare', file: 'm.journey', line: 15 },
            ]);
        });
    });

    describe('lowest moments', () => {
        it('per journey in file order: the lowest steps (ties in file order), then moments of truth below 0; no emotion never', async () => {
            const insights = await insightsOf({
                'b.journey': map('b', `stage s {
  step m1 {
    emotion -1
    moment of truth
  }
  step low1 {
    emotion -2
  }
  step m0 {
    emotion 0
    moment of truth
  }
  step none {
    moment of truth
  }
  step low2 {
    emotion -2
    moment of truth
  }
}`),
                'a.journey': map('a', 'stage s {\n  step only {\n    emotion 1\n  }\n  step blank\n}'),
                'c.journey': map('c', 'stage s {\n  step blank\n}'),
            });
            assert.deepEqual(insights.lowestMoments, [
                { journey: 'a', step: 'only', emotion: 1, momentOfTruth: false },
                { journey: 'b', step: 'low1', emotion: -2, momentOfTruth: false },
                { journey: 'b', step: 'low2', emotion: -2, momentOfTruth: true },
                { journey: 'b', step: 'm1', emotion: -1, momentOfTruth: true },
            ]);
        });
    });

    describe('totals and --journey', () => {
        const files = {
            'm.journey': map('j', `opportunity "o"
stage s {
  pain "stage pain"
  step x {
    moment of truth
    onstage "serve" by a fail "drops"
    offstage "prepare" fail "late"
    support "system"
    pain "p"
    opportunity "q"
  }
}
stage t {
  step y
}`),
            'n.journey': map('k', 'stage u {\n  step z {\n    support "s" fail "f"\n  }\n}'),
        };

        it('counts every journey, stage, step, pain, opportunity, fail point and moment of truth', async () => {
            const insights = await insightsOf(files);
            assert.equal(insights.schemaVersion, 1);
            assert.deepEqual(insights.totals, { journeys: 2, stages: 3, steps: 3, pains: 2, opportunities: 2, failPoints: 3, momentsOfTruth: 1 });
        });

        it('--journey keeps that journey only', async () => {
            const insights = await insightsOf(files, { journey: 'k' });
            assert.deepEqual(insights.totals, { journeys: 1, stages: 1, steps: 1, pains: 0, opportunities: 0, failPoints: 1, momentsOfTruth: 0 });
            assert.deepEqual(insights.evidence.stepsWithout.map(s => s.journey), ['k']);
        });
    });
});
