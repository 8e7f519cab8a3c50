// Entry point of the compare webview bundle (dist/webview/compare.js).
import type { HostToCompareMessage } from '../compare-messages.js';
import { CompareApp, type CompareHostApi } from './compare-app.js';

declare function acquireVsCodeApi(): CompareHostApi;

const host = acquireVsCodeApi();
// The page's CSP allows styles with this script's nonce only: the app's <style> reuses it.
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || undefined;
const app = new CompareApp(document, host, nonce);
window.addEventListener('message', (event: MessageEvent<HostToCompareMessage>) => app.handle(event.data));
host.postMessage({ type: 'ready' });
