import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

let wasmLoaded: Promise<void> | undefined;
function loadOnce(wasm: ArrayBuffer): Promise<void> {
    wasmLoaded ??= oniguruma.loadWASM(wasm);
    return wasmLoaded;
}

/** Tokenizes `text` with the real TextMate engine VS Code uses and our grammar. */
async function tokenize(text: string): Promise<Array<{ text: string; scopes: string[] }>> {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await loadOnce(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
            createOnigString: (s: string) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async () => textmate.parseRawGrammar(readFileSync(root + 'syntaxes/journey.tmLanguage.json', 'utf8'), 'journey.tmLanguage.json'),
    });
    const grammar = await registry.loadGrammar('source.journey');
    assert.ok(grammar);
    const tokens: Array<{ text: string; scopes: string[] }> = [];
    let state = textmate.INITIAL;
    for (const line of text.split('\n')) {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens) {
            tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
        }
        state = result.ruleStack;
    }
    return tokens;
}

function scopeOf(tokens: Array<{ text: string; scopes: string[] }>, text: string, nth = 0): string {
    const found = tokens.filter(t => t.text === text)[nth];
    assert.ok(found, `token ${JSON.stringify(text)} present`);
    return found.scopes.join(' ');
}

describe('TextMate grammar', () => {
    it('colours comments, declarations, references, strings, numbers and keywords of an example', async () => {
        const tokens = await tokenize(readFileSync(root + 'examples/gift-purchase.journey', 'utf8') + '\n/* block\n comment */');
        assert.match(scopeOf(tokens, 'journey'), /storage\.type/);
        assert.match(scopeOf(tokens, 'gift_purchase'), /entity\.name\.type/);
        assert.match(scopeOf(tokens, 'dana'), /variable\.other\.reference/);
        assert.match(scopeOf(tokens, 'Buying a birthday gift'), /string\.quoted\.double/);
        assert.match(scopeOf(tokens, '+1'), /constant\.numeric/);
        assert.match(scopeOf(tokens, '-2'), /constant\.numeric/);
        assert.match(scopeOf(tokens, '%'), /keyword\.other\.unit/);
        assert.match(scopeOf(tokens, 'moment of truth'), /keyword\.other\.moment/);
        assert.match(scopeOf(tokens, 'high'), /constant\.language\.severity/);
        assert.match(scopeOf(tokens, 'analytics'), /constant\.language\.evidence/);
        assert.match(scopeOf(tokens, 'marketing'), /variable\.other\.reference/);
        assert.match(scopeOf(tokens, 'pain'), /keyword\.other\.member/);
        assert.match(scopeOf(tokens, ' block'), /comment\.block/);
        const list = await tokenize('      channel email, app');
        assert.match(scopeOf(list, 'app'), /variable\.other\.reference/, 'the second channel after a comma');
    });

    it('keeps escapes inside strings and strings across lines', async () => {
        const tokens = await tokenize('note "say \\"hi\\" // not a comment\nstill the string"');
        assert.match(scopeOf(tokens, '\\"'), /constant\.character\.escape/);
        assert.match(scopeOf(tokens, ' // not a comment'), /string\.quoted/);
        assert.match(scopeOf(tokens, 'still the string'), /string\.quoted/);
    });

    it('does not read digits inside ids as numbers', async () => {
        const tokens = await tokenize('step step-2b "x"');
        assert.match(scopeOf(tokens, 'step-2b'), /entity\.name\.type/);
        assert.ok(!tokens.some(t => t.text === '2' || t.text === '2b'));
    });
});

describe('language configuration', () => {
    const config = JSON.parse(readFileSync(root + 'language-configuration.json', 'utf8'));
    const words = (text: string) => text.match(new RegExp(config.wordPattern, 'g'));

    it('keeps `-` inside ids, so word-of-mouth is one word', () => {
        assert.deepEqual(words('channel word-of-mouth "Word of mouth"'), ['channel', 'word-of-mouth', 'Word', 'of', 'mouth']);
        assert.deepEqual(words('metric "x" 62% target -2'), ['metric', 'x', '62%', 'target', '-2']);
    });

    it('declares comments, brackets and quote pairs', () => {
        assert.equal(config.comments.lineComment, '//');
        assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
        assert.deepEqual(config.brackets, [['{', '}']]);
        assert.ok(config.autoClosingPairs.some((p: { open: string }) => p.open === '"'));
        assert.ok(config.surroundingPairs.some((p: string[]) => p[0] === '"'));
    });
});

describe('TextMate grammar: quantities and references', () => {
    it('colours quantities with their unit, and each kind of reference', async () => {
        const tokens = await tokenize('journey j for maya {\n  step s {\n    metric "Lead time" 3d target 12min\n    onstage "x" by ops\n    opportunity "y" owner sales\n    owner support\n    channel web, word-of-mouth\n  }\n}');
        assert.match(scopeOf(tokens, '3'), /constant\.numeric/);
        assert.match(scopeOf(tokens, 'd'), /keyword\.other\.unit/);
        assert.match(scopeOf(tokens, 'min'), /keyword\.other\.unit/);
        assert.match(scopeOf(tokens, 'maya'), /variable\.other\.reference/);
        assert.match(scopeOf(tokens, 'ops'), /variable\.other\.reference/);
        assert.match(scopeOf(tokens, 'sales'), /variable\.other\.reference/);
        assert.match(scopeOf(tokens, 'support'), /variable\.other\.reference/, 'a keyword used as a referenced id');
        assert.match(scopeOf(tokens, 'word-of-mouth'), /variable\.other\.reference/);
        assert.match(scopeOf(tokens, 'j'), /entity\.name\.type/);
    });
});

describe('TextMate grammar: schema 2', () => {
    it('colours the new members, clauses, opportunity ids, status words and the as-is reference', async () => {
        const tokens = await tokenize('journey next for guest future of today {\n  opportunity kiosk "K" owner desk impact high effort low status planned link "https://x"\n' +
            '  metric "m" 71% baseline 64% target 90%\n  stage s {\n    step a {\n      physical "Card"\n      duration 4min\n      wait 10min "Queue"\n' +
            '      says "Hm" from "P4"\n      onstage "Takes" by desk fail "Offline"\n      link "https://y" "Y"\n    }\n  }\n}');
        assert.match(scopeOf(tokens, 'today'), /variable\.other\.reference/);
        assert.match(scopeOf(tokens, 'future'), /keyword\.other/);
        assert.match(scopeOf(tokens, 'kiosk'), /entity\.name\.type/);
        for (const word of ['impact', 'effort', 'status', 'link', 'baseline', 'physical', 'duration', 'wait', 'from', 'fail']) {
            assert.match(scopeOf(tokens, word), /keyword\.other\.member/, word);
        }
        assert.match(scopeOf(tokens, 'planned'), /constant\.language\.status/);
        assert.match(scopeOf(tokens, 'low'), /constant\.language/);
        assert.match(scopeOf(tokens, 'min'), /keyword\.other\.unit/);
        assert.match(scopeOf(tokens, 'Offline'), /string\.quoted\.double/);
    });
});

describe('language configuration: folding and indentation', () => {
    const config = JSON.parse(readFileSync(root + 'language-configuration.json', 'utf8'));

    it('folds // region markers and indents after an open brace', () => {
        assert.match('  // region checkout', new RegExp(config.folding.markers.start));
        assert.match('  // endregion', new RegExp(config.folding.markers.end));
        assert.match('  step s "Title" {', new RegExp(config.indentationRules.increaseIndentPattern));
        assert.doesNotMatch('  step s { emotion 1 }', new RegExp(config.indentationRules.increaseIndentPattern));
        assert.match('  }', new RegExp(config.indentationRules.decreaseIndentPattern));
    });
});
