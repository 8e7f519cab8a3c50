import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { URI } from 'langium';
import { parseHTML } from 'linkedom';
import type { FenceModelParams } from '../../../language/protocol.js';
import { buildFenceModel } from '../../../language/server/journey-fence-model.js';
import { JourneyWorkspace } from '../../../language/workspace/journey-workspace.js';
import { FencePictures } from '../../../src/extension/markdown/fence-pictures.js';
import { journeyFencePlugin } from '../../../src/extension/markdown/journey-fence-plugin.js';
import { corpusJourney, journeyString, PAYLOADS } from '../../cli/injection-corpus.js';
import { EXAMPLES_DIR } from '../../language/journey-test-helpers.js';
import { createMarkdownIt, type MarkdownIt } from './markdown-it.js';

const README = URI.file('/work/docs/README.md');

/** A map that names the workspace's persona `dana` and channel `web` (examples/common.journey). */
const FENCE = `journey wrap "Wrapping a gift" for dana {
  stage pick "Pick" {
    step choose "Chooses paper <script>alert(1)</script>" {
      channel web
      emotion +1
    }
  }
}`;

const markdown = (...fences: string[]) => ['# Gifts', '', 'Some text.', '', ...fences.flatMap(fence => ['```journey', fence, '```', '']), '```js', 'let x = "<b>";', '```', ''].join('\n');

/** The plugin on the real markdown-it, with models from a real workspace holding examples/common.journey. */
describe('```journey fences in markdown-it', () => {
    let workspace: JourneyWorkspace;
    let requests: FenceModelParams[];
    let ready: number;
    let pictures: FencePictures;
    let md: MarkdownIt;

    before(async () => {
        workspace = new JourneyWorkspace();
        await workspace.load([{ uri: URI.file('/work/common.journey'), text: readFileSync(EXAMPLES_DIR + 'common.journey', 'utf8') }]);
    });

    beforeEach(async () => {
        requests = [];
        ready = 0;
        pictures = new FencePictures(params => { requests.push(params); return buildFenceModel(workspace.services, params); }, () => { ready++; }, 0);
        md = await createMarkdownIt();
        journeyFencePlugin(md, pictures);
    });
    afterEach(() => pictures.dispose());

    const render = (source: string) => parseHTML(`<html><body>${md.render(source, { currentDocument: README })}</body></html>`).document;
    async function renderSettled(source: string) {
        render(source);
        await pictures.settled();
        await new Promise(resolve => setTimeout(resolve, 5));
        return render(source);
    }

    it('shows the source while the model is asked for, then the map from the cache, with workspace declarations resolved', async () => {
        const first = render(markdown(FENCE));
        const loading = first.querySelector('.journeymap-fence')!;
        assert.equal(loading.getAttribute('data-state'), 'loading');
        assert.equal(loading.getAttribute('data-journey-fence'), '0');
        assert.match(loading.querySelector('pre code')!.textContent!, /Chooses paper <script>/, 'the source as text');
        assert.deepEqual(requests, [{ uri: README.toString(), text: `${FENCE}\n` }]);

        await pictures.settled();
        await new Promise(resolve => setTimeout(resolve, 5));
        assert.equal(ready, 1, 'the preview is asked to render again once');
        const html = md.render(markdown(FENCE), { currentDocument: README });
        const svg = parseHTML(`<html><body>${html}</body></html>`).document.querySelector('.journeymap-fence[data-state=map] > svg.jm-map')!;
        assert.equal(svg.getAttribute('data-journey'), 'wrap');
        assert.ok(svg.textContent!.includes('Dana, online shopper'), 'the persona of common.journey, by its title');
        assert.ok(svg.textContent!.includes('Website'), 'the channel of common.journey, by its title');
        assert.ok(svg.querySelector('style')!.textContent!.includes('var(--vscode-editor-background)'), 'theme colours');
        assert.ok(!/<script/i.test(html), 'user text is escaped');
        assert.ok(html.includes('Chooses paper &lt;script&gt;'));
        assert.equal(requests.length, 1, 'the second render came from the cache');
        assert.equal(ready, 1);
    });

    it('leaves other fences to markdown-it', async () => {
        const document = render(markdown(FENCE));
        assert.equal(document.querySelector('pre code.language-js')!.textContent, 'let x = "<b>";\n');
    });

    it('shows the first syntax error at its line and column in the Markdown file, as text', async () => {
        // The fence opens on line 5 of the file: its text starts on line 6.
        const broken = 'journey broken "Broken" for dana {\n  stage s "S" {\n    step x "X" { emotion }\n  }\n}';
        const document = await renderSettled(markdown(broken));
        const fence = document.querySelector('.journeymap-fence')!;
        assert.equal(fence.getAttribute('data-state'), 'error');
        assert.equal(fence.querySelector('svg'), null);
        assert.match(fence.querySelector('.journeymap-fence-error')!.textContent!, /^Journey map not drawn — 8:26 Expecting a number but found `}`\.$/);
    });

    it('numbers the journey fences of a document and keeps a fence\'s last picture while its edited text is drawn', async () => {
        const other = 'journey other "Other" for omar {\n  stage s "S" {\n    step a "A" { emotion 0 }\n  }\n}';
        const document = await renderSettled(markdown(FENCE, other));
        const fences = [...document.querySelectorAll('.journeymap-fence')];
        assert.deepEqual(fences.map(f => [f.getAttribute('data-journey-fence'), f.querySelector('svg')?.getAttribute('data-journey')]), [['0', 'wrap'], ['1', 'other']]);

        const edited = render(markdown(FENCE.replace('Wrapping a gift', 'Wrapping two gifts'), other));
        const [first, second] = [...edited.querySelectorAll('.journeymap-fence')];
        assert.equal(first.getAttribute('data-state'), 'updating');
        assert.ok(first.textContent!.includes('Wrapping a gift'), 'the previous picture stands in');
        assert.equal(second.getAttribute('data-state'), 'map');
        await pictures.settled();
        await new Promise(resolve => setTimeout(resolve, 5));
        assert.ok(render(markdown(FENCE.replace('Wrapping a gift', 'Wrapping two gifts'), other)).querySelector('.journeymap-fence')!.textContent!.includes('Wrapping two gifts'));
    });

    it('says so when a block has no journey, and when the server fails', async () => {
        const empty = await renderSettled(markdown('persona zed "Zed"'));
        assert.equal(empty.querySelector('.journeymap-fence')!.getAttribute('data-state'), 'empty');
        const failing = new FencePictures(() => Promise.reject(new Error('server gone')), () => undefined, 0);
        const md2 = await createMarkdownIt();
        journeyFencePlugin(md2, failing);
        md2.render(markdown(FENCE));
        await failing.settled();
        assert.match(md2.render(markdown(FENCE)), /Journey map not drawn: the language server did not answer \(server gone\)/);
        failing.dispose();
    });

    it('keeps hostile text inert: in the picture and in a syntax error', async () => {
        const hostile = corpusJourney(true);
        const broken = `journey x "X" for dana {\n  <img src=x onerror="window.pwned=1"> ${journeyString('<script>window.pwned=1</script>')}\n}`;
        const document = await renderSettled(markdown(hostile, broken));
        const [map, error] = [...document.querySelectorAll('.journeymap-fence')];
        assert.equal(map.getAttribute('data-state'), 'map');
        assert.equal(error.getAttribute('data-state'), 'error');
        assert.match(error.textContent!, /Unexpected character '<'/);
        assert.deepEqual([...document.querySelectorAll('script, img, link, iframe, foreignObject')].map(e => e.tagName), []);
        // Event handlers, and script URLs where a URL is read (user text in an aria-label is only words).
        const handlers = [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => /^on/i.test(a.name) || (/(^|:)(href|src|action)$/i.test(a.name) && /javascript:/i.test(a.value))).map(a => `${e.tagName} ${a.name}`));
        assert.deepEqual(handlers, []);
        assert.equal(document.querySelectorAll('style').length, 1, 'only the map\'s own stylesheet');
        assert.ok(map.textContent!.includes('<script>window.pwned=1</script>'), 'the payloads are there, as text');
        assert.ok(map.textContent!.includes(PAYLOADS.find(p => p.startsWith('<img'))!));
    });

    it('builds a fence against the workspace without joining it: its declarations are neither indexed nor duplicates', async () => {
        const own = `persona dana "Dana, again"\n${FENCE.replace('for dana', 'for dana')}`;
        const result = await buildFenceModel(workspace.services, { uri: README.toString(), text: own });
        assert.deepEqual(result.syntaxErrors, []);
        assert.equal(result.model?.journeys[0].persona?.title, 'Dana, again', 'its own declaration is nearer than the workspace\'s');
        const indexed = workspace.shared.workspace.IndexManager.allElements('Persona').filter(d => d.name === 'dana').toArray();
        assert.deepEqual(indexed.map(d => d.documentUri.path), ['/work/common.journey']);
        assert.equal(workspace.shared.workspace.LangiumDocuments.all.count(), 1);
    });
});
