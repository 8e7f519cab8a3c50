import { strict as assert } from 'node:assert';
import type { CompletionItem } from 'vscode-languageserver';
import { InsertTextFormat } from 'vscode-languageserver';
import { openWorkspace } from './journey-lsp-helpers.js';

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
        assert.deepEqual(journey.filter(l => !l.endsWith('…')).sort(), ['channel', 'objective', 'persona', 'scenario', 'stage', 'team']);
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
        assert.deepEqual(labels(await complete(inStep('channel web, |'))).sort(), ['app', 'web']);
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
});
