import type { EmotionValue, Level, OpportunityStatus, Range } from '../../language/model/journey-model.js';

/**
 * What `journeymap report --format json` prints (the contract is docs/report.md): plain data,
 * keys in the documented order. `stage`/`step` are null for items at stage or journey level; an
 * absent severity, status, owner, impact, effort or metric value is null, never left out.
 * Lines are 1-based, as the command line's diagnostics; `file` is the path as given.
 */
export const INSIGHTS_SCHEMA_VERSION = 1;

export interface Insights {
    schemaVersion: typeof INSIGHTS_SCHEMA_VERSION;
    totals: InsightTotals;
    pains: PainInsight[];
    opportunities: OpportunityInsight[];
    owners: OwnerInsight[];
    metrics: MetricInsight[];
    evidence: EvidenceInsight;
    lowestMoments: LowestMoment[];
}

export interface InsightTotals {
    journeys: number;
    stages: number;
    steps: number;
    pains: number;
    opportunities: number;
    failPoints: number;
    momentsOfTruth: number;
}

/** Where an item lives: journey id, and stage and step ids (null above them). */
export interface InsightPlace {
    journey: string;
    stage: string | null;
    step: string | null;
}

export interface SourceLine {
    file: string;
    line: number;
}

export interface PainInsight extends InsightPlace, SourceLine {
    text: string;
    severity: Level | null;
    /** The step's emotion; null for a step without one and for a stage-level pain. */
    emotion: EmotionValue | null;
    momentOfTruth: boolean;
    /** Opportunities (any status) on the pain's step and on its stage. */
    opportunities: number;
}

export interface OpportunityInsight extends InsightPlace, SourceLine {
    id: string | null;
    text: string;
    /** The owning team's id. */
    owner: string | null;
    impact: Level | null;
    effort: Level | null;
    status: OpportunityStatus | null;
    /** Pains on the same step; in the whole stage for a stage-level one; in the journey for a journey-level one. */
    pains: number;
}

export interface OwnerInsight {
    team: string;
    open: number;
    done: number;
}

export interface MetricInsight extends InsightPlace, SourceLine {
    name: string;
    /** Values as written (`62%`, `3min`, `4.2 "stars"`). */
    value: string | null;
    baseline: string | null;
    target: string;
    /** null when the metric has no value (or a value that cannot be compared with the target). */
    onTarget: boolean | null;
}

export interface EvidenceInsight {
    solicited: number;
    unsolicited: number;
    stepsWithout: Array<{ journey: string; step: string } & SourceLine>;
}

export interface LowestMoment {
    journey: string;
    step: string;
    emotion: EmotionValue;
    momentOfTruth: boolean;
}

/** An item with the range of its source in the model (0-based): what an editor selects. */
export type Located<T> = T & { range: Range };

/** The insights with every listed item located: the language server's `journeymap/insights`. */
export interface LocatedInsights extends Omit<Insights, 'pains' | 'opportunities' | 'metrics' | 'evidence'> {
    pains: Array<Located<PainInsight>>;
    opportunities: Array<Located<OpportunityInsight>>;
    metrics: Array<Located<MetricInsight>>;
    evidence: Omit<EvidenceInsight, 'stepsWithout'> & { stepsWithout: Array<Located<EvidenceInsight['stepsWithout'][number]>> };
}
