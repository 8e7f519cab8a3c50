import { AstUtils, type AstNode, type AstNodeLocator, type ValidationAcceptor, type ValidationChecks, type IndexManager } from 'langium';
import { DiagnosticTag } from 'vscode-languageserver';
import {
    type Document, type Journey, type JourneyAstType, type Metric, type Stage, type Step,
    Channel, Persona, Team, Journey as JourneyType,
} from './generated/ast.js';
import { DiagnosticCode, type DuplicateIdData } from './journey-diagnostics.js';
import type { JourneyServices } from './journey-module.js';
import { metricValueOf } from './journey-metric-values.js';

export function registerValidationChecks(services: JourneyServices): void {
    const validator = services.validation.JourneyValidator;
    const checks: ValidationChecks<JourneyAstType> = {
        Document: [validator.checkWorkspaceIds, validator.checkUnusedDeclarations],
        Journey: [validator.checkJourney],
        Stage: [validator.checkStage],
        Step: [validator.checkStep],
        Metric: [validator.checkMetric],
    };
    services.validation.ValidationRegistry.register(checks, validator);
}

type Declaration = Persona | Channel | Team;

/** The checks of the spec's diagnostics table that are not lexing, parsing or linking errors. */
export class JourneyValidator {
    private readonly indexManager: IndexManager;
    private readonly locator: AstNodeLocator;

    constructor(services: JourneyServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.locator = services.workspace.AstNodeLocator;
    }

    /** Top-level personas, channels, teams and all journeys are unique across the workspace. */
    checkWorkspaceIds(document: Document, accept: ValidationAcceptor): void {
        const groups: Array<[string, readonly AstNode[]]> = [
            ['persona', document.personas], ['channel', document.channels], ['team', document.teams], ['journey', document.journeys],
        ];
        const uri = AstUtils.getDocument(document).uri.toString();
        for (const [keyword, nodes] of groups) {
            const type = keywordType(keyword);
            for (const node of nodes) {
                const name = (node as Declaration | Journey).name;
                if (!name) continue;
                const elsewhere = this.indexManager.allElements(type)
                    .filter(d => d.name === name && !(d.documentUri.toString() === uri && d.node === node))
                    .toArray();
                if (elsewhere.length === 0) continue;
                const where = elsewhere.map(d => d.documentUri.toString() === uri ? 'this file' : d.documentUri.path.split('/').pop())
                    .filter((w, i, all) => all.indexOf(w) === i).join(', ');
                accept('error', `Duplicate ${keyword} id '${name}' (also declared in ${where}). Rename one of them.`,
                    { node, property: 'name', code: DiagnosticCode.DuplicateId, data: { code: DiagnosticCode.DuplicateId, id: name } satisfies DuplicateIdData });
            }
        }
    }

    /** A top-level persona no journey names with `for`; a channel or team no reference names. */
    checkUnusedDeclarations(document: Document, accept: ValidationAcceptor): void {
        const declarations: Declaration[] = [...document.personas, ...document.channels, ...document.teams];
        for (const journey of document.journeys) {
            declarations.push(...journey.channels, ...journey.teams);
        }
        for (const node of declarations) {
            if (!node.name || this.isReferenced(node)) continue;
            const keyword = node.$type === Persona.$type ? 'persona' : node.$type === Channel.$type ? 'channel' : 'team';
            const usage = keyword === 'persona' ? `no journey names it with 'for ${node.name}'` : 'nothing refers to it';
            accept('hint', `Unused ${keyword} '${node.name}': ${usage}. Use it or remove it.`,
                { node, property: 'name', code: DiagnosticCode.UnusedDeclaration, tags: [DiagnosticTag.Unnecessary] });
        }
    }

    private isReferenced(node: Declaration): boolean {
        const path = this.locator.getAstNodePath(node);
        return this.indexManager.findAllReferences(node, path).head() !== undefined;
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
        if (step.opportunities.length === 0) {
            for (const pain of step.pains) {
                accept('info', `Pain "${pain.text}" in step '${step.name}' has no opportunity. Add: opportunity "…"`,
                    { node: pain, property: 'text', code: DiagnosticCode.PainWithoutOpportunity });
            }
        }
    }

    checkMetric(metric: Metric, accept: ValidationAcceptor): void {
        if (!metric.value || !metric.target) return;
        const value = metricValueOf(metric.value);
        const target = metricValueOf(metric.target);
        if (!value || !target) return;
        const sameKind = value.kind === target.kind && (value.kind !== 'custom' || value.unit === target.unit);
        if (!sameKind) {
            accept('error', `Metric "${metric.label}": target ${target.text} (${describeKind(target)}) does not compare with value ${value.text} (${describeKind(value)}). Write both in the same kind of unit.`,
                { node: metric, property: 'target', code: DiagnosticCode.MetricUnitMismatch });
        }
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

function describeKind(value: { kind: string; unit?: string }): string {
    switch (value.kind) {
        case 'percent': return 'a percentage';
        case 'duration': return 'a duration';
        case 'number': return 'a plain number';
        default: return `unit "${value.unit}"`;
    }
}
