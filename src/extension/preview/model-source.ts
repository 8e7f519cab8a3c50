import type { Disposable } from 'vscode';
import {
    ModelChangedNotification, ModelRequest, TextModelRequest,
    type ModelChangedParams, type ModelRequestParams, type ModelResult, type TextModelParams, type TextModelResult,
} from '../../../language/protocol.js';

/** Where the preview and the compare view get models from: the language server, through the typed protocol. */
export interface ModelSource {
    request(uri: string): Promise<ModelResult>;
    /** The model of a text that is not the document as open (an older revision): `journeymap/textModel`. */
    requestText(params: TextModelParams): Promise<TextModelResult>;
    onDidChange(listener: (params: ModelChangedParams) => void): Disposable;
}

/** The subset of vscode-languageclient's LanguageClient used here. */
export interface ModelClient {
    sendRequest<R>(method: string, params: unknown): Promise<R>;
    onNotification(method: string, handler: (params: ModelChangedParams) => void): Disposable;
}

export function languageClientModelSource(client: ModelClient): ModelSource {
    // The client keeps one handler per notification method: register once, fan out to every view.
    const listeners = new Set<(params: ModelChangedParams) => void>();
    let registration: Disposable | undefined;
    return {
        request: uri => client.sendRequest<ModelResult>(ModelRequest, { uri } satisfies ModelRequestParams),
        requestText: params => client.sendRequest<TextModelResult>(TextModelRequest, params),
        onDidChange: listener => {
            listeners.add(listener);
            registration ??= client.onNotification(ModelChangedNotification, params => { for (const l of [...listeners]) l(params); });
            return {
                dispose: () => {
                    listeners.delete(listener);
                    if (listeners.size === 0) {
                        registration?.dispose();
                        registration = undefined;
                    }
                },
            } as Disposable;
        },
    };
}
