import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EmptyFileSystem, URI } from 'langium';
import { createJourneyServices } from '../../language/journey-module.js';
import { JourneyWorkspace, type LoadedJourneyDocument } from '../../language/workspace/journey-workspace.js';

/** Fresh services without a connection, as the langium/test helpers expect. */
export function createTestServices() {
    return createJourneyServices(EmptyFileSystem);
}

export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

/** The example maps shipped in examples/, as name → text. */
export function exampleSources(): Array<{ name: string; text: string }> {
    return readdirSync(EXAMPLES_DIR).filter(name => name.endsWith('.journey')).sort()
        .map(name => ({ name, text: readFileSync(EXAMPLES_DIR + name, 'utf8') }));
}

/** Loads several texts as one workspace (`memory:///name`), like `journeymap check a b`. */
export async function loadTexts(files: Record<string, string>): Promise<Record<string, LoadedJourneyDocument>> {
    const names = Object.keys(files);
    const loaded = await new JourneyWorkspace().load(names.map(name => ({ uri: URI.parse(`memory:///${name}`), text: files[name] })));
    return Object.fromEntries(names.map((name, i) => [name, loaded[i]]));
}
