import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from '../../../language/model/journey-model.js';
import { InsightsRequest, type InsightsResult } from '../../../language/protocol.js';
import type { Insights } from '../../../src/insights/insights-model.js';
import { languageClientInsightsSource } from '../../../src/extension/insights/insights-source.js';
import { INSIGHTS_REPORT_VIEW_TYPE } from '../../../src/extension/insights/insights-report-panel.js';
import type { InsightsEntry, InsightsGroup, InsightsNode } from '../../../src/extension/insights/insights-tree.js';
import { HAS_MAPS_CONTEXT, INSIGHTS_VIEW_ID, InsightsCommands, JourneyInsightsView } from '../../../src/extension/insights/insights-view.js';
import { ensureBuilt, journeymap, ROOT } from '../../cli/cli-process.js';
import { EXAMPLES_DIR } from '../../language/journey-test-helpers.js';
import { createFakeVscode, type FakeTreeView } from '../fake-vscode.js';
import { startServer, type ServerProcess } from '../language-server-process.js';

/**
 * The Journey Insights view in the extension host (fake vscode) over the REAL language server
 * process: what it lists is checked against `journeymap report --format json` on the same files.
 */
describe('Journey Insights view (fake vscode, real language server)', function () {
    this.timeout(60_000);
    let dir: string;
    let server: ServerProcess;
    let expected: Insights;

    before(async () => {
        ensureBuilt();
        dir = mkdtempSync(join(tmpdir(), 'journeymap-insights-'));
        cpSync(EXAMPLES_DIR, dir, { recursive: true });
        const run = await journeymap(['report', '.', '--format', 'json'], dir);
        assert.equal(run.code, 0, run.stderr);
        expected = JSON.parse(run.stdout) as Insights;
        server = await startServer(dir);
    });
    after(() => {
        server?.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    function setup() {
        const fake = createFakeVscode();
        const view = new JourneyInsightsView(fake.api, languageClientInsightsSource(server.connection));
        const disposables = view.register();
        const tree = fake.record.treeViews.get(INSIGHTS_VIEW_ID)!;
        const changes: unknown[] = [];
        tree.options.treeDataProvider.onDidChangeTreeData?.(e => changes.push(e));
        return { fake, view, tree, changes, dispose: () => { for (const d of disposables) d.dispose(); } };
    }
    const fileUri = (name: string) => pathToFileURL(join(dir, name)).toString();
    async function groups(tree: FakeTreeView): Promise<Map<string, InsightsGroup>> {
        const roots = await tree.options.treeDataProvider.getChildren() as InsightsNode[];
        return new Map(roots.map(node => [(node as InsightsGroup).id, node as InsightsGroup]));
    }
    const entries = (group: InsightsGroup | undefined) => (group?.children ?? []) as InsightsEntry[];
    /** The source line (1-based) and file of an entry, as the CLI prints them. */
    const located = (entry: InsightsEntry) => ({ file: entry.uri.slice(pathToFileURL(dir).toString().length + 1), line: entry.range.start.line + 1 });
    /** Puts a file back as it is on disk and closes it; waits until the server reports it so again. */
    async function restore(uri: string, text: string, version: number, painText: string): Promise<void> {
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await until(async () => (await server.connection.sendRequest<InsightsResult>(InsightsRequest, {})).insights.pains.some(p => p.text === painText), 'restored');
    }
    async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
        const started = Date.now();
        while (!await condition()) {
            if (Date.now() - started > 20_000) throw new Error(`timed out: ${what}`);
            await new Promise(resolve => setTimeout(resolve, 25));
        }
    }

    it('lists every map\'s pains (never opened ones too) in the order and at the lines of `journeymap report`', async () => {
        const { fake, tree, dispose } = setup();
        try {
            const all = await groups(tree);
            assert.deepEqual([...all.values()].map(g => g.label), ['Pains', 'Opportunities', 'Owners', 'KPIs off target', 'Steps without evidence']);
            const pains = entries(all.get('pains'));
            assert.ok(expected.pains.length > 5, 'the examples have pains');
            assert.deepEqual(pains.map(p => p.label), expected.pains.map(p => p.text));
            assert.deepEqual(pains.map(located), expected.pains.map(p => ({ file: p.file, line: p.line })));
            // The row says the severity and the step by title; the icon follows the severity.
            assert.equal(pains[0].description, 'high · Calls at 8:00 (Booking a GP appointment, as-is)');
            assert.equal(pains[0].icon, 'error');
            assert.match(pains[0].tooltip, /moment of truth, no opportunity \(gp-booking-today\.journey:55\)/);

            // By status (the report's groups, in its order), each in the JSON's order.
            const statuses = (all.get('opportunities')!.children as InsightsGroup[]);
            const STATUSES: Array<[string, string | null]> = [['Doing', 'doing'], ['Planned', 'planned'], ['Idea', 'idea'], ['No status', null], ['Done', 'done'], ['Dropped', 'dropped']];
            const present = STATUSES.filter(([, status]) => expected.opportunities.some(o => o.status === status));
            assert.ok(present.length >= 3, 'the examples have opportunities of several statuses');
            assert.deepEqual(statuses.map(g => g.label), present.map(([title]) => title));
            for (const [i, [, status]] of present.entries()) {
                assert.deepEqual(entries(statuses[i]).map(o => o.label), expected.opportunities.filter(o => o.status === status).map(o => o.text));
            }
            const owners = all.get('owners')!.children as InsightsGroup[];
            assert.deepEqual(owners.map(o => o.description), expected.owners.map(o => `${o.open} open · ${o.done} done`));
            for (const [i, owner] of owners.entries()) {
                assert.deepEqual(entries(owner).map(o => o.label), expected.opportunities.filter(o => o.owner === expected.owners[i].team).map(o => o.text));
            }
            const off = expected.metrics.filter(m => m.onTarget === false);
            assert.ok(off.length > 0, 'the examples have a KPI off target');
            assert.deepEqual(entries(all.get('kpis')).map(m => [m.label, located(m).line]), off.map(m => [m.name, m.line]));
            assert.deepEqual(entries(all.get('evidence')).map(located), expected.evidence.stepsWithout.map(s => ({ file: s.file, line: s.line })));

            // Shown because the workspace has maps; nothing to warn about.
            assert.ok(fake.record.executed.some(args => args[0] === 'setContext' && args[1] === HAS_MAPS_CONTEXT && args[2] === true));
            assert.equal(tree.message, undefined);
        } finally {
            dispose();
        }
    });

    it('a click on an entry selects the item\'s whole range in its map', async () => {
        const { fake, tree, dispose } = setup();
        try {
            const kpi = entries((await groups(tree)).get('kpis'))[0];
            const item = tree.options.treeDataProvider.getTreeItem(kpi) as { command: { command: string; arguments: [string, Range] }; accessibilityInformation: { label: string } };
            assert.equal(item.command.command, InsightsCommands.reveal);
            assert.match(item.accessibilityInformation.label, /^KPI off target: /, 'a screen reader reads the whole row');
            await fake.api.commands.executeCommand(item.command.command, ...item.command.arguments);
            const shown = fake.record.shown.at(-1)!;
            assert.equal(shown.document.uri.toString(), kpi.uri);
            const { start, end } = shown.options.selection;
            assert.deepEqual([start.line, start.character, end.line, end.character], [kpi.range.start.line, kpi.range.start.character, kpi.range.end.line, kpi.range.end.character]);
            const lines = readFileSync(new URL(kpi.uri), 'utf8').split('\n');
            assert.ok(lines[start.line].slice(start.character).startsWith(`metric "${kpi.label}"`), lines[start.line]);
            assert.equal(shown.revealed.length, 1);
        } finally {
            dispose();
        }
    });

    it('updates after an edit (debounced), keeps a map with syntax errors as last parsed, and says so', async () => {
        const { tree, changes, dispose } = setup();
        const uri = fileUri('gift-purchase.journey');
        const text = readFileSync(join(dir, 'gift-purchase.journey'), 'utf8');
        try {
            assert.equal(entries((await groups(tree)).get('pains'))[0].label, expected.pains[0].text);
            await server.open(uri, text);
            const edited = text.replace('pain "No delivery date before checkout" severity high', 'pain "Delivery date hidden until payment" severity high');
            assert.notEqual(edited, text);
            const before = changes.length;
            await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
            await until(() => changes.length > before, 'the tree is told the maps changed');
            let labels = entries((await groups(tree)).get('pains')).map(p => p.label);
            assert.ok(labels.includes('Delivery date hidden until payment'), labels.join(' | '));
            assert.ok(!labels.includes('No delivery date before checkout'));
            assert.equal(labels.length, expected.pains.length);

            const broken = edited.replace('emotion +1', 'emotion }}');
            const atBroken = changes.length;
            await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: broken }] });
            await until(() => changes.length > atBroken, 'told again');
            labels = entries((await groups(tree)).get('pains')).map(p => p.label);
            assert.ok(labels.includes('Delivery date hidden until payment'), 'the last good text still counts');
            assert.equal(tree.message, 'gift-purchase.journey: syntax errors (counted as last parsed).');
        } finally {
            await restore(uri, text, 4, 'No delivery date before checkout');
            dispose();
        }
    });

    it('"Open Insights Report" shows the HTML report in a webview that runs no script and loads nothing, and follows edits', async () => {
        const { fake, dispose } = setup();
        const uri = fileUri('gift-return.journey');
        const text = readFileSync(join(dir, 'gift-return.journey'), 'utf8');
        try {
            await fake.api.commands.executeCommand(InsightsCommands.openReport);
            const [panel] = fake.record.panels;
            assert.equal(panel.viewType, INSIGHTS_REPORT_VIEW_TYPE);
            assert.deepEqual(panel.createOptions, { enableScripts: false, localResourceRoots: [], retainContextWhenHidden: false });
            const html = panel.webview.html;
            assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[^']+'; img-src data:">/);
            assert.doesNotMatch(html, /<script/i);
            assert.match(html, /<h1>Journey insights<\/h1>/);
            for (const pain of expected.pains.slice(0, 10)) assert.ok(html.includes(pain.text.replace(/'/g, '&#39;')) || html.includes(pain.text), pain.text);
            assert.ok(html.includes(`<code>${expected.pains[0].file}:${expected.pains[0].line}</code>`), 'sources relative to the workspace, as the CLI prints them');

            await server.open(uri, text);
            const edited = text.replace('pain "The till cannot find online orders"', 'pain "The till cannot see web orders"');
            assert.notEqual(edited, text);
            await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
            await until(() => panel.webview.html.includes('The till cannot see web orders'), 'the open report follows the edit');
            assert.equal(fake.record.panels.length, 1);
            await fake.api.commands.executeCommand(InsightsCommands.openReport);
            assert.equal(fake.record.panels.length, 1, 'one report panel, revealed again');
            assert.equal(panel.revealed.length, 1);
        } finally {
            await restore(uri, text, 3, 'The till cannot find online orders');
            dispose();
        }
    });

    it('registers the commands package.json contributes, and the view in the Explorer with its title-bar buttons', () => {
        const { fake, dispose } = setup();
        dispose();
        const pkg = JSON.parse(readFileSync(ROOT + 'package.json', 'utf8'));
        const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).filter((c: string) => c.startsWith('journeymap.insights.'));
        assert.deepEqual(Object.values(InsightsCommands).sort(), contributed.sort());
        assert.ok(fake.record.treeViews.get(INSIGHTS_VIEW_ID)!.disposed);
        assert.deepEqual(pkg.contributes.views.explorer.find((v: { id: string }) => v.id === INSIGHTS_VIEW_ID),
            { id: INSIGHTS_VIEW_ID, name: 'Journey Insights', when: HAS_MAPS_CONTEXT, contextualTitle: 'Journeymap' });
        const buttons = pkg.contributes.menus['view/title'].filter((m: { when: string }) => m.when === `view == ${INSIGHTS_VIEW_ID}`).map((m: { command: string }) => m.command);
        assert.deepEqual(buttons, [InsightsCommands.openReport, InsightsCommands.refresh]);
        assert.ok(pkg.contributes.menus.commandPalette.some((m: { command: string; when: string }) => m.command === InsightsCommands.reveal && m.when === 'false'));
    });
});
