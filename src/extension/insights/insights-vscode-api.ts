import type * as vscode from 'vscode';
import type { VscodeApi } from '../preview/vscode-api.js';

/**
 * The parts of the `vscode` module the Journey Insights view and its report use, on top of the
 * preview's: the extension passes the real module, the tests the fake (test/extension/fake-vscode.ts).
 */
export type InsightsVscodeApi = VscodeApi & {
    window: VscodeApi['window'] & Pick<typeof vscode.window, 'createTreeView'>;
    workspace: VscodeApi['workspace'] & Pick<typeof vscode.workspace, 'asRelativePath'>;
    EventEmitter: typeof vscode.EventEmitter;
    ThemeIcon: typeof vscode.ThemeIcon;
    TreeItemCollapsibleState: Pick<typeof vscode.TreeItemCollapsibleState, 'None' | 'Collapsed' | 'Expanded'>;
};
