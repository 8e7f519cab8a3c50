import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { firstMermaidJourney } from '../../src/mermaid/find-mermaid-diagram.js';
import { MermaidSyntaxError, parseMermaidJourney, type MermaidJourneyDiagram } from '../../src/mermaid/parse-mermaid-journey.js';
import { launchChromium } from '../webview/browser.js';
import { mermaidJourney, openMermaidPage, type MermaidJourneyResult } from './mermaid-page.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => readFileSync(FIXTURES + name, 'utf8');

/** Diagrams Mermaid accepts: the documented forms and the corners of its lexer. */
const VALID: readonly string[] = [
    'journey\ntitle A: b\nsection S\nT: 3: X, Y, Z',
    'journey\n  Before any section: 4: Me\n  section Later\n    After: 2',
    'journey\nTITLE Shouting\nSECTION Loud\nTask: 1: A',
    'journey\n  accTitle: The accessible title\n  accDescr: One line\n  section A\n  t: 5',
    'journey\n  accDescr {\n    Two\n    lines\n  }\n  title T\n  section A\n    t: 2: Me',
    'journey\n%% a comment line\ntitle T # a comment\nsection S # another\n  t: 3: Me # and one more\n  %%{wrap}%%\n  u: 4: Me',
    '%%{init: {"theme": "forest"}}%%\njourney\n  title After a directive\n  section S\n    t: 3: Me',
    '---\ntitle: From the front matter\n---\njourney\n  section S\n    t: 3: Me',
    'journey\n  section S\n    t #9829; heart: 4: A\n    u: 4.5: A\n    v: 9: A\n    w: -1: A\n    x: 0x10: A',
    'journey\n  section S\n    spaces before the colon   :   2   :   A  ,  B  ,\n    many colons: 1: A: B: C',
    'journey\r\n  title Windows line ends\r\n  section S\r\n    t: 3: Me\r\n',
    'journey\n  title Sections like section x: and titles like title y\n  section Titles, sections\n    sections are fine: 3\n    titles too: 3',
    'journey',
    'journey\n\n\n  title Blank lines\n\n  section S\n\n    t: 3: Me\n\n',
];

/** Diagrams Mermaid refuses, with the line our parser names. */
const INVALID: ReadonlyArray<{ text: string; line: number; reason: RegExp }> = [
    { text: 'journey\n  section S\n    A task without a score\n', line: 3, reason: /needs a score/ },
    { text: 'journey\n  section S\n    t: 3; u: 4\n', line: 3, reason: /unexpected ';'/ },
    { text: 'journey\n  section S\n    : 3: A\n', line: 3, reason: /needs a name/ },
    { text: 'journey\n  title T\n  section Stage: one\n    t: 3\n', line: 3, reason: /a section title cannot hold ':'/ },
    { text: 'journey\n  section S\n    journey: 3: A\n', line: 3, reason: /'journey' only starts the diagram/ },
    { text: 'journey\n  section S\n    t:\n', line: 3, reason: /needs a score/ },
    { text: 'flowchart LR\n  A --> B\n', line: 1, reason: /not a Mermaid journey diagram: it starts with 'flowchart'/ },
    { text: '\n\n', line: 3, reason: /it starts with nothing/ },
    { text: 'JOURNEY\n  section S\n', line: 1, reason: /it starts with 'JOURNEY'/ },
];

/**
 * Ours, in the shape Mermaid's database gives. (A front matter title reaches that database only
 * when Mermaid renders, so it is compared apart.)
 */
function asMermaid(diagram: MermaidJourneyDiagram): Omit<MermaidJourneyResult, 'error'> {
    return {
        title: diagram.title ?? '',
        accTitle: diagram.accTitle ?? '',
        accDescr: diagram.accDescr ?? '',
        sections: diagram.sections.filter(s => s.title !== '' || s.tasks.length === 0).map(s => s.title),
        tasks: diagram.sections.flatMap(s => s.tasks.map(t => ({ section: s.title, task: t.name, score: t.score, people: t.actors }))),
    };
}

/** Mermaid's reading, normalised as ours: names trimmed, empty actors left out, entities as characters. */
function normalised(result: MermaidJourneyResult): Omit<MermaidJourneyResult, 'error'> {
    const entities = (text: string) => text.replace(/ﬂ°°(\d+)¶ß/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
    return {
        title: entities(result.title ?? '').trim(),
        accTitle: result.accTitle ?? '',
        accDescr: (result.accDescr ?? '').trim(),
        sections: result.sections!.map(s => entities(s).trim()),
        tasks: result.tasks!.map(t => ({ section: entities(t.section).trim(), task: entities(t.task).trim(), score: t.score, people: t.people.filter(p => p !== '') })),
    };
}

describe('parseMermaidJourney: Mermaid\'s journey grammar', () => {
    it('reads the documented "My working day" diagram: title, sections, tasks, scores, actors, lines', () => {
        const diagram = parseMermaidJourney(fixture('my-working-day.mmd'));
        assert.equal(diagram.title, 'My working day');
        assert.deepEqual(diagram.sections.map(s => [s.title, s.line]), [['Go to work', 3], ['Go home', 7]]);
        assert.deepEqual(diagram.sections[0].tasks[2], { name: 'Do work', score: 1, actors: ['Me', 'Cat'], line: 6 });
    });

    it('names the line of each error, counted from the line the diagram starts on in its file', () => {
        for (const { text, line, reason } of INVALID) {
            assert.throws(() => parseMermaidJourney(text), (error: unknown) => {
                assert.ok(error instanceof MermaidSyntaxError, String(error));
                assert.equal(error.line, line, `${JSON.stringify(text)}: ${error.message}`);
                assert.match(error.message, reason);
                return true;
            });
            assert.throws(() => parseMermaidJourney(text, 10), (error: unknown) => error instanceof MermaidSyntaxError && error.line === line + 9);
        }
    });

    it('a score that is not a number is an error (Mermaid draws such a task nowhere)', () => {
        assert.throws(() => parseMermaidJourney('journey\n  section S\n    t: high: A\n'), /line|score 'high' of task 't' is not a number/);
    });

    it('finds the first ```mermaid fence of a Markdown text whose diagram is a journey, with its first line', () => {
        const found = firstMermaidJourney(fixture('notes.md'));
        assert.ok(found);
        assert.equal(found.firstLine, 20);
        assert.equal(parseMermaidJourney(found.text, found.firstLine).frontMatterTitle, 'Shopping online');
        assert.equal(firstMermaidJourney('# No diagram\n\n```mermaid\nflowchart LR\n  A --> B\n```\n'), undefined);
        const indented = firstMermaidJourney('Text\n\n  ~~~~ Mermaid\n  journey\n    section S\n      t: 3: A\n  ~~~~\n');
        assert.deepEqual(indented, { text: 'journey\n  section S\n    t: 3: A', firstLine: 4 });
        const unclosed = firstMermaidJourney('```mermaid\njourney\n  title Open to the end\n');
        assert.equal(unclosed && parseMermaidJourney(unclosed.text, unclosed.firstLine).title, 'Open to the end');
    });

    describe('agrees with Mermaid\'s own parser (real Chromium)', function () {
        this.timeout(120_000);
        let browser: Browser;
        let page: Page;
        before(async () => {
            browser = await launchChromium();
            page = await openMermaidPage(browser);
        });
        after(async () => browser?.close());

        const samples = () => [
            ...VALID,
            fixture('my-working-day.mmd'),
            fixture('no-sections.mmd'),
            firstMermaidJourney(fixture('notes.md'))!.text,
        ];

        it('diagrams Mermaid accepts: the same title, accessibility texts, sections and tasks', async () => {
            for (const text of samples()) {
                const theirs = await mermaidJourney(page, text);
                assert.equal(theirs.error, undefined, `${JSON.stringify(text)}: ${theirs.error}`);
                assert.deepEqual(asMermaid(parseMermaidJourney(text)), normalised(theirs), JSON.stringify(text));
            }
        });

        it('diagrams Mermaid refuses are refused', async () => {
            for (const { text } of INVALID) {
                const theirs = await mermaidJourney(page, text);
                assert.notEqual(theirs.error, undefined, `Mermaid accepts ${JSON.stringify(text)}`);
                assert.throws(() => parseMermaidJourney(text), MermaidSyntaxError);
            }
        });
    });
});
