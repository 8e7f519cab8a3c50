import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PALETTES } from '../../webview/render/map-style.js';
import { decodePng, PNG_SIGNATURE, pngSize, rgb } from '../export/png-pixels.js';
import { readPdf } from '../export/pdf-text.js';
import { ensureBuilt, journeymap } from './cli-process.js';

const GIFT = 'examples/gift-purchase.journey';
/** Schema 2, with ★ and ⇄ (drawn in the fallback font) and links. */
const GP = 'examples/gp-booking-next.journey';

interface ExportedStep { title: string }
interface ExportedModel { journeys: Array<{ title: string; stages: Array<{ steps: ExportedStep[] }> }> }

describe('journeymap render to PNG and PDF (CLI process)', function () {
    this.timeout(180_000);
    let dir: string;
    before(() => {
        ensureBuilt();
        dir = mkdtempSync(join(tmpdir(), 'journeymap-render-png-pdf-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    async function render(...args: string[]): Promise<Uint8Array> {
        const result = await journeymap(['render', ...args]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '');
        return readFileSync(args[args.indexOf('-o') + 1]);
    }

    /** The picture's size in pixels, from its SVG. */
    async function svgSize(file: string): Promise<{ width: number; height: number }> {
        const svg = (await journeymap(['render', file])).stdout;
        const root = /<svg [^>]*>/.exec(svg)![0];
        return { width: Number(/ width="(\d+)"/.exec(root)![1]), height: Number(/ height="(\d+)"/.exec(root)![1]) };
    }

    async function stepTitles(file: string): Promise<{ title: string; steps: string[] }> {
        const model = JSON.parse((await journeymap(['export', file])).stdout) as ExportedModel;
        return { title: model.journeys[0].title, steps: model.journeys[0].stages.flatMap(stage => stage.steps.map(step => step.title)) };
    }

    it('PNG: twice the SVG\'s size by default, --scale N, and the same bytes on every run', async () => {
        const size = await svgSize(GIFT);
        const first = await render(GIFT, '-o', join(dir, 'a.png'));
        assert.deepEqual([...first.subarray(0, 8)], PNG_SIGNATURE);
        assert.deepEqual(pngSize(first), { width: size.width * 2, height: size.height * 2 });
        const again = await render(GIFT, '-o', join(dir, 'b.png'));
        assert.ok(Buffer.from(again).equals(first), 'byte-identical on a second run');
        for (const scale of [1, 1.5]) {
            const png = await render(GIFT, '-o', join(dir, `s${scale}.png`), '--scale', String(scale));
            assert.deepEqual(pngSize(png), { width: Math.round(size.width * scale), height: Math.round(size.height * scale) }, `--scale ${scale}`);
        }
    });

    it('--theme light|dark|high-contrast: three different pictures, each on its own palette\'s background', async () => {
        const pngs = new Map<string, Uint8Array>();
        for (const theme of ['light', 'dark', 'high-contrast'] as const) {
            const png = await render(GP, '-o', join(dir, `${theme}.png`), '--theme', theme, '--scale', '0.5');
            pngs.set(theme, png);
            const pixels = decodePng(png);
            // The picture's corner and the gap right of the header cards are its background.
            for (const [x, y] of [[1, 1], [pixels.width - 2, 4]]) assert.deepEqual(pixels.at(x, y), [...rgb(PALETTES[theme].bg), 255], `${theme} at ${x},${y}`);
        }
        const dark = decodePng(pngs.get('dark')!).at(1, 1);
        assert.ok(dark[0] + dark[1] + dark[2] < 3 * 40, 'dark is dark');
        const [light, darkPng, contrast] = [...pngs.values()].map(p => Buffer.from(p));
        assert.ok(!light.equals(darkPng) && !darkPng.equals(contrast) && !light.equals(contrast));
        // The SVG and HTML exports take the same themes.
        const svg = await journeymap(['render', GP, '--theme', 'high-contrast']);
        assert.match(svg.stdout, /--jm-bg:#000000/);
        const html = join(dir, 'hc.html');
        assert.equal((await journeymap(['render', GP, '--theme', 'high-contrast', '-o', html])).code, 0);
        assert.match(readFileSync(html, 'utf8'), /background:#000000/);
    });

    it('PDF: one A3 page, every step title as text in the bundled fonts, the same bytes on every run', async () => {
        for (const file of [GIFT, GP]) {
            const pdf = await render(file, '-o', join(dir, 'map.pdf'));
            assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
            const read = await readPdf(pdf);
            assert.equal(read.pages.length, 1);
            // A3, turned to the picture: landscape unless it is taller than wide.
            const { width, height } = await svgSize(file);
            assert.deepEqual([read.pages[0].width, read.pages[0].height].map(Math.round), width >= height ? [1191, 842] : [842, 1191], `A3 for ${width}×${height}`);
            const { title, steps } = await stepTitles(file);
            assert.equal(read.title, title);
            assert.ok(steps.length >= 5);
            for (const step of steps) assert.ok(read.pages[0].text.includes(step), `"${step}" is in the PDF's text of ${file}`);
            // The fonts are the bundled ones, embedded; never one of the viewer's.
            const raw = Buffer.from(pdf).toString('latin1');
            const fonts = [...raw.matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map(m => m[1]);
            assert.ok(fonts.includes('LiberationSans-Bold') && fonts.includes('LiberationSans'), fonts.join());
            assert.doesNotMatch(raw, /Helvetica/);
            const again = await render(file, '-o', join(dir, 'again.pdf'));
            assert.ok(Buffer.from(again).equals(pdf), `${file}: byte-identical on a second run`);
        }
        // ★ and ⇄ are not in Liberation Sans: drawn, and readable, in DejaVu Sans.
        const gp = await render(GP, '-o', join(dir, 'gp.pdf'));
        assert.match(Buffer.from(gp).toString('latin1'), /\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
        const text = (await readPdf(gp)).pages[0].text;
        assert.match(text, /★ Moment of truth/);
        assert.match(text, /⇄ NHS App/);
    });

    it('PDF: --page a4, letter and fit set the page; the dark theme paints the whole page', async () => {
        const size = await svgSize(GIFT);
        const expected = { a4: [842, 595], letter: [792, 612], fit: [Math.round(size.width * 0.75), Math.round(size.height * 0.75)] };
        for (const [page, [width, height]] of Object.entries(expected)) {
            const read = await readPdf(await render(GIFT, '-o', join(dir, `${page}.pdf`), '--page', page));
            assert.deepEqual([read.pages[0].width, read.pages[0].height].map(Math.round), [width, height], page);
        }
        const dark = Buffer.from(await render(GIFT, '-o', join(dir, 'dark.pdf'), '--theme', 'dark')).toString('latin1');
        const light = Buffer.from(readFileSync(join(dir, 'a4.pdf'))).toString('latin1');
        assert.notEqual(dark, light);
    });

    it('bad --scale, --page or --theme, or an option for another format: exit 2, one line, nothing written', async () => {
        const out = join(dir, 'never.png');
        const cases: Array<[string[], RegExp]> = [
            [['--scale', '0'], /--scale must be a number above 0 and at most 8/],
            [['--scale', 'big'], /--scale must be .*got 'big'/],
            [['--scale', '9'], /at most 8/],
            [['--scale', '-1'], /--scale/],
            [['--theme', 'blue'], /--theme must be one of light, dark, high-contrast \(got 'blue'\)/],
            [['--page', 'a4'], /--page applies to PDF output only/],
        ];
        for (const [args, message] of cases) {
            const result = await journeymap(['render', GIFT, '-o', out, ...args]);
            assert.equal(result.code, 2, args.join(' '));
            assert.match(result.stderr, message);
            assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`);
            assert.doesNotMatch(result.stderr, /^\s+at |Error:/m);
            assert.equal(existsSync(out), false);
        }
        for (const [args, message] of [[['-o', join(dir, 'x.pdf'), '--page', 'a5'], /--page must be one of a3, a4, letter, fit \(got 'a5'\)/],
            [['-o', join(dir, 'x.svg'), '--scale', '2'], /--scale applies to PNG output only/], [['-o', join(dir, 'x.gif')], /\.svg, \.html, \.png or \.pdf/]] as Array<[string[], RegExp]>) {
            const result = await journeymap(['render', GIFT, ...args]);
            assert.equal(result.code, 2);
            assert.match(result.stderr, message);
            assert.equal(result.stderr.trim().split('\n').length, 1);
        }
    });
});
