import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isDocument, isJourney, isOpportunity, isStage, isStep, type Journey } from '../generated/ast.js';

const ID = /^[_a-zA-Z][\w-]*$/;
const INVALID_PARAMS = -32602; // the editor shows the message

type Named = AstNode & { name: string };

/**
 * Rename works on ids only (the default edits declaration and reference tokens, never strings).
 * A new name must be an id, and must not already name an element of the same kind in the same
 * scope: that rename would turn a working map into a duplicate-id error.
 */
export class JourneyRenameProvider extends DefaultRenameProvider {
    protected readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        if (!ID.test(params.newName)) {
            throw new ResponseError(INVALID_PARAMS, `'${params.newName}' is not a valid id: start with a letter or '_', then letters, digits, '_' or '-'.`);
        }
        const target = this.targetAt(document, params);
        if (target && target.name !== params.newName) {
            const where = this.clash(target, params.newName);
            if (where) {
                const kind = target.$type.toLowerCase();
                throw new ResponseError(INVALID_PARAMS, `'${params.newName}' is already the id of ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} ${where}.`);
            }
        }
        return super.rename(document, params);
    }

    protected targetAt(document: LangiumDocument, params: RenameParams): Named | undefined {
        const root = document.parseResult?.value?.$cstNode;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const node = leaf ? this.references.findDeclarations(leaf)[0] : undefined;
        return node && typeof (node as Partial<Named>).name === 'string' ? node as Named : undefined;
    }

    /** Where `name` already names an element of the target's kind in its scope (see the spec's Scoping), if it does. */
    protected clash(target: Named, name: string): string | undefined {
        const sameKind = (nodes: AstNode[]) => nodes.some(n => n !== target && n.$type === target.$type && (n as Named).name === name);
        if (isStage(target) || isStep(target)) {
            const journey: Journey = isStage(target) ? target.$container : target.$container.$container;
            return sameKind(isStage(target) ? journey.stages : journey.stages.flatMap(s => s.steps)) ? `in journey '${journey.name}'` : undefined;
        }
        if (isOpportunity(target)) {
            // Opportunity ids are unique within their journey, at every level (nothing refers to them).
            const journey = AstUtils.getContainerOfType(target, isJourney);
            return journey && sameKind(AstUtils.streamAst(journey).filter(isOpportunity).toArray()) ? `in journey '${journey.name}'` : undefined;
        }
        const container = target.$container;
        if (isJourney(container)) {
            if (sameKind([...container.personas, ...container.channels, ...container.teams])) return `in journey '${container.name}'`;
            // The local declaration would capture this journey's uses of a global one of that id.
            const captured = AstUtils.streamAst(container).some(node => AstUtils.streamReferences(node).some(({ reference }) =>
                'ref' in reference && reference.ref?.$type === target.$type && (reference.ref as Named).name === name));
            return captured ? `used in journey '${container.name}' for the global declaration: those uses would then mean this one` : undefined;
        }
        if (isDocument(container) || isJourney(target)) {
            for (const doc of this.documents.all) {
                const root = doc.parseResult?.value;
                if (!isDocument(root)) continue;
                if (sameKind([...root.personas, ...root.channels, ...root.teams, ...root.journeys])) {
                    return `in ${doc.uri.path.split('/').pop()}`;
                }
                // A journey declaring its own `name` would capture the renamed uses inside it.
                for (const journey of isJourney(target) ? [] : root.journeys) {
                    if (sameKind([...journey.personas, ...journey.channels, ...journey.teams]) && usesIn(journey, target)) {
                        return `declared in journey '${journey.name}', which uses '${target.name}': its uses would then mean the local one`;
                    }
                }
            }
        }
        return undefined;
    }
}

function usesIn(journey: Journey, target: AstNode): boolean {
    return AstUtils.streamAst(journey).some(node => AstUtils.streamReferences(node).some(({ reference }) => 'ref' in reference && reference.ref === target));
}
