/**
 * Messages between the extension host and the preview webview: the one typed file both import.
 * (The language server ↔ extension half of the data path is in language/protocol.ts.)
 */
import type { Position, Range } from '../language/model/journey-model.js';
import type { ModelResult } from '../language/protocol.js';
import type { ExportTheme } from './render/map-style.js';

/** What the preview exports: SVG and PNG made in the page, PDF made by the extension host from the page's SVG. */
export type ExportFormat = 'svg' | 'png' | 'pdf';

/**
 * Host → webview: the model of the followed document, as last validated by the language server
 * — the server's `journeymap/model` answer (language/protocol.ts) passed on as it came, without
 * `firstError` (the host jumps there itself).
 */
export interface ModelMessage extends Pick<ModelResult, 'uri' | 'version' | 'model' | 'syntaxErrors' | 'errors'> {
    type: 'model';
    /** File name to show in the toolbar. */
    label: string;
    locked: boolean;
}

/** Host → webview: the editor's cursor moved (0-based position in the followed document). */
export interface CursorMessage {
    type: 'cursor';
    uri: string;
    position: Position;
}

/** Host → webview: a command asked for an export. */
export interface ExportRequestMessage {
    type: 'exportRequest';
    format: ExportFormat;
}

export type HostToWebviewMessage = ModelMessage | CursorMessage | ExportRequestMessage;

/** Webview → host: the page is ready for messages. */
export interface ReadyMessage {
    type: 'ready';
}

/** Webview → host: select this range of the document (a card was clicked). */
export interface RevealMessage {
    type: 'reveal';
    uri: string;
    range: Range;
}

/** Webview → host: jump to the first error (the error banner was clicked). */
export interface RevealErrorMessage {
    type: 'revealFirstError';
    uri: string;
}

/**
 * Webview → host: save the picture. `data` is, for `svg`, the picture's SVG text (with its
 * stylesheet); for `png`, a `data:image/png;base64,` URL; for `pdf`, the SVG text with the styles
 * resolved into attributes (webview/render/flat-svg.ts), which the host turns into a PDF with the
 * command line's own code (src/export/pdf.ts).
 */
export interface SaveMessage {
    type: 'save';
    format: ExportFormat;
    data: string;
    /** Suggested file name without extension. */
    name: string;
    /** The palette the picture was drawn with (a PDF's page is painted with its background); default light. */
    theme?: ExportTheme;
    /** The journey's title (a PDF's document title). */
    title?: string;
}

/** Webview → host: toggle following the active editor. */
export interface LockMessage {
    type: 'lock';
    locked: boolean;
}

/**
 * Webview → host: a link in the picture was clicked. The host opens it with the editor's own
 * external-link confirmation, and only for an http:, https: or mailto: URL (checked again there).
 */
export interface OpenLinkMessage {
    type: 'openLink';
    url: string;
}

export type WebviewToHostMessage = ReadyMessage | RevealMessage | RevealErrorMessage | SaveMessage | LockMessage | OpenLinkMessage;

/** What the webview keeps with `setState`, and the serializer restores after a reload. */
export interface PreviewState {
    uri?: string;
    locked?: boolean;
    journeyId?: string;
    hiddenLanes?: string[];
    transform?: { x: number; y: number; k: number };
    /** The text view is shown instead of the picture. */
    textView?: boolean;
    /** The palette of exported files, chosen in the toolbar. */
    exportTheme?: ExportTheme;
}
