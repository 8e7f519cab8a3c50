// The bundles of the web extension (vscode.dev, github.dev; docs/web.md), built by esbuild.mjs and
// checked by test/extension/web-bundles.test.ts for Node built-ins: neither may reach one.
export const webBundles = [
    // The web extension host loads `browser` of package.json as CommonJS, `vscode` supplied.
    { entryPoints: { 'extension-web': 'src/extension/extension-web.ts' }, format: 'cjs', platform: 'browser', target: 'es2022', outExtension: { '.js': '.cjs' }, external: ['vscode'] },
    // The language server in a Web Worker: one classic script, no imports.
    { entryPoints: { 'language-server-web': 'language/server/main-browser.ts' }, format: 'iife', platform: 'browser', target: 'es2022' },
];
