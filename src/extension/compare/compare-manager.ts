import type * as vscode from 'vscode';
import { URI } from 'vscode-uri';
import type { CompareSpec, CompareState } from '../../../webview/compare-messages.js';
import type { ModelSource } from '../preview/model-source.js';
import { COMPARE_VIEW_TYPE, JourneyComparePanel } from './compare-panel.js';
import { CompareError, gitFile, gitLocation, NO_GIT, verifyRevision, type GitRevisions, type SideReader } from './compare-sides.js';
import { REVISION_SCHEME, revisionOfDocument, sameSpec, sideOfResource } from './compare-spec.js';
import type { CompareVscodeApi } from './compare-vscode-api.js';

export const CompareCommands = {
    withHead: 'journeymap.compare.withHead',
    withStaged: 'journeymap.compare.withStaged',
    with: 'journeymap.compare.with',
    diffEditor: 'journeymap.compare.diffEditor',
} as const;

type Choice = vscode.QuickPickItem & { pick: () => Promise<CompareSpec | undefined> };

/**
 * The visual diff in the editor: the commands that open it (against HEAD, the staged version, a
 * revision or another file, or the two sides of the active diff editor), the views they open,
 * their serializer, and the read-only documents that show a revision's source.
 */
export class JourneyCompareManager {
    private readonly panels: JourneyComparePanel[] = [];
    private readonly reader: SideReader;

    /**
     * `git` absent (the web extension host, docs/web.md): the git-by-revision commands are hidden
     * by their `when` clauses (`shellExecutionSupported`) and, if run anyway, say why they cannot.
     */
    constructor(private readonly api: CompareVscodeApi, private readonly extensionUri: vscode.Uri, private readonly models: ModelSource, private readonly git?: GitRevisions) {
        this.reader = {
            models, ...(git ? { git } : {}),
            openText: async uri => (await api.workspace.openTextDocument(api.Uri.parse(uri))).getText(),
        };
    }

    register(): vscode.Disposable[] {
        const { commands, window, workspace } = this.api;
        return [
            commands.registerCommand(CompareCommands.withHead, (arg?: unknown) => this.compareFile(arg, uri => ({ kind: 'git', uri, ref: 'HEAD' }))),
            commands.registerCommand(CompareCommands.withStaged, (arg?: unknown) => this.compareFile(arg, uri => ({ kind: 'git', uri, ref: '' }))),
            commands.registerCommand(CompareCommands.with, (arg?: unknown) => this.compareWithPicked(arg)),
            commands.registerCommand(CompareCommands.diffEditor, (arg?: unknown) => this.compareDiffEditor(arg)),
            window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
                deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
                    const spec = (state as CompareState | undefined)?.spec;
                    if (spec) void this.adopt(panel, spec).refresh();
                    else panel.dispose();
                },
            }),
            workspace.registerTextDocumentContentProvider(REVISION_SCHEME, {
                provideTextDocumentContent: async (uri: vscode.Uri) => {
                    const { fsPath, ref } = revisionOfDocument(uri);
                    if (!this.git) throw new CompareError(NO_GIT);
                    return (await gitFile(this.git.run, fsPath, ref)).text ?? '';
                },
            }),
            this.models.onDidChange(params => { for (const panel of this.panels) panel.modelChanged(params.uri); }),
            { dispose: () => { for (const panel of [...this.panels]) panel.dispose(); } },
        ];
    }

    get openPanels(): readonly JourneyComparePanel[] {
        return this.panels;
    }

    /** Opens the comparison, or brings back (and rereads) the view already showing it. */
    open(spec: CompareSpec): JourneyComparePanel {
        const existing = this.panels.find(p => sameSpec(p.spec, spec));
        if (existing) {
            existing.panel.reveal(undefined, false);
            void existing.refresh(true);
            return existing;
        }
        const panel = this.api.window.createWebviewPanel(COMPARE_VIEW_TYPE, 'Compare', { viewColumn: this.api.ViewColumn.Active, preserveFocus: false }, {
            enableScripts: true,
            retainContextWhenHidden: false,
            localResourceRoots: [this.api.Uri.joinPath(this.extensionUri, 'dist', 'webview')],
        });
        return this.adopt(panel, spec);
    }

    private adopt(panel: vscode.WebviewPanel, spec: CompareSpec): JourneyComparePanel {
        const view = new JourneyComparePanel(this.api, panel, this.extensionUri, spec, this.reader, gone => {
            this.panels.splice(this.panels.indexOf(gone), 1);
        });
        this.panels.push(view);
        return view;
    }

    /** The `.journey` file a command is about: its argument (a URI or an SCM resource), else the active editor's. */
    private target(arg: unknown): vscode.Uri | undefined {
        const candidate = (arg as { resourceUri?: vscode.Uri } | undefined)?.resourceUri ?? (arg as vscode.Uri | undefined);
        const uri = candidate && typeof (candidate as vscode.Uri).path === 'string' ? candidate as vscode.Uri : this.api.window.activeTextEditor?.document.uri;
        // Without git (the web) any workspace scheme will do: only other files are offered there.
        if (uri?.path.endsWith('.journey') && (uri.scheme === 'file' || !this.git)) return uri;
        void this.api.window.showInformationMessage('Journeymap: open a .journey file of the workspace to compare it.');
        return undefined;
    }

    private compareFile(arg: unknown, old: (uri: string) => CompareSpec['old']): JourneyComparePanel | undefined {
        if (!this.gitAvailable()) return undefined;
        const uri = this.target(arg);
        return uri ? this.open({ old: old(uri.toString()), new: { kind: 'file', uri: uri.toString() } }) : undefined;
    }

    /** "Compare with…": HEAD, the staged version, a branch, tag or commit, or another `.journey` file. */
    private async compareWithPicked(arg: unknown): Promise<JourneyComparePanel | undefined> {
        const uri = this.target(arg);
        if (!uri) return undefined;
        const file = uri.toString();
        const now = { kind: 'file', uri: file } as const;
        const another: Choice = { label: '$(file) Another .journey file…', pick: async () => this.pickFile(uri).then(other => (other ? { old: { kind: 'file', uri: other }, new: now } : undefined)) };
        const choices: Choice[] = !this.git ? [another] : [
            { label: '$(git-commit) HEAD', description: 'the last commit', pick: async () => ({ old: { kind: 'git', uri: file, ref: 'HEAD' }, new: now }) },
            { label: '$(diff) Staged version', description: 'the index', pick: async () => ({ old: { kind: 'git', uri: file, ref: '' }, new: now }) },
            { label: '$(git-branch) Branch, tag or commit…', pick: async () => this.pickRevision(uri).then(ref => (ref === undefined ? undefined : { old: { kind: 'git', uri: file, ref }, new: now })) },
            another,
        ];
        const choice = await this.api.window.showQuickPick(choices, { title: 'Journeymap: Compare with…', placeHolder: 'Compare this map with' });
        try {
            const spec = await choice?.pick();
            return spec ? this.open(spec) : undefined;
        } catch (error) {
            void this.api.window.showErrorMessage(`Journeymap: ${(error as Error).message}`);
            return undefined;
        }
    }

    /** Branches, tags, the commits that touched the file, or a revision typed in. */
    private async pickRevision(uri: vscode.Uri): Promise<string | undefined> {
        if (!this.git) throw new CompareError(NO_GIT);
        const git = this.git.run;
        const { root, path } = await gitLocation(git, uri.fsPath);
        const [refs, log] = await Promise.all([
            git(['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/tags', 'refs/remotes'], root),
            git(['log', '-n', '50', '--format=%H%x00%h%x00%s%x00%cr', '--', path], root),
        ]);
        type RevisionItem = vscode.QuickPickItem & { ref?: string };
        const items: RevisionItem[] = [{ label: '$(edit) Enter a revision…', alwaysShow: true }];
        for (const name of refs.split('\n').filter(Boolean)) items.push({ label: `$(git-branch) ${name}`, ref: name });
        for (const line of log.split('\n').filter(Boolean)) {
            const [hash, short, subject, when] = line.split('\0');
            items.push({ label: `$(git-commit) ${short}`, description: subject, detail: when, ref: hash });
        }
        const picked = await this.api.window.showQuickPick(items, { title: 'Compare with a revision', placeHolder: 'Branch, tag, or a commit that changed this file', matchOnDescription: true });
        if (!picked) return undefined;
        if (picked.ref !== undefined) return picked.ref;
        return this.api.window.showInputBox({
            title: 'Compare with a revision', prompt: 'A branch, tag, commit or expression such as HEAD~2',
            validateInput: async value => {
                try {
                    await verifyRevision(git, root, value.trim());
                    return value.trim() ? undefined : 'Enter a revision.';
                } catch (error) {
                    return error instanceof CompareError ? error.message : String(error);
                }
            },
        }).then(value => value?.trim() || undefined);
    }

    /** Whether git can be run here; if not, says so (the commands are hidden there, but a keybinding may still run one). */
    private gitAvailable(): boolean {
        if (!this.git) void this.api.window.showInformationMessage(`Journeymap: ${NO_GIT}`);
        return this.git !== undefined;
    }

    private async pickFile(uri: vscode.Uri): Promise<string | undefined> {
        const files = (await this.api.workspace.findFiles('**/*.journey', '**/node_modules/**')).filter(f => f.toString() !== uri.toString());
        if (files.length === 0) {
            void this.api.window.showInformationMessage('Journeymap: no other .journey file in the workspace.');
            return undefined;
        }
        const items = files.map(f => ({ label: this.api.workspace.asRelativePath(f), uri: f.toString() })).sort((a, b) => a.label.localeCompare(b.label));
        return (await this.api.window.showQuickPick(items, { title: 'Compare with another map', placeHolder: 'The older version' }))?.uri;
    }

    /** The active diff editor's two sides (e.g. opened from Source Control) as a visual diff. */
    private compareDiffEditor(arg: unknown): JourneyComparePanel | undefined {
        const wanted = arg && typeof (arg as vscode.Uri).path === 'string' ? (arg as vscode.Uri).toString() : undefined;
        const isDiff = (input: unknown): input is { original: vscode.Uri; modified: vscode.Uri } =>
            typeof input === 'object' && input !== null && 'original' in input && 'modified' in input;
        const active = this.api.window.tabGroups.activeTabGroup.activeTab?.input;
        const inputs = [active, ...this.api.window.tabGroups.all.flatMap(group => group.tabs.map(tab => tab.input))].filter(isDiff);
        const input = inputs.find(i => wanted === undefined || i.modified.toString() === wanted || i.original.toString() === wanted);
        if (!input || !input.modified.path.endsWith('.journey')) {
            void this.api.window.showInformationMessage('Journeymap: open a diff of a .journey file first.');
            return undefined;
        }
        const location = URI.parse(input.modified.scheme === 'git' ? URI.file(input.modified.fsPath).toString() : input.modified.toString());
        return this.open({
            old: sideOfResource(URI.parse(input.original.toString()), location),
            new: sideOfResource(URI.parse(input.modified.toString()), location),
        });
    }
}
