import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FilePair } from '../../src/diff/diff-files.js';
import { loadRevision } from '../../src/diff/load-revision.js';
import { portfolioLine } from '../../src/diff/portfolio-change.js';
import { ensureBuilt, journeymap } from '../cli/cli-process.js';

const BEFORE = `journey j {
  opportunity kiosk "Kiosk" status planned
  opportunity "Second clerk" status idea
  opportunity gone "Gone" status idea
  stage s {
    pain "Old stage pain"
    step x {
      pain "Queue" severity high
      pain "Slow lift" severity low
    }
  }
}
`;
const AFTER = `journey j {
  opportunity kiosk "Self check-in kiosk" status done
  opportunity "Second clerk" status idea
  opportunity app "App check-in" status planned
  opportunity "Night desk"
  stage s {
    step x {
      pain "Queue" severity high
      pain "Lift broken for weeks" severity low
      pain "Card declined" severity high
    }
  }
}
`;

async function line(before: Record<string, string>, after: Record<string, string>, pairs: FilePair[]): Promise<string | undefined> {
    const files = (side: Record<string, string>) => Object.entries(side).map(([path, text]) => ({ path, text }));
    return portfolioLine(await loadRevision(files(before)), await loadRevision(files(after)), pairs);
}

describe('portfolio line of the pull-request comment', function () {
    this.timeout(60_000);

    it('counts opportunities added and removed by status, status moves (matched by id, else text) and pains; an edited text is no move', async () => {
        assert.equal(await line({ 'm.journey': BEFORE }, { 'm.journey': AFTER }, [{ path: 'm.journey', status: 'modified' }]),
            'opportunities: +1 planned, +1 without status, -1 idea, 1 planned → done; pains: +1 (1 high), -1');
    });

    it('says nothing when the portfolio does not move; a renamed file keeps its items', async () => {
        assert.equal(await line({ 'a.journey': BEFORE }, { 'b.journey': BEFORE.replace('journey j {', 'journey j "J" {') },
            [{ path: 'b.journey', oldPath: 'a.journey', status: 'renamed' }]), undefined);
    });

    it('an added file brings all its items; a file that does not parse is left out', async () => {
        assert.equal(await line({}, { 'n.journey': BEFORE, 'bad.journey': 'journey {' },
            [{ path: 'n.journey', status: 'added' }, { path: 'bad.journey', status: 'added' }]), 'opportunities: +1 planned, +2 idea; pains: +3 (1 high)');
    });

    it('appears under the headline of `diff --format markdown`', async () => {
        ensureBuilt();
        const dir = mkdtempSync(join(tmpdir(), 'jm-portfolio-'));
        try {
            writeFileSync(join(dir, 'old.journey'), BEFORE);
            writeFileSync(join(dir, 'new.journey'), AFTER);
            const run = await journeymap(['diff', '--format', 'markdown', 'old.journey', 'new.journey'], dir);
            assert.equal(run.code, 0, run.stderr);
            const lines = run.stdout.split('\n');
            assert.match(lines[2], /^\*\*\d+ pains? added, /, 'the headline in the map\'s terms');
            assert.match(lines[4], /^\*\*\d+\*\* added · /);
            assert.equal(lines[6], 'opportunities: +1 planned, +1 without status, -1 idea, 1 planned → done; pains: +1 (1 high), -1');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
