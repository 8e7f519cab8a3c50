/**
 * Server side of `journeymap/insights` (language/protocol.ts): the report's insights over every
 * map of the workspace, open or not, for the editor's Journey Insights view. The models are the
 * ones `journeymap/model` serves, from the same store (built once per build of a text; the last
 * good one while a text has syntax errors). After each build the server only says that the maps
 * changed (`journeymap/insightsChanged`): the view asks again when it is shown.
 */
import { DocumentState, isOperationCancelled, OperationCancelled, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
// The engine is pure (plain models in, plain data out: no `vscode`, Langium or Node import).
import { computeLocatedInsights, reportedJourneys, type InsightsSource } from '../../src/insights/insights-engine.js';
import { insightsTitles } from '../../src/insights/insights-names.js';
import { InsightsChangedNotification, InsightsRequest, type InsightsChangedParams, type InsightsResult } from '../protocol.js';
import type { JourneyModelStore } from './journey-model-protocol.js';

export function registerJourneyInsightsProtocol(connection: Connection, shared: LangiumSharedServices, store: JourneyModelStore): void {
    const builder = shared.workspace.DocumentBuilder;
    let version = 0;
    const changed = () => void connection.sendNotification(InsightsChangedNotification, { version: ++version } satisfies InsightsChangedParams);
    // Every build links what changed (files on disk too, not only open editors); a build that only
    // deletes files links nothing, so deletions are told on their own.
    builder.onBuildPhase(DocumentState.Linked, changed);
    builder.onUpdate((_changed, deleted) => { if (deleted.length > 0) changed(); });

    connection.onRequest(InsightsRequest, async (_params: unknown, cancelToken: CancellationToken): Promise<InsightsResult | ResponseError> => {
        for (;;) {
            try {
                return await answerOnce(cancelToken);
            } catch (error) {
                if (!isOperationCancelled(error)) throw error;
                if (cancelToken.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
                // A text changed while the models were being built: answer for the newer build.
            }
        }
    });

    async function answerOnce(cancelToken: CancellationToken): Promise<InsightsResult> {
        await shared.workspace.WorkspaceManager.ready;
        await builder.waitUntil(DocumentState.Linked, cancelToken);
        const answered = version;
        const sources: InsightsSource[] = [];
        const withSyntaxErrors: string[] = [];
        const documents: LangiumDocument[] = shared.workspace.LangiumDocuments.all.toArray();
        for (const document of documents) {
            if (cancelToken.isCancellationRequested) throw OperationCancelled;
            // An open document is reported as last edited (the edits sent before this request
            // are built first, as for `journeymap/model`). A document the builder leaves out (or
            // that was deleted meanwhile) is not reported.
            if (!await linked(document, cancelToken)) continue;
            const result = await store.current(document, cancelToken);
            if (result.syntaxErrors > 0) withSyntaxErrors.push(result.uri);
            if (result.model) sources.push({ file: result.uri, model: result.model });
        }
        return {
            version: answered,
            insights: computeLocatedInsights(sources),
            titles: insightsTitles(reportedJourneys(sources)),
            documents: documents.length,
            withSyntaxErrors,
        };
    }

    async function linked(document: LangiumDocument, cancelToken: CancellationToken): Promise<boolean> {
        try {
            await builder.waitUntil(DocumentState.Linked, document.uri, cancelToken);
            return true;
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            return false;
        }
    }
}
