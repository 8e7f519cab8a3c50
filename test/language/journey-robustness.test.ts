import { strict as assert } from 'node:assert';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lexemes, seededRandom, withoutRanges } from './journey-format-helpers.js';
import { createTestServices, exampleSources } from './journey-test-helpers.js';

/**
 * Random damage to the examples, as an editor sees it mid-typing, through the real services:
 * parse, link and validate, format (whole document and a range) and complete at a random place.
 * Nothing may throw. Every case has its own seed: on a failure the seed and the mutated text are
 * printed, and `JOURNEY_FUZZ_SEED=<seed> JOURNEY_FUZZ_RUNS=1` replays exactly that case.
 */

const BASE_SEED = Number(process.env.JOURNEY_FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.JOURNEY_FUZZ_RUNS ?? 2000);

const CHARACTERS = ['{', '}', '"', '"', ',', '\n', '/', '*', '\\', '%', '-', '+', '0', '7', '.', 'a', 'x', '_', ' ', '\t', 'é', '😀', '\r'];
const KEYWORDS = [
    'persona', 'channel', 'team', 'journey', 'for', 'scenario', 'objective', 'stage', 'step', 'goal', 'touchpoint', 'emotion',
    'thinks', 'feels', 'says', 'moment', 'of', 'truth', 'onstage', 'offstage', 'support', 'by', 'pain', 'severity', 'high',
    'opportunity', 'owner', 'metric', 'target', 'evidence', 'survey', 'note', 'description', '62%', '3.5s', '-2', '+9',
    // schema 2
    'physical', 'duration', 'wait', 'fail', 'from', 'link', 'impact', 'effort', 'status', 'idea', 'done', 'baseline', 'future', '4min',
];
const LINES = [
    '}', '{', '"', 'stage s "S" {', 'step x {', 'journey j for nobody {', 'moment of truth', 'metric "m" 62% target 3d',
    'emotion 5', 'channel nowhere, web', '/*', '*/', '// comment', 'persona p "P" { goal "g" }', '"unterminated', 'team',
    // schema 2
    'physical "Card"', 'wait 10min "Queue"', 'duration 62%', 'onstage "x" by nobody fail "y"', 'says "s" from "P4"',
    'opportunity o "x" owner ops impact high status doing link "https://x.example"', 'opportunity o "y" impact low impact high',
    'metric "m" baseline 3 target 4%', 'metric "empty"', 'link "javascript:alert(1)"', 'link "www.example.org" "Label"',
    'journey t for p future of t {', 'future of', 'stage bare', 'evidence survey "s" link "mailto:a@b.example"',
];

const COMMENTS = [' /* c */ ', '/**/', '// note\n', ' // note\n', '\n/* multi\n   line */\n', '\n// own line\n'];

type Mutation = (text: string, random: () => number) => string;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)];
const at = (text: string, random: () => number) => Math.floor(random() * (text.length + 1));

function lineSplice(text: string, random: () => number, change: (lines: string[], index: number) => void): string {
    const lines = text.split('\n');
    change(lines, Math.floor(random() * lines.length));
    return lines.join('\n');
}

const MUTATIONS: Record<string, Mutation> = {
    deleteCharacter: (text, random) => { const i = at(text, random); return text.slice(0, i) + text.slice(i + 1); },
    duplicateCharacter: (text, random) => { const i = at(text, random); return text.slice(0, i) + text.slice(i, i + 1) + text.slice(i); },
    insertCharacter: (text, random) => { const i = at(text, random); return text.slice(0, i) + pick(CHARACTERS, random) + text.slice(i); },
    insertKeyword: (text, random) => { const i = at(text, random); return text.slice(0, i) + ` ${pick(KEYWORDS, random)} ` + text.slice(i); },
    deleteRange: (text, random) => { const i = at(text, random); return text.slice(0, i) + text.slice(i + 1 + Math.floor(random() * 40)); },
    deleteLine: (text, random) => lineSplice(text, random, (lines, i) => lines.splice(i, 1)),
    duplicateLine: (text, random) => lineSplice(text, random, (lines, i) => lines.splice(i, 0, lines[i])),
    insertLine: (text, random) => lineSplice(text, random, (lines, i) => lines.splice(i, 0, pick(LINES, random))),
    // Layout damage, which mostly still parses: what the formatter has to repair.
    insertComment: (text, random) => { const i = at(text, random); return text.slice(0, i) + pick(COMMENTS, random) + text.slice(i); },
    joinLines: (text, random) => lineSplice(text, random, (lines, i) => lines.splice(i, 2, `${lines[i]}${pick(['', ' ', '\t'], random)}${(lines[i + 1] ?? '').trimStart()}`)),
    reindentLine: (text, random) => lineSplice(text, random, (lines, i) => { lines[i] = pick(['', ' ', '\t\t', '         '], random) + lines[i].trimStart(); }),
    insertWhitespace: (text, random) => { const i = at(text, random); return text.slice(0, i) + pick([' ', '\n', '\n\n\n', '\t', '\r\n', '  \n  '], random) + text.slice(i); },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

interface CaseResult {
    parsedCleanly: boolean;
    formattingEdits: number;
    completionItems: number;
}

describe('robustness: random mutations of the examples through the real services', function () {
    this.timeout(180_000);

    it(`never throws on ${RUNS} seeded mutations (seed ${BASE_SEED}), and the formatter keeps the content of those that parse`, async () => {
        const { shared, Journey: services } = createTestServices();
        const examples = exampleSources();
        assert.ok(examples.length > 0);
        // Shared declarations stay loaded, so references in the mutated maps resolve as they would in a workspace.
        const common = examples.find(e => e.name === 'common.journey');
        if (common) {
            const document = shared.workspace.LangiumDocumentFactory.fromString(common.text, URI.parse('memory:///common.journey'));
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
        }

        const tally = { cases: 0, parsedCleanly: 0, formatted: 0, completions: 0, byMutation: {} as Record<string, number> };
        const started = Date.now();
        for (let run = 0; run < RUNS; run++) {
            const seed = BASE_SEED + run;
            const random = seededRandom(seed);
            const example = pick(examples, random);
            let text = example.text;
            const applied: string[] = [];
            for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
                const name = pick(MUTATION_NAMES, random);
                applied.push(name);
                tally.byMutation[name] = (tally.byMutation[name] ?? 0) + 1;
                text = MUTATIONS[name](text, random);
            }
            let result: CaseResult;
            try {
                result = await runCase(text, random, run);
            } catch (error) {
                console.error(`\nrobustness failure: seed ${seed} (replay: JOURNEY_FUZZ_SEED=${seed} JOURNEY_FUZZ_RUNS=1 npx mocha --no-config --node-option import=tsx test/language/journey-robustness.test.ts), ` +
                    `example ${example.name}, mutations ${applied.join(', ')}\n----- mutated text -----\n${text}\n------------------------`);
                throw error;
            }
            tally.cases++;
            if (result.parsedCleanly) tally.parsedCleanly++;
            if (result.formattingEdits > 0) tally.formatted++;
            if (result.completionItems > 0) tally.completions++;
        }
        const seconds = (Date.now() - started) / 1000;
        console.log(`      ${tally.cases} cases in ${seconds.toFixed(1)} s: ${tally.parsedCleanly} parsed cleanly, ` +
            `${tally.formatted} reformatted, ${tally.completions} with completion items; mutations ${JSON.stringify(tally.byMutation)}`);
        assert.equal(tally.cases, RUNS);
        // The run must exercise both sides: damaged files and files the formatter actually changes.
        if (RUNS >= 200) {
            assert.ok(tally.parsedCleanly > 0 && tally.parsedCleanly < RUNS, 'some mutations parse and some do not');
            assert.ok(tally.formatted > 0, 'the formatter changed some mutated files');
        }

        async function runCase(text: string, random: () => number, run: number): Promise<CaseResult> {
            const uri = URI.parse(`memory:///fuzz-${run}.journey`);
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
            shared.workspace.LangiumDocuments.addDocument(document);
            let removed = false;
            try {
                await shared.workspace.DocumentBuilder.build([document], { validation: true });
                const diagnostics = document.diagnostics ?? [];
                for (const d of diagnostics) {
                    assert.ok(typeof d.code === 'string' && d.code.length > 0, `every diagnostic has a code: ${JSON.stringify(d)}`);
                }
                const { lexerErrors, parserErrors } = document.parseResult;
                const parsedCleanly = lexerErrors.length === 0 && parserErrors.length === 0;
                const textDocument = document.textDocument;
                const identifier = { uri: uri.toString() };

                const formatter = services.lsp.Formatter!;
                const edits = await formatter.formatDocument(document, { textDocument: identifier, options: OPTIONS });
                const a = textDocument.positionAt(Math.floor(random() * (text.length + 1)));
                const b = textDocument.positionAt(Math.floor(random() * (text.length + 1)));
                const range = a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
                const rangeEdits = await formatter.formatDocumentRange(document, { textDocument: identifier, options: OPTIONS, range });

                const offset = Math.floor(random() * (text.length + 1));
                const completion = await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: identifier, position: textDocument.positionAt(offset) });

                if (!parsedCleanly) {
                    assert.equal(edits.length + rangeEdits.length, 0, 'a file with syntax errors is left as it is');
                } else {
                    assert.deepEqual(lexemes(services, TextDocument.applyEdits(textDocument, rangeEdits)), lexemes(services, text),
                        'range formatting keeps every token');
                    const model = withoutRanges(services.model.JourneyModelBuilder.build(document as never));
                    // The formatted copy takes the original's place, so both resolve references alike.
                    await shared.workspace.DocumentBuilder.update([], [uri]);
                    removed = true;
                    await assertContentKept(text, model, TextDocument.applyEdits(textDocument, edits), run);
                }
                return { parsedCleanly, formattingEdits: edits.length, completionItems: completion?.items.length ?? 0 };
            } finally {
                if (!removed) await shared.workspace.DocumentBuilder.update([], [uri]);
            }
        }

        /** Same tokens and comments in the same order, same journey model, and formatting again changes nothing. */
        async function assertContentKept(text: string, modelBefore: unknown, formatted: string, run: number): Promise<void> {
            assert.deepEqual(lexemes(services, formatted), lexemes(services, text), 'formatting keeps every token and comment');
            const uri = URI.parse(`memory:///fuzz-${run}.journey`);
            const again = shared.workspace.LangiumDocumentFactory.fromString(formatted, uri);
            shared.workspace.LangiumDocuments.addDocument(again);
            try {
                await shared.workspace.DocumentBuilder.build([again], { validation: false });
                const modelAfter = withoutRanges(services.model.JourneyModelBuilder.build(again as never));
                assert.deepEqual(modelAfter, modelBefore, 'formatting keeps the journey model');
                const secondEdits = await services.lsp.Formatter!.formatDocument(again, { textDocument: { uri: uri.toString() }, options: OPTIONS });
                assert.equal(secondEdits.length, 0, 'formatting is idempotent');
            } finally {
                await shared.workspace.DocumentBuilder.update([], [uri]);
            }
        }
    });
});

const OPTIONS = { tabSize: 2, insertSpaces: true };
