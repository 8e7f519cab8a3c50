import type * as vscode from 'vscode';
import type { InsightsResult } from '../../../language/protocol.js';
import { formatReportHtml } from '../../insights/format-report-html.js';
import { namesFromTitles } from '../../insights/insights-names.js';
import type { InsightsVscodeApi } from './insights-vscode-api.js';

export const INSIGHTS_REPORT_VIEW_TYPE = 'journeymap.insightsReport';

/**
 * The HTML report of `journeymap report --format html`, in a webview: the same page, with its own
 * policy (no script at all, nothing fetched, its style admitted by a fresh nonce), so the webview
 * runs no script and may load no resource. Paths are shown relative to the workspace, as the CLI
 * shows them relative to where it runs.
 */
export class InsightsReportPanel {
    private panel: vscode.WebviewPanel | undefined;

    constructor(private readonly api: InsightsVscodeApi) { }

    get isOpen(): boolean {
        return this.panel !== undefined;
    }

    show(result: InsightsResult): void {
        if (!this.panel) {
            this.panel = this.api.window.createWebviewPanel(INSIGHTS_REPORT_VIEW_TYPE, 'Journey Insights Report', this.api.ViewColumn.Active,
                { enableScripts: false, localResourceRoots: [], retainContextWhenHidden: false });
            this.panel.onDidDispose(() => { this.panel = undefined; });
        } else {
            this.panel.reveal();
        }
        this.update(result);
    }

    /** New insights for the open report (the maps changed). */
    update(result: InsightsResult): void {
        if (!this.panel) return;
        const relative = (file: string) => this.api.workspace.asRelativePath(this.api.Uri.parse(file), false).replace(/\\/g, '/');
        const { insights } = result;
        const relocated = {
            ...insights,
            pains: insights.pains.map(p => ({ ...p, file: relative(p.file) })),
            opportunities: insights.opportunities.map(o => ({ ...o, file: relative(o.file) })),
            metrics: insights.metrics.map(m => ({ ...m, file: relative(m.file) })),
            evidence: { ...insights.evidence, stepsWithout: insights.evidence.stepsWithout.map(s => ({ ...s, file: relative(s.file) })) },
        };
        const titles = { ...result.titles, curves: result.titles.curves.map(c => ({ ...c, file: relative(c.file) })) };
        this.panel.webview.html = formatReportHtml({ insights: relocated, names: namesFromTitles(titles) });
    }

    dispose(): void {
        this.panel?.dispose();
    }
}
