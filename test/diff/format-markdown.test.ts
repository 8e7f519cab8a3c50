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
        assert.doesNotMatch(md, /<[a-z/!]/i);
        assert.doesNotMatch(md, /[^\\]\|/, 'every pipe escaped');
        assert.doesNotMatch(md, /[^\\]\]\(/, 'no link syntax from user text');
        assert.match(md, /&lt;script&gt;/);
        assert.match(md, /pain added:/);
    });

    it('markdown says so when nothing changed; text colours only on a terminal', async () => {
        const same = diffDocuments(await model(BEFORE), await model(BEFORE));
        assert.match(formatMarkdown(same), /No changes to the journeys\./);
        const changed = diffDocuments(await model(BEFORE), await model(BEFORE.replace('emotion 0', 'emotion -2')));
        assert.match(formatText(changed, true), /\x1b\[33m.*emotion 0 → -2 ↓ \(worse\)/);
        assert.doesNotMatch(formatText(changed, false), /\x1b/);
    });
});
