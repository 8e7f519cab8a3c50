import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Journey, JourneyAstType, Link, Metric, Opportunity, Pain, Stage, Step } from '../generated/ast.js';
import { metricValueOf } from '../model/journey-metric-values.js';
import { durationSeconds, type MetricValueModel } from '../model/journey-model.js';
import type { JourneyServices } from '../journey-module.js';
import { DiagnosticCode, type DuplicateIdData, type UnsafeLinkData } from './journey-diagnostics.js';

/**
 * The checks of schema 2 (docs/language.md, "Schema 2"), and the schema-1 checks that schema 2
 * extends (metric-unit-mismatch with baselines, pain-without-opportunity at stage level). Kept
 * apart from journey-validator.ts so that each file has one job. Every check looks at one node and
 * its parents or, for `future of`, follows one chain of references: no workspace scans.
 */
export function registerSchema2Checks(services: JourneyServices): void {
    const checks: ValidationChecks<JourneyAstType> = {
        Journey: [checkFutureOf, checkOpportunityIds],
        Stage: [checkStagePains],
        Step: [checkStepPains, checkStepOnce, checkFailPoints],
        Metric: [checkMetric],
        Opportunity: [checkOpportunityClauses],
        Link: [checkLink],
    };
    services.validation.ValidationRegistry.register(checks);
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The scheme of a URL (`https`), lower-cased, or undefined when it has none (`www.example.com`). */
export function urlScheme(url: string): string | undefined {
    return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1].toLowerCase();
}

/** What a scheme-less URL most likely meant: `www.x.org` → `https://www.x.org`, `//x.org` → `https://x.org`. */
export function withHttps(url: string): string {
    const trimmed = url.trim();
    return trimmed.startsWith('//') ? `https:${trimmed}` : `https://${trimmed}`;
}

/** unsafe-link: only http:, https: and mailto: links are ever opened (the preview draws no other). */
export function checkLink(link: Link, accept: ValidationAcceptor): void {
    if (link.url === undefined) return;
    const scheme = urlScheme(link.url);
    if (scheme !== undefined && SAFE_SCHEMES.has(scheme)) return;
    const shown = JSON.stringify(link.url.length > 60 ? `${link.url.slice(0, 57)}...` : link.url);
    const message = scheme === undefined
        ? `Link ${shown} has no scheme, so it will not open. Write it in full: "${withHttps(link.url)}"`
        : `Link ${shown} uses '${scheme}:', which is never opened. Use an http:, https: or mailto: link.`;
    const data: UnsafeLinkData = { code: DiagnosticCode.UnsafeLink, ...(scheme === undefined ? { fixed: withHttps(link.url) } : {}) };
    accept('error', message, { node: link, property: 'url', code: DiagnosticCode.UnsafeLink, data });
}

/** A metric's values in the order they are compared: value, baseline, target. */
function metricParts(metric: Metric): Array<{ property: 'value' | 'baseline' | 'target'; value: MetricValueModel }> {
    const parts: Array<{ property: 'value' | 'baseline' | 'target'; value: MetricValueModel }> = [];
    for (const property of ['value', 'baseline', 'target'] as const) {
        const node = metric[property];
        const value = node && metricValueOf(node);
        if (value) parts.push({ property, value });
    }
    return parts;
}

/**
 * empty-metric: neither value nor target. metric-unit-mismatch: the baseline and the target compare
 * with the value (or, without a value, the target with the baseline); reported once, at the first
 * that differs.
 */
export function checkMetric(metric: Metric, accept: ValidationAcceptor): void {
    if (!metric.value && !metric.target) {
        // While the name is being typed the parser may recover without one: that is a syntax error already.
        if (metric.label === undefined) return;
        const name = JSON.stringify(metric.label);
        accept('error', `Metric ${name} has neither a value nor a target. Add one: metric ${name} 62% or metric ${name} target 80%`,
            { node: metric, property: 'label', code: DiagnosticCode.EmptyMetric });
        return;
    }
    const [reference, ...others] = metricParts(metric);
    if (!reference) return;
    const other = others.find(part => !sameKind(reference.value, part.value));
    if (!other) return;
    accept('error', `Metric "${metric.label}": ${other.property} ${other.value.text} (${describeKind(other.value)}) does not compare with ${reference.property} ${reference.value.text} (${describeKind(reference.value)}). Write both in the same kind of unit.`,
        { node: metric, property: other.property, code: DiagnosticCode.MetricUnitMismatch });
}

function sameKind(a: MetricValueModel, b: MetricValueModel): boolean {
    return a.kind === b.kind && (a.kind !== 'custom' || a.unit === b.unit);
}

function describeKind(value: MetricValueModel): string {
    switch (value.kind) {
        case 'percent': return 'a percentage';
        case 'duration': return 'a duration';
        case 'number': return 'a plain number';
        default: return `unit "${value.unit}"`;
    }
}

/** pain-without-opportunity for a step's pains: an opportunity on the step or on its stage answers them. */
export function checkStepPains(step: Step, accept: ValidationAcceptor): void {
    if (step.opportunities.length > 0 || step.$container?.opportunities.length > 0) return;
    for (const pain of step.pains) reportPain(pain, `step '${step.name}'`, accept);
}

/** pain-without-opportunity for a stage's own pains: a stage-level opportunity answers them. */
export function checkStagePains(stage: Stage, accept: ValidationAcceptor): void {
    if (stage.opportunities.length > 0) return;
    for (const pain of stage.pains) reportPain(pain, `stage '${stage.name}'`, accept);
}

function reportPain(pain: Pain, where: string, accept: ValidationAcceptor): void {
    accept('info', `Pain "${pain.text}" in ${where} has no opportunity. Add: opportunity "…"`,
        { node: pain, property: 'text', code: DiagnosticCode.PainWithoutOpportunity });
}

/** open-fail-point: a fail point with no opportunity on its step or the step's stage. */
export function checkFailPoints(step: Step, accept: ValidationAcceptor): void {
    if (step.opportunities.length > 0 || step.$container?.opportunities.length > 0) return;
    for (const action of step.actions) {
        if (action.fail === undefined) continue;
        accept('info', `Fail point "${action.fail}" in step '${step.name}' has no opportunity on the step or its stage. Add: opportunity "…"`,
            { node: action, keyword: 'fail', code: DiagnosticCode.OpenFailPoint });
    }
}

/**
 * `duration` and `wait` stand at most once in a step, and must be durations (`s`, `min`, `h`, `d`):
 * the QUANTITY token also takes `62%`. Both are grammar rules the parser cannot say, so they are
 * reported as syntax errors.
 */
export function checkStepOnce(step: Step, accept: ValidationAcceptor): void {
    for (const [keyword, nodes] of [['duration', step.durations], ['wait', step.waits]] as const) {
        nodes.slice(1).forEach(node => accept('error', `Step '${step.name}' has more than one '${keyword}': write it once.`,
            { node, keyword, code: DiagnosticCode.SyntaxError }));
        for (const node of nodes) {
            if (node.value === undefined || durationSeconds(node.value) !== undefined) continue;
            accept('error', `'${keyword} ${node.value}' is not a duration: use s, min, h or d (${keyword} 4min).`,
                { node, property: 'value', code: DiagnosticCode.SyntaxError });
        }
    }
}

/** An opportunity's impact, effort and status are each written once (the grammar takes owner and link once itself). */
export function checkOpportunityClauses(opportunity: Opportunity, accept: ValidationAcceptor): void {
    for (const [keyword, values, property] of [['impact', opportunity.impacts, 'impacts'], ['effort', opportunity.efforts, 'efforts'], ['status', opportunity.statuses, 'statuses']] as const) {
        for (let index = 1; index < values.length; index++) {
            accept('error', `Opportunity "${opportunity.text}" has more than one '${keyword}' (${values.join(', ')}): write it once.`,
                { node: opportunity, property, index, code: DiagnosticCode.SyntaxError });
        }
    }
}

/** duplicate-id for opportunity ids: unique within their journey (journey, stage and step level together). */
export function checkOpportunityIds(journey: Journey, accept: ValidationAcceptor): void {
    const all: Opportunity[] = [...journey.opportunities];
    for (const stage of journey.stages) {
        all.push(...stage.opportunities);
        for (const step of stage.steps) all.push(...step.opportunities);
    }
    const byName = new Map<string, Opportunity[]>();
    for (const opportunity of all) {
        if (!opportunity.name) continue;
        const group = byName.get(opportunity.name);
        if (group) group.push(opportunity); else byName.set(opportunity.name, [opportunity]);
    }
    for (const [name, group] of byName) {
        if (group.length < 2) continue;
        for (const node of group) {
            accept('error', `Duplicate opportunity id '${name}' in journey '${journey.name}' (${group.length} times). Rename one of them.`,
                { node, property: 'name', code: DiagnosticCode.DuplicateId, data: { code: DiagnosticCode.DuplicateId, id: name } satisfies DuplicateIdData });
        }
    }
}

/** future-cycle and future-persona-mismatch, at the `future of` reference. */
export function checkFutureOf(journey: Journey, accept: ValidationAcceptor): void {
    const asIs = journey.futureOf?.ref;
    if (!journey.futureOf || !asIs) return;
    const chain: Journey[] = [journey];
    for (let at: Journey | undefined = asIs; at; at = at.futureOf?.ref) {
        if (at === journey) {
            const path = [...chain, journey].map(j => j.name).join(' → ');
            accept('error', `'future of' leads back to journey '${journey.name}' (${path}): a journey cannot be its own as-is. Remove one 'future of'.`,
                { node: journey, property: 'futureOf', code: DiagnosticCode.FutureCycle });
            return;
        }
        // A cycle further on that does not include this journey is reported on its own members.
        if (chain.includes(at)) break;
        chain.push(at);
    }
    const mine = servedPersona(journey);
    const theirs = servedPersona(asIs);
    if (mine !== undefined && theirs !== undefined && mine !== theirs) {
        accept('warning', `Journey '${journey.name}' serves persona '${mine}' but its as-is journey '${asIs.name}' serves '${theirs}'. A to-be map should serve the persona of its as-is map: use 'for ${theirs}', or name another as-is journey.`,
            { node: journey, property: 'futureOf', code: DiagnosticCode.FuturePersonaMismatch });
    }
}

/** The id of the persona a journey serves: its `for` (when it resolves), else the first persona declared inside. */
function servedPersona(journey: Journey): string | undefined {
    if (journey.persona) return journey.persona.ref ? journey.persona.ref.name : undefined;
    return journey.personas[0]?.name;
}
