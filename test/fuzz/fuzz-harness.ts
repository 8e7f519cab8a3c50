/**
 * One fuzz input through everything that reads `.journey` text, in the order an editor and the
 * CLI use it: parse + link + validate, completion and hover, model export, layout, SVG render,
 * diff against the unmutated file, and formatting (last: it replaces the document). Returns the
 * first failure: an exception, or a broken promise of a stage (see `Failure`).
 */
import { strict as assert } from 'node:assert';
import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic, DocumentSymbol, Range as LspRange } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Document as JourneyDocument } from '../../language/generated/ast.js';
import type { JourneyDocumentModel, JourneyModel } from '../../language/model/journey-model.js';
import { JourneyWorkspace } from '../../language/workspace/journey-workspace.js';
import { diffDocuments } from '../../src/diff/diff-engine.js';
import { diffRevisions, type FilePair } from '../../src/diff/diff-files.js';
import { formatHtml } from '../../src/diff/format-html.js';
import { formatMarkdown } from '../../src/diff/format-markdown.js';
import { formatText } from '../../src/diff/format-text.js';
import type { LoadedRevision } from '../../src/diff/load-revision.js';
import { parseMermaidJourney } from '../../src/mermaid/parse-mermaid-journey.js';
import { toMermaidJourney } from '../../src/mermaid/to-mermaid.js';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import type { MapLayout } from '../../webview/layout/layout-types.js';
import { mapSvg } from '../../webview/render/svg-markup.js';
import { lexemes, withoutRanges } from '../language/journey-format-helpers.js';

import type { Stage } from './fuzz-stages.js';

/** A file the fuzzer mutates. `withCommon`: it needs examples/common.journey beside it to resolve. */
export interface FuzzBase {
    name: string;
    text: string;
    withCommon: boolean;
}

export interface FuzzCase {
    /** Name of the FuzzBase this is a mutation of. */
    base: string;
    text: string;
    /** Offsets: completion, hover, start and end of the formatted range. The minimiser moves them with the text. */
    marks: number[];
}

export type FailureKind = 'exception' | 'slow' | 'content' | 'idempotence' | 'invariant';

export interface Failure {
    stage: Stage;
    kind: FailureKind;
    message: string;
    /** What the minimiser keeps constant: the same stage failing the same way. */
    signature: string;
}

export interface CaseOutcome {
    failure?: Failure;
    parsedCleanly: boolean;
    /** Journeys laid out and rendered. */
    rendered: number;
    diffed: boolean;
    formatted: boolean;
    /** CPU time (user + system) of the input: unlike wall time, it does not grow on a busy machine. */
    ms: number;
    stageMs: Partial<Record<Stage, number>>;
}

const FORMAT_OPTIONS = { tabSize: 2, insertSpaces: true };
const COMMON = 'common.journey';

/** Raised by a check, so a broken promise is told apart from a crash. */
class CheckFailed extends Error {
    constructor(readonly kind: FailureKind, message: string) { super(message); }
}

function check(condition: unknown, kind: FailureKind, message: string): asserts condition {
    if (!condition) throw new CheckFailed(kind, message);
}

/**
 * The picture of one journey as SVG text: the one call to the renderer, so a new renderer API is
 * switched here only.
 */
export function renderSvg(layout: MapLayout): string {
    return mapSvg(layout, { palette: 'light' });
}

export class FuzzHarness {
    private readonly withCommon = new JourneyWorkspace();
    private readonly alone = new JourneyWorkspace();
    private readonly originals = new Map<string, JourneyDocumentModel | undefined>();
    private readonly bases: Map<string, FuzzBase>;
    private counter = 0;

    private constructor(bases: readonly FuzzBase[]) {
        this.bases = new Map(bases.map(b => [b.name, b]));
    }

    /** Loads common.journey (from `bases`) into the workspace the examples are mutated in. */
    static async create(bases: readonly FuzzBase[]): Promise<FuzzHarness> {
        const harness = new FuzzHarness(bases);
        const common = bases.find(b => b.name === COMMON);
        if (common) await harness.withCommon.load([{ uri: URI.parse(`memory:///${COMMON}`), text: common.text }]);
        return harness;
    }

    /** Runs every stage; `onStage` hears each stage as it starts (the watchdog names a hang by it). */
    async run(input: FuzzCase, onStage: (stage: Stage) => void = () => undefined): Promise<CaseOutcome> {
        const base = this.bases.get(input.base);
        if (!base) throw new Error(`unknown base ${input.base}`);
        const workspace = base.withCommon ? this.withCommon : this.alone;
        const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
        const started = cpu();
        const outcome: CaseOutcome = { parsedCleanly: false, rendered: 0, diffed: false, formatted: false, ms: 0, stageMs: {} };
        let stage: Stage = 'parse';
        let stageStart = started;
        const enter = (next: Stage) => {
            const now = cpu();
            outcome.stageMs[stage] = (outcome.stageMs[stage] ?? 0) + now - stageStart;
            stage = next;
            stageStart = now;
            onStage(next);
        };
        const original = await this.original(base, workspace);
        const uri = URI.parse(`memory:///fuzz-${++this.counter}.journey`);
        let loaded = false;
        try {
            onStage('parse');
            const [{ document, diagnostics }] = await workspace.load([{ uri, text: input.text }]);
            loaded = true;
            checkDiagnostics(document, diagnostics);
            const { lexerErrors, parserErrors } = document.parseResult;
            outcome.parsedCleanly = lexerErrors.length === 0 && parserErrors.length === 0;
            const services = workspace.services;
            const textDocument = { uri: uri.toString() };
            const position = (mark: number) => document.textDocument.positionAt(Math.min(mark, input.text.length));

            enter('completion');
            const cursor = position(input.marks[0]);
            const completion = await services.lsp.CompletionProvider!.getCompletion(document, { textDocument, position: cursor });
            for (const item of completion?.items ?? []) {
                check(typeof item.label === 'string' && item.label.length > 0, 'invariant', `a completion item without a label: ${JSON.stringify(item)}`);
                // What VS Code requires of an edit, or it drops the item: one line, the cursor's, around the cursor.
                const edit = item.textEdit && ('range' in item.textEdit ? item.textEdit.range : item.textEdit.replace);
                if (edit) {
                    check(edit.start.line === cursor.line && edit.end.line === cursor.line && edit.start.character <= cursor.character && cursor.character <= edit.end.character,
                        'invariant', `completion '${item.label}' edits ${JSON.stringify(edit)}, not around the cursor ${JSON.stringify(cursor)}`);
                }
            }

            enter('hover');
            const pointer = position(input.marks[1]);
            const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument, position: pointer });
            if (hover?.range) check(contains(hover.range, pointer), 'invariant', `a hover range ${JSON.stringify(hover.range)} without the position ${JSON.stringify(pointer)}`);

            enter('symbols');
            const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
            checkSymbols(document, symbols as DocumentSymbol[]);
            const tokens = await services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
            checkSemanticTokens(document, tokens.data);

            let model: JourneyDocumentModel | undefined;
            if (outcome.parsedCleanly) {
                // As the CLI's export and the preview: a model only for text without syntax errors.
                enter('model');
                model = services.model.JourneyModelBuilder.build(document);
                checkFinite(model, 'model');
                JSON.stringify(model);

                for (const journey of model.journeys) {
                    enter('layout');
                    const layout = layoutJourney(journey);
                    checkLayout(layout);
                    enter('render');
                    const svg = renderSvg(layout);
                    check(svg.startsWith('<svg'), 'invariant', `the picture is not an <svg>: ${svg.slice(0, 80)}`);
                    outcome.rendered++;
                    checkMermaid(journey);
                }

                if (original) {
                    enter('diff');
                    checkDiff(original, model);
                    outcome.diffed = true;
                }
            }

            enter('format-range');
            const [a, b] = [input.marks[2], input.marks[3]].map(m => Math.min(m, input.text.length)).sort((x, y) => x - y);
            const rangeEdits = await services.lsp.Formatter!.formatDocumentRange(document, { textDocument, options: FORMAT_OPTIONS, range: { start: position(a), end: position(b) } });
            enter('format');
            const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument, options: FORMAT_OPTIONS });
            if (!outcome.parsedCleanly) {
                check(edits.length + rangeEdits.length === 0, 'content', 'the formatter changed a file with syntax errors');
            } else {
                enter('format-range');
                const rangeFormatted = TextDocument.applyEdits(document.textDocument, rangeEdits);
                checkSameLexemes(services, input.text, rangeFormatted, 'range formatting');
                enter('format');
                const formatted = TextDocument.applyEdits(document.textDocument, edits);
                checkSameLexemes(services, input.text, formatted, 'formatting');
                // The formatted text takes the original's place, so both resolve references alike.
                await workspace.shared.workspace.DocumentBuilder.update([], [uri]);
                const [again] = await workspace.load([{ uri, text: formatted }]);
                const { lexerErrors: le, parserErrors: pe } = again.document.parseResult;
                check(le.length + pe.length === 0, 'content', `the formatted text has syntax errors: ${[...le, ...pe].map(e => e.message).join('; ')}`);
                const modelAfter = services.model.JourneyModelBuilder.build(again.document);
                try {
                    assert.deepEqual(withoutRanges(modelAfter), withoutRanges(model));
                } catch (error) {
                    throw new CheckFailed('content', `formatting changed the journey model: ${(error as Error).message}`);
                }
                const second = await services.lsp.Formatter!.formatDocument(again.document, { textDocument, options: FORMAT_OPTIONS });
                const twice = TextDocument.applyEdits(again.document.textDocument, second);
                check(twice === formatted, 'idempotence', `formatting the formatted text changes it again (${second.length} edits)`);
                outcome.formatted = edits.length > 0;
            }
        } catch (error) {
            outcome.failure = toFailure(stage, error);
        } finally {
            if (loaded) await workspace.shared.workspace.DocumentBuilder.update([], [uri]);
            enter(stage);
            outcome.ms = cpu() - started;
        }
        return outcome;
    }

    /** The model of the unmutated base, built once (in the base's workspace, then removed again). */
    private async original(base: FuzzBase, workspace: JourneyWorkspace): Promise<JourneyDocumentModel | undefined> {
        if (this.originals.has(base.name)) return this.originals.get(base.name);
        let model: JourneyDocumentModel | undefined;
        // common.journey itself is already loaded beside the examples.
        if (base.name === COMMON && base.withCommon) throw new Error('common.journey is mutated alone, not beside itself');
        const uri = URI.parse(`memory:///original-${++this.counter}.journey`);
        const [loaded] = await workspace.load([{ uri, text: base.text }]);
        const { lexerErrors, parserErrors } = loaded.document.parseResult;
        if (lexerErrors.length + parserErrors.length === 0) model = workspace.services.model.JourneyModelBuilder.build(loaded.document);
        await workspace.shared.workspace.DocumentBuilder.update([], [uri]);
        this.originals.set(base.name, model);
        return model;
    }
}

function toFailure(stage: Stage, error: unknown): Failure {
    if (error instanceof CheckFailed) {
        return { stage, kind: error.kind, message: error.message, signature: `${stage}:${error.kind}` };
    }
    const e = error instanceof Error ? error : new Error(String(error));
    // Digits vary with the input (offsets, counts); the rest of the first line names the bug.
    const first = (e.message.split('\n')[0] ?? '').replace(/\d+/g, '#').slice(0, 160);
    return { stage, kind: 'exception', message: e.stack ?? e.message, signature: `${stage}:exception:${e.name}:${first}` };
}

/** Every diagnostic has a code and a range inside the document (editors show it there). */
function checkDiagnostics(document: LangiumDocument<JourneyDocument>, diagnostics: readonly Diagnostic[]): void {
    const text = document.textDocument;
    for (const d of diagnostics) {
        check(typeof d.code === 'string' && d.code.length > 0, 'invariant', `a diagnostic without a code: ${JSON.stringify(d)}`);
        for (const p of [d.range.start, d.range.end]) {
            const valid = p.line >= 0 && p.line < text.lineCount && p.character >= 0 && text.offsetAt(p) === text.offsetAt(text.positionAt(text.offsetAt(p)))
                && text.positionAt(text.offsetAt(p)).character === p.character;
            check(valid, 'invariant', `a diagnostic outside the text (${text.lineCount} lines): ${JSON.stringify(d)}`);
        }
        check(text.offsetAt(d.range.start) <= text.offsetAt(d.range.end), 'invariant', `a diagnostic ends before it starts: ${JSON.stringify(d)}`);
    }
}

function contains(range: LspRange, p: LspRange['start']): boolean {
    const before = (a: LspRange['start'], b: LspRange['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(range.start, p) && before(p, range.end);
}

/** VS Code rejects a symbol whose selection range is outside its range ("selectionRange must be contained in fullRange"). */
function checkSymbols(document: LangiumDocument, symbols: readonly DocumentSymbol[]): void {
    const lines = document.textDocument.lineCount;
    for (const symbol of symbols) {
        check(typeof symbol.name === 'string' && symbol.name.trim().length > 0, 'invariant', `a symbol without a name: ${JSON.stringify({ ...symbol, children: undefined })}`);
        check(contains(symbol.range, symbol.selectionRange.start) && contains(symbol.range, symbol.selectionRange.end), 'invariant',
            `symbol ${symbol.name}: selection ${JSON.stringify(symbol.selectionRange)} outside its range ${JSON.stringify(symbol.range)}`);
        check(symbol.range.end.line < lines, 'invariant', `symbol ${symbol.name} ends past the text: ${JSON.stringify(symbol.range)}`);
        checkSymbols(document, symbol.children ?? []);
    }
}

/** Relative-encoded tokens (line delta, start delta, length, type, modifiers): each on the text, none overlapping. */
function checkSemanticTokens(document: LangiumDocument, data: readonly number[]): void {
    check(data.length % 5 === 0, 'invariant', `semantic token data of length ${data.length}`);
    const text = document.textDocument;
    let line = 0;
    let start = 0;
    let end = 0;
    for (let i = 0; i < data.length; i += 5) {
        const [dLine, dStart, length] = [data[i], data[i + 1], data[i + 2]];
        check(dLine >= 0 && length > 0 && (dLine > 0 || dStart >= 0), 'invariant', `semantic token ${i / 5} goes backwards or is empty: ${data.slice(i, i + 5)}`);
        if (dLine > 0) { line += dLine; start = dStart; } else start += dStart;
        check(dLine > 0 || i === 0 || start >= end, 'invariant', `semantic token ${i / 5} overlaps the one before it`);
        const lineLength = text.offsetAt({ line: line + 1, character: 0 }) - text.offsetAt({ line, character: 0 });
        check(line < text.lineCount && start + length <= lineLength, 'invariant', `semantic token ${i / 5} (${line}:${start}, length ${length}) is past the end of its line`);
        end = start + length;
    }
}

/** No NaN or Infinity anywhere: they become `null` in JSON and break SVG coordinates. */
function checkFinite(value: unknown, what: string, path = ''): void {
    if (typeof value === 'number') check(Number.isFinite(value), 'invariant', `${what}${path} is ${value}`);
    else if (Array.isArray(value)) value.forEach((v, i) => checkFinite(v, what, `${path}[${i}]`));
    else if (value instanceof Map) [...value].forEach(([k, v]) => checkFinite(v, what, `${path}.${String(k)}`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) checkFinite(v, what, `${path}.${k}`);
}

function checkLayout(layout: MapLayout): void {
    checkFinite(layout, 'layout');
    check(layout.width > 0 && layout.height > 0, 'invariant', `an empty picture: ${layout.width}×${layout.height}`);
    const keys = new Set<string>();
    for (const card of layout.cards) {
        check(!keys.has(card.key), 'invariant', `two cards with the key ${card.key}`);
        keys.add(card.key);
        check(card.width > 0 && card.height > 0, 'invariant', `card ${card.key} is ${card.width}×${card.height}`);
    }
}

/** `export --format mermaid` reads back (with the import's parser, which follows Mermaid's) as one section a stage, one task a step. */
function checkMermaid(journey: JourneyModel): void {
    const diagram = parseMermaidJourney(toMermaidJourney(journey));
    const tasks = diagram.sections.flatMap(section => section.tasks);
    check(diagram.sections.length === journey.stages.length, 'invariant', `${journey.stages.length} stages became ${diagram.sections.length} Mermaid sections`);
    const steps = journey.stages.flatMap(stage => stage.steps);
    check(tasks.length === steps.length, 'invariant', `${steps.length} steps became ${tasks.length} Mermaid tasks`);
    steps.forEach((step, i) => check(tasks[i].score === (step.emotion ?? 0) + 3, 'invariant', `step ${step.id}: score ${tasks[i].score}, emotion ${step.emotion}`));
}

/** Through the CLI's path (every format), and a model compared with itself has no change. */
function checkDiff(before: JourneyDocumentModel, after: JourneyDocumentModel): void {
    const path = 'map.journey';
    const revision = (model: JourneyDocumentModel): LoadedRevision => ({ models: new Map([[path, model]]), errors: new Map() });
    const pairs: FilePair[] = [{ path, status: 'modified' }];
    for (const [a, b] of [[before, after], [after, before]]) {
        const diff = diffRevisions(revision(a), revision(b), pairs);
        formatMarkdown(diff, { documents: () => ({ before: a, after: b }) });
        formatText(diff, false);
        // One way only: it draws two pictures per changed journey, the costliest step of the stage.
        if (a === before) formatHtml(diff, revision(a), revision(b), pairs);
    }
    const same = diffDocuments(after, after);
    check(same.changes.length === 0, 'invariant', `a map differs from itself: ${JSON.stringify(same.changes.slice(0, 3))}`);
}

function checkSameLexemes(services: JourneyWorkspace['services'], before: string, after: string, what: string): void {
    const [a, b] = [lexemes(services, before), lexemes(services, after)];
    const i = a.findIndex((l, n) => l.type !== b[n]?.type || l.image !== b[n]?.image);
    if (i >= 0 || a.length !== b.length) {
        const n = i >= 0 ? i : Math.min(a.length, b.length);
        throw new CheckFailed('content', `${what} changed the tokens: token ${n} was ${JSON.stringify(a[n])}, is ${JSON.stringify(b[n])}`);
    }
}
