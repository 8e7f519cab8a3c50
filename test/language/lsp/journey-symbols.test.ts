import { strict as assert } from 'node:assert';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { openWorkspace } from '../journey-lsp-helpers.js';

const COMMON = 'persona dana "Dana, online shopper" {\n  description "Buys gifts"\n}\nchannel web "Website"\nteam ops "Operations"\n';
const MAP = 'journey gift "Gift" for dana {\n  channel kiosk "Kiosk"\n  stage buy "Buy" {\n    goal "Pay"\n    step pay "Pays" {\n      channel web, kiosk\n      emotion -2\n    }\n    step leave\n  }\n}\n';

describe('document symbols', () => {
    it('outline journey > stage > step with kinds and titles as detail, and the top-level declarations', async () => {
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP });
        const symbolsOf = async (name: string) => await services.lsp.DocumentSymbolProvider!.getSymbols(documents[name], { textDocument: { uri: documents[name].uri.toString() } }) as DocumentSymbol[];
        const [journey, ...rest] = await symbolsOf('map.journey');
        assert.equal(rest.length, 0);
        assert.deepEqual([journey.name, journey.kind, journey.detail], ['gift', SymbolKind.Module, 'Gift']);
        assert.deepEqual(journey.children!.map(s => [s.name, s.kind, s.detail]), [['kiosk', SymbolKind.Interface, 'Kiosk'], ['buy', SymbolKind.Namespace, 'Buy']]);
        const stage = journey.children![1];
        assert.deepEqual(stage.children!.map(s => [s.name, s.kind, s.detail]), [['pay', SymbolKind.Event, 'Pays'], ['leave', SymbolKind.Event, undefined]]);
        assert.equal(stage.children![0].children?.length ?? 0, 0, 'step members are no symbols');
        // The selection range is the id: a click in the outline lands on it.
        assert.deepEqual(stage.selectionRange, { start: { line: 2, character: 8 }, end: { line: 2, character: 11 } });
        assert.deepEqual((await symbolsOf('common.journey')).map(s => [s.name, s.kind, s.detail]),
            [['dana', SymbolKind.Class, 'Dana, online shopper'], ['web', SymbolKind.Interface, 'Website'], ['ops', SymbolKind.Struct, 'Operations']]);
    });

    it('outlines what parsed of half-typed text', async () => {
        const { services, documents } = await openWorkspace({ 'a.journey': 'journey j {\n  stage s {\n    step a {\n      emotion\n' });
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(documents['a.journey'], { textDocument: { uri: documents['a.journey'].uri.toString() } }) as DocumentSymbol[];
        assert.equal(symbols[0].name, 'j');
        assert.equal(symbols[0].children?.[0]?.name, 's');
    });
});

describe('workspace symbols', () => {
    it('finds journeys, stages, steps, personas, channels and teams of every file, with their container', async () => {
        const { workspace, documents } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP });
        const provider = workspace.shared.lsp.WorkspaceSymbolProvider!;
        const all = await provider.getSymbols({ query: '' });
        const byName = (name: string) => all.find(s => s.name === name)!;
        assert.deepEqual(all.map(s => s.name).sort(), ['buy', 'dana', 'gift', 'kiosk', 'leave', 'ops', 'pay', 'web']);
        assert.deepEqual([byName('gift').kind, byName('buy').kind, byName('pay').kind, byName('dana').kind, byName('web').kind, byName('ops').kind],
            [SymbolKind.Module, SymbolKind.Namespace, SymbolKind.Event, SymbolKind.Class, SymbolKind.Interface, SymbolKind.Struct]);
        assert.equal(byName('pay').containerName, 'stage buy');
        assert.equal(byName('buy').containerName, 'journey gift');
        const pay = byName('pay').location;
        assert.ok('range' in pay);
        assert.equal(pay.uri, documents['map.journey'].uri.toString());
        assert.deepEqual(pay.range, { start: { line: 4, character: 9 }, end: { line: 4, character: 12 } });
    });

    it('matches the query against ids and titles', async () => {
        const { workspace } = await openWorkspace({ 'common.journey': COMMON, 'map.journey': MAP });
        const provider = workspace.shared.lsp.WorkspaceSymbolProvider!;
        assert.deepEqual((await provider.getSymbols({ query: 'lea' })).map(s => s.name), ['leave']);
        assert.deepEqual((await provider.getSymbols({ query: 'Operations' })).map(s => s.name), ['ops'], 'by title');
    });
});

describe('folding', () => {
    it('folds blocks, multi-line comments and multi-line strings', async () => {
        const text = '/* a\n   long\n   comment */\n' + MAP + 'persona p {\n  quote "one\n  two\n  three"\n}\n';
        const { services, documents } = await openWorkspace({ 'a.journey': text });
        const ranges = await services.lsp.FoldingRangeProvider!.getFoldingRanges(documents['a.journey'], { textDocument: { uri: documents['a.journey'].uri.toString() } });
        const pairs = ranges.map(r => [r.startLine, r.endLine]);
        const has = (start: number, end: number, what: string) => assert.ok(pairs.some(([s, e]) => s === start && e === end), `${what}: ${start}-${end} in ${JSON.stringify(pairs)}`);
        // Like VS Code's own: a fold ends on the line before the closing brace or `*/`, which stays visible.
        has(0, 1, 'the comment');
        has(3, 12, 'the journey');
        has(5, 11, 'the stage');
        has(7, 9, 'the step');
        has(15, 17, 'the multi-line string');
    });
});
