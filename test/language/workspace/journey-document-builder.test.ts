// The document builder revalidates the other files of the workspace only when a changed file's
// top-level ids or the names it refers to change; typing inside a step costs the changed file alone.
import { strict as assert } from 'node:assert';
import { URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { JourneyWorkspace } from '../../../language/workspace/journey-workspace.js';

const COMMON = 'channel web "Website"\nchannel app "App"\npersona dana "Dana"\n';
const map = (channel: string, note: string) => `journey trip "Trip" for dana {\n  stage s "S" {\n    step a "A" {\n      channel ${channel}\n      emotion 1\n      note "${note}"\n    }\n  }\n}\n`;

describe('JourneyDocumentBuilder', () => {
    let workspace: JourneyWorkspace;
    let common: LangiumDocument;
    let version = 1;
    const mapUri = URI.parse('memory:///map.journey');

    /** Edits map.journey as an editor does (a new text document version), and runs Langium's update. */
    async function edit(text: string): Promise<void> {
        workspace.shared.workspace.TextDocuments.set(TextDocument.create(mapUri.toString(), 'journey', ++version, text));
        await workspace.shared.workspace.DocumentBuilder.update([mapUri], []);
    }
    const unused = () => (common.diagnostics ?? []).filter(d => d.code === 'unused-declaration').map(d => d.message).sort();

    before(async () => {
        workspace = new JourneyWorkspace();
        [{ document: common }] = await workspace.load([
            { uri: URI.parse('memory:///common.journey'), text: COMMON },
            { uri: mapUri, text: map('web', 'x') },
        ]);
    });

    it('revalidates the other files when the names a file refers to change', async () => {
        assert.deepEqual(unused(), ["Unused channel 'app': nothing refers to it. Use it or remove it."]);
        await edit(map('app', 'x'));
        assert.deepEqual(unused(), ["Unused channel 'web': nothing refers to it. Use it or remove it."]);
    });

    it('leaves the other files alone when typing changes neither ids nor references', async () => {
        await edit(map('app', 'xy'));
        const before = common.diagnostics;
        await edit(map('app', 'xyz'));
        assert.equal(common.diagnostics, before, 'common.journey was not revalidated');
        await edit(map('web', 'xyz'));
        assert.notEqual(common.diagnostics, before, 'a changed reference revalidates it');
        assert.deepEqual(unused(), ["Unused channel 'app': nothing refers to it. Use it or remove it."]);
    });
});
