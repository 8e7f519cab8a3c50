import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticTag } from 'vscode-languageserver';
import { loadJourneyText } from '../../../language/workspace/journey-workspace.js';
import { loadTexts } from '../journey-test-helpers.js';

const HEADER = `persona p "P"\nchannel web "Web"\nteam ops "Ops"\n`;

/** Our diagnostics always carry plain-text messages. */
type TextDiagnostic = Diagnostic & { message: string };

async function diagnose(text: string): Promise<TextDiagnostic[]> {
    return (await loadJourneyText(text)).diagnostics.map(d => ({ ...d, message: String(d.message) }));
}

function withCode(diagnostics: Diagnostic[], code: string): TextDiagnostic[] {
    return diagnostics.filter(d => d.code === code).map(d => ({ ...d, message: String(d.message) }));
}

/** The text a diagnostic's range covers. */
function covered(text: string, d: Diagnostic): string {
    const lines = text.split('\n');
    const { start, end } = d.range;
    if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
    return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

/** A valid journey around one step body. */
function journeyWithStep(stepBody: string, extraSteps = ''): string {
    return `${HEADER}journey j "J" for p {\n  stage s "S" {\n    step a "A" {\n${stepBody}\n    }\n${extraSteps}  }\n}\n`;
}

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

describe('diagnostics', () => {
    it('a clean journey has no diagnostic at all', async () => {
        const text = journeyWithStep('      channel web\n      emotion 1\n      onstage "x" by ops');
        assert.deepEqual((await diagnose(text)).map(d => d.message), []);
    });

    describe('syntax-error', () => {
        it('is raised at the offending token, and parsing recovers so later diagnostics still appear', async () => {
            const text = `${HEADER}journey j "J" for p {\n  stage s "S" {\n    step a "A" { emotion }\n    step b "B" { emotion 7 }\n  }\n}\n`;
            const diagnostics = await diagnose(text);
            const [syntax] = withCode(diagnostics, 'syntax-error');
            assert.ok(syntax, 'a syntax error');
            assert.equal(syntax.severity, SEVERITY.error);
            assert.equal(covered(text, syntax), '}');
            assert.match(syntax.message, /number/);
            assert.equal(withCode(diagnostics, 'emotion-out-of-range').length, 1, 'the later step is still validated');
        });

        it('is raised for a character the lexer does not know', async () => {
            const text = `${HEADER}journey j "J" for p { @ }\n`;
            const [syntax] = withCode(await diagnose(text), 'syntax-error');
            assert.equal(covered(text, syntax), '@');
            assert.match(syntax.message, /@/);
        });

        it('is raised for an unterminated string', async () => {
            assert.ok(withCode(await diagnose(`${HEADER}channel x "never closed\n`), 'syntax-error').length > 0);
        });

        it('is not raised when keywords are used as ids', async () => {
            const text = `persona step "A persona named step" {}\nteam support "Support"\nchannel social "Social"\n` +
                `journey review for step {\n  stage stage {\n    step review {\n      channel social\n      emotion 0\n      support "x" by support\n    }\n  }\n}\n`;
            assert.deepEqual(withCode(await diagnose(text), 'syntax-error'), []);
            assert.deepEqual(withCode(await diagnose(text), 'unresolved-reference'), []);
        });
    });

    describe('unresolved-reference', () => {
        it('is raised at each unknown persona, channel and team, naming the declaration that fixes it', async () => {
            const text = `journey j for nobody {\n  stage s {\n    step a {\n      channel web, sms\n      emotion 0\n      onstage "x" by ghosts\n      opportunity "y" owner ghosts\n      owner ghosts\n    }\n  }\n}\nchannel web\n`;
            const diagnostics = withCode(await diagnose(text), 'unresolved-reference');
            assert.deepEqual(diagnostics.map(d => covered(text, d)), ['nobody', 'sms', 'ghosts', 'ghosts', 'ghosts']);
            assert.ok(diagnostics.every(d => d.severity === SEVERITY.error));
            assert.equal(diagnostics[1].message, `Unknown channel 'sms'. Declare it with: channel sms "…"`);
            assert.match(diagnostics[0].message, /Unknown persona 'nobody'. Declare it with: persona nobody/);
            assert.match(diagnostics[2].message, /team ghosts/);
        });

        it('is not raised for declarations in another file of the workspace, or inside the journey', async () => {
            const files = await loadTexts({
                'shared.journey': `persona p\nchannel web\nteam ops\n`,
                'map.journey': `journey j for p {\n  channel local\n  stage s {\n    step a {\n      channel web, local\n      onstage "x" by ops\n    }\n  }\n}\n`,
            });
            assert.deepEqual(withCode(files['map.journey'].diagnostics, 'unresolved-reference'), []);
        });

        it('is raised for a channel declared inside another journey', async () => {
            const text = `persona p\njourney one for p {\n  channel mine\n}\njourney two for p {\n  stage s {\n    step a { channel mine }\n  }\n}\n`;
            const diagnostics = withCode(await diagnose(text), 'unresolved-reference');
            assert.deepEqual(diagnostics.map(d => covered(text, d)), ['mine']);
        });
    });

    describe('duplicate-id', () => {
        it('flags every one of two top-level declarations of one kind in one file', async () => {
            const text = `channel web "A"\nchannel web "B"\nteam web "Not a channel"\n`;
            const diagnostics = withCode(await diagnose(text), 'duplicate-id');
            assert.equal(diagnostics.length, 2, 'a team may share a channel id');
            assert.deepEqual(diagnostics.map(d => [d.range.start.line, covered(text, d)]), [[0, 'web'], [1, 'web']]);
            assert.ok(diagnostics.every(d => d.severity === SEVERITY.error && /web/.test(d.message) && /Rename/.test(d.message)));
        });

        it('flags global declarations and journeys duplicated across files, in each file', async () => {
            const files = await loadTexts({
                'a.journey': `channel web\npersona p\njourney j for p { stage s { step x { channel web } } }\n`,
                'b.journey': `channel web\njourney j for p { stage s { step x { channel web } } }\n`,
            });
            for (const name of ['a.journey', 'b.journey']) {
                const duplicates = withCode(files[name].diagnostics, 'duplicate-id');
                assert.equal(duplicates.length, 2, `${name}: the channel and the journey`);
            }
            assert.match(withCode(files['a.journey'].diagnostics, 'duplicate-id')[0].message, /b\.journey/);
        });

        it('names every other place of a duplicate: this file and the other file', async () => {
            const files = await loadTexts({
                'a.journey': `team ops\nteam ops\npersona p\njourney j for p { stage s { step x { owner ops } } }\n`,
                'b.journey': `team ops\n`,
            });
            const inA = withCode(files['a.journey'].diagnostics, 'duplicate-id');
            assert.equal(inA.length, 2);
            for (const d of inA) assert.match(d.message, /'ops' \(also declared in this file, b\.journey\)/);
            const inB = withCode(files['b.journey'].diagnostics, 'duplicate-id');
            assert.equal(inB.length, 1);
            assert.match(inB[0].message, /'ops' \(also declared in a\.journey\)/);
            assert.deepEqual(inB[0].range, { start: { line: 0, character: 5 }, end: { line: 0, character: 8 } });
        });

        it('flags stages and steps repeated within a journey, steps across stages too', async () => {
            const text = `persona p\njourney j for p {\n  stage s { step a {} }\n  stage s { step a {} }\n  stage t { step a {} step b {} }\n}\n`;
            const diagnostics = withCode(await diagnose(text), 'duplicate-id');
            assert.equal(diagnostics.filter(d => /stage/.test(d.message)).length, 2);
            assert.equal(diagnostics.filter(d => /step/.test(d.message)).length, 3);
        });

        it('is not raised for the same step id in two journeys, or a journey-local channel shadowing a global one', async () => {
            const text = `persona p\nchannel web "Global"\njourney one for p {\n  channel web "Local"\n  stage s { step a { channel web } }\n}\njourney two for p { stage s { step a { channel web } } }\n`;
            assert.deepEqual(withCode(await diagnose(text), 'duplicate-id'), []);
        });
    });

    describe('emotion-out-of-range', () => {
        it('is raised at the number outside -2..+2 or not whole', async () => {
            for (const value of ['3', '-3', '+7', '1.5']) {
                const text = journeyWithStep(`      emotion ${value}`);
                const [d] = withCode(await diagnose(text), 'emotion-out-of-range');
                assert.ok(d, value);
                assert.equal(d.severity, SEVERITY.error);
                assert.equal(covered(text, d), value);
                assert.ok(d.message.includes(value) && /-2/.test(d.message), d.message);
            }
        });

        it('is not raised for -2, 0 and +2', async () => {
            for (const value of ['-2', '0', '+2', '2']) {
                assert.deepEqual(withCode(await diagnose(journeyWithStep(`      emotion ${value}`)), 'emotion-out-of-range'), []);
            }
        });
    });

    describe('metric-unit-mismatch', () => {
        it('is raised at the target whose kind differs from the value', async () => {
            for (const [value, target] of [['62%', '80'], ['3d', '50%'], ['4.2 "stars"', '4.5 "points"'], ['7', '2h']]) {
                const text = journeyWithStep(`      emotion 0\n      metric "m" ${value} target ${target}`);
                const [d] = withCode(await diagnose(text), 'metric-unit-mismatch');
                assert.ok(d, `${value} vs ${target}`);
                assert.equal(d.severity, SEVERITY.error);
                assert.equal(covered(text, d), target);
                assert.ok(d.message.includes(target) && d.message.includes(value), d.message);
            }
        });

        it('is not raised for durations in different units, equal string units, or no target', async () => {
            for (const metric of ['"m" 3d target 4h', '"m" 12min target 30s', '"m" 4.1 "stars" target 4.5 "stars"', '"m" 7.5 target 3.5', '"m" 62%']) {
                assert.deepEqual(withCode(await diagnose(journeyWithStep(`      emotion 0\n      metric ${metric}`)), 'metric-unit-mismatch'), [], metric);
            }
        });
    });

    describe('journey and stage structure', () => {
        it('empty-journey: a journey with no stage, at its id', async () => {
            const text = `persona p\njourney lonely "Lonely" for p {\n  scenario "s"\n}\n`;
            const [d] = withCode(await diagnose(text), 'empty-journey');
            assert.equal(d.severity, SEVERITY.warning);
            assert.equal(covered(text, d), 'lonely');
            assert.match(d.message, /lonely/);
            assert.deepEqual(withCode(await diagnose(journeyWithStep('      emotion 0')), 'empty-journey'), []);
        });

        it('empty-stage: a stage with no step, at its id', async () => {
            const text = `persona p\njourney j for p {\n  stage later "Later" {\n    goal "g"\n  }\n  stage s { step a {} }\n}\n`;
            const diagnostics = withCode(await diagnose(text), 'empty-stage');
            assert.equal(diagnostics.length, 1);
            assert.equal(diagnostics[0].severity, SEVERITY.warning);
            assert.equal(covered(text, diagnostics[0]), 'later');
        });

        it('no-persona: neither `for` nor a persona inside, at the journey id', async () => {
            const text = `journey j "J" {\n  stage s { step a {} }\n}\n`;
            const [d] = withCode(await diagnose(text), 'no-persona');
            assert.equal(d.severity, SEVERITY.warning);
            assert.equal(covered(text, d), 'j');
            const inside = `journey j "J" {\n  persona p "P"\n  stage s { step a {} }\n}\n`;
            assert.deepEqual(withCode(await diagnose(inside), 'no-persona'), []);
        });

        it('multiple-personas: `for` plus one inside, or two inside; not one', async () => {
            for (const text of [
                `persona p\njourney j for p {\n  persona q\n  stage s { step a {} }\n}\n`,
                `journey j {\n  persona p\n  persona q\n  stage s { step a {} }\n}\n`,
            ]) {
                const [d] = withCode(await diagnose(text), 'multiple-personas');
                assert.ok(d, text);
                assert.equal(d.severity, SEVERITY.warning);
                assert.equal(covered(text, d), 'j');
                assert.match(d.message, /'p'.*'q'|'q'.*'p'/);
            }
            assert.deepEqual(withCode(await diagnose(`journey j {\n  persona q\n  stage s { step a {} }\n}\n`), 'multiple-personas'), []);
        });
    });

    describe('step checks', () => {
        it('moment-without-emotion: at the `moment` keyword of a step with no emotion', async () => {
            const text = journeyWithStep('      moment of truth "why"');
            const [d] = withCode(await diagnose(text), 'moment-without-emotion');
            assert.equal(d.severity, SEVERITY.warning);
            assert.equal(covered(text, d), 'moment');
            assert.deepEqual(withCode(await diagnose(journeyWithStep('      moment of truth\n      emotion -1')), 'moment-without-emotion'), []);
        });

        it('pain-without-opportunity: at each pain of a step with no opportunity', async () => {
            const text = journeyWithStep('      emotion 0\n      pain "slow" severity high\n      pain "dull"');
            const diagnostics = withCode(await diagnose(text), 'pain-without-opportunity');
            assert.deepEqual(diagnostics.map(d => covered(text, d)), ['"slow"', '"dull"']);
            assert.ok(diagnostics.every(d => d.severity === SEVERITY.info && /opportunity/.test(d.message)));
            const fixed = journeyWithStep('      emotion 0\n      pain "slow"\n      opportunity "faster"');
            assert.deepEqual(withCode(await diagnose(fixed), 'pain-without-opportunity'), []);
        });

        it('missing-emotion: a step without emotion where others have one, at the step id', async () => {
            const text = journeyWithStep('      emotion 1', '    step quiet "Quiet" {}\n');
            const diagnostics = withCode(await diagnose(text), 'missing-emotion');
            assert.equal(diagnostics.length, 1);
            assert.equal(diagnostics[0].severity, SEVERITY.info);
            assert.equal(covered(text, diagnostics[0]), 'quiet');
            const none = journeyWithStep('      channel web', '    step quiet "Quiet" {}\n');
            assert.deepEqual(withCode(await diagnose(none), 'missing-emotion'), [], 'no curve at all: no gap');
        });
    });

    describe('unused-declaration', () => {
        it('is a hint tagged unnecessary at an unreferenced persona, channel or team', async () => {
            const text = `persona nobody "N"\nchannel fax "Fax"\nteam idle "Idle"\njourney j {\n  persona p\n  channel kiosk\n  stage s { step a {} }\n}\n`;
            const diagnostics = withCode(await diagnose(text), 'unused-declaration');
            assert.deepEqual(diagnostics.map(d => covered(text, d)), ['nobody', 'fax', 'idle', 'kiosk']);
            assert.ok(diagnostics.every(d => d.severity === SEVERITY.hint && d.tags?.includes(DiagnosticTag.Unnecessary)));
            assert.match(diagnostics[1].message, /fax/);
        });

        it('is not raised when the only reference is in another file', async () => {
            const files = await loadTexts({
                'common.journey': `persona p\nchannel web\nteam ops\n`,
                'map.journey': `journey j for p { stage s { step a { channel web\n onstage "x" by ops } } }\n`,
            });
            assert.deepEqual(withCode(files['common.journey'].diagnostics, 'unused-declaration'), []);
        });
    });
});
