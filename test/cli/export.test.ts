import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JourneyDocumentModel } from '../../language/model/journey-model.js';
import { ensureBuilt, journeymap } from './cli-process.js';

/** `journeymap export --format json` as a real process. */

const SHARED = 'persona p "Pat" {\n  goal "Get it done"\n}\nchannel web\nteam t "Tech"\n';
const A = [
    'journey a "A" for p {',
    '  stage s {',
    '    step x "X" {',
    '      channel web, sms',
    '      emotion -1',
    '      onstage "o" by t',
    '      pain "slow" severity high',
    '      opportunity "fast" owner t',
    '      metric "m" 62% target 80%',
    '      evidence survey "NPS form"',
    '    }',
    '  }',
    '}',
    '',
].join('\n');

describe('journeymap export (as a process)', function () {
    this.timeout(120_000);
    let dir: string;

    before(() => {
        ensureBuilt();
        dir = mkdtempSync(join(tmpdir(), 'journeymap-export-'));
        mkdirSync(join(dir, 'ws'));
        writeFileSync(join(dir, 'ws/shared.journey'), SHARED);
        writeFileSync(join(dir, 'ws/a.journey'), A);
        mkdirSync(join(dir, 'broken'));
        writeFileSync(join(dir, 'broken/b.journey'), 'journey b {\n  stage s { step "oops" }\n');
    });

    after(() => rmSync(dir, { recursive: true, force: true }));

    it('prints schema version 2 with references resolved across sibling files and 0-based ranges', async () => {
        const run = await journeymap(['export', '--format', 'json', 'ws/a.journey'], dir);
        // The unknown channel `sms` is an error on stderr, yet the model is still printed.
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stderr, /ws\/a\.journey:4:20 - error unresolved-reference: Unknown channel 'sms'/);
        const model = JSON.parse(run.stdout) as JourneyDocumentModel;
        assert.equal(model.schemaVersion, 2);
        assert.equal(model.uri, pathToFileURL(join(dir, 'ws/a.journey')).toString());
        const [journey] = model.journeys;
        assert.equal(journey.id, 'a');
        assert.deepEqual(journey.idRange, { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } });
        assert.deepEqual(journey.for, { id: 'p', title: 'Pat', resolved: true, range: { start: { line: 0, character: 18 }, end: { line: 0, character: 19 } } });
        assert.equal(journey.persona?.uri, pathToFileURL(join(dir, 'ws/shared.journey')).toString());
        assert.deepEqual(journey.persona?.goals, ['Get it done']);
        const step = journey.stages[0].steps[0];
        assert.equal(journey.stages[0].title, 'S', 'a missing title is the id made readable');
        assert.deepEqual(step.channels.map(c => [c.id, c.title, c.resolved]), [['web', 'Web', true], ['sms', undefined, false]]);
        assert.equal(step.emotion, -1);
        assert.deepEqual(step.onstage[0].team, { id: 't', title: 'Tech', resolved: true, range: { start: { line: 5, character: 21 }, end: { line: 5, character: 22 } } });
        assert.equal(step.pains[0].severity, 'high');
        assert.equal(step.opportunities[0].owner?.title, 'Tech');
        assert.deepEqual(step.metrics[0].value, { text: '62%', value: 62, unit: '%', kind: 'percent' });
        assert.deepEqual(step.evidence[0], { kind: 'survey', source: 'NPS form', solicited: true, range: { start: { line: 9, character: 6 }, end: { line: 9, character: 32 } } });
    });

    it('exports a real example, resolving the shared declarations of examples/common.journey', async () => {
        const run = await journeymap(['export', '--format', 'json', 'examples/gift-purchase.journey']);
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.stderr, '');
        const model = JSON.parse(run.stdout) as JourneyDocumentModel;
        const refs = model.journeys.flatMap(j => j.stages.flatMap(s => s.steps.flatMap(step => step.channels)));
        assert.ok(refs.length > 0 && refs.every(ref => ref.resolved && ref.title), JSON.stringify(refs));
    });

    it('a file with syntax errors is not exported: errors on stderr, exit 1, nothing on stdout', async () => {
        const run = await journeymap(['export', '--format', 'json', 'broken/b.journey'], dir);
        assert.equal(run.code, 1);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, /broken\/b\.journey:\d+:\d+ - error syntax-error: /);
        assert.match(run.stderr, /not exported: the file has syntax errors/);
    });

    it('usage and I/O errors exit 2 with the reason', async () => {
        const format = await journeymap(['export', '--format', 'yaml', 'ws/a.journey'], dir);
        assert.equal(format.code, 2);
        assert.match(format.stderr, /--format must be one of json, mermaid \(got 'yaml'\)/);
        const two = await journeymap(['export', 'ws/a.journey', 'ws/shared.journey'], dir);
        assert.equal(two.code, 2);
        assert.match(two.stderr, /give exactly one file/);
        const missing = await journeymap(['export', 'ws/none.journey'], dir);
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /ws\/none\.journey: no such file or directory/);
        const flag = await journeymap(['export', '--pretty', 'ws/a.journey'], dir);
        assert.equal(flag.code, 2);
        assert.match(flag.stderr, /unknown option --pretty/);
    });

    describe('--format mermaid', () => {
        before(() => {
            mkdirSync(join(dir, 'two'));
            writeFileSync(join(dir, 'two/maps.journey'), [
                'persona dana "Dana, online shopper"',
                'journey first "First" for dana {',
                '  stage s "S" {',
                '    step a "A: one" {',
                '      emotion -1',
                '    }',
                '  }',
                '}',
                '',
                'journey second "Second" for dana {',
                '  stage t "T" {',
                '    step b "B" {}',
                '  }',
                '}',
                '',
            ].join('\n'));
        });

        it('prints the first journey as a Mermaid journey diagram; the persona of a sibling file is the actor', async () => {
            const run = await journeymap(['export', '--format', 'mermaid', 'ws/a.journey'], dir);
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.stdout, 'journey\n  title A\n  section S\n    X: 2: Pat\n');
        });

        it('--journey chooses the journey, --fence puts it in a ```mermaid fence; several journeys: the first, said on stderr', async () => {
            const second = await journeymap(['export', '--format', 'mermaid', '--journey', 'second', '--fence', 'two/maps.journey'], dir);
            assert.equal(second.code, 0, second.stderr);
            assert.equal(second.stderr, '');
            assert.equal(second.stdout, '```mermaid\njourney\n  title Second\n  section T\n    B: 3: Dana\n```\n');
            const first = await journeymap(['export', '--format', 'mermaid', 'two/maps.journey'], dir);
            assert.equal(first.code, 0, first.stderr);
            assert.equal(first.stdout, 'journey\n  title First\n  section S\n    A\u2236 one: 2: Dana\n');
            assert.equal(first.stderr, "two/maps.journey: exported journey 'first'; the file also has 'second' (choose with --journey ID)\n");
        });

        it('an unknown --journey, --journey or --fence without mermaid, a file without journey: one-line errors', async () => {
            const unknown = await journeymap(['export', '--format', 'mermaid', '--journey', 'third', 'two/maps.journey'], dir);
            assert.equal(unknown.code, 2);
            assert.equal(unknown.stderr, "journeymap export: no journey 'third' in two/maps.journey (it has: first, second)\n");
            const json = await journeymap(['export', '--fence', 'two/maps.journey'], dir);
            assert.equal(json.code, 2);
            assert.match(json.stderr, /--journey and --fence go with --format mermaid/);
            const none = await journeymap(['export', '--format', 'mermaid', 'ws/shared.journey'], dir);
            assert.equal(none.code, 1);
            assert.equal(none.stdout, '');
            assert.match(none.stderr, /ws\/shared\.journey: not exported: the file has no journey/);
            const broken = await journeymap(['export', '--format', 'mermaid', 'broken/b.journey'], dir);
            assert.equal(broken.code, 1);
            assert.equal(broken.stdout, '');
            assert.match(broken.stderr, /not exported: the file has syntax errors/);
        });
    });
});
