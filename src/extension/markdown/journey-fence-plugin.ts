/**
 * A markdown-it plugin: each ```journey fence is rendered as its journey map (fence-html.ts)
 * instead of a code block. VS Code's Markdown preview gets it through the extension's
 * `extendMarkdownIt` (`markdown.markdownItPlugins`); other fences are left to the rule before it.
 * Only the parts of markdown-it used here are typed, so the extension does not depend on it.
 */
import { fenceHtml } from './fence-html.js';
import type { FencePictures } from './fence-pictures.js';

export interface MarkdownToken {
    type: string;
    info: string;
    content: string;
    map: [number, number] | null;
}

export interface MarkdownRenderer {
    rules: Record<string, RenderRule | undefined>;
    renderToken(tokens: MarkdownToken[], index: number, options: unknown): string;
    renderAttrs(token: MarkdownToken): string;
}

export type RenderRule = (tokens: MarkdownToken[], index: number, options: unknown, env: unknown, self: MarkdownRenderer) => string;

export interface MarkdownItLike {
    renderer: MarkdownRenderer;
}

/** The language of a fence's info string (```journey title="…" → journey). */
export function isJourneyFence(token: MarkdownToken): boolean {
    return token.type === 'fence' && token.info.trim().split(/\s+/, 1)[0] === 'journey';
}

/** The Markdown document being rendered: VS Code passes it as `env.currentDocument` (a vscode.Uri). */
function documentOf(env: unknown): string | undefined {
    const current = (env as { currentDocument?: { toString(): string } } | undefined)?.currentDocument;
    return current ? current.toString() : undefined;
}

export function journeyFencePlugin(md: MarkdownItLike, pictures: FencePictures): MarkdownItLike {
    const before: RenderRule = md.renderer.rules.fence ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
    // The fence's number among the journey fences of its document, counted once per token list.
    const numbers = new WeakMap<MarkdownToken[], Map<number, number>>();
    const numberOf = (tokens: MarkdownToken[], index: number): number => {
        let map = numbers.get(tokens);
        if (!map) {
            map = new Map();
            let next = 0;
            tokens.forEach((token, i) => { if (isJourneyFence(token)) map!.set(i, next++); });
            numbers.set(tokens, map);
        }
        return map.get(index) ?? 0;
    };
    md.renderer.rules.fence = (tokens, index, options, env, self) => {
        const token = tokens[index];
        if (!isJourneyFence(token)) return before(tokens, index, options, env, self);
        const fence = numberOf(tokens, index);
        const view = pictures.view(documentOf(env), fence, token.content);
        return fenceHtml({
            index: fence, ...(token.map ? { line: token.map[0] } : {}), attrs: self.renderAttrs(token),
            source: token.content, picture: view.picture, updating: view.updating,
        });
    };
    return md;
}
