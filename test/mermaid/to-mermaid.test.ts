import { strict as assert } from 'node:assert';
import type { Browser, Page } from 'playwright-core';
import type { JourneyModel } from '../../language/model/journey-model.js';
import { loadRevision } from '../../src/diff/load-revision.js';
import { mermaidFence, toMermaidJourney } from '../../src/mermaid/to-mermaid.js';
import { exampleSources } from '../language/journey-test-helpers.js';
import { launchChromium } from '../webview/browser.js';
import { mermaidJourney, openMermaidPage } from './mermaid-page.js';

/** The models of a workspace of files (name → text), as the CLI builds them. */
async function models(files: Record<string, string>): Promise<Map<string, JourneyModel[]>> {
    const rev = await loadRevision(Object.entries(files).map(([path, text]) => ({ path, text })));
    assert.deepEqual([...rev.errors.keys()], [], 'the test maps parse');
    return new Map([...rev.models].map(([path, model]) => [path, model.journeys]));
}

async function journeyOf(text: string): Promise<JourneyModel> {
    return (await models({ 'map.journey': text })).get('map.journey')![0];
}

/** What Mermaid should read from our diagram of a journey: REACH.md's mapping, word for word. */
function expected(journey: JourneyModel, clean: (title: string) => string = t => t) {
    const actor = journey.persona ? clean(journey.persona.title).split(',')[0].trim() : undefined;
    return {
        title: clean(journey.title),
        sections: journey.stages.map(s => clean(s.title)),
        tasks: journey.stages.flatMap(s => s.steps.map(step => ({
            section: clean(s.title), task: clean(step.title), score: (step.emotion ?? 0) + 3, people: actor ? [actor] : [],
        }))),
    };
}

const REPLACED = (title: string) => title.replace(/:/g, '\u2236').replace(/#/g, '\uff03').replace(/;/g, ',');

describe('export --format mermaid: the journey as a Mermaid journey diagram', () => {
    it('maps title, stages, steps, scores and the actor as REACH.md says', async () => {
        const journey = await journeyOf([
            'persona dana "Dana, online shopper"',
            'journey buy "Buying a gift" for dana {',
            '  stage find "Finding" {',
            '    step search "Searches" {',
            '      emotion -2',
            '    }',
            '    step compare {',
            '      emotion +2',
            '    }',
            '  }',
            '  stage pay "Paying" {',
            '    step card "Types the card" {}',
            '  }',
            '}',
            '',
        ].join('\n'));
        assert.equal(toMermaidJourney(journey), [
            'journey',
            '  title Buying a gift',
            '  section Finding',
            '    Searches: 1: Dana',
            '    Compare: 5: Dana',
            '  section Paying',
            '    Types the card: 3: Dana',
            '',
        ].join('\n'));
        assert.equal(mermaidFence(toMermaidJourney(journey)), '```mermaid\n' + toMermaidJourney(journey) + '```\n');
    });

    it('replaces : # ; in titles and keeps every title on its one line', async () => {
        const journey = await journeyOf([
            'journey j "Day: 1 # draft; v2" {',
            '  persona p "Sam: the #1 fan; really, truly"',
            '  stage s "Stage: A #2; b" {',
            '    step a "Calls at 8:00 #urgent; twice" {',
            '      emotion 1',
            '    }',
            '    step b "line one\\nsection Injected\\r\\n    Fake task: 5: Eve" {}',
            '  }',
            '}',
            '',
        ].join('\n'));
        const text = toMermaidJourney(journey);
        assert.equal(text, [
            'journey',
            '  title Day\u2236 1 \uff03 draft, v2',
            '  section Stage\u2236 A \uff032, b',
            '    Calls at 8\u223600 \uff03urgent, twice: 4: Sam\u2236 the \uff031 fan',
            '    line one section Injected Fake task\u2236 5\u2236 Eve: 3: Sam\u2236 the \uff031 fan',
            '',
        ].join('\n'));
    });

    it('a journey without persona has tasks without actors; an empty title falls back to the id', async () => {
        const journey = await journeyOf('journey j "" {\n  stage s "  " {\n    step a "" {\n      emotion 0\n    }\n  }\n}\n');
        assert.equal(toMermaidJourney(journey), 'journey\n  title j\n  section s\n    a: 3\n');
    });

    describe('parsed by Mermaid\'s own parser (real Chromium)', function () {
        this.timeout(120_000);
        let browser: Browser;
        let page: Page;
        before(async () => {
            browser = await launchChromium();
            page = await openMermaidPage(browser);
        });
        after(async () => browser?.close());

        it('every example journey: Mermaid reads the title, sections, tasks, scores and actor of the model', async () => {
            const sources = Object.fromEntries(exampleSources().map(({ name, text }) => [name, text]));
            let count = 0;
            for (const [name, journeys] of await models(sources)) {
                for (const journey of journeys) {
                    const result = await mermaidJourney(page, toMermaidJourney(journey));
                    assert.equal(result.error, undefined, `${name}: ${result.error}`);
                    assert.deepEqual({ title: result.title, sections: result.sections, tasks: result.tasks }, expected(journey, REPLACED), name);
                    assert.deepEqual((await mermaidJourney(page, mermaidFence(toMermaidJourney(journey)).replace(/^```mermaid\n|```\n$/g, ''))).tasks, result.tasks);
                    count++;
                }
            }
            assert.ok(count >= 5, `${count} journeys`);
        });

        it('titles with : # ; and Mermaid\'s keywords, comments and directives stay titles (one task a step, as written but the replacements)', async () => {
            const titles = [
                'Calls at 8:00', 'Ticket #12', 'Pays; then waits', 'a:b#c;d', '#', ':', ';', '::', 'x: 5: Eve',
                'Journey planning', 'journey', 'Title search', 'title', 'Section 3 review', 'section', 'accTitle: x', 'accDescr {x}', 'accDescr: y',
                '%% not a comment', '% neither', 'a%%b', '50% off', '%%{init: {"theme": "dark"}}%%', 'x %%{wrap}%%',
                '#9829; entity', 'tab\there', 'ends with a colon:', '  padded  ', '<b>bold</b>', 'quote " and \' marks', 'comma, list, of, things',
            ];
            const step = (title: string, i: number) => `    step s${i} ${JSON.stringify(title)} {\n      emotion ${(i % 5) - 2}\n    }`;
            const journey = await journeyOf([
                'journey j "Title: #1; %%{init: {\\"theme\\": \\"dark\\"}}%%" {',
                '  persona p "Eve: #1; x, the tester"',
                '  stage a "Section: a # b; c" {',
                ...titles.map(step),
                '  }',
                '  stage journey {',
                '    step title {}',
                '  }',
                '}',
                '',
            ].join('\n'));
            const result = await mermaidJourney(page, toMermaidJourney(journey));
            assert.equal(result.error, undefined, result.error);
            const shown = (title: string) => REPLACED(title.replace(/\s+/g, ' ').trim()).replace(/\u2060/g, '');
            const visible = (text: string) => text.replace(/\u2060/g, '');
            const read = { title: visible(result.title!), sections: result.sections!.map(visible), tasks: result.tasks!.map(t => ({ ...t, task: visible(t.task) })) };
            const want = expected(journey, shown);
            // Mermaid turns `#9829;` into an entity placeholder; ours has no `#` left for it to act on.
            assert.deepEqual(read, want);
        });

        it('a title that tries to end its line and start a section, a task or a directive adds nothing to the diagram', async () => {
            const hostile = 'x\nsection Injected\n  Fake: 5: Mallory\n%%{init: {"securityLevel": "loose"}}%%';
            const journey = await journeyOf(`journey j ${JSON.stringify(hostile)} {\n  stage s ${JSON.stringify(hostile)} {\n    step a ${JSON.stringify(hostile)} {}\n  }\n}\n`);
            const text = toMermaidJourney(journey);
            assert.equal(text.split('\n').length, 5, text);
            const result = await mermaidJourney(page, text);
            assert.equal(result.error, undefined, result.error);
            assert.equal(result.sections!.length, 1);
            assert.equal(result.tasks!.length, 1);
            assert.deepEqual(result.tasks![0].people, []);
        });
    });
});
