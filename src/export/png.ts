/**
 * SVG → PNG with resvg, drawn with the bundled fonts only (system fonts off): the same map gives
 * the same bytes on every machine and every run. resvg is a native module, loaded on first use so
 * that nothing else pays for it (and it stays outside the bundles: esbuild.mjs).
 */
import { withBundledFallback } from './font-runs.js';
import { fontPaths, MAIN_FAMILY } from './fonts.js';

/** resvg cannot be loaded here: a broken or partial installation, said in one line by the caller. */
export class PngUnavailableError extends Error { }

export const DEFAULT_PNG_SCALE = 2;
export const MAX_PNG_SCALE = 8;
/**
 * The most pixels a PNG may have: resvg holds the whole image in memory, about 9 bytes a pixel at
 * the peak with the encoding (measured: 1.3 GB for 143 million), so this keeps a process under
 * about 650 MB (measured: 660 MB at 63 million). A bigger picture is drawn at a smaller scale (`pngScale`).
 */
export const MAX_PNG_PIXELS = 64_000_000;

/** The scale to draw a `width`×`height` picture at: `wanted`, or less when that would be too many pixels. */
export function pngScale(width: number, height: number, wanted: number): number {
    const limit = Math.sqrt(MAX_PNG_PIXELS / (width * height));
    // Two decimals, rounded down: the same picture always gets the same scale.
    return wanted <= limit ? wanted : Math.floor(limit * 100) / 100;
}

/** `svg` (text, with presentation attributes: resvg knows no CSS variables) as PNG bytes at `scale`. */
export async function svgToPng(svg: string, options: { scale: number; fontsDir: string }): Promise<Uint8Array> {
    const fonts = fontPaths(options.fontsDir);
    let Resvg: typeof import('@resvg/resvg-js').Resvg;
    try {
        ({ Resvg } = await import('@resvg/resvg-js'));
    } catch (error) {
        // Its native part is a package per platform, which an install can miss.
        const reason = String((error as Error).message ?? error).split('\n')[0];
        throw new PngUnavailableError(`PNG export needs @resvg/resvg-js, which could not be loaded on ${process.platform}-${process.arch} (${reason}): reinstall journeymap, or export SVG or PDF`);
    }
    const resvg = new Resvg(withBundledFallback(svg, options.fontsDir), {
        fitTo: { mode: 'zoom', value: options.scale },
        font: {
            loadSystemFonts: false,
            fontFiles: Object.values(fonts),
            defaultFontFamily: MAIN_FAMILY,
            sansSerifFamily: MAIN_FAMILY,
            serifFamily: MAIN_FAMILY,
            monospaceFamily: MAIN_FAMILY,
        },
        logLevel: 'off',
    });
    return resvg.render().asPng();
}
