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
});
