import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type Hover, type TextEdit } from 'vscode-languageserver';
import { DefaultSemanticTokenOptions } from 'langium/lsp';
import { openWorkspace, positionOf } from './journey-lsp-helpers.js';

const COMMON = 'persona dana "Dana, online shopper" {\n  description "Buys *gifts* <b>online</b>"\n  goal "Arrive on time"\n}\nchannel web "Website"\nteam ops "Operations"\n';
const MAP = 'journey gift "Gift" for dana {\n  channel kiosk "Kiosk"\n  stage buy "Buy" {\n    goal "Pay"\n    step pay "Pays" {\n      channel web, kiosk\n      emotion -2\n      evidence survey "web survey"\n      onstage "Opens the web page" by ops\n    }\n  }\n}\n';

function hoverText(hover: Hover | undefined): string {
    assert.ok(hover, 'a hover');
    return typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : JSON.stringify(hover.contents);
}

function applyEdits(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('memory:///x', 'journey', 0, text), edits);
}

describe('navigation and hover', () => {
    it('hover on a persona reference shows the declaration title and description, escaped', async () => {
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP });
        const map = documents['map.journey'];
        const text = hoverText(await services.lsp.HoverProvider!.getHoverContent(map, { textDocument: { uri: map.uri.toString() }, position: positionOf(map, 'dana') }));
        assert.match(text, /persona/);
        assert.match(text, /Dana, online shopper/);
        assert.match(text, /Buys \\\*gifts\\\* \\<b\\>online\\<\/b\\>/, 'user text escaped, not markup');
        assert.match(text, /Goal: Arrive on time/);
    });

    it('hover on a channel reference and a team shows its title; on emotion its meaning; on evidence its kind', async () => {
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP });
        const map = documents['map.journey'];
        const hover = async (needle: string, nth = 0) => hoverText(await services.lsp.HoverProvider!.getHoverContent(map, { textDocument: { uri: map.uri.toString() }, position: positionOf(map, needle, nth) }));
        assert.match(await hover('web,'), /channel.*Website/);
        assert.match(await hover('ops'), /team.*Operations/);
        assert.match(await hover('kiosk', 1), /Kiosk[\s\S]*journey `gift`/);
        assert.match(await hover('-2'), /very negative/);
        assert.match(await hover('emotion'), /Emotion -2.*very negative/);
        assert.match(await hover('survey'), /solicited/);
    });

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

    it('outlines journey > stage > step, with top-level declarations', async () => {
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP });
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(documents['map.journey'], { textDocument: { uri: documents['map.journey'].uri.toString() } }) as DocumentSymbol[];
        const journey = symbols.find(s => s.name === 'gift')!;
        assert.ok(journey);
        const stage = journey.children!.find(s => s.name === 'buy')!;
        assert.ok(stage, 'stage under journey');
        assert.deepEqual(stage.children!.map(s => s.name), ['pay']);
        const common = await services.lsp.DocumentSymbolProvider!.getSymbols(documents['common.journey'], { textDocument: { uri: documents['common.journey'].uri.toString() } }) as DocumentSymbol[];
        assert.deepEqual(common.map(s => s.name), ['dana', 'web', 'ops']);
        assert.deepEqual([journey.kind, stage.kind, stage.children![0].kind], [SymbolKind.Module, SymbolKind.Namespace, SymbolKind.Event]);
        assert.deepEqual([journey.detail, stage.detail], ['Gift', 'Buy'], 'titles beside the ids');
    });

    it('folds blocks and multi-line comments', async () => {
        const text = '/* a\n   long\n   comment */\n' + MAP;
        const { services, documents } = await openWorkspace({ 'a.journey': text });
        const ranges = await services.lsp.FoldingRangeProvider!.getFoldingRanges(documents['a.journey'], { textDocument: { uri: documents['a.journey'].uri.toString() } });
        const starts = ranges.map(r => r.startLine);
        assert.ok(starts.includes(0), 'the comment');
        assert.ok(starts.includes(3), 'the journey');
        assert.ok(starts.includes(5), 'the stage');
        assert.ok(starts.includes(7), 'the step');
    });

    it('finds journeys, stages, steps and declarations as workspace symbols', async () => {
        const { workspace } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP });
        const provider = workspace.shared.lsp.WorkspaceSymbolProvider!;
        const names = (await provider.getSymbols({ query: '' })).map(s => s.name);
        for (const name of ['gift', 'dana', 'web', 'ops']) assert.ok(names.includes(name), name);
    });
});

describe('semantic highlighting', () => {
    it('tells declarations from references, and colours evidence, severity and emotion', async () => {
        const text = 'channel web "Web"\nteam ops\njourney j {\n  stage s {\n    step a {\n      channel web\n      emotion -2\n      pain "p" severity high\n      evidence survey "x"\n      onstage "o" by ops\n    }\n  }\n}\n';
        const { services, documents } = await openWorkspace({ 'a.journey': text });
        const doc = documents['a.journey'];
        const provider = services.lsp.SemanticTokenProvider!;
        const result = await provider.semanticHighlight(doc, { textDocument: { uri: doc.uri.toString() } });
        const legend = DefaultSemanticTokenOptions.legend;
        // Decode LSP's relative encoding into (line, char, length, type, modifiers).
        const tokens: Array<{ text: string; type: string; declaration: boolean }> = [];
        let line = 0, char = 0;
        const lines = text.split('\n');
        for (let i = 0; i < result.data.length; i += 5) {
            const [dl, dc, length, type, mods] = result.data.slice(i, i + 5);
            line += dl; char = dl === 0 ? char + dc : dc;
            tokens.push({ text: lines[line].slice(char, char + length), type: legend.tokenTypes[type], declaration: (mods & (1 << legend.tokenModifiers.indexOf('declaration'))) !== 0 });
        }
        const find = (word: string, nth = 0) => tokens.filter(t => t.text === word)[nth];
        assert.deepEqual(find('web', 0), { text: 'web', type: 'interface', declaration: true });
        assert.deepEqual(find('web', 1), { text: 'web', type: 'interface', declaration: false });
        assert.deepEqual(find('ops', 1), { text: 'ops', type: 'struct', declaration: false });
        assert.equal(find('-2').type, 'number');
        assert.equal(find('high').type, 'enumMember');
        assert.equal(find('survey').type, 'enumMember');
        assert.equal(find('a').type, 'function');
    });
});
