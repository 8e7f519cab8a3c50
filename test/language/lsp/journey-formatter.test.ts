import { strict as assert } from 'node:assert';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { expectFormatting } from 'langium/test';
import { JourneyFormatter } from '../../../language/lsp/journey-formatter.js';
import {
    COMMENT_HEAVY, commentsAndStrings, formatWithService, lexemes, modelOf, seededRandom, withDocument,
} from '../journey-format-helpers.js';
import { createTestServices, exampleSources } from '../journey-test-helpers.js';

const { Journey: services } = createTestServices();
const formatting = expectFormatting(services);


/** Reshuffles the whitespace between tokens without changing what the canonical layout keeps:
 *  blank lines stay blank (one or more), a comment keeps whether it had a line of its own and
 *  whether a line break followed it; everything else is random. */
function scramble(text: string, random: () => number): string {
    const { tokens, hidden } = services.parser.Lexer.tokenize(text);
    const items = [...tokens, ...hidden].sort((a, b) => a.startOffset - b.startOffset);
    const spaces = () => [' ', '  ', '\t', '   '][Math.floor(random() * 4)];
    const breaks = (min: number, max = min + 1) => spaces().replace(/\t/, '') + '\n'.repeat(min + Math.floor(random() * (max - min + 1))) + spaces();
    let result = breaks(0);
    for (const [i, item] of items.entries()) {
        const end = item.startOffset + item.image.length;
        result += item.image;
        const next = items[i + 1];
        if (!next) break;
        const gap = text.slice(end, next.startOffset);
        const lines = (gap.match(/\n/g) ?? []).length;
        const comment = (t: typeof item) => t.tokenType.name.endsWith('COMMENT');
        if (lines >= 2) result += breaks(2);
        else if (comment(item) || comment(next)) result += lines === 1 ? breaks(1, 1) : spaces();
        else result += random() < 0.3 ? breaks(1, 1) : spaces();
    }
    return result + breaks(0);
}

async function format(text: string): Promise<string> {
    const result = await formatWithService(services, text);
    assert.equal(result.syntaxErrors, 0, 'the input parses');
    return result.text;
}

describe('the formatter (journeymap fmt, LSP formatting)', () => {
    it('is the registered LSP formatter', () => {
        assert.ok(services.lsp.Formatter instanceof JourneyFormatter);
    });

    it('indents blocks by two spaces, one member per line, one space between tokens', async () => {
        await formatting({
            before: 'journey   j "J" for maya {scenario "s" stage a "A" { goal "g" step s1 { channel web ,email emotion +1\n' +
                'metric   "m"   4.2 "stars"\n target 62%  moment of truth } } }',
            after: [
                'journey j "J" for maya {',
                '  scenario "s"',
                '',
                '  stage a "A" {',
                '    goal "g"',
                '    step s1 {',
                '      channel web, email',
                '      emotion +1',
                '      metric "m" 4.2 "stars" target 62%',
                '      moment of truth',
                '    }',
                '  }',
                '}',
                '',
            ].join('\n'),
        });
    });

    it('ignores the editor\'s indentation options: the layout is canonical', async () => {
        await formatting({
            before: 'persona p {\n\tgoal "g"\n}\n',
            after: 'persona p {\n  goal "g"\n}\n',
            options: { tabSize: 8, insertSpaces: false },
        });
    });

    it('sets top-level blocks and stages apart by one blank line, keeps at most one elsewhere', async () => {
        await formatting({
            before: [
                '', '', 'channel web', 'channel app', '', '', '', 'team t', 'persona p { goal "g" } channel email',
                'journey j { stage a { step x', '', '', '', 'step y', 'step z', '', '}', 'stage b {', '', 'step w } }', '', '',
            ].join('\n'),
            after: [
                'channel web',
                'channel app',
                '',
                'team t',
                '',
                'persona p {',
                '  goal "g"',
                '}',
                '',
                'channel email',
                '',
                'journey j {',
                '  stage a {',
                '    step x',
                '',
                '    step y',
                '    step z',
                '  }',
                '',
                '  stage b {',
                '    step w',
                '  }',
                '}',
                '',
            ].join('\n'),
        });
    });

    it('keeps comments where they were written: trailing stays trailing, own-line stays own-line', async () => {
        await formatting({
            before: [
                'channel web // trailing',
                '     // own line, badly indented',
                'journey j { // after the brace',
                '      stage a {',
                '   step s { emotion /* inline */ +1',
                '  // before the brace',
                '        }',
                '      }',
                '      // attached to stage b: the blank line goes above it',
                'stage b { step t }',
                '}',
            ].join('\n'),
            after: [
                'channel web // trailing',
                '',
                '// own line, badly indented',
                'journey j { // after the brace',
                '  stage a {',
                '    step s {',
                '      emotion /* inline */ +1',
                '      // before the brace',
                '    }',
                '  }',
                '',
                '  // attached to stage b: the blank line goes above it',
                '  stage b {',
                '    step t',
                '  }',
                '}',
                '',
            ].join('\n'),
        });
    });

    it('continues a member after a line comment on the next line, indented once more', async () => {
        await formatting({
            before: 'journey j {\nstage a {\nstep s // why\n"Title"\n}\n}\n',
            after: 'journey j {\n  stage a {\n    step s // why\n      "Title"\n  }\n}\n',
        });
    });

    it('copies multi-line strings, escapes and multi-line block comments byte for byte', async () => {
        const before = 'persona p {\n    /* keep\n        this   indentation */\n        description "two\n    lines, \\"quoted\\", back\\\\slash \\n   and  spaces  "\n    }\n';
        await formatting({
            before,
            after: 'persona p {\n  /* keep\n        this   indentation */\n  description "two\n    lines, \\"quoted\\", back\\\\slash \\n   and  spaces  "\n}\n',
        });
    });

    it('writes an empty body as {} and keeps a comment in it', async () => {
        await formatting({
            before: 'journey j { stage a { step s {   } step t { /* todo */ } } }',
            after: 'journey j {\n  stage a {\n    step s {}\n    step t { /* todo */\n    }\n  }\n}\n',
        });
    });

    it('keeps Windows line endings, drops trailing whitespace, ends with one line break', async () => {
        const result = await format('channel web   \r\n\r\n\r\nchannel app\t\r\n\r\n');
        assert.equal(result, 'channel web\r\n\r\nchannel app\r\n');
        assert.equal(await format('channel web // note  \t\r\nteam t /* kept   */  \r\n'), 'channel web // note\r\nteam t /* kept   */\r\n');
    });

    it('leaves an empty or blank file empty', async () => {
        assert.equal(await format(''), '');
        assert.equal(await format('  \n\n '), '');
    });

    it('formats nothing in a file with a syntax error, and never throws', async () => {
        for (const text of [
            'journey j {\n   stage a { step "oops" }\n',
            'channel web "unterminated\n  team   t',
            'channel web § team t',
            'journey j { stage a {',
        ]) {
            const result = await formatWithService(services, text);
            assert.ok(result.syntaxErrors > 0, `has a syntax error: ${text}`);
            assert.equal(result.edits, 0);
            assert.equal(result.text, text);
        }
    });

    it('formats only the selected lines on range formatting', async () => {
        await formatting({
            before: 'journey j {\nstage   a {\nstep x   "X"\n  step   y\n}\n}',
            range: { start: { line: 2, character: 0 }, end: { line: 2, character: 12 } },
            after: 'journey j {\nstage   a {\n    step x "X"\n  step   y\n}\n}',
        });
    });

    it('turns the comment-heavy input into its canonical layout', async () => {
        const formatted = await format(COMMENT_HEAVY);
        assert.equal(formatted, [
            '// file header',
            '/* a block comment',
            '   over two lines */',
            'persona /* id next */ maya // after the id',
            '  "Maya, \\"the\\" owner" { // after the brace',
            '  description "Runs a bakery\\nat night" /* after a field */',
            '  // before a goal',
            '  goal "First invoice',
            'on day one"',
            '  /* before the closing brace */',
            '}',
            '',
            'channel web "Web" // trailing on a declaration',
            'channel email /* glued */ "Email"',
            'team product "Product"',
            '',
            '/* before a journey, attached */',
            'journey first_invoice /* before the title */ "First invoice" for /* before the ref */ maya {',
            '  scenario "Signs up" // why',
            '',
            '  // before a stage, attached',
            '  stage signup "Sign-up" {',
            '    goal "Done" /* goal */',
            '    step form "Form" {',
            '      channel web, /* between channels */ email',
            '      emotion /* before the number */ -2',
            '      moment /* in a keyword run */ of truth "Half drop off"',
            '      metric "Completion" 62% /* between value and target */ target 80%',
            '      metric "Rating" 4.2 // before the unit',
            '        "stars" target 4.5 "stars"',
            '      pain "VAT" severity /* before the severity */ high',
            '      // last member comment',
            '    }',
            '    // between steps',
            '    step welcome { /* only a comment */',
            '    }',
            '    step done',
            '  }',
            '  /* before the closing brace of the journey */',
            '}',
            '// end of file',
            '',
        ].join('\n'));
    });

    it('lays out every schema-2 clause: members on their own lines, clauses (from, fail, link, impact …) on their member\'s line', async () => {
        const before = 'journey next "To be" for guest   future\n' +
            '  of today { opportunity kiosk "Kiosk" owner desk\n' +
            ' impact high effort medium status planned link "https://x.example" "X" metric "KPI" 71% baseline 64% target 90%\n' +
            ' evidence survey "S" link "https://s.example"   note "N"\n' +
            '  stage arrive "Arrival" { pain "Parking" severity medium opportunity "Signs" status idea\n' +
            '    metric "Lost" target 3 evidence review "R" note "n"\n' +
            '      step check_in { physical "Card" physical "Key" duration 4min wait 10min "Queue" says "Why?" from "P4"\n' +
            '   onstage "Takes card" by desk fail "Offline" support "PMS" by it fail "Down"\n' +
            '        link "https://figma.example" "Proto" evidence observation "Shadow" link "https://w.example" link "https://step.example" } }\n' +
            '  stage later "Later"\n' +
            '  stage after { step x }\n' +
            '}\n';
        const after = [
            'journey next "To be" for guest future of today {',
            '  opportunity kiosk "Kiosk" owner desk impact high effort medium status planned link "https://x.example" "X"',
            '  metric "KPI" 71% baseline 64% target 90%',
            '  evidence survey "S" link "https://s.example"',
            '  note "N"',
            '',
            '  stage arrive "Arrival" {',
            '    pain "Parking" severity medium',
            '    opportunity "Signs" status idea',
            '    metric "Lost" target 3',
            '    evidence review "R"',
            '    note "n"',
            '    step check_in {',
            '      physical "Card"',
            '      physical "Key"',
            '      duration 4min',
            '      wait 10min "Queue"',
            '      says "Why?" from "P4"',
            '      onstage "Takes card" by desk fail "Offline"',
            '      support "PMS" by it fail "Down"',
            '      link "https://figma.example" "Proto"',
            '      evidence observation "Shadow" link "https://w.example"',
            '      link "https://step.example"',
            '    }',
            '  }',
            '',
            '  stage later "Later"',
            '',
            '  stage after {',
            '    step x',
            '  }',
            '}',
            '',
        ].join('\n');
        const formatted = await format(before);
        assert.equal(formatted, after);
        assert.equal(await format(after), after, 'idempotent');
        assert.deepEqual(lexemes(services, formatted), lexemes(services, before), 'same tokens in the same order');
        assert.deepEqual(await modelOf('m.journey', formatted), await modelOf('m.journey', before), 'same model');
    });

    it('keeps comments inside schema-2 clauses where they were written', async () => {
        const before = 'journey j future /* a */ of k {\n  opportunity /* id */ o "O" // why\n    impact high /* c */ status done\n  stage s // bodyless\n}\n';
        const formatted = await format(before);
        assert.equal(formatted, 'journey j future /* a */ of k {\n  opportunity /* id */ o "O" // why\n    impact high /* c */ status done\n  stage s // bodyless\n}\n');
        assert.deepEqual(commentsAndStrings(services, formatted), commentsAndStrings(services, before));
    });

    describe('on every example and on the comment-heavy input', () => {
        const common = exampleSources().find(e => e.name === 'common.journey')!.text;
        const inputs = [...exampleSources(), { name: 'comment-heavy.journey', text: COMMENT_HEAVY }];
        const othersFor = (name: string): Record<string, string> => name === 'common.journey' || name === 'comment-heavy.journey' ? {} : { 'common.journey': common };

        for (const { name, text } of inputs) {
            it(`${name}: is idempotent`, async () => {
                const once = await format(text);
                assert.equal(await format(once), once);
            });

            it(`${name}: keeps the journey model, every comment and every string`, async () => {
                const formatted = await format(text);
                assert.deepEqual(await modelOf(name, formatted, othersFor(name)), await modelOf(name, text, othersFor(name)));
                assert.deepEqual(commentsAndStrings(services, formatted), commentsAndStrings(services, text));
                assert.deepEqual(lexemes(services, formatted), lexemes(services, text), 'same tokens in the same order');
            });

            it(`${name}: reaches the same layout from 20 random re-spacings (seeded)`, async () => {
                const canonical = await format(text);
                const random = seededRandom(name.length * 7919 + 17);
                for (let run = 0; run < 20; run++) {
                    const scrambled = scramble(canonical, random);
                    const formatted = await format(scrambled);
                    assert.equal(formatted, canonical, `run ${run}, scrambled input:\n${scrambled}`);
                    if (run < 3) {
                        assert.deepEqual(await modelOf(name, formatted, othersFor(name)), await modelOf(name, scrambled, othersFor(name)));
                    }
                }
            });
        }

        it('the shipped examples are already in the canonical layout', async () => {
            for (const { name, text } of exampleSources()) {
                assert.equal(await format(text), text, name);
            }
        });
    });

    it('reports why it did not format: syntax errors', async () => {
        await withDocument(services, 'journey {', document => {
            const result = (services.lsp.Formatter as JourneyFormatter).format(document);
            assert.equal(result.kind, 'syntax-error');
        });
    });

    describe('over the language server protocol (the built server as a process)', function () {
        this.timeout(120_000);
        const root = fileURLToPath(new URL('../../../', import.meta.url));
        let server: ChildProcess;
        let connection: MessageConnection;
        let version = 0;

        before(async () => {
            await new Promise<void>((resolve, reject) => {
                execFile(process.execPath, ['esbuild.mjs'], { cwd: root }, error => error ? reject(error) : resolve());
            });
            server = spawn(process.execPath, ['bin/journeymap-language-server.mjs', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
            connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
            connection.listen();
            const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }) as {
                capabilities: { documentFormattingProvider?: boolean; documentRangeFormattingProvider?: boolean };
            };
            assert.equal(init.capabilities.documentFormattingProvider, true);
            assert.equal(init.capabilities.documentRangeFormattingProvider, true);
            await connection.sendNotification('initialized', {});
        });

        after(async () => {
            await connection?.sendRequest('shutdown').catch(() => undefined);
            await connection?.sendNotification('exit').catch(() => undefined);
            connection?.dispose();
            server?.kill();
        });

        async function formatOverLsp(text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<string> {
            const uri = `file:///lsp-format-${++version}.journey`;
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
            const options = { tabSize: 4, insertSpaces: true };
            const edits = await connection.sendRequest(range ? 'textDocument/rangeFormatting' : 'textDocument/formatting',
                { textDocument: { uri }, options, ...(range ? { range } : {}) }) as TextEdit[] | null;
            await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
            return TextDocument.applyEdits(TextDocument.create(uri, 'journey', 1, text), edits ?? []);
        }

        it('formats a document and the comment-heavy input like the service does', async () => {
            assert.equal(await formatOverLsp('channel  web // c\njourney j {stage a {step s}}'),
                'channel web // c\n\njourney j {\n  stage a {\n    step s\n  }\n}\n');
            assert.equal(await formatOverLsp(COMMENT_HEAVY), await format(COMMENT_HEAVY));
        });

        it('formats a range, and leaves a document with a syntax error alone', async () => {
            assert.equal(await formatOverLsp('channel  web\nchannel   app\n', { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } }),
                'channel  web\nchannel app\n');
            const broken = 'journey j {\n  stage   a { step "oops" }\n';
            assert.equal(await formatOverLsp(broken), broken);
        });
    });
});
