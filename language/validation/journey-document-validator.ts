import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { DiagnosticCode, type DeclarationKeyword, type UnresolvedReferenceData } from './journey-diagnostics.js';

const REFERENCE_KEYWORDS: Record<string, DeclarationKeyword | 'journey'> = {
    'Journey.persona': 'persona',
    'ChannelUse.channels': 'channel',
    'Action.team': 'team',
    'Opportunity.team': 'team',
    'Journey.futureOf': 'journey',
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
                    diagnostic.message = keyword === 'journey'
                        ? `Unknown journey '${refText}': 'future of' names the as-is journey, and no journey of the workspace has this id. Write the id of an existing journey.`
                        : `Unknown ${keyword} '${refText}'. Declare it with: ${keyword} ${refText} "…"`;
                    diagnostic.data = { code: DiagnosticCode.UnresolvedReference, keyword, refText } satisfies UnresolvedReferenceData;
                    break;
                }
            }
        }
        return diagnostics;
    }
}

/** Chevrotain says "Expecting token of type 'STRING' but found `}`."; say it in the language's words. */
export function syntaxMessage(message: string): string {
    const lexer = /^unexpected character: ->(.)<-/s.exec(message);
    if (lexer) {
        return lexer[1] === '"'
            ? 'Unterminated string: add the closing ".'
            : `Unexpected character '${lexer[1]}'. Ids are letters, digits, '_' and '-'; text goes in "double quotes".`;
    }
    const found = /but found:? `?'?(.*?)'?`?\.?$/s.exec(message)?.[1];
    if (/^Expecting end of file/.test(message)) {
        return `Unexpected \`${found}\` at the top level: expected persona, channel, team or journey.`;
    }
    const sequences = /one of these possible Token sequences:(.*)but found/s.exec(message);
    if (sequences) {
        const options = [...sequences[1].matchAll(/\[([^\]]+)\]/g)].map(m => describeSequence(m[1]));
        const unique = [...new Set(options)];
        // Every keyword is also an id, so where an id fits, the keywords add nothing.
        if (unique.includes('an id')) return `Unexpected \`${found}\`: expected an id.`;
        const shown = unique.length > 8 ? `${unique.slice(0, 8).join(', ')}, …` : `${unique.join(', ')}.`;
        return `Unexpected \`${found}\`: expected ${shown}`;
    }
    return message
        .replace(/token of type '([^']+)'/g, (_m, name: string) => describeToken(name))
        .replace(/\s*\n\s*/g, ' ')
        .trim();
}

function describeSequence(sequence: string): string {
    return sequence.split(/,\s*/).map(describeToken).join(' ');
}

function describeToken(name: string): string {
    switch (name) {
        case 'STRING': return 'a "quoted string"';
        case 'ID': return 'an id';
        case 'NUMBER': return 'a number';
        case 'QUANTITY': return 'a value with a unit (62%, 3d)';
        case 'EOF': return 'end of file';
        default: return /^[A-Z_]+$/.test(name) ? name : `'${name}'`;
    }
}
