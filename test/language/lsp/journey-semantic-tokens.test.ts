import { strict as assert } from 'node:assert';
import { DefaultSemanticTokenOptions } from 'langium/lsp';
import { openWorkspace } from '../journey-lsp-helpers.js';
import { exampleSources } from '../journey-test-helpers.js';

interface Token { line: number; char: number; text: string; type: string; declaration: boolean; fits: boolean }

/** Decodes LSP's relative encoding into absolute tokens with their text. */
async function tokensOf(text: string): Promise<Token[]> {
    const { services, documents } = await openWorkspace({ 'a.journey': text });
    const doc = documents['a.journey'];
    const result = await services.lsp.SemanticTokenProvider!.semanticHighlight(doc, { textDocument: { uri: doc.uri.toString() } });
    const legend = DefaultSemanticTokenOptions.legend;
    const lines = text.split('\n');
    const tokens: Token[] = [];
    let line = 0, char = 0;
    for (let i = 0; i < result.data.length; i += 5) {
        const [dl, dc, length, type, mods] = result.data.slice(i, i + 5);
        line += dl; char = dl === 0 ? char + dc : dc;
        tokens.push({ line, char, text: lines[line].slice(char, char + length), type: legend.tokenTypes[type], declaration: (mods & (1 << legend.tokenModifiers.indexOf('declaration'))) !== 0, fits: char + length <= lines[line].length });
    }
    return tokens;
}

const TEXT = [
    'channel web "Web"',                    // 0
    'team support',                         // 1
    'persona dana',                         // 2
    'journey j for dana {',                 // 3
    '  stage s {',                          // 4
    '    step a {',                         // 5
    '      channel web',                    // 6
    '      emotion -2',                     // 7
    '      pain "p" severity high',         // 8
    '      evidence survey "x"',            // 9
    '      onstage "o" by support',         // 10
    '      metric "m" 62% target 4.5',      // 11
    '    }',
    '  }',
    '}',
    '',
].join('\n');

describe('semantic highlighting', () => {
    it('tells declarations from references, each kind of element its own type', async () => {
        const tokens = await tokensOf(TEXT);
        const at = (line: number, char: number) => tokens.find(t => t.line === line && t.char === char);
        assert.deepEqual(at(0, 8), { line: 0, char: 8, text: 'web', type: 'interface', declaration: true, fits: true });
        assert.deepEqual(at(6, 14), { line: 6, char: 14, text: 'web', type: 'interface', declaration: false, fits: true });
        assert.deepEqual(at(1, 5), { line: 1, char: 5, text: 'support', type: 'struct', declaration: true, fits: true }, 'a keyword used as an id is an id');
        assert.deepEqual(at(10, 21), { line: 10, char: 21, text: 'support', type: 'struct', declaration: false, fits: true });
        assert.deepEqual(at(2, 8), { line: 2, char: 8, text: 'dana', type: 'class', declaration: true, fits: true });
        assert.deepEqual(at(3, 14), { line: 3, char: 14, text: 'dana', type: 'class', declaration: false, fits: true });
        assert.deepEqual([at(3, 8)?.type, at(4, 8)?.type, at(5, 9)?.type], ['namespace', 'namespace', 'function']);
        assert.ok(at(5, 9)?.declaration);
    });

    it('colours keywords, strings, numbers, evidence kinds and severities', async () => {
        const tokens = await tokensOf(TEXT);
        const at = (line: number, char: number) => tokens.find(t => t.line === line && t.char === char);
        for (const [line, char, word] of [[0, 0, 'channel'], [1, 0, 'team'], [3, 0, 'journey'], [3, 10, 'for'], [6, 6, 'channel'], [7, 6, 'emotion'], [8, 15, 'severity'], [10, 18, 'by'], [11, 21, 'target']] as const) {
            assert.deepEqual([at(line, char)?.text, at(line, char)?.type], [word, 'keyword'], `${word} at ${line}:${char}`);
        }
        assert.deepEqual([at(0, 12)?.text, at(0, 12)?.type], ['"Web"', 'string']);
        assert.deepEqual([at(8, 11)?.text, at(8, 11)?.type], ['"p"', 'string']);
        assert.deepEqual([at(7, 14)?.text, at(7, 14)?.type], ['-2', 'number']);
        assert.deepEqual([at(11, 17)?.text, at(11, 17)?.type], ['62%', 'number']);
        assert.deepEqual([at(11, 28)?.text, at(11, 28)?.type], ['4.5', 'number']);
        assert.deepEqual([at(8, 24)?.text, at(8, 24)?.type], ['high', 'enumMember']);
        assert.deepEqual([at(9, 15)?.text, at(9, 15)?.type], ['survey', 'enumMember']);
        assert.ok(!tokens.some(t => t.text === '{' || t.text === '}'), 'braces are left to the TextMate grammar');
    });

    it('colours an evidence kind used as an id as the id, declared and referenced', async () => {
        const tokens = (await tokensOf('channel social\njourney j { stage s { step a { channel social\n evidence social "x" } } }\n')).filter(t => t.text === 'social');
        assert.deepEqual(tokens.map(t => [t.line, t.type, t.declaration]), [[0, 'interface', true], [1, 'interface', false], [2, 'enumMember', false]]);
    });

    it('splits a multi-line string into one token per line, each within its line', async () => {
        const text = 'persona p {\n  quote "first line\n  second\n\n  last"\n}\n';
        const tokens = (await tokensOf(text)).filter(t => t.type === 'string');
        assert.deepEqual(tokens.map(t => [t.line, t.char, t.text, t.fits]), [[1, 8, '"first line', true], [2, 0, '  second', true], [4, 0, '  last"', true]]);
    });

    it('never emits overlapping tokens and survives half-typed text', async () => {
        const tokens = await tokensOf(TEXT);
        for (let i = 1; i < tokens.length; i++) {
            const [a, b] = [tokens[i - 1], tokens[i]];
            assert.ok(b.line > a.line || b.char >= a.char + a.text.length, `${a.text} and ${b.text} overlap`);
        }
        for (const text of ['journey j for', 'journey j { stage s { step a { channel web, ', 'team "x', 'journey { stage { step { emotion }}}', TEXT.slice(0, 150)]) {
            await tokensOf(text);
        }
    });

    it('colours every example map with well-formed tokens: in order, within their lines, ids and keywords told apart', async () => {
        for (const { name, text } of exampleSources()) {
            const tokens = await tokensOf(text);
            assert.ok(tokens.length > 20, name);
            for (let i = 0; i < tokens.length; i++) {
                assert.ok(tokens[i].fits && tokens[i].text.length > 0, `${name}: ${JSON.stringify(tokens[i])}`);
                if (i > 0) assert.ok(tokens[i].line > tokens[i - 1].line || tokens[i].char >= tokens[i - 1].char + tokens[i - 1].text.length, `${name}: overlap at ${tokens[i].line}`);
            }
            // Every `step` keyword is a keyword, followed by a step id declaration.
            const steps = tokens.flatMap((t, i) => t.text === 'step' && t.type === 'keyword' ? [tokens[i + 1]] : []);
            assert.ok(steps.length > 0 || !/\bstep\b/.test(text), name);
            for (const id of steps) assert.deepEqual([id.type, id.declaration], ['function', true], `${name}: ${id.text}`);
        }
    });
});
