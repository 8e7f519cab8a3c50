/**
 * The fonts PNG and PDF exports draw with: the package's own `fonts/` folder, never the
 * system's, so a picture has the same pixels and the same PDF on every machine.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Liberation Sans has Arial's metrics, which the layout measures text with (webview/layout/text-metrics.ts). */
export const MAIN_FAMILY = 'Liberation Sans';
/** For the scripts and symbols Liberation Sans lacks (Arabic, Hebrew, arrows, shapes). */
export const FALLBACK_FAMILY = 'DejaVu Sans';

export const FONT_FILES = {
    regular: 'LiberationSans-Regular.ttf',
    bold: 'LiberationSans-Bold.ttf',
    italic: 'LiberationSans-Italic.ttf',
    boldItalic: 'LiberationSans-BoldItalic.ttf',
    fallback: 'DejaVuSans.ttf',
    fallbackBold: 'DejaVuSans-Bold.ttf',
} as const;

export type FontRole = keyof typeof FONT_FILES;

/** A missing font is a broken installation, not bad input: said in one line by the caller. */
export class MissingFontsError extends Error { }

/**
 * The `fonts/` folder of the package: the first one found going up from `moduleUrl` (the CLI
 * runs from dist/cli.mjs, dist/cli-chunks/… or, unbundled, src/…). The extension host knows its
 * folder and passes it instead.
 */
export function findFontsDir(moduleUrl: string): string {
    let dir = dirname(fileURLToPath(moduleUrl));
    for (let i = 0; i < 5; i++) {
        if (existsSync(join(dir, 'fonts', FONT_FILES.regular))) return join(dir, 'fonts');
        const up = dirname(dir);
        if (up === dir) break;
        dir = up;
    }
    throw new MissingFontsError(`the bundled fonts (fonts/${FONT_FILES.regular}) are missing next to ${fileURLToPath(moduleUrl)}: reinstall journeymap`);
}

/** Every bundled font file of `fontsDir`, checked to exist. */
export function fontPaths(fontsDir: string): Record<FontRole, string> {
    const paths = {} as Record<FontRole, string>;
    for (const [role, file] of Object.entries(FONT_FILES) as Array<[FontRole, string]>) {
        const path = join(fontsDir, file);
        if (!existsSync(path)) throw new MissingFontsError(`the bundled font ${path} is missing: reinstall journeymap`);
        paths[role] = path;
    }
    return paths;
}
