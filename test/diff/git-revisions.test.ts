import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, GitError, revisionFiles, type Git } from '../../src/diff/git-revisions.js';

function run(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
}

/** Another runner than the default one: revisionFiles reads each file with its own `git show`. */
const perFile: Git = (args, cwd) => git(args, cwd);

describe('revisionFiles (real git repository)', function () {
    this.timeout(30_000);
    let repo: string;

    before(() => {
        repo = mkdtempSync(join(tmpdir(), 'jm-revisions-'));
        run(repo, 'init', '-q', '-b', 'main');
        mkdirSync(join(repo, 'sub dir'));
        // Multi-byte text, Windows line ends, an empty file, bytes that are not UTF-8, a name with a space.
        writeFileSync(join(repo, 'a.journey'), 'journey a "Ça marche — merci ! 🎁" {\n}\n');
        writeFileSync(join(repo, 'sub dir/b c.journey'), 'journey b "B" {\r\n}\r\n');
        writeFileSync(join(repo, 'empty.journey'), '');
        writeFileSync(join(repo, 'latin1.journey'), Buffer.from([0x6a, 0xe9, 0x0a]));
        writeFileSync(join(repo, 'notes.txt'), 'not a map\n');
        run(repo, 'add', '.');
        run(repo, 'commit', '-q', '-m', 'one');
        writeFileSync(join(repo, 'a.journey'), 'journey a "Changed" {\n}\n');
        run(repo, 'add', 'a.journey'); // staged, not committed
    });
    after(() => rmSync(repo, { recursive: true, force: true }));

    it('reads every .journey file of a commit and of the index in one git process, as one `git show` per file does', async () => {
        for (const revision of ['HEAD', '']) {
            const batch = await revisionFiles(repo, revision);
            const shown = await revisionFiles(repo, revision, perFile);
            assert.deepEqual(batch.map(f => f.path).sort(), ['a.journey', 'empty.journey', 'latin1.journey', 'sub dir/b c.journey']);
            assert.deepEqual([...batch].sort((x, y) => x.path.localeCompare(y.path)), [...shown].sort((x, y) => x.path.localeCompare(y.path)), `revision '${revision}'`);
        }
        const head = new Map((await revisionFiles(repo, 'HEAD')).map(f => [f.path, f.text]));
        assert.equal(head.get('a.journey'), 'journey a "Ça marche — merci ! 🎁" {\n}\n');
        assert.equal(head.get('sub dir/b c.journey'), 'journey b "B" {\r\n}\r\n');
        assert.equal(head.get('empty.journey'), '');
        const index = new Map((await revisionFiles(repo, '')).map(f => [f.path, f.text]));
        assert.equal(index.get('a.journey'), 'journey a "Changed" {\n}\n');
    });

    it('an unknown revision is a GitError, and a revision is never read as an option', async () => {
        await assert.rejects(revisionFiles(repo, 'no-such-revision'), GitError);
        await assert.rejects(revisionFiles(repo, '--output=/tmp/jm-should-not-exist'), GitError);
    });
});
