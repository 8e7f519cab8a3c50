import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { CompareCommands, JourneyCompareManager } from '../../src/extension/compare/compare-manager.js';
import { nodeGitRevisions } from '../../src/extension/compare/compare-node-git.js';
import { COMPARE_VIEW_TYPE } from '../../src/extension/compare/compare-panel.js';
import { REVISION_SCHEME } from '../../src/extension/compare/compare-spec.js';
import { languageClientModelSource } from '../../src/extension/preview/model-source.js';
import type { CompareMessage, CompareSpec, HostToCompareMessage } from '../../webview/compare-messages.js';
import { EXAMPLES_DIR } from '../language/journey-test-helpers.js';
import { createFakeVscode, FakePanel, settle } from './fake-vscode.js';
import { startServer, type ServerProcess } from './language-server-process.js';

const EXTENSION = URI.file('/ext');

/**
 * The compare view's host side with a fake `vscode`, the real language server as a process and
 * real git repositories: commands → view → messages to the webview, clicks → editors.
 */
describe('compare view in the extension host (fake vscode, real server and git)', function () {
    this.timeout(60_000);
    let dir: string;
    let server: ServerProcess;
    let file: URI;
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@localhost', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
    const original = readFileSync(EXAMPLES_DIR + 'gift-return.journey', 'utf8');

    before(async () => {
        dir = mkdtempSync(join(tmpdir(), 'journeymap-compare-'));
        copyFileSync(EXAMPLES_DIR + 'common.journey', join(dir, 'common.journey'));
        writeFileSync(join(dir, 'gift-return.journey'), original);
        git('init', '-q');
        git('add', '.');
        git('commit', '-q', '-m', 'base');
        file = URI.file(join(dir, 'gift-return.journey'));
        server = await startServer(dir);
    });
    after(() => {
        server?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    function setup() {
        const fake = createFakeVscode();
        const manager = new JourneyCompareManager(fake.api, EXTENSION, languageClientModelSource(server.connection), nodeGitRevisions);
        const disposables = manager.register();
        return { fake, manager, dispose: () => disposables.forEach(d => d.dispose()) };
    }

    /** The next `compare` message the view's webview gets (after `ready` when it is new). */
    async function nextMessage(panel: FakePanel, after = panel.webview.posted.length): Promise<HostToCompareMessage> {
        for (let waited = 0; waited < 20_000; waited += 25) {
            if (panel.webview.posted.length > after) return panel.webview.posted[after] as unknown as HostToCompareMessage;
            await settle(25);
        }
        throw new Error('the view got no message');
    }

    async function openedView(fake: ReturnType<typeof setup>['fake'], run: () => unknown): Promise<{ panel: FakePanel; message: CompareMessage }> {
        await run();
        await settle();
        const panel = fake.record.panels.at(-1)!;
        assert.equal(panel.viewType, COMPARE_VIEW_TYPE);
        await panel.send({ type: 'ready' });
        const message = await nextMessage(panel, 0);
        assert.equal(message.type, 'compare', JSON.stringify(message));
        return { panel, message: message as CompareMessage };
    }

    it('Compare with HEAD opens a view with a strict CSP and sends the diff of the working tree against HEAD', async () => {
        writeFileSync(file.fsPath, original.replace('      emotion 0\n', '      emotion -2\n'));
        const { fake, dispose } = setup();
        try {
            const { panel, message } = await openedView(fake, () => fake.record.commands.get(CompareCommands.withHead)!(file));
            assert.match(panel.webview.html, /default-src 'none'; script-src 'nonce-[A-Za-z0-9+/]{22}=='/);
            assert.match(panel.webview.html, /src="https:\/\/fake\.vscode-cdn\.net\/ext\/dist\/webview\/compare\.js"/);
            assert.equal(panel.title, 'gift-return.journey (HEAD ↔ Working tree)');
            assert.deepEqual(message.spec, { old: { kind: 'git', uri: file.toString(), ref: 'HEAD' }, new: { kind: 'file', uri: file.toString() } });
            assert.deepEqual([message.old.label, message.new.label], ['HEAD', 'Working tree']);
            assert.deepEqual(message.summary, { added: 0, removed: 0, changed: 1, moved: 0, renamed: 0, better: 0, worse: 1 });
            const journey = message.journeys.find(j => j.id === 'gift_return')!;
            assert.deepEqual(journey.newMarks, [['step:reads_policy', 'changed'], ['emotion:reads_policy', 'changed']]);
            assert.deepEqual(journey.oldMarks, journey.newMarks);
            assert.equal(journey.changes.length, 1);
            assert.match(journey.changes[0].text, /Reads the return policy.*emotion 0 → -2 ↓ \(worse\)/);
            assert.deepEqual(journey.changes[0].reveal, { side: 'new', range: journey.new!.stages[0].steps[0].range });
            assert.ok(journey.old && journey.new, 'both pictures are sent');
        } finally {
            dispose();
            writeFileSync(file.fsPath, original);
        }
    });

    it('follows edits of the open file and selects the source of either side on click', async () => {
        const { fake, dispose } = setup();
        try {
            const { panel } = await openedView(fake, () => fake.record.commands.get(CompareCommands.withHead)!(file));
            // The user types in the editor: the server rebuilds the model and notifies; the view follows.
            const before = panel.webview.posted.length;
            await server.open(file.toString(), original.replace('"Calls to check"', '"Phones the shop"'));
            const updated = await nextMessage(panel, before) as CompareMessage;
            const changes = updated.journeys.find(j => j.id === 'gift_return')!.changes;
            assert.deepEqual(changes.map(c => c.text), ['step Phones the shop: title “Calls to check” → “Phones the shop”']);

            // Mid-typing the text does not parse: the view keeps comparing the last valid version and says so.
            const beforeBroken = panel.webview.posted.length;
            await server.connection.sendNotification('textDocument/didChange', {
                textDocument: { uri: file.toString(), version: 2 }, contentChanges: [{ text: original.replace('"Calls to check"', '"Phones the shop"').replace('emotion -1', 'emotion }') }],
            });
            const typing = await nextMessage(panel, beforeBroken) as CompareMessage;
            assert.match(typing.new.notice ?? '', /^Working tree: \d+ syntax errors?, comparing the last valid version\.$/);
            assert.deepEqual(typing.new.errors, []);
            assert.deepEqual(typing.journeys[0].changes.map(c => c.text), changes.map(c => c.text), 'the last valid comparison stays');
            const beforeFixed = panel.webview.posted.length;
            await server.connection.sendNotification('textDocument/didChange', {
                textDocument: { uri: file.toString(), version: 3 }, contentChanges: [{ text: original.replace('"Calls to check"', '"Phones the shop"') }],
            });
            assert.equal((await nextMessage(panel, beforeFixed) as CompareMessage).new.notice, undefined);

            const range = { start: { line: 21, character: 4 }, end: { line: 35, character: 5 } };
            await panel.send({ type: 'reveal', side: 'new', range });
            const shown = fake.record.shown.at(-1)!;
            assert.equal(shown.document.uri.toString(), file.toString());
            assert.deepEqual([shown.options.selection.start.line, shown.options.selection.end.line], [21, 35]);

            // The old side is a read-only document of the file at HEAD.
            await panel.send({ type: 'reveal', side: 'old', range });
            for (let waited = 0; fake.record.shown.length < 2 && waited < 10_000; waited += 25) await settle(25);
            const old = fake.record.shown.at(-1)!;
            assert.equal(old.document.uri.scheme, REVISION_SCHEME);
            assert.equal(old.document.uri.path, file.path);
            assert.equal(old.document.getText!(), original);
        } finally {
            dispose();
        }
    });

    it('compares with the staged version, with a revision or another file picked, and with the sides of a diff editor', async () => {
        // Stage an emotion edit. The editor (previous test) has the file open with only the title
        // edited: the live text, not the file on disk, is the new side.
        writeFileSync(file.fsPath, original.replace('      emotion 0\n', '      emotion -2\n'));
        git('add', 'gift-return.journey');
        const { fake, dispose } = setup();
        try {
            const stagedView = await openedView(fake, () => fake.record.commands.get(CompareCommands.withStaged)!(file));
            const staged = stagedView.message;
            assert.equal(staged.old.label, 'Staged');
            assert.deepEqual(staged.journeys[0].changes.map(c => c.text), [
                'step Reads the return policy: emotion -2 → 0 ↑ (better)',
                'step Phones the shop: title “Calls to check” → “Phones the shop”',
            ]);

            // Compare with… → a commit that changed the file.
            const head = git('rev-parse', 'HEAD').trim();
            fake.record.quickPickAnswers.push(items => items.find(i => i.label.includes('Branch, tag or commit')), items => items.find(i => i.description === 'base'));
            const picked = (await openedView(fake, () => fake.record.commands.get(CompareCommands.with)!(file))).message;
            assert.deepEqual(picked.spec.old, { kind: 'git', uri: file.toString(), ref: head });
            assert.equal(picked.old.label, head.slice(0, 8));
            assert.ok(fake.record.quickPicks[1].items.some(i => i.label.includes('master') || i.label.includes('main')), 'branches are offered');
            assert.deepEqual(picked.journeys[0].changes.map(c => c.text), ['step Phones the shop: title “Calls to check” → “Phones the shop”']);

            // Compare with… → a revision typed in; a wrong one is refused by the input box.
            fake.record.quickPickAnswers.push(items => items.find(i => i.label.includes('Branch, tag or commit')), items => items.find(i => i.label.includes('Enter a revision')));
            fake.record.inputBoxAnswers.push('no-such-branch');
            const panels = fake.record.panels.length;
            await fake.record.commands.get(CompareCommands.with)!(file);
            assert.equal(fake.record.panels.length, panels, 'no view for a revision that does not exist');
            // A revision that looks like an option stays a revision (git is never told `--output`).
            fake.record.quickPickAnswers.push(items => items.find(i => i.label.includes('Branch, tag or commit')), items => items.find(i => i.label.includes('Enter a revision')));
            fake.record.inputBoxAnswers.push(`--output=${join(dir, 'written-by-git')}`);
            await fake.record.commands.get(CompareCommands.with)!(file);
            assert.equal(fake.record.panels.length, panels);
            assert.ok(!existsSync(join(dir, 'written-by-git')));

            // Compare with… → another map: the older version is another file.
            const copy = URI.file(join(dir, 'gift-return-draft.journey'));
            writeFileSync(copy.fsPath, original.replace(/journey gift_return "Returning a gift"/, 'journey gift_return "Returning a present"'));
            fake.record.files = [file, copy, URI.file(join(dir, 'common.journey'))];
            fake.record.quickPickAnswers.push(items => items.find(i => i.label.includes('Another .journey file')), items => items.find(i => i.label === 'gift-return-draft.journey'));
            const other = (await openedView(fake, () => fake.record.commands.get(CompareCommands.with)!(file))).message;
            assert.equal(other.title, 'gift-return-draft.journey ↔ gift-return.journey');
            assert.ok(other.journeys[0].changes.some(c => /title “Returning a present” → “Returning a gift”/.test(c.text)), JSON.stringify(other.journeys[0].changes));

            // A diff editor from Source Control: the index (Git extension's `~`) against the file,
            // the same comparison as "with staged" (closed first: an open one would be reused).
            stagedView.panel.dispose();
            const left = file.with({ scheme: 'git', query: JSON.stringify({ path: file.fsPath, ref: '~' }) });
            fake.tabGroups.activeTabGroup.activeTab = { input: { original: left, modified: file } };
            const fromDiff = (await openedView(fake, () => fake.record.commands.get(CompareCommands.diffEditor)!(file))).message;
            assert.deepEqual(fromDiff.spec, { old: { kind: 'git', uri: file.toString(), ref: '' }, new: { kind: 'file', uri: file.toString() } });
            assert.deepEqual(fromDiff.journeys[0].changes.map(c => c.text), staged.journeys[0].changes.map(c => c.text));
        } finally {
            dispose();
            git('reset', '-q');
            writeFileSync(file.fsPath, original);
        }
    });

    it('reopens a view after a reload from its saved spec, and reuses the open view of the same comparison', async () => {
        const { fake, manager, dispose } = setup();
        try {
            const spec: CompareSpec = { old: { kind: 'git', uri: file.toString(), ref: 'HEAD' }, new: { kind: 'file', uri: file.toString() } };
            const panel = new FakePanel(COMPARE_VIEW_TYPE, 'Compare', {}, {});
            await fake.record.serializers.get(COMPARE_VIEW_TYPE)!.deserializeWebviewPanel(panel, { spec, journeyId: 'gift_return' });
            await panel.send({ type: 'ready' });
            const message = await nextMessage(panel, 0) as CompareMessage;
            assert.deepEqual(message.spec, spec);
            assert.equal(manager.openPanels.length, 1);
            fake.record.commands.get(CompareCommands.withHead)!(file);
            assert.equal(manager.openPanels.length, 1, 'the same comparison is not opened twice');
            assert.equal(panel.revealed.length, 1);

            const empty = new FakePanel(COMPARE_VIEW_TYPE, 'Compare', {}, {});
            await fake.record.serializers.get(COMPARE_VIEW_TYPE)!.deserializeWebviewPanel(empty, undefined);
            assert.ok(empty.disposed, 'a view with no saved comparison is closed');
        } finally {
            dispose();
        }
    });

    it('reports a version that does not parse, a file outside git and a file new since HEAD', async () => {
        const { fake, dispose } = setup();
        const outside = mkdtempSync(join(tmpdir(), 'journeymap-nogit-'));
        try {
            writeFileSync(join(dir, 'broken.journey'), 'journey broken "Broken" {\n  stage s "S" {\n');
            git('add', 'broken.journey');
            git('commit', '-q', '-m', 'broken');
            writeFileSync(join(dir, 'broken.journey'), 'journey broken "Broken" {\n  stage s "S" {\n    step a "A" { emotion 1 }\n  }\n}\n');
            const broken = (await openedView(fake, () => fake.record.commands.get(CompareCommands.withHead)!(URI.file(join(dir, 'broken.journey'))))).message;
            assert.match(broken.old.errors[0], /^line \d+, column \d+: /);
            assert.deepEqual(broken.journeys[0].changes, [], 'not diffed');
            assert.ok(broken.journeys[0].new && !broken.journeys[0].old);

            writeFileSync(join(dir, 'new.journey'), 'journey fresh "Fresh" {\n  stage s "S" {\n    step a "A" { emotion 1 }\n  }\n}\n');
            const added = (await openedView(fake, () => fake.record.commands.get(CompareCommands.withHead)!(URI.file(join(dir, 'new.journey'))))).message;
            assert.deepEqual(added.old.errors, []);
            assert.equal(added.summary.added, 1);
            assert.deepEqual(added.journeys[0].newMarks, [['stage:s', 'added'], ['step:a', 'added']], 'a new journey is marked added throughout');
            assert.equal(added.journeys[0].old, undefined);

            writeFileSync(join(outside, 'x.journey'), 'journey x "X" {}\n');
            await fake.record.commands.get(CompareCommands.withHead)!(URI.file(join(outside, 'x.journey')));
            await settle();
            const panel = fake.record.panels.at(-1)!;
            await panel.send({ type: 'ready' });
            const failed = await nextMessage(panel, 0);
            assert.deepEqual(failed, { type: 'compareFailed', spec: failed.spec, message: 'x.journey is not in a git repository.' });
        } finally {
            dispose();
            rmSync(outside, { recursive: true, force: true });
        }
    });
});
