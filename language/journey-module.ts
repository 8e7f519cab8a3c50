import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices,
} from 'langium/lsp';
import { JourneyGeneratedSharedModule, JourneymapGeneratedModule } from './generated/module.js';
import { JourneyCodeActionProvider } from './lsp/journey-code-actions.js';
import { JourneyCompletionProvider } from './lsp/journey-completion.js';
import { JourneyDocumentBuilder } from './workspace/journey-document-builder.js';
import { JourneyDocumentFactory } from './workspace/journey-document-factory.js';
import { JourneyDocumentUpdateHandler } from './server/journey-document-update-handler.js';
import { JourneyDocumentValidator } from './validation/journey-document-validator.js';
import { JourneyFormatter } from './lsp/journey-formatter.js';
import { JourneyHoverProvider } from './lsp/journey-hover.js';
import { JourneyModelBuilder } from './model/journey-model-builder.js';
import { JourneyRenameProvider } from './lsp/journey-rename.js';
import { JourneyScopeComputation } from './references/journey-scope.js';
import { JourneySemanticTokenProvider } from './lsp/journey-semantic-tokens.js';
import { JourneyDocumentSymbolProvider, JourneyNodeKindProvider } from './lsp/journey-symbols.js';
import { JourneyValidator, registerValidationChecks } from './validation/journey-validator.js';
import { registerSchema2Checks } from './validation/journey-schema2-checks.js';
import { JourneyWorkspaceSymbolProvider } from './lsp/journey-workspace-symbols.js';

/** Services added by the journey language. */
export interface JourneyAddedServices {
    validation: {
        JourneyValidator: JourneyValidator;
    };
    model: {
        JourneyModelBuilder: JourneyModelBuilder;
    };
}

export type JourneyServices = LangiumServices & JourneyAddedServices;

export const JourneyModule: Module<JourneyServices, PartialLangiumServices & JourneyAddedServices> = {
    references: {
        ScopeComputation: (services) => new JourneyScopeComputation(services),
    },
    validation: {
        JourneyValidator: (services) => new JourneyValidator(services),
        DocumentValidator: (services) => new JourneyDocumentValidator(services),
    },
    model: {
        JourneyModelBuilder: (services) => new JourneyModelBuilder(services),
    },
    lsp: {
        Formatter: (services) => new JourneyFormatter(services),
        CompletionProvider: (services) => new JourneyCompletionProvider(services),
        HoverProvider: (services) => new JourneyHoverProvider(services),
        DocumentSymbolProvider: (services) => new JourneyDocumentSymbolProvider(services),
        SemanticTokenProvider: (services) => new JourneySemanticTokenProvider(services),
        CodeActionProvider: () => new JourneyCodeActionProvider(),
        RenameProvider: (services) => new JourneyRenameProvider(services),
    },
};

export const JourneySharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new JourneyNodeKindProvider(),
        WorkspaceSymbolProvider: (services) => new JourneyWorkspaceSymbolProvider(services),
        DocumentUpdateHandler: (services) => new JourneyDocumentUpdateHandler(services),
    },
    workspace: {
        DocumentBuilder: (services) => new JourneyDocumentBuilder(services),
        LangiumDocumentFactory: (services) => new JourneyDocumentFactory(services),
    },
};

/**
 * Creates the services of the language server, used alike by VS Code, the standalone server,
 * the command line and the tests; `sharedModules` override shared services (the web worker's
 * workspace, language/server/main-browser.ts). Without a connection (`context.connection`) nothing is sent.
 */
export function createJourneyServices(context: DefaultSharedModuleContext, ...sharedModules: Array<Module<LangiumSharedServices, PartialLangiumSharedServices>>): { shared: LangiumSharedServices; Journey: JourneyServices } {
    const shared = inject(createDefaultSharedModule(context), JourneyGeneratedSharedModule, JourneySharedModule, ...sharedModules as [Module<LangiumSharedServices, PartialLangiumSharedServices>]);
    const Journey = inject(createDefaultModule({ shared }), JourneymapGeneratedModule, JourneyModule);
    shared.ServiceRegistry.register(Journey);
    registerValidationChecks(Journey);
    registerSchema2Checks(Journey);
    if (!context.connection) {
        // No language client to ask: the configuration is final as it is.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Journey };
}
