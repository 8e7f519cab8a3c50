import type * as vscode from 'vscode';
import type { Range } from '../../language/model/journey-model.js';
import type { VscodeApi } from './preview/vscode-api.js';

/**
 * Selects `range` of a document and scrolls it into view: in the editor already showing it, else
 * opened in `column`. What a click on a card or a change does, in the preview and the compare view.
 */
export async function revealSource(api: VscodeApi, uri: vscode.Uri, range: Range, column: vscode.ViewColumn): Promise<void> {
    const selection = new api.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
    const visible = api.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
    const document = visible?.document ?? await api.workspace.openTextDocument(uri);
    const editor = await api.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? column, selection, preserveFocus: false });
    editor.revealRange(new api.Range(selection.start, selection.end), api.TextEditorRevealType.InCenterIfOutsideViewport);
}
