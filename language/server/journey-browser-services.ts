/**
 * The services of the language server in a browser (a Web Worker): the same language as the Node
 * server, with the workspace read through the client (language/workspace/client-file-system.ts).
 * Kept apart from main-browser.ts so tests can start it over any connection.
 */
import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { createJourneyServices, type JourneyServices } from '../journey-module.js';
import { ClientFileSystemProvider } from '../workspace/client-file-system.js';
import { ClientWorkspaceManager } from '../workspace/client-workspace-manager.js';
import { startJourneyLanguageServer } from './journey-language-server.js';
import { registerJourneyInsightsProtocol } from './journey-insights-protocol.js';
import { registerJourneyModelProtocol } from './journey-model-protocol.js';
import { registerTextModelRequest } from './journey-text-model.js';
import { registerFenceModelRequest } from './journey-fence-model.js';

const ClientWorkspaceModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: services => new ClientWorkspaceManager(services),
    },
};

/** Wires the server on `connection` (not yet listening) and starts listening, as main.ts does for Node. */
export function startBrowserLanguageServer(connection: Connection): { shared: LangiumSharedServices; Journey: JourneyServices } {
    const services = createJourneyServices({
        connection,
        fileSystemProvider: shared => new ClientFileSystemProvider(() => (shared as LangiumSharedServices).lsp.Connection),
    }, ClientWorkspaceModule);
    // First, so that the diagnostics of a build are sent before its model notification.
    startJourneyLanguageServer(services.shared);
    const models = registerJourneyModelProtocol(connection, services.shared, services.Journey);
    registerJourneyInsightsProtocol(connection, services.shared, models);
    registerTextModelRequest(connection, services.shared);
    registerFenceModelRequest(connection, services.shared, services.Journey);
    return services;
}
