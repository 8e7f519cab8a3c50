import { strict as assert } from 'node:assert';
import { SemanticTokenTypes, SymbolKind, type CompletionItem, type DocumentSymbol, type Hover, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { openWorkspace, positionOf } from '../journey-lsp-helpers.js';

/** Completion, hover, outline, rename, go to definition, semantic tokens and folding of the schema-2 elements. */

const COMMON = 'persona guest "Guest"\nteam desk "Front desk"\nteam it "IT"\n';
const TODAY = 'journey today "Check-in today" for guest {\n  stage arrive {\n    step queue { emotion -2 }\n  }\n}\n';
const NEXT = [
    'journey next "Check-in, to be" for guest future of today {',
    '  opportunity kiosk "Self check-in kiosk" owner desk impact high effort low status planned',
    '  metric "Within 5 min" 71% baseline 64% target 90%',
    '  stage arrive "Arrival" {',
    '    pain "No parking sign"',
    '    opportunity "Signs at the gate" status idea',
    '    step queue "Queues" {',
    '      emotion 1',
    '      physical "Registration card"',
    '      duration 4min',
    '      wait 10min "Evening peak"',
    '      says "Again?" from "P4"',
    '      onstage "Takes the card" by desk fail "Terminal offline"',
    '      opportunity prefill "Pre-fill the card" owner it status doing link "https://tracker.example/1"',
    '      opportunity "Unnamed step idea"',
    '      link "https://figma.example/kiosk" "Prototype"',
    '    }',
    '  }',
    '}',
    '',
].join('\n');

const labels = (items: CompletionItem[]) => items.map(i => i.label);

async function complete(files: Record<string, string>): Promise<CompletionItem[]> {
    const { services, at } = await openWorkspace(files);
    assert.ok(at, 'a cursor');
    const list = await services.lsp.CompletionProvider!.getCompletion(at.document, { textDocument: { uri: at.document.uri.toString() }, position: at.position });
    return list?.items ?? [];
}

const inStep = (member: string) => ({ 'common.journey': COMMON, 'map.journey': `journey j for guest {\n  stage s {\n    step a {\n      ${member}\n    }\n  }\n}\n` });

function hoverText(hover: Hover | undefined): string {
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, 'a markdown hover');
    return hover.contents.value;
}

describe('schema 2 in the editor', () => {
    describe('completion', () => {
        it('offers every new step member with its meaning', async () => {
            const items = await complete(inStep('|'));
            const detail = (label: string) => items.find(i => i.label === label)?.detail;
            assert.equal(detail('physical'), 'Physical evidence the customer sees or touches (physical lane)');
            assert.equal(detail('duration'), 'How long the step takes: 30s, 4min, 2h, 1d');
            assert.equal(detail('wait'), 'A wait point: how long the customer waits in this step, and why');
            assert.match(detail('link')!, /http, https, mailto/);
        });

        it('offers the clauses after an action, a thought, a metric, an opportunity and a journey header', async () => {
            assert.ok(labels(await complete(inStep('onstage "x" by desk |'))).includes('fail'));
            assert.ok(labels(await complete(inStep('says "x" |'))).includes('from'));
            const metric = labels(await complete(inStep('metric "m" 3 |')));
            assert.ok(metric.includes('baseline') && metric.includes('target'), metric.join());
            assert.deepEqual(labels(await complete(inStep('metric "m" |'))).filter(l => ['baseline', 'target'].includes(l)).sort(), ['baseline', 'target']);
            const opportunity = labels(await complete(inStep('opportunity o "x" |')));
            for (const clause of ['owner', 'impact', 'effort', 'status', 'link']) assert.ok(opportunity.includes(clause), clause);
            const afterOwner = labels(await complete(inStep('opportunity "x" owner it impact high |')));
            assert.ok(afterOwner.includes('effort') && afterOwner.includes('status'), afterOwner.join());
            assert.deepEqual(labels(await complete({ ...inStep(''), 'map.journey': 'journey j for guest |' })), ['future']);
            assert.deepEqual(labels(await complete({ ...inStep(''), 'map.journey': 'journey j for guest future |' })), ['of']);
        });

        it('offers the journeys of the workspace after `future of`', async () => {
            const items = await complete({ 'common.journey': COMMON, 'today.journey': TODAY, 'map.journey': 'journey next for guest future of |' });
            assert.deepEqual(labels(items).filter(l => l !== 'next'), ['today']);
            assert.match(items.find(i => i.label === 'today')!.detail!, /Check-in today/);
        });

        it('offers impact and effort words with what they mean for each', async () => {
            const impact = await complete(inStep('opportunity "x" impact |'));
            assert.deepEqual(labels(impact), ['low', 'medium', 'high']);
            assert.equal(impact.find(i => i.label === 'high')!.detail, 'High impact');
            assert.match(String(impact.find(i => i.label === 'high')!.documentation), /worth prioritising/);
            const effort = await complete(inStep('opportunity "x" effort |'));
            assert.equal(effort.find(i => i.label === 'low')!.detail, 'Low effort');
            assert.match(String(effort.find(i => i.label === 'low')!.documentation), /quick win/);
        });

        it('offers the status words in their order, with meanings', async () => {
            const items = await complete(inStep('opportunity "x" status |'));
            const ordered = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
            assert.deepEqual(ordered.map(i => i.label), ['idea', 'planned', 'doing', 'done', 'dropped']);
            assert.equal(items.find(i => i.label === 'dropped')!.documentation, 'Status dropped: decided against; kept to record the decision.');
        });

        it('describes stage-level and journey-level members as such', async () => {
            const stage = await complete({ 'a.journey': 'journey j {\n  stage s {\n    |\n  }\n}\n' });
            assert.equal(stage.find(i => i.label === 'pain')!.detail, 'A pain point of the whole stage');
            const journey = await complete({ 'a.journey': 'journey j {\n  |\n}\n' });
            assert.equal(journey.find(i => i.label === 'opportunity')!.detail, 'An opportunity for the whole journey');
        });
    });

    describe('hover', () => {
        async function hoverAt(needle: string, nth = 0): Promise<string> {
            const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'today.journey': TODAY, 'next.journey': NEXT });
            const doc = documents['next.journey'];
            return hoverText(await services.lsp.HoverProvider!.getHoverContent(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, needle, nth) }));
        }

        it('explains physical evidence, duration, wait points, fail points, from, link and baseline', async () => {
            assert.match(await hoverAt('physical'), /\*\*Physical evidence\*\*.*service blueprint/s);
            assert.match(await hoverAt('duration'), /\*\*Duration\*\*/);
            assert.match(await hoverAt('wait'), /\*\*Wait point\*\*/);
            assert.match(await hoverAt('fail'), /\*\*Fail point\*\*.*open-fail-point/s);
            assert.match(await hoverAt('from'), /\*\*From\*\*/);
            assert.match(await hoverAt('link "https://figma'), /\*\*Link\*\*.*unsafe-link/s);
            assert.match(await hoverAt('baseline'), /\*\*Baseline\*\*/);
        });

        it('explains as-is / to-be on `future of`, naming both journeys', async () => {
            const text = await hoverAt('future');
            assert.match(text, /\*\*to-be\*\*.*\*\*as-is\*\*/s);
            assert.match(text, /As-is: `today` — Check\\-in today; to-be: `next`/);
            assert.equal(await hoverAt('of today'), text);
        });

        it('explains each impact, effort and status word as what it rates', async () => {
            assert.equal(await hoverAt('high effort'), '**Impact high**: changes the experience or moves a key metric: worth prioritising.');
            assert.match(await hoverAt('low status'), /^\*\*Effort low\*\*: days of work/);
            assert.match(await hoverAt('planned'), /^\*\*Status planned\*\*: decided and scheduled/);
            assert.match(await hoverAt('doing'), /^\*\*Status doing\*\*/);
            assert.match(await hoverAt('impact'), /^\*\*Impact\*\* of the opportunity/);
        });

        it('on a `future of` reference shows the as-is journey', async () => {
            assert.match(await hoverAt('today'), /\*\*journey\*\* `today` — Check\\-in today/);
        });
    });

    it('outline lists journey- and stage-level opportunities, and step-level ones with an id', async () => {
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'today.journey': TODAY, 'next.journey': NEXT });
        const doc = documents['next.journey'];
        const [journey] = await services.lsp.DocumentSymbolProvider!.getSymbols(doc, { textDocument: { uri: doc.uri.toString() } }) as DocumentSymbol[];
        assert.deepEqual(journey.children!.map(s => [s.name, s.kind, s.detail]), [
            ['kiosk', SymbolKind.Field, 'Self check-in kiosk — planned'], ['arrive', SymbolKind.Namespace, 'Arrival'],
        ]);
        const stage = journey.children![1];
        assert.deepEqual(stage.children!.map(s => [s.name, s.kind, s.detail]), [
            ['Signs at the gate', SymbolKind.Field, 'idea'], ['queue', SymbolKind.Event, 'Queues'],
        ]);
        assert.deepEqual(stage.children![1].children!.map(s => s.name), ['prefill'], 'a step opportunity without id is no symbol');
        assert.deepEqual(journey.children![0].selectionRange, { start: { line: 1, character: 14 }, end: { line: 1, character: 19 } });
    });

    describe('rename and navigation', () => {
        it('renaming a journey renames its `future of` references in other files', async () => {
            const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'today.journey': TODAY, 'next.journey': NEXT });
            const today = documents['today.journey'];
            const edit = await services.lsp.RenameProvider!.rename(today, { textDocument: { uri: today.uri.toString() }, position: positionOf(today, 'today'), newName: 'as_is' });
            const apply = (text: string, edits: TextEdit[] = []) => TextDocument.applyEdits(TextDocument.create('memory:///x', 'journey', 0, text), edits);
            assert.match(apply(NEXT, edit?.changes?.[documents['next.journey'].uri.toString()]), /future of as_is \{/);
            assert.match(apply(TODAY, edit?.changes?.[today.uri.toString()]), /^journey as_is "Check-in today"/);
        });

        it('go to definition on `future of` jumps to the as-is journey', async () => {
            const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'today.journey': TODAY, 'next.journey': NEXT });
            const next = documents['next.journey'];
            const links = await services.lsp.DefinitionProvider!.getDefinition(next, { textDocument: { uri: next.uri.toString() }, position: positionOf(next, 'today') });
            assert.equal(links?.[0].targetUri, documents['today.journey'].uri.toString());
        });

        it('renames an opportunity id, refusing one taken in the same journey', async () => {
            const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'today.journey': TODAY, 'next.journey': NEXT });
            const doc = documents['next.journey'];
            const rename = (needle: string, newName: string) => services.lsp.RenameProvider!.rename(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, needle), newName });
            const edit = await rename('prefill', 'prefill_card');
            assert.deepEqual(edit?.changes?.[doc.uri.toString()].map(e => e.newText), ['prefill_card']);
            await assert.rejects(async () => rename('prefill', 'kiosk'), /'kiosk' is already the id of an opportunity in journey 'next'/);
        });
    });

    it('colours the new words: enum members for impact, effort and status values, the as-is reference and opportunity ids', async () => {
        const { services, documents } = await openWorkspace({ 'common.journey': COMMON, 'today.journey': TODAY, 'next.journey': NEXT });
        const doc = documents['next.journey'];
        const tokens = await services.lsp.SemanticTokenProvider!.semanticHighlight(doc, { textDocument: { uri: doc.uri.toString() } });
        const legend = services.lsp.SemanticTokenProvider!.tokenTypes;
        const names = Object.fromEntries(Object.entries(legend).map(([name, index]) => [index, name]));
        const decoded: string[] = [];
        let line = 0;
        let char = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
            const [dl, dc, length, type] = tokens.data.slice(i, i + 4);
            line += dl;
            char = dl === 0 ? char + dc : dc;
            decoded.push(`${doc.textDocument.getText({ start: { line, character: char }, end: { line, character: char + length } })}:${names[type]}`);
        }
        for (const expected of ['future:keyword', 'today:namespace', 'kiosk:variable', 'high:enumMember', 'low:enumMember', 'planned:enumMember',
            'physical:keyword', 'fail:keyword', 'from:keyword', 'baseline:keyword', '64%:number', '4min:number', 'link:keyword']) {
            assert.ok(decoded.includes(expected), `${expected} in ${decoded.join(' ')}`);
        }
        assert.ok(decoded.includes(`desk:${SemanticTokenTypes.struct}`));
    });

    it('folds a multi-line opportunity and a stage', async () => {
        const text = 'journey j {\n  opportunity o "O"\n    impact high\n    status idea\n  stage s {\n    step a\n  }\n  stage bare\n}\n';
        const { services, documents } = await openWorkspace({ 'a.journey': text });
        const doc = documents['a.journey'];
        const ranges = await services.lsp.FoldingRangeProvider!.getFoldingRanges(doc, { textDocument: { uri: doc.uri.toString() } });
        const pairs = ranges.map(r => `${r.startLine}-${r.endLine}`);
        assert.ok(pairs.includes('1-3') || pairs.includes('1-2'), `the opportunity folds: ${pairs.join()}`);
        assert.ok(pairs.includes('4-5'), `the stage folds: ${pairs.join()}`);
        assert.ok(!pairs.some(p => p.startsWith('7-')), 'a bodyless stage has nothing to fold');
    });
});
