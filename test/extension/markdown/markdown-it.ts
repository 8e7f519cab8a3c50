/**
 * The real markdown-it (as VS Code's Markdown preview uses it), for the fence plugin's tests. It
 * is in node_modules as a dependency of the dev tools, with no types: typed here as used.
 */
import type { MarkdownItLike } from '../../../src/extension/markdown/journey-fence-plugin.js';

export type MarkdownIt = MarkdownItLike & { render(source: string, env?: unknown): string };

export async function createMarkdownIt(): Promise<MarkdownIt> {
    const module = await import('markdown-it' as string) as { default: new () => MarkdownIt };
    return new module.default();
}
