import { AstUtils, Cancellation, DocumentState, GrammarUtils, interruptAndCheck, OperationCancelled, type AstNode, type CstNode, type LangiumDocument, type Reference } from 'langium';
import type {
    Action, Channel, Document, Evidence, Journey, Link, Metric, Note, Opportunity, Pain, Persona, Stage, Step, Team,
} from '../generated/ast.js';
import { metricValueOf } from './journey-metric-values.js';
import type { JourneyServices } from '../journey-module.js';
import {
    JOURNEY_MODEL_SCHEMA_VERSION, SOLICITED_EVIDENCE, durationSeconds, readableTitle,
    type ActionModel, type AsIsModel, type ChannelModel, type DurationModel, type EmotionValue, type EvidenceKind, type EvidenceModel,
    type JourneyDocumentModel, type JourneyModel, type Level, type LinkModel, type MetricModel, type OpportunityModel,
    type OpportunityStatus, type PainModel, type PersonaModel, type Range, type RefModel, type StageModel, type StepModel,
    type TeamModel, type TextItem, type ThoughtModel,
} from './journey-model.js';

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Turns a parsed and linked document into the plain journey model (docs/model.md). */
export class JourneyModelBuilder {
    constructor(_services: JourneyServices) { }

    build(document: LangiumDocument<Document>): JourneyDocumentModel {
        const root = document.parseResult.value;
        return documentModel(document, root.journeys.map(node => journey(node)));
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
        return documentModel(document, journeys);
    }
}

function documentModel(document: LangiumDocument<Document>, journeys: JourneyModel[]): JourneyDocumentModel {
    const root = document.parseResult.value;
    return {
        schemaVersion: JOURNEY_MODEL_SCHEMA_VERSION,
        uri: document.uri.toString(),
        personas: root.personas.map(p => persona(p, 'global')),
        channels: root.channels.map(c => declaration(c, 'global')),
        teams: root.teams.map(t => declaration(t, 'global')),
        journeys,
    };
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
        ...(node.futureOf ? { futureOf: node.futureOf.$refText, futureOfRef: ref(node.futureOf) } : {}),
        ...asIs(node),
        ...nonEmpty('opportunities', node.opportunities.map(opportunity)),
        ...nonEmpty('metrics', metrics(node.metrics)),
        ...nonEmpty('evidence', node.evidence.map(evidence)),
        ...nonEmpty('notes', node.notes.map(text)),
    };
}

/** The as-is journey's steps and emotions, when `future of` names a journey that is not part of a cycle. */
function asIs(node: Journey): { asIs?: AsIsModel } {
    const target = node.futureOf?.ref;
    if (!target || target === node) return {};
    // A cycle (`future-cycle`) has no as-is: every journey in it would claim to come before the others.
    const seen = new Set<Journey>([node]);
    for (let at: Journey | undefined = target; at; at = at.futureOf?.ref) {
        if (seen.has(at)) return {};
        seen.add(at);
    }
    const targetUri = AstUtils.getDocument(target).uri.toString();
    const model: AsIsModel = {
        id: target.name,
        title: title(target),
        ...(targetUri !== AstUtils.getDocument(node).uri.toString() ? { uri: targetUri } : {}),
        steps: target.stages.flatMap(s => s.steps.map(st => {
            const emotion = st.emotions[0]?.value;
            return {
                id: st.name, title: title(st), stage: s.name,
                ...(isEmotionValue(emotion) ? { emotion } : {}),
            };
        })),
    };
    return { asIs: model };
}

function stage(node: Stage): StageModel {
    return {
        id: node.name,
        title: title(node),
        range: range(node.$cstNode),
        idRange: idRange(node),
        ...(node.goals[0] ? { goal: node.goals[0].text } : {}),
        steps: node.steps.map(step),
        ...nonEmpty('pains', node.pains.map(pain)),
        ...nonEmpty('opportunities', node.opportunities.map(opportunity)),
        ...nonEmpty('metrics', metrics(node.metrics)),
        ...nonEmpty('evidence', node.evidence.map(evidence)),
        ...nonEmpty('notes', node.notes.map(text)),
    };
}

function step(node: Step): StepModel {
    const emotion = node.emotions[0]?.value;
    const moment = node.moments[0];
    const owner = node.owners[0]?.team;
    const actions = (kind: string): ActionModel[] => node.actions.filter(a => a.kind === kind).map(action);
    const thoughts = (kind: string): ThoughtModel[] => node.thoughts.filter(t => t.kind === kind).map(t => ({
        ...text(t), ...(t.from !== undefined ? { from: t.from } : {}),
    }));
    const duration = node.durations[0];
    const durationValue = duration && durationOf(duration.value);
    const wait = node.waits[0];
    const waitValue = wait && durationOf(wait.value);
    return {
        id: node.name,
        title: title(node),
        range: range(node.$cstNode),
        idRange: idRange(node),
        channels: node.channelUses.flatMap(use => use.channels.map(ref)),
        touchpoints: node.touchpoints.map(text),
        ...(isEmotionValue(emotion) ? { emotion } : {}),
        ...(moment ? { moment: { range: range(moment.$cstNode), ...(moment.why !== undefined ? { why: moment.why } : {}) } } : {}),
        thinks: thoughts('thinks'),
        feels: thoughts('feels'),
        says: thoughts('says'),
        onstage: actions('onstage'),
        offstage: actions('offstage'),
        support: actions('support'),
        pains: node.pains.map(pain),
        opportunities: node.opportunities.map(opportunity),
        metrics: metrics(node.metrics),
        evidence: node.evidence.map(evidence),
        ...(owner ? { owner: ref(owner) } : {}),
        notes: node.notes.map(text),
        ...nonEmpty('physical', node.physical.map(text)),
        ...(durationValue ? { duration: { ...durationValue, range: range(duration.$cstNode) } } : {}),
        ...(waitValue ? { wait: { value: waitValue, ...(wait.why !== undefined ? { why: wait.why } : {}), range: range(wait.$cstNode) } } : {}),
        ...nonEmpty('links', node.links.map(link)),
    };
}

function action(node: Action): ActionModel {
    const fail = node.fail !== undefined ? GrammarUtils.findNodeForProperty(node.$cstNode, 'fail') : undefined;
    return {
        ...text(node),
        ...(node.team ? { team: ref(node.team) } : {}),
        ...(node.fail !== undefined ? { fail: { text: node.fail, range: range(fail) } } : {}),
    };
}

function pain(node: Pain): PainModel {
    return { ...text(node), ...(node.severity ? { severity: node.severity as PainModel['severity'] } : {}) };
}

/** A repeated impact, effort or status is an error (the validator says so); the model takes the first. */
function opportunity(node: Opportunity): OpportunityModel {
    const owner = node.team;
    const [impact] = node.impacts;
    const [effort] = node.efforts;
    const [status] = node.statuses;
    return {
        ...text(node),
        ...(node.name ? { id: node.name, idRange: idRange(node) } : {}),
        ...(owner ? { owner: ref(owner) } : {}),
        ...(impact ? { impact: impact as Level } : {}),
        ...(effort ? { effort: effort as Level } : {}),
        ...(status ? { status: status as OpportunityStatus } : {}),
        ...nonEmpty('links', node.links.map(link)),
    };
}

/** Metrics with a value or a target; one with neither (`empty-metric`) has nothing to show. */
function metrics(nodes: readonly Metric[]): MetricModel[] {
    return nodes.flatMap((m): MetricModel[] => {
        const value = m.value && metricValueOf(m.value);
        const target = m.target && metricValueOf(m.target);
        if (!value && !target) return [];
        const baseline = m.baseline && metricValueOf(m.baseline);
        // Key order as in schema 1 (name, value, target, range), so schema-1 exports stay byte-identical.
        return [{ name: m.label ?? '', ...(value ? { value } : {}), ...(baseline ? { baseline } : {}), ...(target ? { target } : {}), range: range(m.$cstNode) }];
    });
}

function evidence(node: Evidence): EvidenceModel {
    const kind = node.kind as EvidenceKind;
    return {
        kind, source: node.source ?? '', solicited: SOLICITED_EVIDENCE.includes(kind), range: range(node.$cstNode),
        ...nonEmpty('links', node.links.map(link)),
    };
}

function link(node: Link): LinkModel {
    return { url: node.url ?? '', ...(node.label !== undefined ? { label: node.label } : {}), range: range(node.$cstNode) };
}

function durationOf(quantity: string | undefined): DurationModel | undefined {
    const seconds = quantity === undefined ? undefined : durationSeconds(quantity);
    return seconds === undefined ? undefined : { text: quantity!, seconds };
}

function isEmotionValue(value: number | undefined): value is EmotionValue {
    return value !== undefined && Number.isInteger(value) && value >= -2 && value <= 2;
}

/** `{ key: items }`, or nothing when there are none: schema-2 fields are left out when empty. */
function nonEmpty<K extends string, T>(key: K, items: T[]): { [P in K]?: T[] } {
    return (items.length > 0 ? { [key]: items } : {}) as { [P in K]?: T[] };
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

function ref(reference: Reference<Persona | Channel | Team | Journey>): RefModel {
    const target = reference.ref;
    return {
        id: reference.$refText,
        ...(target ? { title: title(target) } : {}),
        resolved: target !== undefined,
        range: range(reference.$refNode),
    };
}

function text(node: { text?: string; $cstNode?: CstNode } | Note): TextItem {
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
