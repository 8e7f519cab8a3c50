import type { Disposable } from 'vscode';
import { ModelChangedNotification, ModelRequest, type ModelChangedParams, type ModelRequestParams, type ModelResult } from '../../../language/protocol.js';

/** Where the preview gets models from: the language server, through the typed protocol. */
export interface ModelSource {
    request(uri: string): Promise<ModelResult>;
    onDidChange(listener: (params: ModelChangedParams) => void): Disposable;
}

/** The subset of vscode-languageclient's LanguageClient used here. */
export interface ModelClient {
    sendRequest<R>(method: string, params: unknown): Promise<R>;
    onNotification(method: string, handler: (params: ModelChangedParams) => void): Disposable;
}

export function languageClientModelSource(client: ModelClient): ModelSource {
    return {
        request: uri => client.sendRequest<ModelResult>(ModelRequest, { uri } satisfies ModelRequestParams),
        onDidChange: listener => client.onNotification(ModelChangedNotification, listener),
    };
}
