import { DefaultDocumentBuilder, type LangiumDocument } from 'langium';

/**
 * Workspace-wide checks (duplicate global ids, unused declarations) depend on every file, not
 * only on the ones a document references. So a change to one `.journey` file relinks and
 * revalidates all of them. Maps are small and few per workspace; the benchmark in
 * docs/benchmarks.md shows the cost.
 */
export class JourneyDocumentBuilder extends DefaultDocumentBuilder {
    protected override shouldRelink(_document: LangiumDocument, _changedUris: Set<string>): boolean {
        return true;
    }
}
