import { URI, type LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import { JourneyWorkspace } from '../../language/workspace/journey-workspace.js';

/** Files of one workspace; `|` in a file marks the cursor (only one file may have it). */
export async function openWorkspace(files: Record<string, string>) {
    const workspace = new JourneyWorkspace();
    let cursor: { name: string; offset: number } | undefined;
    const sources = Object.entries(files).map(([name, text]) => {
        const offset = text.indexOf('|');
        if (offset >= 0) cursor = { name, offset };
        return { uri: URI.parse(`memory:///${name}`), text: offset >= 0 ? text.slice(0, offset) + text.slice(offset + 1) : text };
    });
    const loaded = await workspace.load(sources);
    const documents: Record<string, LangiumDocument> = Object.fromEntries(Object.keys(files).map((name, i) => [name, loaded[i].document]));
    const at = cursor ? { document: documents[cursor.name], position: documents[cursor.name].textDocument.positionAt(cursor.offset) } : undefined;
    return { workspace, services: workspace.services, documents, at };
}

/** Where `needle` (the nth time) starts in a document. */
export function positionOf(document: LangiumDocument, needle: string, nth = 0): Position {
    let offset = -1;
    for (let i = 0; i <= nth; i++) offset = document.textDocument.getText().indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${needle} not found`);
    return document.textDocument.positionAt(offset);
}
