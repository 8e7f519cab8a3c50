// The language server as an editor other than VS Code sees it: a separate process started as
// `journeymap-language-server --stdio`, spoken to with JSON-RPC over its stdin and stdout.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_NODE_OPTIONS } from '../../../language/server/server-node-options.js';
import { childrenOf, isRunning } from '../../processes.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface PublishedDiagnostics {
    uri: string;
    version?: number;
    diagnostics: { code?: string | number; severity?: number; message: string; range: { start: { line: number; character: number } } }[];
}

describe('journeymap-language-server --stdio (a real process)', function () {
    this.timeout(60_000);
    let workspace: string;
    let server: ChildProcess;
    let connection: MessageConnection;
    let stderr = '';
    const published: PublishedDiagnostics[] = [];
    const waiters: { test: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];

    /** Resolves with the first publication (already received or still to come) that passes `test`. */
    function diagnosticsWhere(test: (p: PublishedDiagnostics) => boolean, since = 0): Promise<PublishedDiagnostics> {
        const found = published.slice(since).find(test);
        if (found) return Promise.resolve(found);
        return new Promise((resolvePromise, reject) => {
            const timer = setTimeout(() => reject(new Error(`no matching publishDiagnostics; stderr: ${stderr}`)), 30_000);
            waiters.push({ test: since === 0 ? test : p => published.indexOf(p) >= since && test(p), resolve: p => { clearTimeout(timer); resolvePromise(p); } });
        });
    }

    before(async function () {
        // `npm test` builds first; running this file alone on a fresh clone builds here.
        if (!existsSync(join(root, 'dist/language-server.cjs'))) {
            const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, encoding: 'utf8' });
            assert.equal(build.status, 0, build.stderr);
        }
        workspace = mkdtempSync(join(tmpdir(), 'journeymap-server-'));
        cpSync(join(root, 'examples'), workspace, { recursive: true });
        server = spawn(process.execPath, [join(root, 'bin/journeymap-language-server.mjs'), '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
        server.stderr!.on('data', chunk => { stderr += chunk; });
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
            published.push(params);
            for (const waiter of [...waiters]) {
                if (waiter.test(params)) {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    waiter.resolve(params);
                }
            }
        });
        // Requests a server may send to its client; answer them as an editor would.
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
        connection.listen();
    });

    after(() => {
        connection?.dispose();
        if (server && server.exitCode === null) server.kill();
        rmSync(workspace, { recursive: true, force: true });
    });

    const uriOf = (name: string) => pathToFileURL(join(workspace, name)).toString();

    it('initializes with the workspace folder and announces its features', async () => {
        const result = await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(workspace).toString(),
            workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'examples' }],
            capabilities: {
                textDocument: { publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } }, completion: { completionItem: { snippetSupport: true } } },
                workspace: { workspaceFolders: true, configuration: true },
            },
        }) as { capabilities: { completionProvider?: unknown; hoverProvider?: unknown; textDocumentSync?: unknown } };
        assert.ok(result.capabilities.completionProvider, 'completion');
        assert.ok(result.capabilities.hoverProvider, 'hover');
        assert.ok(result.capabilities.textDocumentSync !== undefined, 'text sync');
        await connection.sendNotification('initialized', {});
    });

    it('publishes diagnostics with the language codes for an opened file, resolving names declared in sibling files', async () => {
        const text = [
            'journey trip "A trip" for dana {',
            '  stage look "Look" {',
            '    step search "Searches" {',
            '      channel web, sms',
            '      emotion 5',
            '    }',
            '  }',
            '}',
            '',
        ].join('\n');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('trip.journey'), languageId: 'journey', version: 1, text } });
        const result = await diagnosticsWhere(p => p.uri === uriOf('trip.journey') && p.diagnostics.length > 0);
        const codes = result.diagnostics.map(d => d.code);
        assert.ok(codes.includes('unresolved-reference'), JSON.stringify(result.diagnostics));
        assert.ok(codes.includes('emotion-out-of-range'), JSON.stringify(result.diagnostics));
        const unresolved = result.diagnostics.find(d => d.code === 'unresolved-reference')!;
        assert.match(unresolved.message, /sms/);
        assert.deepEqual(unresolved.range.start, { line: 3, character: 19 });
        // `dana` and `web` come from common.journey in the workspace folder: not unresolved.
        assert.ok(!result.diagnostics.some(d => /'(dana|web)'/.test(d.message)), JSON.stringify(result.diagnostics));
    });

    it('completes channel names declared elsewhere in the workspace', async () => {
        const items = await connection.sendRequest('textDocument/completion', {
            textDocument: { uri: uriOf('trip.journey') },
            position: { line: 3, character: 14 },
        }) as { label: string }[] | { items: { label: string }[] };
        const labels = (Array.isArray(items) ? items : items.items).map(item => item.label);
        assert.ok(labels.includes('email'), labels.join(', '));
        assert.ok(labels.includes('app'), labels.join(', '));
        // At the start of a member line inside the step body: the step's members, not the journey's.
        const members = await connection.sendRequest('textDocument/completion', {
            textDocument: { uri: uriOf('trip.journey') },
            position: { line: 4, character: 6 },
        }) as { label: string }[] | { items: { label: string }[] };
        const memberLabels = (Array.isArray(members) ? members : members.items).map(item => item.label);
        for (const keyword of ['touchpoint', 'pain', 'opportunity', 'onstage', 'offstage', 'metric']) assert.ok(memberLabels.includes(keyword), `${keyword} in ${memberLabels.join(', ')}`);
        assert.ok(!memberLabels.includes('journey') && !memberLabels.includes('stage'), memberLabels.join(', '));
    });

    it('republishes after an edit that introduces an error', async () => {
        const since = published.length;
        const text = readFileSync(join(workspace, 'gift-purchase.journey'), 'utf8');
        const uri = uriOf('gift-purchase.journey');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
        const clean = await diagnosticsWhere(p => p.uri === uri, since);
        assert.ok(!clean.diagnostics.some(d => d.severity === 1), JSON.stringify(clean.diagnostics));
        const broken = text.replace(/emotion [-+]?\d/, 'emotion +9');
        assert.notEqual(broken, text);
        const afterEdit = published.length;
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
        const result = await diagnosticsWhere(p => p.uri === uri && p.diagnostics.some(d => d.code === 'emotion-out-of-range'), afterEdit);
        assert.match(result.diagnostics.find(d => d.code === 'emotion-out-of-range')!.message, /9/);
    });

    it('answers hover on a reference to another file right behind a run of edits, for the latest text (hover does not wait for the whole file to be linked)', async () => {
        const uri = uriOf('hover-while-typing.journey');
        const text = readFileSync(join(workspace, 'gift-purchase.journey'), 'utf8').replace('journey gift_purchase ', 'journey hover_while_typing ');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
        // Edits sent back to back, the hover right behind the last: it is answered for that text.
        let current = text;
        for (let version = 2; version <= 6; version++) {
            current = text.replace('"Dana needs a gift', `"Dana${'!'.repeat(version)} needs a gift`);
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: current }] });
        }
        // `for dana` on line 0: dana is declared in common.journey.
        const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: current.indexOf('dana') + 1 } }) as { contents: { value: string } } | null;
        assert.ok(hover, 'an answer');
        assert.match(hover.contents.value, /persona.*dana/s);
        assert.match(hover.contents.value, /Dana, online shopper/);
    });

    it('survives garbage text and still answers', async () => {
        const uri = uriOf('garbage.journey');
        const garbage = [
            '\u0000\u0001}}}{{{ "unterminated',
            'journey journey journey for for { stage { step { emotion emotion -- 9999999999999999999999 %%% }',
            'metric "x" 3d target 4.2 "stars" metric metric /* never closed',
            '\uD800 \u202E ☃ 𝔘 \r\n\t',
        ].join('\n');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text: garbage } });
        const result = await diagnosticsWhere(p => p.uri === uri);
        assert.ok(result.diagnostics.some(d => d.code === 'syntax-error'), JSON.stringify(result.diagnostics));
        for (let version = 2; version < 40; version++) {
            const text = garbage.slice(0, (version * 37) % garbage.length) + '{'.repeat(version % 5) + '"'.repeat(version % 3);
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        }
        // Requests on broken text answer (possibly empty) rather than killing the process.
        await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } });
        await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 9 } });
        await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        assert.equal(server.exitCode, null, `server died; stderr: ${stderr}`);
    });

    it('runs with the heap options the extension gives the server', () => {
        const launcher = readFileSync(join(root, 'bin/journeymap-language-server.mjs'), 'utf8');
        const options = /const HEAP_OPTIONS = (\[[^\]]*\])/.exec(launcher)?.[1];
        assert.ok(options, 'the launcher names its heap options');
        assert.deepEqual(JSON.parse(options.replace(/'/g, '"')), [...SERVER_NODE_OPTIONS]);
    });

    it('shuts down and exits with status 0', async () => {
        const exited = new Promise<number | null>(resolvePromise => server.once('exit', code => resolvePromise(code)));
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        assert.equal(await exited, 0, stderr);
    });

    it('stopped by a signal, ends by that signal and takes the server process with it, even the moment the server starts', async () => {
        // The signal goes the instant the launcher's child appears, when a launcher that set up
        // its forwarding after starting the child would still die of it by default and orphan
        // the server (this failed on CI). A few tries, because that instant is a race.
        for (let attempt = 1; attempt <= 5; attempt++) {
            const launcher = spawn(process.execPath, [join(root, 'bin/journeymap-language-server.mjs'), '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
            const ended = new Promise<[number | null, NodeJS.Signals | null]>(resolvePromise => launcher.once('exit', (code, signal) => resolvePromise([code, signal])));
            const serverPid = await new Promise<number>((resolvePromise, reject) => {
                const deadline = Date.now() + 20_000;
                const look = () => {
                    const child = childrenOf(launcher.pid!)[0];
                    if (child) {
                        launcher.kill('SIGTERM');
                        return resolvePromise(child);
                    }
                    if (Date.now() > deadline) return reject(new Error('the launcher started no server'));
                    setImmediate(look);
                };
                look();
            });
            assert.deepEqual(await ended, [null, 'SIGTERM'], `attempt ${attempt}: an editor that stops the server sees it end by the signal it sent`);
            const leftRunning = isRunning(serverPid);
            if (leftRunning) process.kill(serverPid, 'SIGKILL'); // a failing attempt leaves nothing behind
            assert.equal(leftRunning, false, `attempt ${attempt}: no server process left running`);
        }
    });
});
