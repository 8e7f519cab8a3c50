// The language server process: started by the VS Code extension over IPC, or by any LSP client
// as `journeymap-language-server --stdio`.
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJourneyServices } from '../journey-module.js';
import { registerJourneyModelProtocol } from './journey-model-protocol.js';
import { registerTextModelRequest } from './journey-text-model.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Journey } = createJourneyServices({ connection, ...NodeFileSystem });
registerJourneyModelProtocol(connection, shared, Journey);
registerTextModelRequest(connection, shared);
startLanguageServer(shared);
