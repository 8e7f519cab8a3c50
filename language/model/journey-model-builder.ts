import { AstUtils, Cancellation, DocumentState, GrammarUtils, interruptAndCheck, OperationCancelled, type AstNode, type CstNode, type LangiumDocument, type Reference } from 'langium';
import type { Channel, Document, Journey, Persona, Stage, Step, Team } from '../generated/ast.js';
import { metricValueOf } from './journey-metric-values.js';
import type { JourneyServices } from '../journey-module.js';
import {
    JOURNEY_MODEL_SCHEMA_VERSION, SOLICITED_EVIDENCE, readableTitle,
    type ActionModel, type ChannelModel, type EmotionValue, type EvidenceKind, type JourneyDocumentModel, type JourneyModel,
    type MetricModel, type PersonaModel, type Range, type RefModel, type StageModel, type StepModel, type TeamModel, type TextItem,
} from './journey-model.js';

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Turns a parsed and linked document into the plain journey model (docs/model.md). */
export class JourneyModelBuilder {
    constructor(_services: JourneyServices) { }

    build(document: LangiumDocument<Document>): JourneyDocumentModel {
        const root = document.parseResult.value;
        return {
            schemaVersion: JOURNEY_MODEL_SCHEMA_VERSION,
            uri: document.uri.toString(),
            personas: root.personas.map(p => persona(p, 'global')),
            channels: root.channels.map(c => declaration(c, 'global')),
            teams: root.teams.map(t => declaration(t, 'global')),
            journeys: root.journeys.map(node => journey(node)),
        };
    }

    /**
     * The same model, built a stage at a time: it gives way to other work between stages, stops
     * when `cancelToken` is cancelled, and stops too (OperationCancelled) when the document is
     * re-parsed meanwhile, as the model of an outdated AST whose references are unlinked is of no use.
     */
    async buildAsync(document: LangiumDocument<Document>, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<JourneyDocumentModel> {
        const parse = document.parseResult;
        const check = async () => {
            await interruptAndCheck(cancelToken);
            if (document.parseResult !== parse || document.state < DocumentState.Linked) throw OperationCancelled;
        };
        const root = parse.value;
        const journeys: JourneyModel[] = [];
        for (const node of root.journeys) {
            const stages: StageModel[] = [];
            for (const child of node.stages) {
                await check();
                stages.push(stage(child));
            }
            journeys.push(journey(node, stages));
        }
        await check();
        return {
            schemaVersion: JOURNEY_MODEL_SCHEMA_VERSION,
            uri: document.uri.toString(),
            personas: root.personas.map(p => persona(p, 'global')),
            channels: root.channels.map(c => declaration(c, 'global')),
            teams: root.teams.map(t => declaration(t, 'global')),
            journeys,
        };
    }
}

function journey(node: Journey, stages: StageModel[] = node.stages.map(stage)): JourneyModel {
    const forRef = node.persona ? ref(node.persona) : undefined;
    const target = node.persona?.ref;
    const inner = node.personas.map(p => persona(p, 'journey'));
    let served: PersonaModel | undefined = inner[0];
    if (target) {
        served = persona(target, target.$container === node ? 'journey' : 'global');
        const targetUri = AstUtils.getDocument(target).uri.toString();
        if (targetUri !== AstUtils.getDocument(node).uri.toString()) served.uri = targetUri;
    }
    return {
        id: node.name,
        title: title(node),
        range: range(node.$cstNode),
        idRange: idRange(node),
        ...(forRef ? { for: forRef } : {}),
        ...(served ? { persona: served } : {}),
        ...(node.scenarios[0] ? { scenario: node.scenarios[0].text } : {}),
        objectives: node.objectives.map(o => o.text),
        personas: inner,
        channels: node.channels.map(c => declaration(c, 'journey')),
        teams: node.teams.map(t => declaration(t, 'journey')),
        stages,
    };
}

function stage(node: Stage): StageModel {
    return {
        id: node.name,
        title: title(node),
        range: range(node.$cstNode),
        idRange: idRange(node),
        ...(node.goals[0] ? { goal: node.goals[0].text } : {}),
        steps: node.steps.map(step),
    };
}

function step(node: Step): StepModel {
    const emotion = node.emotions[0]?.value;
    const moment = node.moments[0];
    const owner = node.owners[0]?.team;
    const actions = (kind: string): ActionModel[] => node.actions.filter(a => a.kind === kind).map(a => ({
        ...text(a), ...(a.team ? { team: ref(a.team) } : {}),
    }));
    const thoughts = (kind: string): TextItem[] => node.thoughts.filter(t => t.kind === kind).map(text);
    return {
        id: node.name,
        title: title(node),
        range: range(node.$cstNode),
        idRange: idRange(node),
        channels: node.channelUses.flatMap(use => use.channels.map(ref)),
        touchpoints: node.touchpoints.map(text),
        ...(Number.isInteger(emotion) && emotion >= -2 && emotion <= 2 ? { emotion: emotion as EmotionValue } : {}),
        ...(moment ? { moment: { range: range(moment.$cstNode), ...(moment.why !== undefined ? { why: moment.why } : {}) } } : {}),
        thinks: thoughts('thinks'),
        feels: thoughts('feels'),
        says: thoughts('says'),
        onstage: actions('onstage'),
        offstage: actions('offstage'),
        support: actions('support'),
        pains: node.pains.map(p => ({ ...text(p), ...(p.severity ? { severity: p.severity } : {}) })),
        opportunities: node.opportunities.map(o => ({ ...text(o), ...(o.team ? { owner: ref(o.team) } : {}) })),
        metrics: node.metrics.flatMap((m): MetricModel[] => {
            const value = m.value && metricValueOf(m.value);
            if (!value) return [];
            const target = m.target && metricValueOf(m.target);
            return [{ name: m.label ?? '', value, ...(target ? { target } : {}), range: range(m.$cstNode) }];
        }),
        evidence: node.evidence.map(e => ({
            kind: e.kind as EvidenceKind, source: e.source ?? '', solicited: SOLICITED_EVIDENCE.includes(e.kind as EvidenceKind), range: range(e.$cstNode),
        })),
        ...(owner ? { owner: ref(owner) } : {}),
        notes: node.notes.map(text),
    };
}

function persona(node: Persona, scope: PersonaModel['scope']): PersonaModel {
    const field = (kind: string) => node.fields.filter(f => f.kind === kind).map(f => f.text);
    const [description] = field('description');
    const [segment] = field('segment');
    const [quote] = field('quote');
    return {
        id: node.name,
        title: title(node),
        ...(description !== undefined ? { description } : {}),
        goals: field('goal'),
        needs: field('need'),
        ...(segment !== undefined ? { segment } : {}),
        ...(quote !== undefined ? { quote } : {}),
        scope,
        range: range(node.$cstNode),
    };
}

function declaration(node: Channel | Team, scope: ChannelModel['scope']): ChannelModel & TeamModel {
    return { id: node.name, title: title(node), scope, range: range(node.$cstNode) };
}

function ref(reference: Reference<Persona | Channel | Team>): RefModel {
    const target = reference.ref;
    return {
        id: reference.$refText,
        ...(target ? { title: title(target) } : {}),
        resolved: target !== undefined,
        range: range(reference.$refNode),
    };
}

function text(node: { text?: string; $cstNode?: CstNode }): TextItem {
    return { text: node.text ?? '', range: range(node.$cstNode) };
}

function title(node: { name: string; title?: string }): string {
    return node.title ?? readableTitle(node.name ?? '');
}

function idRange(node: AstNode): Range {
    return range(GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode);
}

function range(cst: CstNode | undefined): Range {
    if (!cst) return EMPTY_RANGE;
    const { start, end } = cst.range;
    return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
}
