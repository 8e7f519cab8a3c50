import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';
import { openWorkspace, positionOf } from '../journey-lsp-helpers.js';

const COMMON = 'persona dana "Dana, online shopper" {\n  description "Buys *gifts* <b>online</b>"\n  goal "Arrive on time"\n}\nchannel web "Website"\nteam ops "Operations"\n';
const MAP = 'journey gift "Gift" for dana {\n  channel kiosk "Kiosk"\n  stage buy "Buy" {\n    goal "Pay"\n    step pay "Pays" {\n      channel web, kiosk\n      emotion -2\n      evidence survey "web survey"\n      onstage "Opens the web page" by ops\n    }\n  }\n}\n';

function applyEdits(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('memory:///x', 'journey', 0, text), edits);
}

describe('navigation', () => {
    it('go to definition jumps to a declaration in another file', async () => {
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP });
        const map = documents['map.journey'];
        const links = await services.lsp.DefinitionProvider!.getDefinition(map, { textDocument: { uri: map.uri.toString() }, position: positionOf(map, 'web,') });
        assert.equal(links?.length, 1);
        assert.equal(links![0].targetUri, documents['common.journey'].uri.toString());
        assert.deepEqual(links![0].targetSelectionRange, { start: positionOf(documents['common.journey'], 'web'), end: { ...positionOf(documents['common.journey'], 'web'), character: positionOf(documents['common.journey'], 'web').character + 3 } });
    });

    it('find references lists the uses across files', async () => {
        const second = 'journey other for dana { stage s { step t { channel web } } }\n';
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP, 'other.journey': second });
        const common = documents['common.journey'];
        const refs = await services.lsp.ReferencesProvider!.findReferences(common, { textDocument: { uri: common.uri.toString() }, position: positionOf(common, 'web'), context: { includeDeclaration: false } });
        assert.deepEqual(refs.map(r => r.uri.split('/').pop()).sort(), ['map.journey', 'other.journey']);
    });

    it('rename changes the id in every file, never the words inside strings', async () => {
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP });
        const map = documents['map.journey'];
        const edit = await services.lsp.RenameProvider!.rename(map, { textDocument: { uri: map.uri.toString() }, position: positionOf(map, 'web,'), newName: 'website' });
        assert.ok(edit?.changes);
        const newCommon = applyEdits(COMMON, edit.changes[documents['common.journey'].uri.toString()]);
        const newMap = applyEdits(MAP, edit.changes[map.uri.toString()]);
        assert.match(newCommon, /^channel website "Website"$/m);
        assert.match(newMap, /channel website, kiosk/);
        assert.match(newMap, /"Opens the web page"/, 'strings untouched');
        assert.match(newMap, /evidence survey "web survey"/);
    });

    it('rename of a journey-local channel touches only that journey', async () => {
        const text = 'channel kiosk "Global"\njourney a {\n  channel kiosk "Local"\n  stage s { step x { channel kiosk } }\n}\njourney b { stage s { step x { channel kiosk } } }\n';
        const { services, documents } = await openWorkspace({ 'a.journey': text });
        const doc = documents['a.journey'];
        const edit = await services.lsp.RenameProvider!.rename(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, 'kiosk', 1), newName: 'booth' });
        const result = applyEdits(text, edit!.changes![doc.uri.toString()]);
        assert.equal(result, 'channel kiosk "Global"\njourney a {\n  channel booth "Local"\n  stage s { step x { channel booth } }\n}\njourney b { stage s { step x { channel kiosk } } }\n');
    });

    it('rename refuses a new name that is not an id', async () => {
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP });
        const map = documents['map.journey'];
        for (const newName of ['two words', '9lives', 'a"b', '']) {
            await assert.rejects(async () => services.lsp.RenameProvider!.rename(map, { textDocument: { uri: map.uri.toString() }, position: positionOf(map, 'web,'), newName }), /not a valid id/, newName);
        }
    });

    it('go to definition follows the journey-local declaration that shadows a global one', async () => {
        const text = 'channel kiosk "Global"\njourney a {\n  channel kiosk "Local"\n  stage s { step x { channel kiosk } }\n}\njourney b { stage s { step x { channel kiosk } } }\n';
        const { services, documents } = await openWorkspace({ 'a.journey': text });
        const doc = documents['a.journey'];
        const target = async (nth: number) => (await services.lsp.DefinitionProvider!.getDefinition(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, 'kiosk', nth) }))?.[0]?.targetSelectionRange.start;
        assert.deepEqual(await target(2), positionOf(doc, 'kiosk', 1), 'in journey a: the local one');
        assert.deepEqual(await target(3), positionOf(doc, 'kiosk', 0), 'in journey b: the global one');
    });

    it('go to definition and references on a persona named after a keyword, and nothing inside a string', async () => {
        const text = 'persona support "Support"\njourney j for support { stage s { step x { note "support" } } }\n';
        const { services, documents } = await openWorkspace({ 'a.journey': text });
        const doc = documents['a.journey'];
        const links = await services.lsp.DefinitionProvider!.getDefinition(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, 'support', 1) });
        assert.deepEqual(links?.[0].targetSelectionRange.start, positionOf(doc, 'support', 0));
        const refs = await services.lsp.ReferencesProvider!.findReferences(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, 'support', 0), context: { includeDeclaration: true } });
        assert.deepEqual(refs.map(r => r.range.start).sort((a, b) => a.line - b.line), [positionOf(doc, 'support', 0), positionOf(doc, 'support', 1)]);
        const inString = await services.lsp.DefinitionProvider!.getDefinition(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, 'support"') });
        assert.ok(!inString?.length, 'a word in a string is no reference');
    });

    it('rename from the declaration renames the persona in every file, `for` included', async () => {
        const other = 'journey other for dana { stage s { step t { note "dana likes it" } } }\n';
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP, 'other.journey': other });
        const common = documents['common.journey'];
        const edit = await services.lsp.RenameProvider!.rename(common, { textDocument: { uri: common.uri.toString() }, position: positionOf(common, 'dana'), newName: 'dana-k' });
        const changes = edit!.changes!;
        assert.deepEqual(Object.keys(changes).map(u => u.split('/').pop()).sort(), ['common.journey', 'map.journey', 'other.journey']);
        assert.match(applyEdits(COMMON, changes[common.uri.toString()]), /^persona dana-k "Dana, online shopper" \{/);
        assert.match(applyEdits(MAP, changes[documents['map.journey'].uri.toString()]), /^journey gift "Gift" for dana-k \{/);
        assert.equal(applyEdits(other, changes[documents['other.journey'].uri.toString()]), 'journey other for dana-k { stage s { step t { note "dana likes it" } } }\n');
    });

    it('prepare rename offers the id under the cursor and nothing on a string or keyword', async () => {
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP });
        const map = documents['map.journey'];
        const prepare = (needle: string, nth = 0) => services.lsp.RenameProvider!.prepareRename(map, { textDocument: { uri: map.uri.toString() }, position: positionOf(map, needle, nth) });
        const web = positionOf(map, 'web,');
        assert.deepEqual(await prepare('web,'), { start: web, end: { line: web.line, character: web.character + 3 } });
        assert.equal(await prepare('Opens'), undefined);
        assert.equal(await prepare('emotion'), undefined);
    });

    it('navigation answers on half-typed text without throwing', async () => {
        for (const text of ['journey j for ', 'channel web\njourney j { stage s { step a { channel web, ', 'journey j for dana { stage', 'team "x']) {
            const { services, documents } = await openWorkspace({ 'a.journey': text });
            const doc = documents['a.journey'];
            for (let offset = 0; offset <= text.length; offset++) {
                const position = doc.textDocument.positionAt(offset);
                const textDocument = { uri: doc.uri.toString() };
                await services.lsp.DefinitionProvider!.getDefinition(doc, { textDocument, position });
                await services.lsp.ReferencesProvider!.findReferences(doc, { textDocument, position, context: { includeDeclaration: true } });
                await services.lsp.RenameProvider!.prepareRename(doc, { textDocument, position });
                await services.lsp.RenameProvider!.rename(doc, { textDocument, position, newName: 'renamed' });
            }
        }
    });

    it('rename works on a team named after a keyword, from a reference, and may name it after another keyword', async () => {
        const text = 'team support "Support"\njourney j { stage s { step x { offstage "support ticket" by support\n owner support } } }\n';
        const { services, documents } = await openWorkspace({ 'a.journey': text });
        const doc = documents['a.journey'];
        const edit = await services.lsp.RenameProvider!.rename(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, 'support\n'), newName: 'frontline' });
        assert.equal(applyEdits(text, edit!.changes![doc.uri.toString()]), 'team frontline "Support"\njourney j { stage s { step x { offstage "support ticket" by frontline\n owner frontline } } }\n');
    });

    it('rename refuses an id already taken by an element of the same kind in the same scope, and allows it elsewhere', async () => {
        const text = 'journey j {\n  channel kiosk\n  channel desk\n  stage s { step a step b }\n  stage t { step c }\n}\njourney k { channel kiosk }\n';
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'a.journey': text });
        const doc = documents['a.journey'];
        const rename = (needle: string, newName: string, nth = 0) => services.lsp.RenameProvider!.rename(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, needle, nth), newName });
        await assert.rejects(async () => rename('desk', 'kiosk'), /'kiosk' is already the id of a channel in journey 'j'/);
        await assert.rejects(async () => rename('c }', 'a'), /'a' is already the id of a step in journey 'j'/, 'step ids are unique in the journey, across stages');
        await assert.rejects(async () => rename('t {', 's'), /stage in journey 'j'/);
        await assert.rejects(async () => rename('k {', 'j'), /'j' is already the id of a journey in a\.journey/);
        const common = documents['common.journey'];
        assert.ok(await services.lsp.RenameProvider!.rename(common, { textDocument: { uri: common.uri.toString() }, position: positionOf(common, 'web'), newName: 'ops' }), 'a channel may take the id of a team');
        assert.ok(await rename('kiosk', 'desk', 1), 'the same id in another journey is no clash');
        assert.ok(await rename('desk', 'desk'), 'renaming to itself is harmless');
    });

    it('rename refuses a global id that a journey declares locally where the renamed one is used', async () => {
        const text = 'channel web\njourney a {\n  channel kiosk "Local"\n  stage s { step x { channel web } }\n}\njourney b {\n  channel booth\n  stage s { step x { channel kiosk } }\n}\n';
        const { services, documents } = await openWorkspace({ 'a.journey': text });
        const doc = documents['a.journey'];
        const rename = (newName: string) => services.lsp.RenameProvider!.rename(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, 'web'), newName });
        await assert.rejects(async () => rename('kiosk'), /declared in journey 'a', which uses 'web'/);
        assert.ok(await rename('booth'), 'journey b declares booth but does not use web');
        // The reverse: a local declaration renamed to the id of a global one the journey uses.
        const local = (newName: string) => services.lsp.RenameProvider!.rename(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, 'kiosk'), newName });
        await assert.rejects(async () => local('web'), /used in journey 'a' for the global declaration/);
        assert.ok(await local('counter'));
    });
});
