import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import { createJourneyServices, type JourneyServices } from '../journey-module.js';
import type { LangiumSharedServices } from 'langium/lsp';

export interface JourneySource {
    uri: URI;
    text: string;
}

export interface LoadedJourneyDocument {
    document: LangiumDocument<Document>;
    diagnostics: Diagnostic[];
}

/**
 * A workspace outside any editor: the files given form one workspace for scoping, as for
 * `journeymap check a.journey b.journey`. Used by the command line, the benchmark and tests.
 */
export class JourneyWorkspace {
    readonly shared: LangiumSharedServices;
    readonly services: JourneyServices;

    constructor() {
        const { shared, Journey } = createJourneyServices(EmptyFileSystem);
        this.shared = shared;
        this.services = Journey;
    }

    /** Parses, links and validates the sources together. */
    async load(sources: readonly JourneySource[]): Promise<LoadedJourneyDocument[]> {
        const factory = this.shared.workspace.LangiumDocumentFactory;
        const documents = this.shared.workspace.LangiumDocuments;
        const loaded = sources.map(source => {
            const document = factory.fromString<Document>(source.text, source.uri);
            documents.addDocument(document);
            return document;
        });
        await this.shared.workspace.DocumentBuilder.build(loaded, { validation: true });
        return loaded.map(document => ({ document, diagnostics: document.diagnostics ?? [] }));
    }
}

/** Loads one text as `memory:///name` in a fresh workspace: the quick way for tests and tools. */
export async function loadJourneyText(text: string, name = 'map.journey'): Promise<LoadedJourneyDocument> {
    const [loaded] = await new JourneyWorkspace().load([{ uri: URI.parse(`memory:///${name}`), text }]);
    return loaded;
}
