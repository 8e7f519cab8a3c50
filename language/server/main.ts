// The language server process: started by the VS Code extension over IPC, or by any LSP client
// as `journeymap-language-server --stdio`.
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJourneyServices } from '../journey-module.js';
import { startJourneyLanguageServer } from './journey-language-server.js';
import { registerJourneyInsightsProtocol } from './journey-insights-protocol.js';
import { registerJourneyModelProtocol } from './journey-model-protocol.js';
import { registerTextModelRequest } from './journey-text-model.js';
import { registerFenceModelRequest } from './journey-fence-model.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Journey } = createJourneyServices({ connection, ...NodeFileSystem });
// First, so that the diagnostics of a build are sent before its model notification.
startJourneyLanguageServer(shared);
const models = registerJourneyModelProtocol(connection, shared, Journey);
registerJourneyInsightsProtocol(connection, shared, models);
registerTextModelRequest(connection, shared);
registerFenceModelRequest(connection, shared, Journey);
