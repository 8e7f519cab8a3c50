import { strict as assert } from 'node:assert';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { createTestServices } from '../journey-test-helpers.js';

/**
 * The editor's path: documents live in the text document store, and an edit is a
 * DocumentBuilder.update of the changed URI, as Langium's document update handler does it.
 */
async function editorWorkspace(files: Record<string, string>) {
    const { shared } = createTestServices();
    const store = shared.workspace.TextDocuments!;
    const uris = Object.fromEntries(Object.keys(files).map(name => [name, URI.parse(`memory:///${name}`)]));
    const versions = new Map<string, number>();
    const write = (name: string, text: string) => {
        const version = (versions.get(name) ?? 0) + 1;
        versions.set(name, version);
        store.set(TextDocument.create(uris[name].toString(), 'journey', version, text));
    };
    for (const [name, text] of Object.entries(files)) write(name, text);
    await shared.workspace.DocumentBuilder.update(Object.values(uris), []);
    const diagnostics = (name: string): Diagnostic[] => shared.workspace.LangiumDocuments.getDocument(uris[name])?.diagnostics ?? [];
    const edit = async (name: string, text: string) => {
        write(name, text);
        await shared.workspace.DocumentBuilder.update([uris[name]], []);
    };
    return { diagnostics, edit };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => String(d.code)).sort();

describe('workspace', () => {
    it('editing a declaration file revalidates the maps that use it', async () => {
        const common = 'persona p\nchannel web\nteam ops\n';
        const map = 'journey j for p {\n  stage s {\n    step a { channel web\n onstage "x" by ops }\n  }\n}\n';
        const ws = await editorWorkspace({ 'common.journey': common, 'map.journey': map });
        assert.deepEqual(codes(ws.diagnostics('map.journey')), []);

        await ws.edit('common.journey', 'persona p\nteam ops\n');
        assert.deepEqual(codes(ws.diagnostics('map.journey')), ['unresolved-reference'], 'the map, not edited, lost its channel');

        await ws.edit('common.journey', 'persona p\nchannel web\nteam ops\n');
        assert.deepEqual(codes(ws.diagnostics('map.journey')), [], 'and gets it back');
    });

    it('a new reference in one file clears the unused-declaration hint in another', async () => {
        const ws = await editorWorkspace({ 'common.journey': 'persona p\nchannel web\nchannel fax\n', 'map.journey': 'journey j for p { stage s { step a { channel web } } }\n' });
        assert.deepEqual(codes(ws.diagnostics('common.journey')), ['unused-declaration']);
        await ws.edit('map.journey', 'journey j for p { stage s { step a { channel web, fax } } }\n');
        assert.deepEqual(codes(ws.diagnostics('common.journey')), []);
    });

    it('a declaration duplicated in another file is flagged in both, and cleared in both', async () => {
        const ws = await editorWorkspace({ 'a.journey': 'channel web\n', 'b.journey': 'channel other\n' });
        await ws.edit('b.journey', 'channel web\n');
        assert.ok(codes(ws.diagnostics('a.journey')).includes('duplicate-id'));
        assert.ok(codes(ws.diagnostics('b.journey')).includes('duplicate-id'));
        await ws.edit('b.journey', 'channel other\n');
        assert.ok(!codes(ws.diagnostics('a.journey')).includes('duplicate-id'));
    });
});
