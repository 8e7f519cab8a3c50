import type * as vscode from 'vscode';
import type { VscodeApi } from '../preview/vscode-api.js';

/**
 * The parts of `vscode` the compare view uses besides the preview's: quick picks, the tabs (to
 * find the two sides of a diff editor), finding files and serving read-only revisions. The
 * extension passes the real module; test/extension/fake-vscode.ts fakes it.
 */
export type CompareVscodeApi = VscodeApi & {
    window: VscodeApi['window'] & Pick<typeof vscode.window, 'showQuickPick' | 'showInputBox' | 'tabGroups'>;
    workspace: VscodeApi['workspace'] & Pick<typeof vscode.workspace, 'findFiles' | 'asRelativePath' | 'registerTextDocumentContentProvider'>;
};
