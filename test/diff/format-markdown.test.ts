import { strict as assert } from 'node:assert';
import { diffDocuments } from '../../src/diff/diff-engine.js';
import { formatMarkdown } from '../../src/diff/format-markdown.js';
import { formatText } from '../../src/diff/format-text.js';
import { loadRevision } from '../../src/diff/load-revision.js';

async function model(text: string) {
    const rev = await loadRevision([{ path: 'map.journey', text }]);
    return rev.models.get('map.journey')!;
}

const BEFORE = 'journey j "J" { stage s "S" { step a "A" { emotion 0 } } }\n';
const HOSTILE = 'journey j "J" { stage s "S" { step a "A <img src=x onerror=alert(1)> | *b*" { emotion 0 pain "<script>alert(1)</script> | [x](http://evil) \\u001b[31m" } } }\n';

describe('diff formats', () => {
    it('markdown keeps hostile step titles and pains as text: no raw HTML, no table breaks, no links', async () => {
        const md = formatMarkdown(diffDocuments(await model(BEFORE), await model(HOSTILE)));
        assert.doesNotMatch(md, /<(?!https?:\/\/)[a-z/!]/i, 'no raw HTML (an http URL is an explicit autolink)');
        assert.doesNotMatch(md, /[^\\]\|/, 'every pipe escaped');
        assert.doesNotMatch(md, /[^\\]\]\(/, 'no link syntax from user text');
        assert.match(md, /&lt;script&gt;/);
        assert.match(md, /pain added:/);
    });

    it('markdown user text: a lone CR, @mentions, #refs, URLs, bidi controls and markup stay inert and read as written', async () => {
        const pain = (text: string) => BEFORE.replace('emotion 0', `emotion 0 pain "${text}"`);
        const item = async (text: string) => formatMarkdown(diffDocuments(await model(BEFORE), await model(pain(text)))).split('\n').filter(l => l.startsWith('- '));
        assert.deepEqual(await item('a\rb\r\nc\u2028d'), ['- step *A*: pain added: “a b c d”']);
        assert.deepEqual(await item('ask @maya and @org/team about #12'), ['- step *A*: pain added: “ask @\u2060maya and @\u2060org/team about #\u206012”']);
        assert.deepEqual(await item('see https://x.example/a_b(c)?d=*e*f. or www.x.example/a_b'), ['- step *A*: pain added: “see <https://x.example/a_b(c)?d=*e*f>. or www\\.x.example/a\\_b”']);
        assert.deepEqual(await item('\u202Eevil\u2066\u2069'), ['- step *A*: pain added: “`<U+202E>`evil`<U+2066><U+2069>`”']);
        assert.deepEqual(await item('*a* _b_ `c` ~d~ $e$ [f] \\\\ & < >'), ['- step *A*: pain added: “\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\$e\\$ \\[f\\] \\\\ &amp; &lt; &gt;”']);
    });

    it('text keeps the user\'s asterisks and backticks, shows controls escaped', async () => {
        const changed = diffDocuments(await model(BEFORE), await model(BEFORE.replace('"A"', '"*A* `x` \u001b[2J"')));
        assert.match(formatText(changed, false), /step \*A\* `x` \\x1b\[2J: title “A” → “\*A\* `x` \\x1b\[2J”/);
    });

    it('markdown says so when nothing changed; text colours only on a terminal', async () => {
        const same = diffDocuments(await model(BEFORE), await model(BEFORE));
        assert.match(formatMarkdown(same), /No changes to the journeys\./);
        const changed = diffDocuments(await model(BEFORE), await model(BEFORE.replace('emotion 0', 'emotion -2')));
        assert.match(formatText(changed, true), /\x1b\[33m.*emotion 0 → -2 ↓ \(worse\)/);
        assert.doesNotMatch(formatText(changed, false), /\x1b/);
    });

    it('markdown keeps hostile schema-2 text inert: fail points, thought sources, link labels and URLs, stage titles', async () => {
        const before = 'journey j "J" { stage s "S" { step a "A" { emotion 0 offstage "Check" support "Sync" } } }\n';
        const hostile = 'journey j "J" { stage s "S <b>x</b> | *y*" { step a "A" { emotion 0 '
            + 'offstage "Check" fail "<img src=x onerror=alert(1)> @team" '
            + 'support "Sync" fail "[x](javascript:alert(1))" thinks "T" from "`rm -rf` | #12" '
            + 'link "javascript:alert(1)" "![i](http://evil/x.png)" } } }\n';
        const md = formatMarkdown(diffDocuments(await model(before), await model(hostile)));
        assert.doesNotMatch(md, /<(?!https?:\/\/)[a-z/!]/i, 'no raw HTML');
        assert.doesNotMatch(md, /[^\\]\|/, 'every pipe escaped');
        assert.doesNotMatch(md, /[^\\]\]\(/, 'no link or image syntax from user text');
        assert.match(md, /^\*\*Stage S &lt;b&gt;x&lt;\/b&gt; \\\| \\\*y\\\*\*\*$/m, 'the stage heading is the escaped title');
        assert.match(md, /offstage action “Check”: fail \(none\) → “&lt;img src=x onerror=alert\(1\)&gt; @\u2060team”/);
        assert.match(md, /thinks added: “T” \(from “\\`rm -rf\\` \\\| #\u206012”\)/);
        assert.match(md, /link added: “javascript:alert\(1\) \(!\\\[i\\\]\(<http:\/\/evil\/x\.png>\)\)”/);
        for (const line of md.split('\n')) assert.equal((line.replace(/\\`/g, '').match(/`/g) ?? []).length % 2, 0, `balanced code spans: ${line}`);
    });

    it('markdown and text name stages and steps by title, the id after a title another one shares', async () => {
        const twins = 'journey j { stage a "Same" { step x "Twin" { emotion 0 } } stage b "Same" { step z "Twin" { emotion 0 } } }\n';
        const result = diffDocuments(await model(twins), await model(twins.replace('step x "Twin" { emotion 0 }', 'step x "Twin" { emotion 1 }')));
        const md = formatMarkdown(result);
        assert.match(md, /^\*\*Stage Same\*\* `a`$/m);
        assert.match(md, /^- step \*Twin\* `x`: emotion 0 → \+1 ↑ \(better\)$/m);
        const text = formatText(result, false);
        assert.match(text, /^ {2}stage Same \(a\)$/m);
        assert.match(text, /^ {4}step Twin \(x\): emotion 0 → \+1 ↑ \(better\)$/m);
        const unique = formatMarkdown(diffDocuments(await model(BEFORE), await model(BEFORE.replace('emotion 0', 'emotion 1'))));
        assert.match(unique, /^\*\*Stage S\*\*$/m);
        assert.match(unique, /^- step \*A\*: emotion 0 → \+1/m);
    });

    it('text spells out an opportunity status change and an added pain with its severity', async () => {
        const before = 'team ops "Ops"\njourney j "J" { opportunity kiosk "Self check-in kiosk" owner ops status planned stage s "S" { step a "A" { emotion 0 } } }\n';
        const after = before.replace('status planned', 'status doing').replace('emotion 0', 'emotion 0 pain "Queue *at* the desk" severity high');
        const text = formatText(diffDocuments(await model(before), await model(after)), false);
        assert.match(text, /^1 added, 0 removed, 1 changed,/);
        assert.match(text, /^ {4}opportunity Self check-in kiosk: status planned → doing$/m);
        assert.match(text, /^ {4}step A: pain added: “Queue \*at\* the desk” \(severity high\)$/m);
    });
});
