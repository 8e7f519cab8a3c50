/**
 * Which `.journey` documents the web language client sends to the server. On the desktop that is
 * `file` and `untitled`; on the web the workspace lives under other schemes (`vscode-vfs` on
 * github.dev, the browser's folders on vscode.dev): the workspace folders' own schemes are taken.
 * Never `git` or `journeymap-revision`: a revision is not a document of the workspace and would
 * clash with the file's own declarations.
 */
const NOT_WORKSPACE = new Set(['git', 'journeymap-revision', 'output', 'vscode-userdata']);

export function webDocumentSelector(folders: ReadonlyArray<{ uri: { scheme: string } }>): Array<{ language: string; scheme: string }> {
    const schemes = new Set(['file', 'untitled', 'vscode-vfs', ...folders.map(folder => folder.uri.scheme)]);
    return [...schemes].filter(scheme => !NOT_WORKSPACE.has(scheme)).map(scheme => ({ language: 'journey', scheme }));
}
