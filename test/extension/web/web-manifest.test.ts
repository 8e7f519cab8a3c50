import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT } from '../../webview/browser.js';

interface MenuItem { command: string; when?: string }

/** The manifest's side of the web extension (docs/web.md): its entry, its capabilities, and what it hides without a shell. */
describe('package.json for vscode.dev and github.dev', () => {
    const manifest = JSON.parse(readFileSync(ROOT + 'package.json', 'utf8'));
    const GIT_BY_REVISION = ['journeymap.compare.withHead', 'journeymap.compare.withStaged'];

    it('has a browser entry beside main, built by scripts/web-bundles.mjs', () => {
        assert.equal(manifest.main, './dist/extension.cjs');
        assert.equal(manifest.browser, './dist/extension-web.cjs');
        assert.match(readFileSync(ROOT + 'scripts/web-bundles.mjs', 'utf8'), /'extension-web': 'src\/extension\/extension-web\.ts'/);
    });

    it('declares virtual and untrusted workspaces as limited, saying what is missing', () => {
        const { virtualWorkspaces, untrustedWorkspaces } = manifest.capabilities;
        assert.equal(virtualWorkspaces.supported, 'limited');
        assert.match(virtualWorkspaces.description, /git/);
        assert.equal(untrustedWorkspaces.supported, 'limited');
        assert.match(untrustedWorkspaces.description, /git/);
    });

    it('offers the git-by-revision commands only where a shell exists and the workspace is trusted, in every menu', () => {
        const items: MenuItem[] = Object.values(manifest.contributes.menus as Record<string, MenuItem[]>).flat();
        const gitItems = items.filter(item => GIT_BY_REVISION.includes(item.command));
        assert.ok(gitItems.length >= 4, 'palette, explorer and Source Control menus');
        for (const item of gitItems) {
            assert.match(item.when ?? '', /(^|&& )shellExecutionSupported( &&|$)/, `${item.command}: ${item.when}`);
            assert.match(item.when ?? '', /(^|&& )isWorkspaceTrusted( &&|$)/, `${item.command}: ${item.when}`);
        }
        // Compare with… stays on the web, where it offers other files only.
        const pick = items.find(item => item.command === 'journeymap.compare.with' && item.when?.includes('editorLangId'));
        assert.match(pick?.when ?? '', /!shellExecutionSupported/);
        // Open Visual Diff needs no git: no shell condition.
        for (const item of items.filter(i => i.command === 'journeymap.compare.diffEditor')) assert.doesNotMatch(item.when ?? '', /shellExecutionSupported/);
    });
});
