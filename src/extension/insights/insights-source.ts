import type { Disposable } from 'vscode';
import { InsightsChangedNotification, InsightsRequest, type InsightsChangedParams, type InsightsResult } from '../../../language/protocol.js';

/** Where the Journey Insights view gets the workspace's insights: the language server, through the typed protocol. */
export interface InsightsSource {
    request(): Promise<InsightsResult>;
    /** A build changed the maps (the server says so cheaply; the insights are computed when asked). */
    onDidChange(listener: (params: InsightsChangedParams) => void): Disposable;
}

/** The subset of vscode-languageclient's LanguageClient used here. */
export interface InsightsClient {
    sendRequest<R>(method: string, params: unknown): Promise<R>;
    onNotification(method: string, handler: (params: InsightsChangedParams) => void): Disposable;
}

export function languageClientInsightsSource(client: InsightsClient): InsightsSource {
    return {
        request: () => client.sendRequest<InsightsResult>(InsightsRequest, {}),
        onDidChange: listener => client.onNotification(InsightsChangedNotification, listener),
    };
}
