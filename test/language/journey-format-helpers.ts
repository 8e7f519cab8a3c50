import { URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { JourneyServices } from '../../language/journey-module.js';
import { createTestServices, loadTexts } from './journey-test-helpers.js';

const modelBuilder = createTestServices().Journey.model.JourneyModelBuilder;

/** Shared by the formatter, robustness and CLI tests: format through the LSP service, compare content. */

let counter = 0;

/** Parses `text` as a fresh document of `services` and removes it again afterwards. */
export async function withDocument<T>(services: JourneyServices, text: string, use: (document: LangiumDocument) => Promise<T> | T): Promise<T> {
    const shared = services.shared;
    const uri = URI.parse(`memory:///format-${++counter}.journey`);
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        return await use(document);
    } finally {
        // Through the builder, so the document's symbols leave the index too.
        await shared.workspace.DocumentBuilder.update([], [uri]);
    }
}

/** The text after applying the edits of `services.lsp.Formatter.formatDocument`. */
export async function formatWithService(services: JourneyServices, text: string): Promise<{ text: string; edits: number; syntaxErrors: number }> {
    return withDocument(services, text, async document => {
        const edits = await services.lsp.Formatter!.formatDocument(document, {
            textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true },
        });
        const { lexerErrors, parserErrors } = document.parseResult;
        return { text: TextDocument.applyEdits(document.textDocument, edits), edits: edits.length, syntaxErrors: lexerErrors.length + parserErrors.length };
    });
}

export interface Lexeme {
    type: string;
    image: string;
}

/** Every token and comment of the text, in order, as the language's lexer sees them. */
export function lexemes(services: JourneyServices, text: string): Lexeme[] {
    const { tokens, hidden } = services.parser.Lexer.tokenize(text);
    // Blanks at the end of a line comment are trailing whitespace, which the layout removes.
    return [...tokens, ...hidden].sort((a, b) => a.startOffset - b.startOffset)
        .map(t => ({ type: t.tokenType.name, image: t.tokenType.name === 'SL_COMMENT' ? t.image.replace(/[ \t\f\v]+$/, '') : t.image }));
}

/** Sorted images of the comments and of the strings: what must survive formatting as a multiset. */
export function commentsAndStrings(services: JourneyServices, text: string): { comments: string[]; strings: string[] } {
    const all = lexemes(services, text);
    const images = (types: string[]) => all.filter(l => types.includes(l.type)).map(l => l.image).sort();
    return { comments: images(['SL_COMMENT', 'ML_COMMENT']), strings: images(['STRING']) };
}

/** A deep copy without source positions, which formatting legitimately moves. */
export function withoutRanges(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutRanges);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'range' && key !== 'idRange').map(([key, v]) => [key, withoutRanges(v)]));
    }
    return value;
}

/**
 * The journey model of `text` (as `name`, in a workspace with the given other files so shared
 * declarations resolve), source ranges stripped.
 */
export async function modelOf(name: string, text: string, others: Record<string, string> = {}): Promise<unknown> {
    const loaded = await loadTexts({ ...others, [name]: text });
    const { document } = loaded[name];
    return withoutRanges(modelBuilder.build(document));
}

/** A small seeded PRNG (mulberry32): the same seed gives the same run (shared with the fuzzer). */
export { seededRandom } from '../fuzz/mutations.js';

/** Comments in every place the grammar allows whitespace, strings with escapes and line breaks. */
export const COMMENT_HEAVY = `// file header
/* a block comment
   over two lines */
persona /* id next */ maya // after the id
  "Maya, \\"the\\" owner" { // after the brace
  description "Runs a bakery\\nat night" /* after a field */
  // before a goal
  goal "First invoice
on day one"
  /* before the closing brace */ }

channel web "Web" // trailing on a declaration
channel email/* glued */"Email"
team product "Product"
/* before a journey, attached */
journey first_invoice /* before the title */ "First invoice" for /* before the ref */ maya {
  scenario "Signs up" // why
  // before a stage, attached
  stage signup "Sign-up" {
    goal "Done" /* goal */
    step form "Form" {
      channel web, /* between channels */ email
      emotion /* before the number */ -2
      moment /* in a keyword run */ of truth "Half drop off"
      metric "Completion" 62% /* between value and target */ target 80%
      metric "Rating" 4.2 // before the unit
        "stars" target 4.5 "stars"
      pain "VAT" severity /* before the severity */ high
      // last member comment

    }
    // between steps
    step welcome { /* only a comment */ }
    step done
  }
  /* before the closing brace of the journey */
}
// end of file`;
