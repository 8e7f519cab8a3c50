import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { URI } from 'vscode-uri';
import { JourneyMarkdownFences, languageClientFenceSource, WORKSPACE_SETTLE_MS, type MarkdownVscodeApi } from '../../../src/extension/markdown/markdown-fences.js';
import { EXAMPLES_DIR } from '../../language/journey-test-helpers.js';
import { createFakeVscode, fakeDocument } from '../fake-vscode.js';
import { startServer, type ServerProcess } from '../language-server-process.js';
import { createMarkdownIt, type MarkdownIt } from './markdown-it.js';

const FENCE = 'journey wrap "Wrapping a gift" for dana {\n  stage pick "Pick" {\n    step choose "Chooses paper" {\n      channel web\n      emotion +1\n    }\n  }\n}';
const BROKEN = 'journey oops "Oops" for dana {\n  stage s "S" {\n    step x "X" { emotion }\n  }\n}';

/**
 * The extension host's side of ```journey fences: the plugin VS Code's Markdown extension gets
 * (`extendMarkdownIt`) on the real markdown-it, fed by the built language server over stdio
 * (`journeymap/fenceModel`) on a workspace holding examples/common.journey, in a fake vscode.
 */
describe('```journey fences in the Markdown preview (extension host, real language server)', function () {
    this.timeout(60_000);
    let server: ServerProcess;
    let dir: string;
    let fake: ReturnType<typeof createFakeVscode>;
    let fences: JourneyMarkdownFences;
    let disposables: Array<{ dispose(): unknown }>;
    let md: MarkdownIt;
    let readme: URI;

    before(async () => {
        dir = mkdtempSync(join(tmpdir(), 'journeymap-md-'));
        copyFileSync(EXAMPLES_DIR + 'common.journey', join(dir, 'common.journey'));
        readme = URI.file(join(dir, 'README.md'));
        server = await startServer(dir);
        fake = createFakeVscode();
        fences = new JourneyMarkdownFences(fake.api as unknown as MarkdownVscodeApi, languageClientFenceSource(server.connection));
        disposables = fences.register();
        md = await createMarkdownIt();
        fences.extendMarkdownIt(md);
    });
    after(() => {
        for (const d of disposables ?? []) d.dispose();
        server?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    const refreshes = () => fake.record.executed.filter(args => args[0] === 'markdown.preview.refresh').length;
    const render = (source: string) => parseHTML(`<html><body>${md.render(source, { currentDocument: readme })}</body></html>`).document;
    const fenced = (...texts: string[]) => ['# Maps', '', ...texts.flatMap(text => ['```journey', text, '```', ''])].join('\n');

    async function until(ok: () => boolean, what: string) {
        const deadline = Date.now() + 20_000;
        while (!ok()) {
            if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
            await new Promise(resolve => setTimeout(resolve, 20));
        }
    }

    it('draws a fence naming a workspace persona once the server answers, and shows a broken fence\'s first error', async () => {
        const source = fenced(FENCE, BROKEN);
        const before = refreshes();
        const first = [...render(source).querySelectorAll('.journeymap-fence')];
        assert.deepEqual(first.map(f => f.getAttribute('data-state')), ['loading', 'loading']);
        await until(() => refreshes() > before, 'markdown.preview.refresh after the answers');

        const [map, error] = [...render(source).querySelectorAll('.journeymap-fence')];
        const svg = map.querySelector('svg.jm-map')!;
        assert.equal(svg.getAttribute('data-journey'), 'wrap');
        assert.ok(svg.textContent!.includes('Dana, online shopper'), 'the persona declared in common.journey');
        assert.equal(error.getAttribute('data-state'), 'error');
        // The broken fence opens on line 14 of the Markdown file; its `}` is on line 3 of its text: line 17.
        assert.equal(error.textContent, 'Journey map not drawn — 17:26 Expecting a number but found `}`.');
    });

    it('draws the fences again when a map of the workspace changes (a persona\'s title)', async () => {
        const source = fenced(FENCE);
        render(source);
        await fences.pictures.settled();
        const uri = pathToFileURL(join(dir, 'common.journey')).toString();
        const text = readFileSync(join(dir, 'common.journey'), 'utf8').replace('"Dana, online shopper"', '"Dana, gift buyer"');
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
        writeFileSync(join(dir, 'common.journey'), text);
        const before = refreshes();
        fake.editText(fakeDocument(URI.parse(uri).fsPath));
        await new Promise(resolve => setTimeout(resolve, WORKSPACE_SETTLE_MS));
        await until(() => refreshes() > before, 'markdown.preview.refresh after the workspace changed');
        const svg = render(source).querySelector('.journeymap-fence svg.jm-map')!;
        assert.ok(svg.textContent!.includes('Dana, gift buyer'), svg.textContent!.slice(0, 200));
        assert.equal(fake.record.watchers[0]?.glob, '**/*.journey');
    });
});
