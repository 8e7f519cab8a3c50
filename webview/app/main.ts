// Entry point of the webview bundle (dist/webview/preview.js).
import type { HostToWebviewMessage } from '../messages.js';
import { PreviewApp, type HostApi } from './preview-app.js';

declare function acquireVsCodeApi(): HostApi;

const host = acquireVsCodeApi();
// The page's CSP allows styles with this script's nonce only: the app's <style> reuses it.
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || undefined;
const app = new PreviewApp(document, host, nonce);
window.addEventListener('message', (event: MessageEvent<HostToWebviewMessage>) => app.handle(event.data));
host.postMessage({ type: 'ready' });
