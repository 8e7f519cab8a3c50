import type { LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';

const ID = /^[_a-zA-Z][\w-]*$/;

/** Rename works on ids only (the default edits declaration and reference tokens, never strings); a new name must be an id. */
export class JourneyRenameProvider extends DefaultRenameProvider {
    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        if (!ID.test(params.newName)) {
            // -32602: invalid params; the editor shows the message.
            throw new ResponseError(-32602, `'${params.newName}' is not a valid id: start with a letter or '_', then letters, digits, '_' or '-'.`);
        }
        return super.rename(document, params);
    }
}
