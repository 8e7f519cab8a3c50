// `npm start`: build the VSIX, provide a local VS Code (code-server, installed once), install the VSIX into
// a fresh isolated profile, open examples/ with a map and its preview beside it, print the URL.
// Usage: npm start [-- --port 8080] [-- --folder path]; PORT works too. Ctrl-C stops it cleanly.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProfile, ensureCodeServer, installExtension, startCodeServer } from './code-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argValue = name => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const port = Number(argValue('--port') ?? process.env.PORT ?? 8080);
const folder = resolve(argValue('--folder') ?? resolve(root, 'examples'));
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`journeymap start: --port must be a port number (got ${argValue('--port') ?? process.env.PORT})`);
    process.exit(2);
}

execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
const codeServer = ensureCodeServer();
const profile = createProfile({ 'journeymap.openOnStartup': 'gift-purchase.journey' });
installExtension(codeServer, profile, resolve(root, 'journeymap.vsix'));
const server = await startCodeServer(codeServer, profile, { port, folder });

console.log(`\nJourneymap in VS Code: ${server.folderUrl}\n(workspace ${folder}; Ctrl-C stops it)\n`);

let stopping = false;
const stop = () => {
    if (stopping) return;
    stopping = true;
    server.child.kill('SIGTERM');
    const force = setTimeout(() => server.child.kill('SIGKILL'), 5000);
    server.child.once('exit', () => {
        clearTimeout(force);
        rmSync(profile.dir, { recursive: true, force: true });
        process.exit(0);
    });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.once('exit', code => { if (!stopping) { console.error(`code-server stopped (${code})`); process.exit(1); } });
