import type * as vscode from 'vscode';

/**
 * The parts of the `vscode` module the preview uses. The extension passes the real module; the
 * tests pass a small fake (test/extension/fake-vscode.ts), so the panel manager, the message
 * routing and the serializer run without a VS Code.
 */
export type VscodeApi = {
    window: Pick<typeof vscode.window,
        'createWebviewPanel' | 'registerWebviewPanelSerializer' | 'onDidChangeActiveTextEditor' | 'onDidChangeTextEditorSelection'
        | 'activeTextEditor' | 'visibleTextEditors' | 'showTextDocument' | 'showSaveDialog' | 'showErrorMessage' | 'showInformationMessage'>;
    workspace: { fs: Pick<typeof vscode.workspace.fs, 'writeFile'>; openTextDocument(uri: vscode.Uri): Thenable<vscode.TextDocument> };
    commands: Pick<typeof vscode.commands, 'registerCommand' | 'executeCommand'>;
    /** `openExternal` asks the user (the editor's link protection) before it opens a URL. */
    env: Pick<typeof vscode.env, 'openExternal'>;
    Uri: Pick<typeof vscode.Uri, 'parse' | 'joinPath'>;
    ViewColumn: Pick<typeof vscode.ViewColumn, 'Active' | 'Beside' | 'One'>;
    Range: typeof vscode.Range;
    Selection: typeof vscode.Selection;
    TextEditorRevealType: Pick<typeof vscode.TextEditorRevealType, 'InCenterIfOutsideViewport'>;
};
