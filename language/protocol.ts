/**
 * The typed protocol between the language server, the extension host and the webview.
 * Imported by all three, so it must stay free of `vscode`, `langium` and Node imports.
 */
import type { JourneyDocumentModel, Range } from './model/journey-model.js';
// Type-only: the report's plain data types (src/insights is pure, with no `vscode`, Langium or Node import).
import type { LocatedInsights } from '../src/insights/insights-model.js';
import type { InsightsTitles } from '../src/insights/insights-names.js';

/** Custom LSP request: the plain journey model of one document, as last validated. */
export const ModelRequest = 'journeymap/model';
export interface ModelRequestParams {
    uri: string;
}
export interface ModelResult {
    uri: string;
    /** Increases with every rebuild of the document. */
    version: number;
    /** The model of the last text that parsed without syntax errors; absent if none ever did. */
    model?: JourneyDocumentModel;
    /** Syntax errors in the current text (the model above is then the last good one). */
    syntaxErrors: number;
    /** Where the first error of any kind is, to jump to it. */
    firstError?: Range;
    errors: number;
}

/** Custom LSP notification (server → client): the model of a document changed; fetch it. */
export const ModelChangedNotification = 'journeymap/modelChanged';
export interface ModelChangedParams {
    uri: string;
    version: number;
}

/**
 * Custom LSP request: the plain model of a text that is not (or not as written) a document of
 * the workspace — an older revision, the staged version, another side of a diff. The server
 * builds it in a throwaway workspace, so the real one is untouched: with `context` when given
 * (the other files of that revision), else with the other documents the server knows now.
 */
export const TextModelRequest = 'journeymap/textModel';
export interface TextSource {
    uri: string;
    text: string;
}
export interface TextModelParams extends TextSource {
    context?: TextSource[];
}
export interface TextModelResult {
    uri: string;
    /** Absent when the text has syntax errors: an older text that does not parse is not drawn. */
    model?: JourneyDocumentModel;
    /** The syntax errors, 1-based, as the CLI reports them. */
    syntaxErrors: Array<{ line: number; column: number; message: string }>;
}

/**
 * Custom LSP request: the insights (docs/report.md) of every map of the workspace — open or not —
 * from the models the server keeps for `journeymap/model`. Items are located (`file` is the
 * document's URI, `range` its source); titles come along for the labels and the HTML report.
 */
export const InsightsRequest = 'journeymap/insights';
export interface InsightsResult {
    /** The number of the last workspace build the insights include. */
    version: number;
    insights: LocatedInsights;
    titles: InsightsTitles;
    /** Every map of the workspace. */
    documents: number;
    /** Maps whose text has syntax errors: they count with their last text that parsed, or not at all. */
    withSyntaxErrors: string[];
}

/** Custom LSP notification (server → client): a build changed the workspace's maps; the insights may be out of date. */
export const InsightsChangedNotification = 'journeymap/insightsChanged';
export interface InsightsChangedParams {
    version: number;
}

/**
 * Custom LSP request: the plain model of a ```journey fence of a Markdown file, for VS Code's
 * Markdown preview (docs/markdown.md). The text is parsed and linked as a document of its own
 * against the server's workspace — workspace personas, channels and teams resolve — without
 * joining it: nothing of the fence is indexed, checked with the workspace or reported.
 */
export const FenceModelRequest = 'journeymap/fenceModel';
export interface FenceModelParams {
    /** The Markdown document the fence is in (its name and workspace); absent for a string rendered alone. */
    uri?: string;
    /** The fence's content, without the fence lines. */
    text: string;
}
export interface FenceModelResult {
    /** Absent when the text has syntax errors. */
    model?: JourneyDocumentModel;
    /** The syntax errors, 1-based within the fence's text, in order. */
    syntaxErrors: Array<{ line: number; column: number; message: string }>;
}

/**
 * Custom LSP request (server → client), for a server that cannot read the disk itself (the web
 * worker, docs/web.md): the URIs of the workspace's `.journey` files, all of them or those below
 * `folder`. The client answers from its own file system (vscode.workspace.findFiles).
 */
export const WorkspaceFilesRequest = 'journeymap/workspaceFiles';
export interface WorkspaceFilesParams {
    /** A folder's URI; absent: every workspace folder. */
    folder?: string;
}
export interface WorkspaceFilesResult {
    uris: string[];
}

/** Custom LSP request (server → client): the text of one workspace file, as saved (vscode.workspace.fs). */
export const ReadFileRequest = 'journeymap/readFile';
export interface ReadFileParams {
    uri: string;
}
export interface ReadFileResult {
    text: string;
}
