import { strict as assert } from 'node:assert';
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { openWorkspace } from '../journey-lsp-helpers.js';
import { exampleSources } from '../journey-test-helpers.js';

const COMMON = 'persona dana "Dana" { description "Buys gifts" }\npersona omar\nchannel web "Website"\nchannel app "Mobile app"\nteam ops "Operations"\nteam product\n';

async function complete(files: Record<string, string>): Promise<CompletionItem[]> {
    const { services, at } = await openWorkspace(files);
    assert.ok(at, 'a cursor');
    const list = await services.lsp.CompletionProvider!.getCompletion(at.document, { textDocument: { uri: at.document.uri.toString() }, position: at.position });
    return list?.items ?? [];
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);
const inStep = (member: string) => ({ 'common.journey': COMMON, 'map.journey': `journey j for dana {\n  stage s {\n    step a {\n      ${member}\n    }\n  }\n}\n` });

describe('completion', () => {
    it('offers the step members inside a step, and nothing that is not valid there', async () => {
        const items = labels(await complete(inStep('|')));
        for (const member of ['channel', 'touchpoint', 'emotion', 'thinks', 'feels', 'says', 'onstage', 'offstage', 'support', 'pain', 'opportunity', 'metric', 'evidence', 'owner', 'note', 'moment …']) {
            assert.ok(items.includes(member), `${member} offered`);
        }
        for (const invalid of ['journey', 'stage', 'persona', 'scenario', 'step']) {
            assert.ok(!items.includes(invalid), `${invalid} not offered in a step`);
        }
    });

    it('offers the journey members in a journey and the declarations at the top', async () => {
        const journey = labels(await complete({ 'a.journey': 'journey j {\n  |\n}\n' }));
        assert.deepEqual(journey.filter(l => !l.endsWith('…')).sort(), ['channel', 'evidence', 'metric', 'note', 'objective', 'opportunity', 'persona', 'scenario', 'stage', 'team']);
        assert.ok(journey.includes('stage …'), 'the stage snippet');
        assert.deepEqual(labels(await complete({ 'a.journey': '|' })).sort(), ['channel', 'journey', 'persona', 'team']);
    });

    it('offers personas after `for`, from other files too, with their titles', async () => {
        const items = await complete({ 'common.journey': COMMON, 'map.journey': 'journey j for |' });
        assert.deepEqual(labels(items).sort(), ['dana', 'omar']);
        assert.match(items.find(i => i.label === 'dana')!.detail ?? '', /Dana.*common\.journey/);
    });

    it('offers channels after `channel` and after a comma, journey-local ones included', async () => {
        const local = { 'common.journey': COMMON, 'map.journey': 'journey j for dana {\n  channel kiosk\n  stage s {\n    step a {\n      channel |\n    }\n  }\n}\n' };
        assert.deepEqual(labels(await complete(local)).sort(), ['app', 'kiosk', 'web']);
        assert.deepEqual(labels(await complete(inStep('channel web, |'))).sort(), ['app'], 'web is listed already');
        assert.deepEqual(labels(await complete(inStep('channel web, a|'))).sort(), ['app']);
        assert.deepEqual(labels(await complete(inStep('channel web|'))), ['web'], 'the channel being typed is offered');
    });

    it('offers teams after `by` and `owner`, and not channels', async () => {
        assert.deepEqual(labels(await complete(inStep('onstage "x" by |'))).sort(), ['ops', 'product']);
        assert.deepEqual(labels(await complete(inStep('opportunity "x" owner |'))).sort(), ['ops', 'product']);
        assert.deepEqual(labels(await complete(inStep('owner |'))).sort(), ['ops', 'product']);
    });

    it('offers the evidence kinds, solicited or not, and the severities', async () => {
        const evidence = await complete(inStep('evidence |'));
        assert.deepEqual(labels(evidence).sort(), ['analytics', 'feedback', 'frontline', 'interview', 'nps', 'observation', 'review', 'social', 'survey', 'ticket']);
        assert.equal(evidence.find(i => i.label === 'survey')!.detail, 'solicited evidence');
        assert.equal(evidence.find(i => i.label === 'ticket')!.detail, 'unsolicited evidence');
        const severity = await complete(inStep('pain "x" severity |'));
        assert.deepEqual(labels(severity).sort(), ['high', 'low', 'medium']);
    });

    it('offers the emotion values with their meaning', async () => {
        const items = await complete(inStep('emotion |'));
        assert.deepEqual(labels(items), ['+2', '+1', '0', '-1', '-2']);
        assert.equal(items.find(i => i.label === '-2')!.detail, 'very negative');
        assert.equal(items.find(i => i.label === '+1')!.detail, 'positive');
    });

    it('offers snippets for a new stage and a new step', async () => {
        const stage = (await complete({ 'a.journey': 'journey j {\n  |\n}\n' })).find(i => i.label === 'stage …')!;
        assert.equal(stage.insertTextFormat, InsertTextFormat.Snippet);
        assert.match(stage.textEdit?.newText ?? stage.insertText ?? '', /^stage \$\{1:id\} "\$\{2:Title\}" \{[\s\S]*step/);
        const step = (await complete({ 'a.journey': 'journey j {\n  stage s {\n    |\n  }\n}\n' })).find(i => i.label === 'step …')!;
        assert.equal(step.insertTextFormat, InsertTextFormat.Snippet);
        assert.match(step.textEdit?.newText ?? step.insertText ?? '', /^step \$\{1:id\}/);
    });

    it('answers on half-typed text without throwing', async () => {
        for (const text of ['journey j { stage s { step a { channel |', 'journey | {', 'persona p {\n  |', '"unterminated |', 'journey j for dana { stage s { step a { metric "x" 3|']) {
            await complete({ 'a.journey': text });
        }
    });

    it('offers exactly the step members in a step, the stage members in a stage, the persona fields in a persona', async () => {
        assert.deepEqual(labels(await complete(inStep('|'))).sort(), ['channel', 'duration', 'emotion', 'evidence', 'feels', 'link', 'metric', 'moment …', 'note', 'offstage', 'onstage', 'opportunity', 'owner', 'pain', 'physical', 'says', 'support', 'thinks', 'touchpoint', 'wait']);
        assert.deepEqual(labels(await complete({ 'a.journey': 'journey j {\n  stage s {\n    |\n  }\n}\n' })).sort(), ['evidence', 'goal', 'metric', 'note', 'opportunity', 'pain', 'step', 'step …']);
        assert.deepEqual(labels(await complete({ 'a.journey': 'persona p {\n  |\n}\n' })).sort(), ['description', 'goal', 'need', 'quote', 'segment']);
        assert.deepEqual(labels(await complete(inStep('moment of |'))), ['truth']);
        assert.deepEqual(labels(await complete({ 'a.journey': 'journey j "J" |' })), ['for', 'future']);
        const afterAction = labels(await complete(inStep('onstage "x" |')));
        assert.ok(afterAction.includes('by') && afterAction.includes('pain') && !afterAction.includes('severity'), afterAction.join());
        const afterPain = labels(await complete(inStep('pain "x" |')));
        assert.ok(afterPain.includes('severity') && !afterPain.includes('by'), afterPain.join());
        assert.deepEqual(labels(await complete(inStep('metric "m" 3 |'))).filter(l => l === 'target' || l === 'stage'), ['target']);
    });

    it('explains each keyword where it stands: `channel` declares at the top and refers in a step', async () => {
        const top = (await complete({ 'a.journey': '|' })).find(i => i.label === 'channel')!;
        assert.deepEqual([top.kind, top.detail], [CompletionItemKind.Keyword, 'Declare a channel']);
        const step = await complete(inStep('|'));
        assert.equal(step.find(i => i.label === 'channel')!.detail, 'The channels the step happens through');
        assert.equal(step.find(i => i.label === 'onstage')!.detail, 'What the customer sees the business do (frontstage)');
        assert.equal(step.find(i => i.label === 'owner')!.detail, 'The team that owns the step');
    });

    it('completes a half-typed keyword by replacing what was typed', async () => {
        const items = await complete(inStep('emo|'));
        const emotion = items.find(i => i.label === 'emotion')!;
        assert.ok(emotion, 'emotion offered');
        assert.ok(emotion.textEdit && 'range' in emotion.textEdit);
        assert.equal(emotion.textEdit.range.end.character - emotion.textEdit.range.start.character, 3, 'replaces `emo`');
        assert.equal(emotion.textEdit.newText, 'emotion');
    });

    it('offers a shadowed channel once, the journey-local one, and shows a persona description as plain text', async () => {
        const items = await complete({ 'common.journey': COMMON, 'map.journey': 'journey j for dana {\n  channel web "Local web"\n  stage s {\n    step a {\n      channel |\n    }\n  }\n}\n' });
        assert.deepEqual(labels(items).sort(), ['app', 'web']);
        assert.match(items.find(i => i.label === 'web')!.detail!, /^channel "Local web"$/);
        assert.equal(items.find(i => i.label === 'app')!.kind, CompletionItemKind.Interface);
        const personas = await complete({ 'common.journey': COMMON, 'map.journey': 'journey j for |' });
        assert.deepEqual(personas.find(i => i.label === 'dana')!.documentation, { kind: 'plaintext', value: 'Buys gifts' });
        assert.equal(personas.find(i => i.label === 'omar')!.detail, 'persona "Omar" (common.journey)', 'the readable id when there is no title');
        assert.equal(personas.find(i => i.label === 'dana')!.kind, CompletionItemKind.Class);
    });

    it('gives severities their meaning and snippets numbered tab stops ending in $0', async () => {
        const severity = await complete(inStep('pain "x" severity |'));
        const ordered = [...severity].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
        assert.deepEqual(ordered.map(i => [i.label, i.detail]), [['low', 'Low severity'], ['medium', 'Medium severity'], ['high', 'High severity']]);
        assert.equal(severity.find(i => i.label === 'high')!.kind, CompletionItemKind.EnumMember);
        assert.equal(severity.find(i => i.label === 'high')!.documentation, 'High severity: can make the customer give up.');
        const step = (await complete({ 'a.journey': 'journey j {\n  stage s {\n    |\n  }\n}\n' })).find(i => i.label === 'step …')!;
        const body = step.textEdit?.newText ?? step.insertText ?? '';
        const stops = [...body.matchAll(/\$\{?(\d+)/g)].map(m => Number(m[1]));
        assert.deepEqual(stops, [1, 2, 3, 4, 0]);
    });

    it('never throws at any position of an example map (every third offset)', async () => {
        const example = exampleSources().find(e => e.name === 'gift-purchase.journey')!;
        const common = exampleSources().find(e => e.name === 'common.journey')!;
        const { services, documents } = await openWorkspace({ 'common.journey': common.text, 'map.journey': example.text });
        const doc = documents['map.journey'];
        let offered = 0;
        for (let offset = 0; offset <= example.text.length; offset += 3) {
            const list = await services.lsp.CompletionProvider!.getCompletion(doc, { textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset) });
            offered += list?.items.length ?? 0;
        }
        assert.ok(offered > 0);
    });
});
