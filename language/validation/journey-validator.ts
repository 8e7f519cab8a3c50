import { AstUtils, DocumentState, type AstNode, type AstNodeDescription, type LangiumDocuments, type ValidationAcceptor, type ValidationChecks, type IndexManager } from 'langium';
import { DiagnosticTag } from 'vscode-languageserver';
import {
    type Document, type Journey, type JourneyAstType, type Stage, type Step,
    Channel, Persona, Team, Journey as JourneyType,
} from '../generated/ast.js';
import { DiagnosticCode, type DuplicateIdData } from './journey-diagnostics.js';
import type { JourneyServices } from '../journey-module.js';

export function registerValidationChecks(services: JourneyServices): void {
    const validator = services.validation.JourneyValidator;
    const checks: ValidationChecks<JourneyAstType> = {
        Document: [validator.checkWorkspaceIds, validator.checkUnusedDeclarations],
        Journey: [validator.checkJourney],
        Stage: [validator.checkStage],
        Step: [validator.checkStep],
    };
    services.validation.ValidationRegistry.register(checks, validator);
}

type Declaration = Persona | Channel | Team;

/** The checks of the spec's diagnostics table that are not lexing, parsing or linking errors. */
export class JourneyValidator {
    private readonly indexManager: IndexManager;
    private readonly documents: LangiumDocuments;

    /**
     * The workspace's exports by type and name, built once per change of the index: looking them up
     * per document keeps the duplicate check linear in the workspace (one scan of the index per
     * document was quadratic: 2,000 small maps spent half of `check` there).
     */
    private exportsByName?: Map<string, Map<string, AstNodeDescription[]>>;

    constructor(services: JourneyServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
        const builder = services.shared.workspace.DocumentBuilder;
        // The index changes only while documents are (re)indexed: after an update and in that phase.
        builder.onUpdate(() => { this.exportsByName = undefined; });
        builder.onBuildPhase(DocumentState.IndexedContent, () => { this.exportsByName = undefined; });
    }

    private exportsNamed(type: string, name: string): readonly AstNodeDescription[] {
        if (!this.exportsByName) this.exportsByName = new Map();
        let byName = this.exportsByName.get(type);
        if (!byName) {
            byName = new Map();
            for (const description of this.indexManager.allElements(type)) {
                const list = byName.get(description.name);
                if (list) list.push(description); else byName.set(description.name, [description]);
            }
            this.exportsByName.set(type, byName);
        }
        return byName.get(name) ?? [];
    }

    /**
     * Top-level personas, channels, teams and all journeys are unique across the workspace.
     * The exports are grouped by name once per index change (`exportsNamed`), so a document costs
     * O(its declarations).
     */
    checkWorkspaceIds(document: Document, accept: ValidationAcceptor): void {
        const groups: Array<[string, readonly AstNode[]]> = [
            ['persona', document.personas], ['channel', document.channels], ['team', document.teams], ['journey', document.journeys],
        ];
        const uri = AstUtils.getDocument(document).uri.toString();
        for (const [keyword, nodes] of groups) {
            if (nodes.length === 0) continue;
            const names = new Set(nodes.map(n => (n as Declaration | Journey).name).filter(Boolean));
            // name -> where it is declared (file names, 'this file'), counted once per declaration
            const declared = new Map<string, { count: number; places: Set<string> }>();
            for (const name of names) {
                const descriptions = this.exportsNamed(keywordType(keyword), name);
                if (descriptions.length < 2) continue;
                const places = new Set(descriptions.map(description => {
                    const docUri = description.documentUri.toString();
                    return docUri === uri ? 'this file' : description.documentUri.path.split('/').pop() ?? docUri;
                }));
                declared.set(name, { count: descriptions.length, places });
            }
            for (const node of nodes) {
                const name = (node as Declaration | Journey).name;
                const entry = name ? declared.get(name) : undefined;
                if (!entry || entry.count < 2) continue;
                // The declaration itself counts as 'this file'; name the others.
                const sameFile = nodes.filter(n => (n as Declaration | Journey).name === name).length;
                const where = [...entry.places].filter(p => p !== 'this file' || sameFile > 1).join(', ');
                accept('error', `Duplicate ${keyword} id '${name}' (also declared in ${where}). Rename one of them.`,
                    { node, property: 'name', code: DiagnosticCode.DuplicateId, data: { code: DiagnosticCode.DuplicateId, id: name } satisfies DuplicateIdData });
            }
        }
    }

    /**
     * A top-level persona no journey names with `for`; a channel or team no reference names.
     * The referenced targets of this document are collected in one pass over the workspace's linked
     * references (IndexManager.findAllReferences scans every reference per call: quadratic).
     */
    checkUnusedDeclarations(document: Document, accept: ValidationAcceptor): void {
        const declarations: Declaration[] = [...document.personas, ...document.channels, ...document.teams];
        for (const journey of document.journeys) {
            declarations.push(...journey.channels, ...journey.teams);
        }
        if (declarations.length === 0) return;
        const referenced = this.referencedNodes(declarations);
        for (const node of declarations) {
            if (!node.name || referenced.has(node)) continue;
            const keyword = node.$type === Persona.$type ? 'persona' : node.$type === Channel.$type ? 'channel' : 'team';
            const usage = keyword === 'persona' ? `no journey names it with 'for ${node.name}'` : 'nothing refers to it';
            accept('hint', `Unused ${keyword} '${node.name}': ${usage}. Use it or remove it.`,
                { node, property: 'name', code: DiagnosticCode.UnusedDeclaration, tags: [DiagnosticTag.Unnecessary] });
        }
    }

    private referencedNodes(declarations: readonly Declaration[]): Set<AstNode> {
        const wanted = new Set<AstNode>(declarations);
        const found = new Set<AstNode>();
        const own = AstUtils.getDocument(declarations[0]);
        // Journey-local declarations can only be named from their own document.
        const hasGlobal = declarations.some(d => d.$container === own.parseResult.value);
        const documents = hasGlobal ? this.documents.all.toArray() : [own];
        for (const doc of documents) {
            for (const reference of doc.references) {
                const targets = 'items' in reference ? reference.items.map(item => item.ref) : [reference.ref];
                for (const target of targets) {
                    if (target && wanted.has(target)) found.add(target);
                }
            }
            if (found.size === wanted.size) break;
        }
        return found;
    }

    checkJourney(journey: Journey, accept: ValidationAcceptor): void {
        if (!journey.name) return;
        if (journey.stages.length === 0) {
            accept('warning', `Journey '${journey.name}' has no stage. Add one: stage id "Title" { … }`,
                { node: journey, property: 'name', code: DiagnosticCode.EmptyJourney });
        }
        const personaCount = (journey.persona ? 1 : 0) + journey.personas.length;
        if (personaCount === 0) {
            accept('warning', `Journey '${journey.name}' has no persona. Name one with 'for personaId' or declare a persona inside it.`,
                { node: journey, property: 'name', code: DiagnosticCode.NoPersona });
        } else if (personaCount > 1) {
            const names = [journey.persona?.$refText, ...journey.personas.map(p => p.name)].filter(Boolean).map(n => `'${n}'`).join(', ');
            accept('warning', `Journey '${journey.name}' has ${personaCount} personas (${names}); a map serves one persona. Split it into one journey per persona.`,
                { node: journey, property: 'name', code: DiagnosticCode.MultiplePersonas });
        }
        this.checkUniqueWithin(journey.stages, 'stage', journey, accept);
        this.checkUniqueWithin(journey.stages.flatMap(s => s.steps), 'step', journey, accept);
        for (const kind of [journey.personas, journey.channels, journey.teams] as const) {
            this.checkUniqueWithin(kind, kind[0]?.$type.toLowerCase() ?? '', journey, accept);
        }
        this.checkMissingEmotions(journey, accept);
    }

    private checkUniqueWithin(nodes: ReadonlyArray<{ name: string } & AstNode>, keyword: string, journey: Journey, accept: ValidationAcceptor): void {
        const byName = new Map<string, Array<{ name: string } & AstNode>>();
        for (const node of nodes) {
            if (!node.name) continue;
            const group = byName.get(node.name);
            if (group) group.push(node); else byName.set(node.name, [node]);
        }
        for (const [name, group] of byName) {
            if (group.length < 2) continue;
            for (const node of group) {
                accept('error', `Duplicate ${keyword} id '${name}' in journey '${journey.name}' (${group.length} times). Rename one of them.`,
                    { node, property: 'name', code: DiagnosticCode.DuplicateId, data: { code: DiagnosticCode.DuplicateId, id: name } satisfies DuplicateIdData });
            }
        }
    }

    private checkMissingEmotions(journey: Journey, accept: ValidationAcceptor): void {
        const steps = journey.stages.flatMap(s => s.steps);
        if (!steps.some(step => step.emotions.length > 0)) return;
        for (const step of steps) {
            if (step.emotions.length === 0 && step.name) {
                accept('info', `Step '${step.name}' has no emotion, so the emotion curve has a gap. Add: emotion -2..+2`,
                    { node: step, property: 'name', code: DiagnosticCode.MissingEmotion });
            }
        }
    }

    checkStage(stage: Stage, accept: ValidationAcceptor): void {
        if (stage.steps.length === 0 && stage.name) {
            accept('warning', `Stage '${stage.name}' has no step. Add one: step id "Title" { … }`,
                { node: stage, property: 'name', code: DiagnosticCode.EmptyStage });
        }
    }

    checkStep(step: Step, accept: ValidationAcceptor): void {
        for (const emotion of step.emotions) {
            const value = emotion.value;
            // A value the parser had to invent while recovering is already a syntax error.
            if (value === undefined || Number.isNaN(value)) continue;
            if (!Number.isInteger(value) || value < -2 || value > 2) {
                accept('error', `Emotion ${emotionText(emotion)} is out of range: use a whole number from -2 (very negative) to +2 (very positive).`,
                    { node: emotion, property: 'value', code: DiagnosticCode.EmotionOutOfRange });
            }
        }
        if (step.emotions.length === 0) {
            for (const moment of step.moments) {
                accept('warning', `Step '${step.name}' is a moment of truth but has no emotion. Add: emotion -2..+2`,
                    { node: moment, keyword: 'moment', code: DiagnosticCode.MomentWithoutEmotion });
            }
        }
        // pain-without-opportunity and the metric checks: journey-schema2-checks.ts (schema 2 extends them).
    }
}

function keywordType(keyword: string): string {
    switch (keyword) {
        case 'persona': return Persona.$type;
        case 'channel': return Channel.$type;
        case 'team': return Team.$type;
        default: return JourneyType.$type;
    }
}

function emotionText(emotion: { value: number; $cstNode?: { text: string } }): string {
    return emotion.$cstNode?.text.replace(/^emotion\s*/, '') ?? String(emotion.value);
}
