// Installs the pinned code-server of `npm start` and the end-to-end tests into its cache folder, once
// (a no-op when it is there). .ci/run calls it so the install shows as its own step, not inside a test.
import { ensureCodeServer } from './code-server.mjs';

const started = Date.now();
const codeServer = ensureCodeServer();
console.log(`code-server ready in ${codeServer.dir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
