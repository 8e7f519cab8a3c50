import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { URI } from 'langium';
import { JourneyWorkspace, loadJourneyText } from '../../../language/workspace/journey-workspace.js';

/** Applies the quick fix for the first diagnostic with `code`, returning the new text. */
async function applyFix(text: string, code: string, title?: RegExp): Promise<{ fixed: string; action: CodeAction }> {
    const workspace = new JourneyWorkspace();
    const [{ document, diagnostics }] = await workspace.load([{ uri: URI.parse('memory:///fix.journey'), text }]);
    const diagnostic = diagnostics.find(d => d.code === code);
    assert.ok(diagnostic, `a ${code} diagnostic`);
    // The provider the language server registers, as the editor asks it.
    const provider = workspace.services.lsp.CodeActionProvider!;
    const offered = (await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const action = offered.find(a => !title || title.test(a.title));
    assert.ok(action?.edit?.changes, `a quick fix for ${code}`);
    const edits = action.edit.changes[document.uri.toString()];
    return { fixed: TextDocument.applyEdits(TextDocument.create('memory:///x', 'journey', 0, text), edits), action };
}

async function codes(text: string): Promise<string[]> {
    return (await loadJourneyText(text)).diagnostics.map(d => String(d.code));
}

describe('quick fixes', () => {
    it('declares an unknown channel after the last channel of the file', async () => {
        const text = 'persona p\nchannel web "Web"\nteam ops\n\njourney j for p {\n  stage s {\n    step a { channel web, sms_text\n      onstage "x" by ops }\n  }\n}\n';
        const { fixed, action } = await applyFix(text, 'unresolved-reference');
        assert.equal(action.title, "Declare channel 'sms_text'");
        assert.equal(fixed, text.replace('channel web "Web"\n', 'channel web "Web"\nchannel sms_text "Sms text"\n'));
        assert.ok(!(await codes(fixed)).includes('unresolved-reference'));
    });

    it('declares an unknown team or persona at the top when the file declares nothing', async () => {
        const text = 'journey j for maya {\n  stage s { step a { owner billing } }\n}\n';
        const persona = await applyFix(text, 'unresolved-reference', /persona/);
        assert.equal(persona.fixed, 'persona maya "Maya"\n\n' + text);
        const team = await applyFix(persona.fixed, 'unresolved-reference', /team/);
        assert.equal(team.fixed, 'persona maya "Maya"\nteam billing "Billing"\n\n' + text);
        assert.ok(!(await codes(team.fixed)).includes('unresolved-reference'));
    });

    it('clamps an out-of-range emotion, rounding a fraction', async () => {
        const step = (value: string) => `persona p\njourney j for p {\n  stage s {\n    step a {\n      emotion ${value}\n    }\n  }\n}\n`;
        for (const [from, to] of [['7', '+2'], ['-5', '-2'], ['1.4', '+1'], ['-1.6', '-2']]) {
            const { fixed } = await applyFix(step(from), 'emotion-out-of-range');
            assert.equal(fixed, step(to), `${from} → ${to}`);
            assert.ok(!(await codes(fixed)).includes('emotion-out-of-range'));
        }
    });

    it('adds an opportunity under a pain, indented like it', async () => {
        const text = 'persona p\njourney j for p {\n  stage s {\n    step a {\n      emotion -1\n      pain "Slow" severity high\n    }\n  }\n}\n';
        const { fixed } = await applyFix(text, 'pain-without-opportunity');
        assert.equal(fixed, text.replace('      pain "Slow" severity high\n', '      pain "Slow" severity high\n      opportunity "Describe the improvement"\n'));
        assert.ok(!(await codes(fixed)).includes('pain-without-opportunity'));
    });

    it('renames one of two duplicate ids to a free id, touching only the id', async () => {
        const text = 'persona p\njourney j for p {\n  stage s {\n    step pay "Pay" {}\n    step pay "Pay again" {}\n    step pay_2 "Taken" {}\n  }\n}\n';
        const { fixed, action } = await applyFix(text, 'duplicate-id');
        assert.equal(action.title, "Rename this 'pay' to 'pay_3'");
        assert.equal(fixed, text.replace('step pay "Pay" {}', 'step pay_3 "Pay" {}'));
        assert.ok(!(await codes(fixed)).includes('duplicate-id'));
        const channels = 'channel web "A"\nchannel web "B"\n';
        const second = await applyFix(channels, 'duplicate-id');
        assert.equal(second.fixed, 'channel web_2 "A"\nchannel web "B"\n');
    });

    it('writes https:// before a scheme-less link, escaping what needs it, and offers nothing for javascript:', async () => {
        const text = 'persona p\njourney j for p {\n  stage s {\n    step a {\n      link "www.example.org/a\\"b" "Doc"\n      link "javascript:x"\n    }\n  }\n}\n';
        const { fixed, action } = await applyFix(text, 'unsafe-link');
        assert.equal(action.title, 'Change the link to "https://www.example.org/a\\"b"');
        assert.equal(fixed, text.replace('"www.example.org', '"https://www.example.org'));
        assert.equal((await codes(fixed)).filter(c => c === 'unsafe-link').length, 1, 'the javascript: link stays reported');
        const workspace = new JourneyWorkspace();
        const [{ document, diagnostics }] = await workspace.load([{ uri: URI.parse('memory:///js.journey'), text: fixed }]);
        const js = diagnostics.find(d => d.code === 'unsafe-link')!;
        const offered = await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: js.range, context: { diagnostics: [js] } });
        assert.deepEqual(offered, []);
    });

    it('renames a duplicate opportunity id to one free among the journey\'s opportunities', async () => {
        const text = 'persona p\njourney j for p {\n  opportunity kiosk "A"\n  opportunity kiosk_2 "B"\n  stage s {\n    step a {\n      opportunity kiosk "C"\n    }\n  }\n}\n';
        const { fixed, action } = await applyFix(text, 'duplicate-id');
        assert.equal(action.title, "Rename this 'kiosk' to 'kiosk_3'");
        assert.equal(fixed, text.replace('opportunity kiosk "A"', 'opportunity kiosk_3 "A"'));
        assert.ok(!(await codes(fixed)).includes('duplicate-id'));
    });
});
