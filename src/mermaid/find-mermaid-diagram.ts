import { isJourneyDiagram } from './parse-mermaid-journey.js';

export interface FoundDiagram {
    text: string;
    /** 1-based line of the file where `text` starts. */
    firstLine: number;
}

/**
 * The first ```` ```mermaid ```` (or `~~~mermaid`) fence of a Markdown text whose diagram is a
 * `journey`, as CommonMark reads fences: up to three spaces before the opening fence, its content
 * up to a closing fence of the same character at least as long (or the end of the text), each
 * content line losing as many leading spaces as the opening fence had.
 */
export function firstMermaidJourney(markdown: string): FoundDiagram | undefined {
    const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
    for (let i = 0; i < lines.length; i++) {
        const open = /^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$/.exec(lines[i]) ?? /^( {0,3})(~{3,})[ \t]*(\S*).*$/.exec(lines[i]);
        if (!open) continue;
        const [, indent, fence, info] = open;
        const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
        let end = i + 1;
        while (end < lines.length && !closing.test(lines[end])) end++;
        const content = lines.slice(i + 1, end).map(line => line.replace(new RegExp(`^ {0,${indent.length}}`), ''));
        if (info.toLowerCase() === 'mermaid') {
            const text = content.join('\n');
            if (isJourneyDiagram(text)) return { text, firstLine: i + 2 };
        }
        i = end;
    }
    return undefined;
}
