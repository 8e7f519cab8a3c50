import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { ensureBuilt, journeymap, ROOT } from './cli-process.js';

/** `journeymap import` as a real process, its output checked by `journeymap check` and `fmt --check`. */

const FIXTURES = join(ROOT, 'test/mermaid/fixtures');

describe('journeymap import (as a process)', function () {
    this.timeout(180_000);
    let dir: string;

    before(() => {
        ensureBuilt();
        dir = mkdtempSync(join(tmpdir(), 'jm-import-'));
        for (const name of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, name), join(dir, name));
    });

    after(() => rmSync(dir, { recursive: true, force: true }));

    /** Imports `name` into `<name>.journey`, then checks and format-checks it. */
    async function importAndCheck(name: string): Promise<string> {
        const out = `${name}.journey`;
        const run = await journeymap(['import', name, '-o', out], dir);
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.stdout, '');
        const check = await journeymap(['check', '--format', 'json', out], dir);
        assert.equal(check.code, 0, check.stdout + check.stderr);
        const problems = JSON.parse(check.stdout) as Array<{ severity: string; code: string }>;
        assert.deepEqual(problems.filter(p => p.severity === 'error'), [], check.stdout);
        const fmt = await journeymap(['fmt', '--check', out], dir);
        assert.equal(fmt.code, 0, fmt.stdout + fmt.stderr);
        return readFileSync(join(dir, out), 'utf8');
    }

    it('Mermaid\'s "My working day": sections → stages, tasks → steps, score − 3 → emotion, Me the persona, Cat a note', async () => {
        const text = await importAndCheck('my-working-day.mmd');
        assert.equal(text, [
            'journey my_working_day "My working day" {',
            '  persona me "Me"',
            '',
            '  stage go_to_work "Go to work" {',
            '    step make_tea "Make tea" {',
            '      emotion +2',
            '    }',
            '    step go_upstairs "Go upstairs" {',
            '      emotion 0',
            '    }',
            '    step do_work "Do work" {',
            '      emotion -2',
            '      note "Also: Cat"',
            '    }',
            '  }',
            '',
            '  stage go_home "Go home" {',
            '    step go_downstairs "Go downstairs" {',
            '      emotion +2',
            '    }',
            '    step sit_down "Sit down" {',
            '      emotion +2',
            '    }',
            '  }',
            '}',
            '',
        ].join('\n'));
        const printed = await journeymap(['import', 'my-working-day.mmd'], dir);
        assert.equal(printed.code, 0, printed.stderr);
        assert.equal(printed.stdout, text, 'without -o it prints the same map');
    });

    it('a Markdown file: the first ```mermaid fence that is a journey (front matter title, accessibility texts, entity, comment)', async () => {
        const text = await importAndCheck('notes.md');
        assert.match(text, /^journey shopping_online "Shopping online" \{$/m);
        assert.match(text, /^ {2}persona customer "Customer"$/m);
        assert.match(text, /^ {2}note "Accessible title: A customer's online purchase"$/m);
        assert.match(text, /^ {2}note "How the customer feels from search\\nto delivery\."$/m);
        assert.match(text, /step gets_a_receipt "Gets a receipt ♥" \{\n {6}emotion \+2\n/);
        assert.match(text, /step compares_prices "Compares prices" \{\n {6}emotion 0\n {6}note "Also: Partner"\n/);
        assert.match(text, /step waits "Waits" \{\n {6}emotion -2\n {4}\}/, 'a task without actors has no note');
        assert.doesNotMatch(text, /Not this one|second journey/);
    });

    it('tasks before any section, scores out of range clamped, a second actor as a note', async () => {
        const text = await importAndCheck('no-sections.mmd');
        assert.match(text, /^ {2}stage stage \{$/m);
        assert.match(text, /step walk_back "Walk back" \{\n {6}emotion \+2\n/, 'score 6 → +2');
        assert.match(text, /step spill_it "Spill it" \{\n {6}emotion -2\n/, 'score 0 → -2');
        assert.match(text, /note "Also: Shopkeeper"/);
    });

    it('hostile and awkward names: ids unique, readable and valid, titles quoted exactly; check and fmt --check pass', async () => {
        writeFileSync(join(dir, 'awkward.mmd'), [
            'journey',
            '  title "Quoted" \\ back\\slash',
            '  section 1st stage',
            '    Make tea: 5: Me',
            '    Make tea: 4: Me',
            '    Make  tea!: 3: Me',
            '    Café ☕ au lait: 2: Me, Chloé "the barista"',
            '    ☕☕☕: 3: Me',
            '    <script>alert(1)</script>: 1: Me',
            '    step: 2: Cat',
            '    A very long task name that goes on and on and on well beyond any sensible id length: 4',
            '  section 1st stage',
            '    Make tea: 3: Me',
            '  section Empty',
            '',
        ].join('\n'));
        const text = await importAndCheck('awkward.mmd');
        const ids = [...text.matchAll(/^\s*(?:step|stage|journey|persona) (\S+)/gm)].map(m => m[1]);
        for (const id of ids) assert.match(id, /^[_a-zA-Z][\w-]*$/, id);
        const steps = [...text.matchAll(/^\s*step (\S+)/gm)].map(m => m[1]);
        assert.deepEqual(steps, ['make_tea', 'make_tea_2', 'make_tea_3', 'cafe_au_lait', 'step', 'script_alert_1_script', 'step_2',
            'a_very_long_task_name_that_goes', 'make_tea_4']);
        assert.deepEqual([...text.matchAll(/^\s*stage (\S+)/gm)].map(m => m[1]), ['stage_1st_stage', 'stage_1st_stage_2', 'empty']);
        assert.match(text, /^journey quoted_back_slash "\\"Quoted\\" \\\\ back\\\\slash" \{$/m);
        assert.match(text, /step cafe_au_lait "Café ☕ au lait" \{\n {6}emotion -1\n {6}note "Also: Chloé \\"the barista\\""\n/);
        assert.match(text, /step step_2 "step" \{\n {6}emotion -1\n {6}note "Actors: Cat"\n/, 'a task without the persona names its actors');
        assert.match(text, /^ {2}stage empty "Empty"\n\}\n$/m, 'an empty section is a stage without body');
        const model = JSON.parse((await journeymap(['export', 'awkward.mmd.journey'], dir)).stdout) as { journeys: Array<{ title: string; stages: Array<{ steps: Array<{ title: string }> }> }> };
        assert.equal(model.journeys[0].title, '"Quoted" \\ back\\slash');
        assert.equal(model.journeys[0].stages[0].steps[5].title, '<script>alert(1)</script>');
    });

    it('round trip: export → import → export gives the same Mermaid diagram, for every example journey', async () => {
        let count = 0;
        for (const name of readdirSync(EXAMPLES_DIR).filter(n => n.endsWith('.journey') && n !== 'common.journey')) {
            const first = await journeymap(['export', '--format', 'mermaid', join(EXAMPLES_DIR, name)], dir);
            assert.equal(first.code, 0, first.stderr);
            writeFileSync(join(dir, `${name}.mmd`), first.stdout);
            await importAndCheck(`${name}.mmd`);
            const second = await journeymap(['export', '--format', 'mermaid', `${name}.mmd.journey`], dir);
            assert.equal(second.code, 0, second.stderr);
            assert.equal(second.stdout, first.stdout, name);
            count++;
        }
        assert.ok(count >= 5);
    });

    it('round trip of titles with : # ; and keywords: the export\'s stand-ins for : and # come back as : and #', async () => {
        writeFileSync(join(dir, 'odd.journey'), [
            'journey odd "Day: #1" {',
            '  persona p "Sam: fan"',
            '',
            '  stage s "Stage # one" {',
            '    step a "Calls at 8:00" {',
            '      emotion +1',
            '    }',
            '    step b "Journey planning" {',
            '      emotion -1',
            '    }',
            '    step c "%% not a comment" {',
            '      emotion 0',
            '    }',
            '  }',
            '}',
            '',
        ].join('\n'));
        const first = await journeymap(['export', '--format', 'mermaid', 'odd.journey'], dir);
        writeFileSync(join(dir, 'odd.mmd'), first.stdout);
        const text = await importAndCheck('odd.mmd');
        assert.match(text, /^journey day_1 "Day: #1" \{$/m);
        assert.match(text, /persona sam_fan "Sam: fan"/);
        assert.match(text, /stage stage_one "Stage # one"/);
        assert.match(text, /step calls_at_8_00 "Calls at 8:00"/);
        assert.match(text, /step journey_planning "Journey planning"/);
        assert.match(text, /step not_a_comment "%% not a comment"/);
        const second = await journeymap(['export', '--format', 'mermaid', 'odd.mmd.journey'], dir);
        assert.equal(second.stdout, first.stdout);
    });

    it('invalid Mermaid: exit 2 and one line, file:line: reason (the line of the Markdown file for a fence)', async () => {
        writeFileSync(join(dir, 'bad.mmd'), 'journey\n  title T\n  section S\n    A task without a score\n');
        const bad = await journeymap(['import', 'bad.mmd'], dir);
        assert.equal(bad.code, 2);
        assert.equal(bad.stdout, '');
        assert.equal(bad.stderr, "bad.mmd:4: the task 'A task without a score' needs a score: 'task name: score: actors'\n");
        writeFileSync(join(dir, 'bad.md'), '# Title\n\nText.\n\n```mermaid\njourney\n  section S\n    t: 3; u: 4\n```\n');
        const md = await journeymap(['import', 'bad.md', '-o', 'bad.journey'], dir);
        assert.equal(md.code, 2);
        assert.equal(md.stderr, "bad.md:8: unexpected ';' (Mermaid's journey has no ';')\n");
        assert.throws(() => readFileSync(join(dir, 'bad.journey')), 'nothing written');
        writeFileSync(join(dir, 'flow.mmd'), '%% a flowchart\nflowchart LR\n  A --> B\n');
        const flow = await journeymap(['import', 'flow.mmd'], dir);
        assert.equal(flow.code, 2);
        assert.equal(flow.stderr, "flow.mmd:2: not a Mermaid journey diagram: it starts with 'flowchart', not 'journey'\n");
        writeFileSync(join(dir, 'none.md'), '# Nothing\n\n```mermaid\nflowchart LR\n  A --> B\n```\n');
        const none = await journeymap(['import', 'none.md'], dir);
        assert.equal(none.code, 2);
        assert.match(none.stderr, /^none\.md: no Mermaid journey diagram \(a ```mermaid fence whose diagram starts with 'journey'\)\n$/);
        const hostile = await journeymap(['import', 'bad\n::error ::x.mmd'], dir);
        assert.equal(hostile.code, 2);
        assert.equal(hostile.stderr.split('\n').length, 2, hostile.stderr);
        assert.doesNotMatch(hostile.stderr, /\n::/);
    });

    it('usage: one file; -o into a folder that does not exist is a one-line error', async () => {
        assert.equal((await journeymap(['import'], dir)).code, 2);
        assert.equal((await journeymap(['import', 'a.mmd', 'b.mmd'], dir)).code, 2);
        const help = await journeymap(['import', '--help'], dir);
        assert.equal(help.stdout, 'Usage: journeymap import FILE [-o OUT.journey]\n');
        const nowhere = await journeymap(['import', 'my-working-day.mmd', '-o', 'no/such/dir/x.journey'], dir);
        assert.equal(nowhere.code, 2);
        assert.match(nowhere.stderr, /^journeymap import: no\/such\/dir\/x\.journey: ENOENT[^\n]*\n$/);
    });
});
