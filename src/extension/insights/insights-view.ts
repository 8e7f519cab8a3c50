import type * as vscode from 'vscode';
import type { Range } from '../../../language/model/journey-model.js';
import type { InsightsResult } from '../../../language/protocol.js';
import { revealSource } from '../reveal-source.js';
import { InsightsReportPanel } from './insights-report-panel.js';
import type { InsightsSource } from './insights-source.js';
import { insightsTree, type InsightsNode } from './insights-tree.js';
import type { InsightsVscodeApi } from './insights-vscode-api.js';

export const INSIGHTS_VIEW_ID = 'journeymap.insights';
/** Set while the workspace has maps: the view is shown only then (package.json `when`). */
export const HAS_MAPS_CONTEXT = 'journeymap.hasMaps';
/** Edits come in bursts while the user types: the view asks for new insights once the burst is over. */
export const INSIGHTS_REFRESH_DELAY_MS = 300;

export const InsightsCommands = {
    refresh: 'journeymap.insights.refresh',
    openReport: 'journeymap.insights.openReport',
    /** What a click on an entry runs: selects the item in its map. */
    reveal: 'journeymap.insights.reveal',
} as const;

/**
 * The Journey Insights view in the Explorer: a native tree (keyboard, screen readers and themes
 * come with it) of the report's sections for the whole workspace, from the language server. The
 * insights are asked for when VS Code shows the tree, and kept until the server says the maps
 * changed; the HTML report, when open, follows the same changes.
 */
export class JourneyInsightsView implements vscode.TreeDataProvider<InsightsNode> {
    private readonly treeChanged: vscode.EventEmitter<InsightsNode | undefined>;
    readonly onDidChangeTreeData: vscode.Event<InsightsNode | undefined>;
    private readonly report: InsightsReportPanel;
    private treeView: vscode.TreeView<InsightsNode> | undefined;
    private current: Promise<InsightsResult> | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private hasMaps: boolean | undefined;

    constructor(private readonly api: InsightsVscodeApi, private readonly source: InsightsSource) {
        this.treeChanged = new api.EventEmitter<InsightsNode | undefined>();
        this.onDidChangeTreeData = this.treeChanged.event;
        this.report = new InsightsReportPanel(api);
    }

    register(): vscode.Disposable[] {
        const { api } = this;
        this.treeView = api.window.createTreeView(INSIGHTS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
        // Once now, so the view appears when the workspace has maps.
        void this.insights().catch(() => undefined);
        return [
            this.treeView,
            this.treeChanged,
            this.source.onDidChange(() => this.schedule()),
            api.commands.registerCommand(InsightsCommands.refresh, () => this.refresh()),
            api.commands.registerCommand(InsightsCommands.openReport, () => this.openReport()),
            api.commands.registerCommand(InsightsCommands.reveal, (uri: string, range: Range) =>
                revealSource(api, api.Uri.parse(uri), range, api.ViewColumn.Active)),
            { dispose: () => { clearTimeout(this.timer); this.report.dispose(); } },
        ];
    }

    getTreeItem(node: InsightsNode): vscode.TreeItem {
        const { api } = this;
        if (node.kind === 'group') {
            return {
                id: node.id, label: node.label, description: node.description, iconPath: new api.ThemeIcon(node.icon),
                collapsibleState: node.expanded ? api.TreeItemCollapsibleState.Expanded : api.TreeItemCollapsibleState.Collapsed,
                accessibilityInformation: { label: `${node.label}, ${node.description ?? ''}` },
            };
        }
        return {
            label: node.label, description: node.description, tooltip: node.tooltip, iconPath: new api.ThemeIcon(node.icon),
            collapsibleState: api.TreeItemCollapsibleState.None, accessibilityInformation: { label: node.tooltip },
            command: { command: InsightsCommands.reveal, title: 'Open Source', arguments: [node.uri, node.range] },
        };
    }

    async getChildren(node?: InsightsNode): Promise<InsightsNode[]> {
        if (node) return node.kind === 'group' ? node.children : [];
        try {
            const result = await this.insights();
            const relative = (uri: string) => this.api.workspace.asRelativePath(this.api.Uri.parse(uri), false).replace(/\\/g, '/');
            this.setMessage(result.documents === 0 ? 'No .journey maps in the workspace.'
                : result.withSyntaxErrors.length > 0 ? `${result.withSyntaxErrors.map(relative).join(', ')}: syntax errors (counted as last parsed).` : undefined);
            return insightsTree(result, relative);
        } catch (error) {
            this.setMessage(`Cannot compute the insights: ${(error as Error).message}`);
            return [];
        }
    }

    /** The maps changed: ask again, from scratch. */
    refresh(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.current = undefined;
        this.treeChanged.fire(undefined);
        // The tree asks when VS Code shows it; the report and the view's `when` need asking here.
        if (this.report.isOpen || this.hasMaps !== true) {
            void this.insights().then(result => this.report.update(result), () => undefined);
        }
    }

    async openReport(): Promise<void> {
        try {
            this.report.show(await this.insights());
        } catch (error) {
            void this.api.window.showErrorMessage(`Journeymap: cannot compute the insights: ${(error as Error).message}`);
        }
    }

    private schedule(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.refresh(), INSIGHTS_REFRESH_DELAY_MS);
    }

    private insights(): Promise<InsightsResult> {
        if (!this.current) {
            const request = this.source.request();
            this.current = request;
            request.then(result => this.setHasMaps(result.documents > 0), () => { if (this.current === request) this.current = undefined; });
        }
        return this.current;
    }

    private setHasMaps(hasMaps: boolean): void {
        if (this.hasMaps === hasMaps) return;
        this.hasMaps = hasMaps;
        void this.api.commands.executeCommand('setContext', HAS_MAPS_CONTEXT, hasMaps);
    }

    private setMessage(message: string | undefined): void {
        if (this.treeView) this.treeView.message = message;
    }
}
