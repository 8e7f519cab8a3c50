import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { DiagnosticCode, type DeclarationKeyword, type UnresolvedReferenceData } from './journey-diagnostics.js';

const REFERENCE_KEYWORDS: Record<string, DeclarationKeyword> = {
    'Journey.persona': 'persona',
    'ChannelUse.channels': 'channel',
    'Action.team': 'team',
    'Opportunity.owner': 'team',
    'StepOwner.team': 'team',
};

/**
 * Gives Langium's lexer, parser and linker diagnostics the language's own codes and messages:
 * `syntax-error` and `unresolved-reference` with the declaration that would fix it.
 */
export class JourneyDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const data = diagnostic.data as { code?: string; containerType?: string; property?: string; refText?: string } | undefined;
            switch (data?.code) {
                case DocumentValidator.LexingError:
                case DocumentValidator.ParsingError:
                    diagnostic.code = DiagnosticCode.SyntaxError;
                    diagnostic.data = { code: DiagnosticCode.SyntaxError };
                    diagnostic.message = syntaxMessage(String(diagnostic.message));
                    break;
                case DocumentValidator.LinkingError: {
                    const keyword = REFERENCE_KEYWORDS[`${data.containerType}.${data.property}`] ?? 'channel';
                    const refText = data.refText ?? '';
                    diagnostic.code = DiagnosticCode.UnresolvedReference;
                    diagnostic.message = `Unknown ${keyword} '${refText}'. Declare it with: ${keyword} ${refText} "…"`;
                    diagnostic.data = { code: DiagnosticCode.UnresolvedReference, keyword, refText } satisfies UnresolvedReferenceData;
                    break;
                }
            }
        }
        return diagnostics;
    }
}

/** Chevrotain says "Expecting token of type 'STRING' but found `}`."; say it in the language's words. */
function syntaxMessage(message: string): string {
    return message
        .replace(/token of type '([A-Z_]+)'/g, (_m, name: string) => describeToken(name))
        .replace(/\[([A-Z_]+)\]/g, (_m, name: string) => describeToken(name))
        .replace(/^Expecting: one of these possible Token sequences:/, 'Expecting one of:')
        .replace(/\s*\n\s*/g, ' ')
        .trim();
}

function describeToken(name: string): string {
    switch (name) {
        case 'STRING': return 'a "quoted string"';
        case 'ID': return 'an id';
        case 'NUMBER': return 'a number';
        case 'QUANTITY': return 'a value with a unit (62%, 3d)';
        default: return name;
    }
}
