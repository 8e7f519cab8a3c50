import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** package.json as VS Code reads it: the language, grammar and configuration it points to exist and agree. */

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('VS Code manifest (package.json)', () => {
    it('contributes the journey language with its configuration file', () => {
        const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'journey');
        assert.ok(language, 'language journey');
        assert.deepEqual(language.extensions, ['.journey']);
        assert.ok(language.aliases.includes('Journey'));
        assert.ok(existsSync(join(root, language.configuration)), language.configuration);
        JSON.parse(readFileSync(join(root, language.configuration), 'utf8'));
    });

    it('contributes the TextMate grammar under the scope name the grammar declares', () => {
        const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'journey');
        const file = JSON.parse(readFileSync(join(root, grammar.path), 'utf8'));
        assert.equal(grammar.scopeName, 'source.journey');
        assert.equal(file.scopeName, grammar.scopeName);
    });

    it('has the trace setting, a CommonJS extension entry and honest engines', () => {
        assert.deepEqual(manifest.contributes.configuration.properties['journeymap.trace.server'].enum, ['off', 'messages', 'verbose']);
        assert.equal(manifest.type, 'module');
        assert.match(manifest.main, /\.cjs$/, 'VS Code loads the extension with require()');
        assert.equal(manifest.engines.vscode, '^1.101.0');
        // VS Code 1.101 runs extensions on Node 22; the CLI and server need 22 (Langium 4).
        assert.match(manifest.engines.node, /^>=22\./);
        assert.ok(manifest.activationEvents.includes('onLanguage:journey'));
    });
});
