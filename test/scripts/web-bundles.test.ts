import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { buildWebBundles, type WebBundle } from './web-bundles.js';

/** Node's built-in modules, bare and `node:` prefixed: none may reach a bundle that runs in a browser. */
const NODE_BUILTINS = new Set(builtinModules.flatMap(name => [name, `node:${name}`]));

function nodeBuiltinsIn(bundle: WebBundle): string[] {
    const found = new Set<string>();
    for (const input of bundle.inputs) if (NODE_BUILTINS.has(input) || input.startsWith('node:')) found.add(input);
    for (const path of bundle.externalImports) if (NODE_BUILTINS.has(path)) found.add(path);
    // A require() or import of a built-in that esbuild left in the text (a dependency's own bundle).
    // Not `x.require("util")`: lodash's guarded probe for Node's module object, never run in a browser.
    for (const match of bundle.text.matchAll(/(?<![.\w$])require\(\s*["']([^"']+)["']\s*\)|\b(?:from|import)\s*["']([^"']+)["']/g)) {
        const name = match[1] ?? match[2];
        if (NODE_BUILTINS.has(name)) found.add(name);
    }
    return [...found].sort();
}

describe('web bundles (scripts/web-bundles.mjs)', function () {
    this.timeout(120_000);

    it('the web extension host bundle reaches no Node built-in and leaves only vscode outside', async () => {
        const bundle = (await buildWebBundles()).get('extension-web.cjs')!;
        assert.ok(bundle, 'built');
        assert.deepEqual(nodeBuiltinsIn(bundle), []);
        assert.deepEqual([...new Set(bundle.externalImports)], ['vscode']);
        // The browser client, not the Node one (which starts processes).
        assert.ok(bundle.inputs.some(input => input.includes('vscode-languageclient/lib/browser/')), 'vscode-languageclient/browser is in');
        assert.ok(!bundle.inputs.some(input => input.includes('vscode-languageclient/lib/node/')), 'vscode-languageclient/node is not');
        assert.ok(!bundle.inputs.some(input => input.endsWith('src/diff/git-revisions.ts')), 'the git runner is not in the web build');
    });

    it('the language server worker bundle is one self-contained script with no Node built-in', async () => {
        const bundle = (await buildWebBundles()).get('language-server-web.js')!;
        assert.ok(bundle, 'built');
        assert.deepEqual(nodeBuiltinsIn(bundle), []);
        assert.deepEqual(bundle.externalImports, [], 'a worker script cannot import anything');
        assert.ok(bundle.inputs.some(input => input.includes('vscode-languageserver/lib/browser/')), 'vscode-languageserver/browser is in');
        assert.ok(!bundle.inputs.some(input => input.includes('langium/lib/node/')), 'langium/node is not');
        assert.ok(bundle.inputs.some(input => input.endsWith('language/workspace/client-file-system.ts')), 'the workspace is read through the client');
    });

    it('the checker sees a Node built-in when one is there', () => {
        // The check above must be able to fail: a bundle text with a require of fs, as a dependency's prebuilt code would have.
        assert.deepEqual(nodeBuiltinsIn({ name: 'x', text: 'const fs = require("fs"); import "node:path";', inputs: ['node:child_process'], externalImports: [] }),
            ['fs', 'node:child_process', 'node:path']);
        assert.deepEqual(nodeBuiltinsIn({ name: 'x', text: 'var types = freeModule.require && freeModule.require("util").types;', inputs: [], externalImports: [] }), []);
    });
});
