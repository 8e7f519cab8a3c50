/**
 * The typed protocol between the language server, the extension host and the webview.
 * Imported by all three, so it must stay free of `vscode`, `langium` and Node imports.
 */
import type { JourneyDocumentModel, Range } from './model/journey-model.js';

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
