import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver';
import { loadJourneyText } from '../../../language/workspace/journey-workspace.js';
import { loadTexts } from '../journey-test-helpers.js';

/** The schema-2 diagnostics and the schema-1 ones schema 2 extends: places, severities, messages, near misses. */

const HEADER = `persona p "P"\nteam ops "Ops"\n`;
const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

async function diagnose(text: string): Promise<Diagnostic[]> {
    return (await loadJourneyText(text)).diagnostics;
}

/** The diagnostics of one code, in source order. */
const withCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter(d => d.code === code)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

/** The text a diagnostic's range covers (single line). */
function covered(text: string, d: Diagnostic): string {
    const { start, end } = d.range;
    assert.equal(start.line, end.line, 'a one-line range');
    return text.split('\n')[start.line].slice(start.character, end.character);
}

const at = (text: string, d: Diagnostic) => `${d.range.start.line}:${d.range.start.character} ${covered(text, d)}`;

function inStep(body: string, stageBody = ''): string {
    return `${HEADER}journey j for p {\n  stage s {\n${stageBody}    step a {\n      emotion 0\n${body}\n    }\n  }\n}\n`;
}

describe('schema-2 diagnostics', () => {
    it('a schema-2 map using every element cleanly has no diagnostic but the hints', async () => {
        const text = `${HEADER}journey j for p {\n  opportunity o1 "O" owner ops impact high effort low status doing link "https://x.example"\n` +
            `  metric "M" 3 baseline 2 target 5\n  evidence survey "S" link "mailto:a@b.example"\n  note "N"\n` +
            `  stage s {\n    pain "P" severity low\n    opportunity "Fix"\n    metric "T" target 2min\n    evidence review "R"\n    note "n"\n` +
            `    step a {\n      emotion 0\n      physical "Card"\n      duration 4min\n      wait 10min "Queue"\n      says "Hm" from "P4"\n` +
            `      onstage "Takes it" by ops fail "Offline"\n      link "http://y.example" "Y"\n    }\n  }\n  stage empty_one\n}\n`;
        const diagnostics = await diagnose(text);
        assert.deepEqual(diagnostics.filter(d => d.severity !== SEVERITY.hint).map(d => `${d.code} ${at(text, d)}`), ['empty-stage 23:8 empty_one']);
    });

    describe('unsafe-link', () => {
        it('is an error at the URL string of a step, evidence or opportunity link with a scheme other than http, https, mailto', async () => {
            const text = inStep('      link "javascript:alert(1)"\n      evidence survey "S" link "data:text/html,x"\n      opportunity "O" link "file:///etc/passwd"\n      link "vscode://x" "V"\n      link "www.example.org"');
            const found = withCode(await diagnose(text), 'unsafe-link');
            assert.deepEqual(found.map(d => at(text, d)), [
                '6:11 "javascript:alert(1)"', '7:31 "data:text/html,x"', '8:27 "file:///etc/passwd"', '9:11 "vscode://x"', '10:11 "www.example.org"',
            ]);
            assert.ok(found.every(d => d.severity === SEVERITY.error));
            assert.equal(found[0].message, `Link "javascript:alert(1)" uses 'javascript:', which is never opened. Use an http:, https: or mailto: link.`);
            assert.equal(found[4].message, 'Link "www.example.org" has no scheme, so it will not open. Write it in full: "https://www.example.org"');
        });

        it('is not raised for http, https (any case) and mailto', async () => {
            const text = inStep('      link "http://a.example"\n      link "HTTPS://b.example" "B"\n      link "mailto:c@d.example"');
            assert.deepEqual(withCode(await diagnose(text), 'unsafe-link'), []);
        });
    });

    describe('empty-metric', () => {
        it('is an error at the name of a metric with neither value nor target, at every level', async () => {
            const text = `${HEADER}journey j for p {\n  metric "Journey KPI"\n  stage s {\n    metric "Stage KPI" baseline 3\n    step a {\n      metric "Step KPI"\n    }\n  }\n}\n`;
            const found = withCode(await diagnose(text), 'empty-metric');
            assert.deepEqual(found.map(d => at(text, d)), ['3:9 "Journey KPI"', '5:11 "Stage KPI"', '7:13 "Step KPI"']);
            assert.equal(found[0].message, 'Metric "Journey KPI" has neither a value nor a target. Add one: metric "Journey KPI" 62% or metric "Journey KPI" target 80%');
        });

        it('is not raised for a value alone or a target alone', async () => {
            assert.deepEqual(withCode(await diagnose(inStep('      metric "a" 3\n      metric "b" target 2min\n      metric "c" baseline 1 target 2')), 'empty-metric'), []);
        });
    });

    describe('metric-unit-mismatch with baselines', () => {
        it('is reported at the first of baseline and target that differs from the value', async () => {
            const text = inStep('      metric "a" 62% baseline 3d target 80%\n      metric "b" 62% baseline 50% target 3d\n      metric "c" 62% baseline 3d target 4h');
            const found = withCode(await diagnose(text), 'metric-unit-mismatch');
            assert.deepEqual(found.map(d => at(text, d)), ['6:30 3d', '7:41 3d', '8:30 3d']);
            assert.equal(found[0].message, 'Metric "a": baseline 3d (a duration) does not compare with value 62% (a percentage). Write both in the same kind of unit.');
        });

        it('compares the target with the baseline when there is no value', async () => {
            const text = inStep('      metric "a" baseline 3 target 80%');
            const [found] = withCode(await diagnose(text), 'metric-unit-mismatch');
            assert.equal(at(text, found), '6:35 80%');
            assert.match(String(found.message), /target 80% \(a percentage\) does not compare with baseline 3 \(a plain number\)/);
        });

        it('is not raised for durations in different units or equal string units', async () => {
            const text = inStep('      metric "a" 2h baseline 3d target 30min\n      metric "b" 4 "stars" baseline 3.5 "stars" target 5 "stars"');
            assert.deepEqual(withCode(await diagnose(text), 'metric-unit-mismatch'), []);
        });
    });

    describe('pain-without-opportunity, extended', () => {
        it('is satisfied for a step pain by an opportunity on its stage', async () => {
            assert.deepEqual(withCode(await diagnose(inStep('      pain "slow"', '    opportunity "Faster"\n')), 'pain-without-opportunity'), []);
        });

        it('applies to stage pains, which only a stage opportunity satisfies', async () => {
            const text = inStep('      opportunity "Step fix"', '    pain "Parking" severity high\n');
            const [found] = withCode(await diagnose(text), 'pain-without-opportunity');
            assert.equal(at(text, found), '4:9 "Parking"');
            assert.equal(found.severity, SEVERITY.info);
            assert.equal(found.message, `Pain "Parking" in stage 's' has no opportunity. Add: opportunity "…"`);
            assert.deepEqual(withCode(await diagnose(inStep('', '    pain "Parking"\n    opportunity "Signs"\n')), 'pain-without-opportunity'), []);
        });
    });

    describe('open-fail-point', () => {
        it('is info at the `fail` keyword of a step with no opportunity on the step or its stage', async () => {
            const text = inStep('      onstage "Takes card" by ops fail "Terminal offline"\n      support "PMS" fail "Down"\n      offstage "Checks"');
            const found = withCode(await diagnose(text), 'open-fail-point');
            assert.deepEqual(found.map(d => at(text, d)), ['6:34 fail', '7:20 fail']);
            assert.ok(found.every(d => d.severity === SEVERITY.info));
            assert.equal(found[0].message, `Fail point "Terminal offline" in step 'a' has no opportunity on the step or its stage. Add: opportunity "…"`);
        });

        it('is not raised when the step or its stage has an opportunity', async () => {
            assert.deepEqual(withCode(await diagnose(inStep('      onstage "x" fail "y"\n      opportunity "z"')), 'open-fail-point'), []);
            assert.deepEqual(withCode(await diagnose(inStep('      onstage "x" fail "y"', '    opportunity "z"\n')), 'open-fail-point'), []);
        });
    });

    describe('future of', () => {
        it('unresolved-reference: an unknown as-is journey, at the reference, with no declaration to suggest', async () => {
            const text = `${HEADER}journey j for p future of nowhere {\n  stage s { step a }\n}\n`;
            const [found] = withCode(await diagnose(text), 'unresolved-reference');
            assert.equal(at(text, found), '2:26 nowhere');
            assert.equal(found.message, `Unknown journey 'nowhere': 'future of' names the as-is journey, and no journey of the workspace has this id. Write the id of an existing journey.`);
        });

        it('resolves a journey of another file', async () => {
            const loaded = await loadTexts({ 'a.journey': `${HEADER}journey today for p { stage s { step a } }\n`, 'b.journey': 'journey next for p future of today { stage s { step a } }\n' });
            assert.deepEqual(loaded['b.journey'].diagnostics.filter(d => d.severity! <= SEVERITY.warning), []);
        });

        it('future-cycle: an error at the reference of every journey whose chain leads back to it', async () => {
            const text = `${HEADER}journey a for p future of b { stage s { step x } }\njourney b for p future of c { stage s { step x } }\n` +
                `journey c for p future of a { stage s { step x } }\njourney d for p future of a { stage s { step x } }\njourney e for p future of e { stage s { step x } }\n`;
            const found = withCode(await diagnose(text), 'future-cycle');
            assert.deepEqual(found.map(d => at(text, d)), ['2:26 b', '3:26 c', '4:26 a', '6:26 e'], 'd leads into the cycle but not back to itself');
            assert.ok(found.every(d => d.severity === SEVERITY.error));
            assert.equal(found[0].message, `'future of' leads back to journey 'a' (a → b → c → a): a journey cannot be its own as-is. Remove one 'future of'.`);
        });

        it('future-persona-mismatch: a warning at the reference when the two journeys serve different personas', async () => {
            const text = `${HEADER}persona q "Q"\njourney today for p { stage s { step x } }\njourney next for q future of today { stage s { step x } }\n` +
                `journey same for p future of today { stage s { step x } }\njourney inner future of today {\n  persona p\n  stage s { step x }\n}\njourney none future of today { stage s { step x } }\n`;
            const found = withCode(await diagnose(text), 'future-persona-mismatch');
            assert.deepEqual(found.map(d => at(text, d)), ['4:29 today'], 'same persona, same id declared inside, or no persona: no warning');
            assert.equal(found[0].severity, SEVERITY.warning);
            assert.equal(found[0].message, `Journey 'next' serves persona 'q' but its as-is journey 'today' serves 'p'. A to-be map should serve the persona of its as-is map: use 'for p', or name another as-is journey.`);
        });
    });

    describe('duplicate-id for opportunities', () => {
        it('flags every opportunity sharing an id within a journey, across levels', async () => {
            const text = `${HEADER}journey j for p {\n  opportunity kiosk "A"\n  stage s {\n    opportunity kiosk "B"\n    step a {\n      opportunity kiosk "C"\n      opportunity other "D"\n    }\n  }\n}\n` +
                `journey k for p {\n  opportunity kiosk "Elsewhere"\n  stage s { step a }\n}\n`;
            const found = withCode(await diagnose(text), 'duplicate-id');
            assert.deepEqual(found.map(d => at(text, d)), ['3:14 kiosk', '5:16 kiosk', '7:18 kiosk'], 'the same id in another journey is fine');
            assert.equal(found[0].message, `Duplicate opportunity id 'kiosk' in journey 'j' (3 times). Rename one of them.`);
        });

        it('does not clash an opportunity id with a step id', async () => {
            assert.deepEqual(withCode(await diagnose(inStep('      opportunity a "Same id as the step"')), 'duplicate-id'), []);
        });
    });

    describe('clauses the grammar takes but the language limits (reported as syntax errors)', () => {
        it('a repeated impact, effort or status, at the repeat', async () => {
            const text = inStep('      opportunity "O" impact high impact low status idea');
            const [found] = withCode(await diagnose(text), 'syntax-error');
            assert.equal(at(text, found), '6:41 low');
            assert.equal(found.message, `Opportunity "O" has more than one 'impact' (high, low): write it once.`);
        });

        it('a second duration or wait, and a duration that is not one', async () => {
            const text = inStep('      duration 4min\n      duration 5min\n      wait 62%');
            const found = withCode(await diagnose(text), 'syntax-error');
            assert.deepEqual(found.map(d => at(text, d)), ['7:6 duration', '8:11 62%']);
            assert.equal(found[1].message, `'wait 62%' is not a duration: use s, min, h or d (wait 4min).`);
        });

        it('a second owner after an opportunity\'s owner is the step\'s owner, as in schema 1', async () => {
            const text = inStep('      opportunity "O" owner ops\n      owner ops');
            assert.deepEqual((await diagnose(text)).filter(d => d.severity === SEVERITY.error), []);
        });
    });

    it('accepts every new keyword as an id', async () => {
        const words = ['future', 'physical', 'duration', 'wait', 'fail', 'from', 'link', 'impact', 'effort', 'status', 'baseline', 'idea', 'planned', 'doing', 'done', 'dropped'];
        const text = `persona from\nteam fail\nteam link\nchannel wait\njourney future for from {\n` +
            words.map(w => `  stage ${w} {\n    step ${w}_step {\n      channel wait\n      emotion 0\n      onstage "x" by fail\n      opportunity ${w} "o" owner link\n    }\n  }\n`).join('') + '}\n';
        const diagnostics = await diagnose(text);
        assert.deepEqual(diagnostics.filter(d => d.severity === SEVERITY.error).map(d => `${d.code} ${d.message}`), []);
    });
});
