/**
 * A hand-written fake of the parts of the `vscode` API the preview, the compare view and the
 * insights view use (VscodeApi, CompareVscodeApi, InsightsVscodeApi): enough to drive their managers, message routing and serializers
 * in mocha, recording what the extension asks VS Code to do.
 */
import { URI, Utils } from 'vscode-uri';
import { readFileSync } from 'node:fs';
import type { CompareVscodeApi } from '../../src/extension/compare/compare-vscode-api.js';
import type { InsightsVscodeApi } from '../../src/extension/insights/insights-vscode-api.js';
import type { VscodeApi } from '../../src/extension/preview/vscode-api.js';

type Listener<T> = (value: T) => unknown;

export class Emitter<T> {
    private listeners: Array<Listener<T>> = [];
    readonly event = (listener: Listener<T>) => {
        this.listeners.push(listener);
        return { dispose: () => { this.listeners = this.listeners.filter(l => l !== listener); } };
    };
    fire(value: T): void {
        for (const listener of [...this.listeners]) listener(value);
    }
    dispose(): void {
        this.listeners = [];
    }
}

export class ThemeIcon {
    constructor(readonly id: string) { }
}

/** What `window.createTreeView` returns: the provider it was given, and what the extension sets on it. */
export interface FakeTreeView {
    id: string;
    options: {
        treeDataProvider: { getChildren(node?: unknown): unknown; getTreeItem(node: unknown): unknown; onDidChangeTreeData?: (listener: (e: unknown) => void) => unknown };
    };
    message?: string;
    disposed: boolean;
    dispose(): void;
}

/** `new vscode.RelativePattern(base, pattern)`: the web host lists the files below one folder with it. */
export class RelativePattern {
    constructor(readonly baseUri: URI, readonly pattern: string) { }
}

export class Position {
    constructor(readonly line: number, readonly character: number) { }
}

export class Range {
    readonly start: Position;
    readonly end: Position;
    constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
        this.start = typeof a === 'number' ? new Position(a, b as number) : a;
        this.end = typeof a === 'number' ? new Position(c!, d!) : b as Position;
    }
}

export class Selection extends Range {
    readonly anchor: Position;
    readonly active: Position;
    constructor(anchorLine: number, anchorCharacter: number, activeLine: number, activeCharacter: number) {
        super(anchorLine, anchorCharacter, activeLine, activeCharacter);
        this.anchor = this.start;
        this.active = this.end;
    }
}

export class FakeWebview {
    options: { enableScripts?: boolean; localResourceRoots?: URI[] } = {};
    html = '';
    readonly cspSource = 'https://fake.vscode-cdn.net';
    readonly posted: Array<{ type: string; [key: string]: unknown }> = [];
    readonly received = new Emitter<unknown>();
    readonly onDidReceiveMessage = this.received.event;
    asWebviewUri(uri: URI): URI {
        return URI.parse(`https://fake.vscode-cdn.net${uri.path}`);
    }
    async postMessage(message: unknown): Promise<boolean> {
        this.posted.push(JSON.parse(JSON.stringify(message)));
        return true;
    }
}

export class FakePanel {
    readonly webview = new FakeWebview();
    title: string;
    active = true;
    disposed = false;
    readonly revealed: unknown[] = [];
    private readonly disposeEmitter = new Emitter<void>();
    readonly onDidDispose = this.disposeEmitter.event;
    readonly viewState = new Emitter<{ webviewPanel: FakePanel }>();
    readonly onDidChangeViewState = this.viewState.event;
    constructor(readonly viewType: string, title: string, readonly showOptions: unknown, readonly createOptions: unknown) {
        this.title = title;
    }
    reveal(column?: number, preserveFocus?: boolean): void {
        this.revealed.push({ column, preserveFocus });
    }
    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        this.disposeEmitter.fire();
    }
    /** The webview page sends a message to the extension. */
    async send(message: unknown): Promise<void> {
        this.webview.received.fire(message);
        await settle();
    }
}

export interface FakeDocument {
    uri: URI;
    languageId: string;
    getText?(): string;
}

export function fakeDocument(path: string, languageId = 'journey'): FakeDocument {
    return { uri: URI.file(path), languageId };
}

/** What `workspace.createFileSystemWatcher` returns; fire its emitters as the file system would. */
export class FakeWatcher {
    readonly changed = new Emitter<URI>();
    readonly created = new Emitter<URI>();
    readonly deleted = new Emitter<URI>();
    readonly onDidChange = this.changed.event;
    readonly onDidCreate = this.created.event;
    readonly onDidDelete = this.deleted.event;
    disposed = false;
    constructor(readonly glob: string) { }
    dispose(): void {
        this.disposed = true;
    }
}

type ContentProvider = { provideTextDocumentContent(uri: URI): string | Promise<string> };

/** Lets pending promises (and zero-delay timers) run. */
export async function settle(ms = 0): Promise<void> {
    await new Promise(resolve => setTimeout(resolve, ms));
    await new Promise(resolve => setImmediate(resolve));
}

export function createFakeVscode() {
    const activeEditorChanged = new Emitter<unknown>();
    const selectionChanged = new Emitter<unknown>();
    const record = {
        panels: [] as FakePanel[],
        serializers: new Map<string, { deserializeWebviewPanel(panel: unknown, state: unknown): Thenable<void> }>(),
        commands: new Map<string, (...args: unknown[]) => unknown>(),
        executed: [] as unknown[][],
        /** URLs given to `env.openExternal`. */
        openedExternal: [] as string[],
        shown: [] as Array<{ document: FakeDocument; options: { selection: Selection; viewColumn: number }; revealed: unknown[] }>,
        writes: [] as Array<{ uri: URI; bytes: Uint8Array }>,
        messages: [] as string[],
        saveDialogResult: undefined as URI | undefined,
        saveDialogOptions: [] as unknown[],
        /** What the user picks in the next quick picks, in order: from the items offered. */
        quickPickAnswers: [] as Array<(items: Array<{ label: string; description?: string }>) => unknown>,
        quickPicks: [] as Array<{ items: Array<{ label: string; description?: string }>; options: unknown }>,
        inputBoxAnswers: [] as Array<string | undefined>,
        /** Files `workspace.findFiles` finds (below the base of a RelativePattern when it is given one). */
        files: [] as URI[],
        /** What `workspace.findFiles` was asked for. */
        findFilesCalls: [] as Array<{ include: unknown; exclude: unknown }>,
        /** What `workspace.fs.readFile` read. */
        reads: [] as string[],
        /** Unsaved editor texts by URI; other file: documents are read from disk. */
        texts: new Map<string, string>(),
        contentProviders: new Map<string, ContentProvider>(),
        treeViews: new Map<string, FakeTreeView>(),
        /** File system watchers the extension created. */
        watchers: [] as FakeWatcher[],
    };
    const textChanged = new Emitter<{ document: FakeDocument; contentChanges: unknown[] }>();
    /** The editor's tabs: set `active` (and `all`) to put a diff editor in front. */
    const tabGroups = {
        activeTabGroup: { activeTab: undefined as undefined | { input: unknown } },
        all: [] as Array<{ tabs: Array<{ input: unknown }> }>,
    };
    const openTextDocument = async (uri: URI): Promise<FakeDocument> => {
        const key = uri.toString();
        const provider = record.contentProviders.get(uri.scheme);
        const text = record.texts.get(key) ?? (provider ? await provider.provideTextDocumentContent(uri) : uri.scheme === 'file' ? readFileSync(uri.fsPath, 'utf8') : undefined);
        if (text === undefined) throw new Error(`cannot open ${key}`);
        return { uri, languageId: uri.path.endsWith('.journey') ? 'journey' : 'plaintext', getText: () => text };
    };
    const window = {
        activeTextEditor: undefined as undefined | { document: FakeDocument },
        visibleTextEditors: [] as Array<{ document: FakeDocument; viewColumn: number }>,
        createWebviewPanel: (viewType: string, title: string, showOptions: unknown, options: unknown) => {
            const panel = new FakePanel(viewType, title, showOptions, options);
            record.panels.push(panel);
            return panel;
        },
        registerWebviewPanelSerializer: (viewType: string, serializer: { deserializeWebviewPanel(panel: unknown, state: unknown): Thenable<void> }) => {
            record.serializers.set(viewType, serializer);
            return { dispose: () => record.serializers.delete(viewType) };
        },
        onDidChangeActiveTextEditor: activeEditorChanged.event,
        onDidChangeTextEditorSelection: selectionChanged.event,
        showTextDocument: async (document: FakeDocument, options: { selection: Selection; viewColumn: number }) => {
            const shown = { document, options, revealed: [] as unknown[] };
            record.shown.push(shown);
            return { document, revealRange: (range: Range, type: unknown) => { shown.revealed.push({ range, type }); } };
        },
        showSaveDialog: async (options: unknown) => { record.saveDialogOptions.push(options); return record.saveDialogResult; },
        showErrorMessage: async (message: string) => { record.messages.push(message); return undefined; },
        showInformationMessage: async (message: string) => { record.messages.push(message); return undefined; },
        showQuickPick: async (items: Array<{ label: string; description?: string }>, options: unknown) => {
            record.quickPicks.push({ items, options });
            return record.quickPickAnswers.shift()?.(items);
        },
        showInputBox: async (options: { validateInput?: (value: string) => unknown }) => {
            const answer = record.inputBoxAnswers.shift();
            if (answer !== undefined && await options.validateInput?.(answer)) return undefined;
            return answer;
        },
        tabGroups,
        createTreeView: (id: string, options: FakeTreeView['options']) => {
            const view: FakeTreeView = { id, options, disposed: false, dispose: () => { view.disposed = true; } };
            record.treeViews.set(id, view);
            return view;
        },
    };
    const api = {
        window,
        workspace: {
            fs: {
                writeFile: async (uri: URI, bytes: Uint8Array) => { record.writes.push({ uri, bytes }); },
                // Saved content: record.texts stands for the files of a non-`file` workspace (e.g. github.dev's vscode-vfs).
                readFile: async (uri: URI) => {
                    record.reads.push(uri.toString());
                    const text = record.texts.get(uri.toString()) ?? (uri.scheme === 'file' ? readFileSync(uri.fsPath, 'utf8') : undefined);
                    if (text === undefined) throw new Error(`EntryNotFound (FileSystemError): ${uri.toString()}`);
                    return new TextEncoder().encode(text);
                },
            },
            openTextDocument,
            findFiles: async (include: unknown, exclude: unknown) => {
                record.findFilesCalls.push({ include, exclude });
                if (!(include instanceof RelativePattern)) return record.files;
                const base = include.baseUri.toString().replace(/\/?$/, '/');
                return record.files.filter(file => file.toString().startsWith(base));
            },
            // Relative to the folder of the file: enough for a flat test workspace.
            asRelativePath: (uri: URI | string) => { const path = typeof uri === 'string' ? uri : uri.path; return path.slice(path.lastIndexOf('/') + 1); },
            onDidChangeTextDocument: textChanged.event,
            createFileSystemWatcher: (glob: string) => {
                const watcher = new FakeWatcher(glob);
                record.watchers.push(watcher);
                return watcher;
            },
            registerTextDocumentContentProvider: (scheme: string, provider: ContentProvider) => {
                record.contentProviders.set(scheme, provider);
                return { dispose: () => record.contentProviders.delete(scheme) };
            },
        },
        commands: {
            registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
                record.commands.set(id, handler);
                return { dispose: () => record.commands.delete(id) };
            },
            executeCommand: async (...args: unknown[]) => { record.executed.push(args); return record.commands.get(args[0] as string)?.(...args.slice(1)); },
        },
        env: {
            openExternal: async (uri: URI) => { record.openedExternal.push(uri.toString(true)); return true; },
        },
        RelativePattern,
        Uri: { parse: (value: string) => URI.parse(value), joinPath: (base: URI, ...parts: string[]) => Utils.joinPath(base, ...parts) },
        ViewColumn: { Active: -1, Beside: -2, One: 1 },
        Range,
        Selection,
        TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
        EventEmitter: Emitter,
        ThemeIcon,
        TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    };
    return {
        api: api as unknown as VscodeApi & CompareVscodeApi & InsightsVscodeApi,
        window,
        tabGroups,
        record,
        /** The user switches to another editor. */
        activate(document: FakeDocument | undefined): void {
            window.activeTextEditor = document ? { document } : undefined;
            activeEditorChanged.fire(window.activeTextEditor);
        },
        /** The user edits a document. */
        editText(document: FakeDocument): void {
            textChanged.fire({ document, contentChanges: [{ text: '' }] });
        },
        /** The user moves the cursor. */
        moveCursor(document: FakeDocument, line: number, character: number): void {
            selectionChanged.fire({ textEditor: { document }, selections: [new Selection(line, character, line, character)] });
        },
    };
}
