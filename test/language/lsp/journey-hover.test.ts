import { strict as assert } from 'node:assert';
import type { Hover } from 'vscode-languageserver';
import { openWorkspace, positionOf } from '../journey-lsp-helpers.js';
import { exampleSources } from '../journey-test-helpers.js';

const COMMON = 'persona dana "Dana, online shopper" {\n  description "Buys *gifts* <b>online</b>"\n  goal "Arrive on time"\n}\nchannel web "Website"\nteam ops "Operations"\n';
const MAP = 'journey gift "Gift" for dana {\n  channel kiosk "Kiosk"\n  stage buy "Buy" {\n    goal "Pay"\n    step pay "Pays" {\n      channel web, kiosk\n      emotion -2\n      evidence survey "web survey"\n      evidence ticket "support tickets"\n      onstage "Opens the web page" by ops\n    }\n  }\n}\n';

function hoverText(hover: Hover | undefined): string {
    assert.ok(hover, 'a hover');
    assert.ok(typeof hover.contents === 'object' && 'kind' in hover.contents && hover.contents.kind === 'markdown', 'markdown');
    return hover.contents.value;
}

async function hovers(files: Record<string, string>, file: string) {
    const { services, documents } = await openWorkspace(files);
    const doc = documents[file];
    const atOffset = (offset: number) => services.lsp.HoverProvider!.getHoverContent(doc, { textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset) });
    return Object.assign(async (needle: string, nth = 0) => services.lsp.HoverProvider!.getHoverContent(doc, { textDocument: { uri: doc.uri.toString() }, position: positionOf(doc, needle, nth) }), { atOffset });
}

describe('hover', () => {
    it('on a persona reference shows the declaration title and profile, user text escaped', async () => {
        const hover = await hovers({ 'common.journey': COMMON, 'map.journey': MAP }, 'map.journey');
        const text = hoverText(await hover('dana'));
        assert.match(text, /\*\*persona\*\* `dana` — Dana, online shopper/);
        assert.match(text, /Buys \\\*gifts\\\* \\<b\\>online\\<\/b\\>/, 'user text escaped, not markup');
        assert.match(text, /Goal: Arrive on time/);
        assert.match(text, /declared in common\.journey/);
    });

    it('on the declaration id itself shows the same', async () => {
        const hover = await hovers({ 'common.journey': COMMON, 'map.journey': MAP }, 'common.journey');
        assert.match(hoverText(await hover('dana')), /Dana, online shopper[\s\S]*Buys/);
        assert.match(hoverText(await hover('web')), /\*\*channel\*\* `web` — Website/);
        assert.match(hoverText(await hover('ops')), /\*\*team\*\* `ops` — Operations/);
    });

    it('on channel and team references shows their titles; journey-local ones name their journey', async () => {
        const hover = await hovers({ 'common.journey': COMMON, 'map.journey': MAP }, 'map.journey');
        assert.match(hoverText(await hover('web,')), /channel.*Website/);
        assert.match(hoverText(await hover('ops')), /team.*Operations/);
        assert.match(hoverText(await hover('kiosk', 1)), /Kiosk[\s\S]*journey `gift`/);
    });

    it('on an emotion shows its meaning, on the number and on the keyword; out of range says the scale', async () => {
        const hover = await hovers({ 'common.journey': COMMON, 'map.journey': MAP }, 'map.journey');
        assert.match(hoverText(await hover('-2')), /Emotion -2\*\*: very negative/);
        assert.match(hoverText(await hover('emotion')), /very negative/);
        const other = await hovers({ 'a.journey': 'journey j { stage s { step a { emotion +1 } step b { emotion 5 } } }' }, 'a.journey');
        assert.match(hoverText(await other('+1')), /Emotion \+1\*\*: positive/);
        assert.match(hoverText(await other('5')), /outside the scale.*-2.*\+2/);
    });

    it('on an evidence kind says whether it is solicited', async () => {
        const hover = await hovers({ 'common.journey': COMMON, 'map.journey': MAP }, 'map.journey');
        assert.match(hoverText(await hover('survey')), /\*\*survey\*\*: solicited/);
        assert.match(hoverText(await hover('ticket')), /\*\*ticket\*\*: unsolicited/);
    });

    it('on a severity and on a moment of truth says what they mean', async () => {
        const hover = await hovers({ 'a.journey': 'journey j { stage s { step a {\n emotion -1\n moment of truth "*Half* drop off"\n pain "high fees" severity high } } }' }, 'a.journey');
        assert.match(hoverText(await hover('high', 1)), /\*\*Severity high\*\*: can make the customer give up/);
        assert.equal(await hover('high'), undefined, 'the word inside the string is text');
        assert.match(hoverText(await hover('truth')), /\*\*Moment of truth\*\*[\s\S]*\\\*Half\\\* drop off/);
    });

    it('on stages, steps and journeys shows their titles; on plain text nothing', async () => {
        const hover = await hovers({ 'common.journey': COMMON, 'map.journey': MAP }, 'map.journey');
        assert.match(hoverText(await hover('gift')), /\*\*journey\*\* `gift` — Gift[\s\S]*1 stage\(s\), 1 step\(s\)/);
        assert.match(hoverText(await hover('buy')), /\*\*stage\*\* `buy` — Buy[\s\S]*Goal: Pay/);
        assert.match(hoverText(await hover('pay')), /\*\*step\*\* `pay` — Pays[\s\S]*very negative/);
        assert.equal(await hover('Opens'), undefined);
    });

    it('answers on half-typed text without throwing', async () => {
        for (const text of ['journey j for ', 'journey j { stage s { step a { emotion', 'journey j { stage s { step a { emotion 1x', 'persona "', 'journey j for nobody { stage s { step a { channel zz, ',
            // A field keyword without its text (found by the fuzzer).
            'persona a{description', 'persona a { goal "g" need', 'journey j for a { scenario', 'journey j { stage s { goal']) {
            const hover = await hovers({ 'a.journey': text }, 'a.journey');
            for (let offset = 0; offset <= text.length; offset++) await hover.atOffset(offset);
        }
    });

    it('answers at every offset of the example maps; every channel reference shows its declaration', async () => {
        const files = Object.fromEntries(exampleSources().map(e => [e.name, e.text]));
        const { services, documents } = await openWorkspace(files);
        for (const [name, doc] of Object.entries(documents)) {
            const text = doc.textDocument.getText();
            let shown = 0;
            for (let offset = 0; offset <= text.length; offset++) {
                const hover = await services.lsp.HoverProvider!.getHoverContent(doc, { textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(offset) });
                if (hover) shown++;
            }
            assert.ok(shown > 0, name);
            for (const match of text.matchAll(/^\s+channel ([\w-]+)/gm)) {
                if (!match[0].includes('"') && /step/.test(text.slice(0, match.index))) {
                    const position = doc.textDocument.positionAt(match.index! + match[0].length - match[1].length);
                    const hover = await services.lsp.HoverProvider!.getHoverContent(doc, { textDocument: { uri: doc.uri.toString() }, position });
                    assert.match(hoverText(hover), new RegExp(`\\*\\*channel\\*\\* \`${match[1]}\``), `${name}: ${match[1]}`);
                }
            }
        }
    });
});
