import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('VSIX contents', () => {
    it('ships the bundles, grammar, configuration, docs and export fonts, and no sources or source maps', () => {
        // `vsce ls` applies .vscodeignore exactly as `npm run package` does, without building.
        const files = execFileSync(process.execPath, [root + 'node_modules/@vscode/vsce/vsce', 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
            .split('\n').map(line => line.trim()).filter(Boolean);
        for (const required of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'language-configuration.json', 'syntaxes/journey.tmLanguage.json',
            'dist/extension.cjs', 'dist/language-server.cjs', 'dist/webview/preview.js', 'dist/webview/compare.js',
            // The web extension (docs/web.md): its host entry and the language server's worker.
            'dist/extension-web.cjs', 'dist/language-server-web.js',

            // The preview's PDF export: its bundle, and the fonts it embeds with their licences.
            'dist/export-pdf.cjs', 'fonts/LiberationSans-Regular.ttf', 'fonts/LiberationSans-Bold.ttf', 'fonts/LiberationSans-Italic.ttf',
            'fonts/LiberationSans-BoldItalic.ttf', 'fonts/DejaVuSans.ttf', 'fonts/DejaVuSans-Bold.ttf', 'fonts/LICENSE-LiberationSans.txt', 'fonts/LICENSE-DejaVuSans.txt']) {
            assert.ok(files.includes(required), `${required} ships`);
        }
        const unwanted = files.filter(file => /\.(ts|map|langium)$/.test(file) || /^(node_modules|test|src|language|webview|bench|examples|\.scratch)\//.test(file));
        assert.deepEqual(unwanted, []);
        // Everything the manifest points at is inside.
        const manifest = JSON.parse(readFileSync(root + 'package.json', 'utf8'));
        assert.ok(files.includes(manifest.main.replace(/^\.\//, '')));
        assert.ok(files.includes(manifest.browser.replace(/^\.\//, '')), 'the browser entry ships');
        assert.ok(files.includes(manifest.icon), `the icon ${manifest.icon} ships`);
        for (const grammar of manifest.contributes.grammars) assert.ok(files.includes(grammar.path.replace(/^\.\//, '')));
    });
});
