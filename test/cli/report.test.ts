import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, journeymap } from './cli-process.js';

/** `journeymap report` as a real process on a multi-file workspace. */

const SHARED = 'team ops "Operations"\nteam web "Web team"\n';
const HOTEL = `journey checkin "Hotel check-in" {
  opportunity kiosk "Self check-in kiosk" owner ops impact high effort high status planned
  metric "Desk time per guest" 6min target 3min
  stage arrive "Arrive" {
    evidence survey "Guest survey"
    step queue "Queues at the desk" {
      emotion -2
      moment of truth
      onstage "Clerk greets" by ops fail "Clerk away"
      pain "Long queue" severity high
      opportunity "Second clerk at peak" owner ops impact medium effort low status doing
    }
    step pays "Pays" {
      emotion -1
      pain "Card declined" severity high
    }
  }
}
`;
const SHOP = `journey shop "Online shop" {
  stage buy "Buy" {
    pain "Slow site" severity medium
    step cart "Fills the cart" {
      emotion 1
      metric "Conversion" 3% baseline 2% target 2.5%
      evidence analytics "Funnel"
      opportunity "Faster cart" owner web impact high effort low status done
    }
  }
}
`;

describe('journeymap report (as a process)', function () {
    this.timeout(120_000);
    let dir: string;

    before(() => {
        ensureBuilt();
        dir = mkdtempSync(join(tmpdir(), 'journeymap-report-'));
        mkdirSync(join(dir, 'maps'));
        writeFileSync(join(dir, 'maps/shared.journey'), SHARED);
        writeFileSync(join(dir, 'maps/hotel.journey'), HOTEL);
        writeFileSync(join(dir, 'maps/shop.journey'), SHOP);
        mkdirSync(join(dir, 'broken'));
        writeFileSync(join(dir, 'broken/bad.journey'), 'journey bad {\n  stage s {\n    step x {\n      pain\n');
        writeFileSync(join(dir, 'broken/unknown.journey'), 'journey u {\n  stage s {\n    step x {\n      pain "p" severity low\n      opportunity "o" owner nobody\n    }\n  }\n}\n');
    });

    after(() => rmSync(dir, { recursive: true, force: true }));

    it('json: the whole report of a folder, exactly', async () => {
        const run = await journeymap(['report', '--format', 'json', 'maps'], dir);
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.stderr, '');
        assert.deepEqual(JSON.parse(run.stdout), {
            schemaVersion: 1,
            totals: { journeys: 2, stages: 2, steps: 3, pains: 3, opportunities: 3, failPoints: 1, momentsOfTruth: 1 },
            pains: [
                { journey: 'checkin', stage: 'arrive', step: 'queue', text: 'Long queue', severity: 'high', emotion: -2, momentOfTruth: true, opportunities: 1, file: 'maps/hotel.journey', line: 10 },
                { journey: 'checkin', stage: 'arrive', step: 'pays', text: 'Card declined', severity: 'high', emotion: -1, momentOfTruth: false, opportunities: 0, file: 'maps/hotel.journey', line: 15 },
                { journey: 'shop', stage: 'buy', step: null, text: 'Slow site', severity: 'medium', emotion: null, momentOfTruth: false, opportunities: 0, file: 'maps/shop.journey', line: 3 },
            ],
            opportunities: [
                { journey: 'checkin', stage: null, step: null, id: 'kiosk', text: 'Self check-in kiosk', owner: 'ops', impact: 'high', effort: 'high', status: 'planned', pains: 2, file: 'maps/hotel.journey', line: 2 },
                { journey: 'checkin', stage: 'arrive', step: 'queue', id: null, text: 'Second clerk at peak', owner: 'ops', impact: 'medium', effort: 'low', status: 'doing', pains: 1, file: 'maps/hotel.journey', line: 11 },
                { journey: 'shop', stage: 'buy', step: 'cart', id: null, text: 'Faster cart', owner: 'web', impact: 'high', effort: 'low', status: 'done', pains: 0, file: 'maps/shop.journey', line: 8 },
            ],
            owners: [{ team: 'ops', open: 2, done: 0 }, { team: 'web', open: 0, done: 1 }],
            metrics: [
                { journey: 'checkin', stage: null, step: null, name: 'Desk time per guest', value: '6min', baseline: null, target: '3min', onTarget: false, file: 'maps/hotel.journey', line: 3 },
                { journey: 'shop', stage: 'buy', step: 'cart', name: 'Conversion', value: '3%', baseline: '2%', target: '2.5%', onTarget: true, file: 'maps/shop.journey', line: 6 },
            ],
            evidence: { solicited: 1, unsolicited: 1, stepsWithout: [] },
            lowestMoments: [
                { journey: 'checkin', step: 'queue', emotion: -2, momentOfTruth: true },
                { journey: 'shop', step: 'cart', emotion: 1, momentOfTruth: false },
            ],
        });
    });

    it('--journey keeps one journey; an unknown one is a usage error naming those there are', async () => {
        const one = await journeymap(['report', '--format=json', '--journey', 'shop', 'maps'], dir);
        assert.equal(one.code, 0, one.stderr);
        assert.deepEqual(JSON.parse(one.stdout).totals, { journeys: 1, stages: 1, steps: 1, pains: 1, opportunities: 1, failPoints: 0, momentsOfTruth: 0 });
        const none = await journeymap(['report', '--journey', 'nope', 'maps'], dir);
        assert.equal(none.code, 2);
        assert.equal(none.stdout, '');
        assert.equal(none.stderr, "journeymap report: no journey 'nope' in the maps (they have: checkin, shop)\n");
    });

    it('a file that does not parse is named and skipped, the rest reported, exit 1', async () => {
        const run = await journeymap(['report', '--format', 'json', 'maps', 'broken'], dir);
        assert.equal(run.code, 1);
        const report = JSON.parse(run.stdout);
        assert.equal(report.totals.journeys, 3, 'hotel, shop and the unresolved-owner map are reported');
        assert.deepEqual(report.owners.map((o: { team: string }) => o.team), ['ops', 'nobody', 'web']);
        assert.match(run.stderr, /^broken\/bad\.journey:\d+:\d+ - error syntax-error: /m);
        assert.match(run.stderr, /^broken\/bad\.journey: not reported: the file has syntax errors$/m);
        assert.doesNotMatch(run.stderr, /unknown\.journey: not reported/);
        assert.match(run.stderr, /^journeymap report: the maps have \d+ errors? \(journeymap check maps broken lists them\)$/m);
    });

    it('markdown by default, with --link-base links to file:line; the current folder when no path is given', async () => {
        const run = await journeymap(['report', '--link-base', 'https://example.test/o/r/blob/abc/'], join(dir, 'maps'));
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^## Journey insights\n\n\*\*2\*\* journeys · \*\*2\*\* stages · \*\*3\*\* steps/);
        assert.match(run.stdout, /\| high \| Long queue \| Queues at the desk \(Hotel check-in\) \| -2 \(moment of truth\) \| yes \| \[hotel\.journey:10\]\(https:\/\/example\.test\/o\/r\/blob\/abc\/hotel\.journey#L10\) \|/);
    });

    it('usage and I/O errors: exit 2 with one line', async () => {
        const format = await journeymap(['report', '--format', 'pdf', 'maps'], dir);
        assert.equal(format.code, 2);
        assert.equal(format.stderr, "journeymap report: --format must be one of markdown, html, json (got 'pdf')\n");
        const missing = await journeymap(['report', 'nowhere'], dir);
        assert.equal(missing.code, 2);
        assert.equal(missing.stderr, 'journeymap report: nowhere: no such file or directory\n');
    });
});
