// Completion parses only the current stage's members (plus the enclosing headers) instead of all
// the text before the cursor: it must offer exactly what the whole-text parse offers, everywhere.
import { strict as assert } from 'node:assert';
import { URI } from 'langium';
import { DefaultCompletionProvider, type NextFeature } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { generateJourneyMap } from '../../../bench/generate-map.js';
import { completionPrefix, JourneyCompletionProvider } from '../../../language/lsp/journey-completion.js';
import { JourneyWorkspace } from '../../../language/workspace/journey-workspace.js';

/** Our provider with Langium's whole-text feature search, for comparison. */
class WholeTextCompletionProvider extends JourneyCompletionProvider {
    protected override findFeaturesAt(textDocument: TextDocument, offset: number): NextFeature[] {
        const langium = DefaultCompletionProvider.prototype as unknown as { findFeaturesAt(this: unknown, d: TextDocument, o: number): NextFeature[] };
        return langium.findFeaturesAt.call(this, textDocument, offset);
    }
}

describe('completion on the current block only', () => {
    it('offers at every sampled position of a generated map what the whole-text parse offers', async function () {
        this.timeout(120_000);
        // Two journeys, so that the top level has complete members before the current one too.
        const text = generateJourneyMap({ steps: 60, seed: 3, journeys: 2 }) + '\njourney extra "Extra" {\n  stage s "S" {\n    step a "A" {\n      emotion 1\n    }\n    ';
        const workspace = new JourneyWorkspace();
        const [{ document }] = await workspace.load([{ uri: URI.parse('memory:///prefix.journey'), text }]);
        const ours = workspace.services.lsp.CompletionProvider!;
        const whole = new WholeTextCompletionProvider(workspace.services);
        let compared = 0;
        let blanked = 0;
        for (let offset = 0; offset <= text.length; offset += 97) {
            const position = document.textDocument.positionAt(offset);
            const params = { textDocument: { uri: document.uri.toString() }, position };
            const expected = (await whole.getCompletion(document, params))?.items.map(i => `${i.label} ${i.kind} ${i.detail}`).sort();
            const actual = (await ours.getCompletion(document, params))?.items.map(i => `${i.label} ${i.kind} ${i.detail}`).sort();
            assert.deepEqual(actual, expected, `at ${position.line + 1}:${position.character + 1}`);
            const visible = (part: string) => part.replace(/\s/g, '').length;
            if (visible(completionPrefix(document, text, offset)!) < visible(text.slice(0, offset)) / 2) blanked++;
            compared++;
        }
        assert.ok(compared > 100 && blanked > compared / 2, `${blanked} of ${compared} positions parsed a much shorter text`);
    });

    it('parses the whole text when the AST is not of the current text', async () => {
        const workspace = new JourneyWorkspace();
        const [{ document }] = await workspace.load([{ uri: URI.parse('memory:///stale.journey'), text: 'journey j {\n  stage s {\n  }\n}\n' }]);
        assert.equal(completionPrefix(document, 'journey j {\n  stage t {\n  }\n}\n', 20), undefined);
        assert.equal(completionPrefix(document, document.textDocument.getText(), 20), document.textDocument.getText().slice(0, 20));
    });
});
