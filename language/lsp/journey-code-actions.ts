import { AstUtils, CstUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver';
import { isJourney, isOpportunity, isPain, isStep, type Document } from '../generated/ast.js';
import { DiagnosticCode, type DeclarationKeyword, type UnresolvedReferenceData, type UnsafeLinkData } from '../validation/journey-diagnostics.js';
import { readableTitle } from '../model/journey-model.js';

/** Quick fixes for the diagnostics that have one obvious repair. */
export class JourneyCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const action = this.fix(document as LangiumDocument<Document>, diagnostic);
            if (action) actions.push(action);
        }
        return actions;
    }

    private fix(document: LangiumDocument<Document>, diagnostic: Diagnostic): CodeAction | undefined {
        switch (diagnostic.code) {
            case DiagnosticCode.UnresolvedReference: return declareMissing(document, diagnostic);
            case DiagnosticCode.EmotionOutOfRange: return clampEmotion(document, diagnostic);
            case DiagnosticCode.PainWithoutOpportunity: return addOpportunity(document, diagnostic);
            case DiagnosticCode.DuplicateId: return renameDuplicate(document, diagnostic);
            case DiagnosticCode.UnsafeLink: return addHttps(document, diagnostic);
            default: return undefined;
        }
    }
}

function action(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[], preferred = true): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [document.uri.toString()]: edits } } };
}

/**
 * Declares an unknown persona, channel or team at the top level of this file, so every journey of
 * the workspace sees it: after the last top-level declaration of the same kind, else after the
 * last top-level declaration of any kind, else at the start of the file.
 */
function declareMissing(document: LangiumDocument<Document>, diagnostic: Diagnostic): CodeAction | undefined {
    const data = diagnostic.data as UnresolvedReferenceData | undefined;
    // A journey is not declared in one line: an unknown `future of` has no quick fix.
    if (!data?.refText || data.keyword === 'journey' || !/^[_a-zA-Z][\w-]*$/.test(data.refText)) return undefined;
    const root = document.parseResult.value;
    const declaration = `${data.keyword} ${data.refText} "${readableTitle(data.refText)}"`;
    const sameKind = kindList(root, data.keyword);
    const anchor = sameKind[sameKind.length - 1] ?? [...root.personas, ...root.channels, ...root.teams]
        .sort((a, b) => (a.$cstNode?.end ?? 0) - (b.$cstNode?.end ?? 0)).pop();
    const edit: TextEdit = anchor?.$cstNode
        ? { range: emptyRange(document.textDocument.positionAt(anchor.$cstNode.end)), newText: `\n${declaration}` }
        : { range: emptyRange({ line: 0, character: 0 }), newText: `${declaration}\n\n` };
    return action(`Declare ${data.keyword} '${data.refText}'`, document, diagnostic, [edit]);
}

function kindList(root: Document, keyword: DeclarationKeyword) {
    return keyword === 'persona' ? root.personas : keyword === 'channel' ? root.channels : root.teams;
}

function clampEmotion(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
    const written = document.textDocument.getText(diagnostic.range);
    const value = Number(written);
    if (!Number.isFinite(value)) return undefined;
    const clamped = Math.max(-2, Math.min(2, Math.round(value)));
    const text = clamped > 0 ? `+${clamped}` : String(clamped);
    return action(`Change emotion to ${text}`, document, diagnostic, [{ range: diagnostic.range, newText: text }]);
}

/** Adds `opportunity "…"` on the line below the pain, indented like it. */
function addOpportunity(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
    const pain = leaf && AstUtils.getContainerOfType(leaf.astNode, isPain);
    if (!pain?.$cstNode) return undefined;
    const start = document.textDocument.positionAt(pain.$cstNode.offset);
    const end = document.textDocument.positionAt(pain.$cstNode.end);
    const line = document.textDocument.getText({ start: { line: start.line, character: 0 }, end: start });
    const indent = /^\s*$/.test(line) ? line : line.match(/^\s*/)![0];
    return action('Add an opportunity for this pain', document, diagnostic, [{ range: emptyRange(end), newText: `\n${indent}opportunity "Describe the improvement"` }]);
}

/** Renames this one of the duplicates to the first free `id_N` among the elements it clashes with. */
function renameDuplicate(document: LangiumDocument<Document>, diagnostic: Diagnostic): CodeAction | undefined {
    const id = document.textDocument.getText(diagnostic.range);
    const root = document.parseResult.value;
    const leaf = root.$cstNode && CstUtils.findLeafNodeAtOffset(root.$cstNode, document.textDocument.offsetAt(diagnostic.range.start));
    const node = leaf?.astNode;
    if (!node || !id) return undefined;
    const journey = AstUtils.getContainerOfType(node, isJourney);
    // Ids in use where this one must be unique: its journey's stages and steps, or the file's declarations.
    const taken = new Set<string>();
    const collect = (nodes: ReadonlyArray<{ name?: string }>) => nodes.forEach(n => n.name && taken.add(n.name));
    if (isStep(node) || node.$type === 'Stage') {
        collect(journey?.stages ?? []);
        collect(journey?.stages.flatMap(s => s.steps) ?? []);
    } else if (isOpportunity(node)) {
        collect(journey ? AstUtils.streamAst(journey).filter(isOpportunity).toArray() : []);
    } else {
        const container = node.$container as { personas?: []; channels?: []; teams?: []; journeys?: [] } | undefined;
        collect([...(container?.personas ?? []), ...(container?.channels ?? []), ...(container?.teams ?? []), ...(container?.journeys ?? [])]);
    }
    let n = 2;
    while (taken.has(`${id}_${n}`)) n++;
    const newId = `${id}_${n}`;
    return action(`Rename this '${id}' to '${newId}'`, document, diagnostic, [{ range: diagnostic.range, newText: newId }], false);
}

/** A scheme-less link (`www.example.org`) becomes `https://www.example.org`; other unsafe schemes have no obvious repair. */
function addHttps(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
    const fixed = (diagnostic.data as UnsafeLinkData | undefined)?.fixed;
    if (fixed === undefined) return undefined;
    const quoted = `"${fixed.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
    return action(`Change the link to ${quoted}`, document, diagnostic, [{ range: diagnostic.range, newText: quoted }]);
}

function emptyRange(position: Position) {
    return { start: position, end: position };
}
