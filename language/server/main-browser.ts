// The language server in a Web Worker (vscode.dev, github.dev; docs/web.md): LSP over postMessage
// with the web extension host, which starts this bundle (dist/language-server-web.js).
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startBrowserLanguageServer } from './journey-browser-services.js';

/** The worker's own scope (the WebWorker lib's type is not in this project's DOM lib). */
const port = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port));
startBrowserLanguageServer(connection);
