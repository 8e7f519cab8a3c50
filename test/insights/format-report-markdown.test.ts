import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeInsights, reportedJourneys } from '../../src/insights/insights-engine.js';
import { insightsNames } from '../../src/insights/insights-names.js';
import { formatReportMarkdown } from '../../src/insights/format-report-markdown.js';
import { ensureBuilt, journeymap } from '../cli/cli-process.js';
import { sourcesOf } from './insights-helpers.js';

const GOLDEN = fileURLToPath(new URL('./golden/examples.report.md', import.meta.url));

/** Every kind of user text a map may hold, made hostile. */
export const HOSTILE_MAP = `team t "<img src=x onerror=alert(1)> | @org/team"
journey j "J <script>alert(1)</script>" {
  metric "KPI | <b>bold</b> @maya" 4% baseline 5% target 3%
  stage s "S *stage*" {
    pain "stage | pain\\r\\n- [x](javascript:alert(1))" severity high
    step a "A <img src=x onerror=alert(2)> | #12" {
      emotion -2
      pain "<script>alert(3)</script> | [x](http://evil) @maya\u2028next" severity high
      opportunity "Fix <iframe src=//evil> | **now**" owner t impact high effort low
    }
  }
}
`;

describe('report markdown', function () {
    this.timeout(120_000);

    it('matches the golden report of the examples (UPDATE_GOLDEN=1 rewrites it)', async () => {
        ensureBuilt();
        const run = await journeymap(['report', '--link-base', 'https://github.com/o/r/blob/main', 'examples']);
        assert.equal(run.code, 0, run.stderr);
        if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, run.stdout);
        assert.equal(run.stdout, readFileSync(GOLDEN, 'utf8'));
    });

    it('user text stays inert: no HTML, no mentions, no links of its own, no line breaks in items, pipes escaped', async () => {
        const sources = await sourcesOf({ 'm.journey': HOSTILE_MAP });
        const md = formatReportMarkdown({ insights: computeInsights(sources), names: insightsNames(reportedJourneys(sources)) });
        assert.doesNotMatch(md, /<(?!https?:\/\/)[a-z/!]/i, 'no raw HTML');
        assert.doesNotMatch(md, /(^|[^\\])\]\(/m, 'no link syntax from user text');
        assert.doesNotMatch(md, /@(?!\u2060)/, 'no @-mention');
        assert.doesNotMatch(md, /#(?!\u2060)[0-9]/, 'no issue reference');
        const painRows = md.split('\n').filter(line => line.startsWith('| high'));
        assert.equal(painRows.length, 2, 'each pain stays on one line');
        for (const row of painRows) assert.equal(row.replace(/\\\|/g, '').split('|').length, 8, `six cells: ${row}`);
        assert.match(md, /&lt;script&gt;alert\(3\)&lt;\/script&gt; \\\| \\\[x\\\]\(<http:\/\/evil>\) @\u2060maya next/);
        assert.match(md, /\| KPI \\\| &lt;b&gt;bold&lt;\/b&gt; @\u2060maya \| .* \| 5% → 4% → 3% \|/);
    });

    it('a source link stays one link when its file, as given, holds a URL: the label has no link inside', async () => {
        // `journeymap report http://evil.test/m.journey` reads http:/evil.test/m.journey and names the file as given.
        const file = 'http://evil.test/m.journey';
        const sources = await sourcesOf({ [file]: HOSTILE_MAP });
        const md = formatReportMarkdown({ insights: computeInsights(sources), names: insightsNames(reportedJourneys(sources)), linkBase: 'https://github.com/o/r/blob/main' });
        const links = [...md.matchAll(/\[([^\]]*)\]\((https:\/\/github\.com\/o\/r\/blob\/main\/[^)\s]*)\)/g)];
        assert.ok(links.length >= 3, 'every source is a link');
        for (const [, label, target] of links) {
            assert.match(label, /^http:\u2060\/\/evil\.test\/m\.journey:\d+$/, 'the label reads as the file, with no autolink in it');
            assert.match(target, /\/http%3A\/\/evil\.test\/m\.journey#L\d+$/);
        }
        assert.doesNotMatch(md, /<http:\/\/evil\.test/, 'the path is never a link of its own');
    });
});
