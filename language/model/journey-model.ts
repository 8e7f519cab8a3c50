/**
 * The plain journey model: what `journeymap export --format json` prints, what the preview renders
 * and what the diff compares. Plain JSON data, no Langium types, so the webview can import it.
 * Documented in docs/model.md; bump JOURNEY_MODEL_SCHEMA_VERSION on any change of its shape.
 *
 * Schema 2 only adds fields, all optional and left out when empty or absent, so a schema-1 file's
 * model differs from what schema 1 printed only in `schemaVersion`, and a schema-1 model (from an
 * older export) is a valid schema-2 model.
 */

export const JOURNEY_MODEL_SCHEMA_VERSION = 2;

/** The versions a reader of the model may meet: 1 (before service blueprints) and 2. */
export type JourneyModelSchemaVersion = 1 | typeof JOURNEY_MODEL_SCHEMA_VERSION;

/** 0-based, like LSP positions, so ranges go straight into editor selections. */
export interface Position {
    line: number;
    character: number;
}

export interface Range {
    start: Position;
    end: Position;
}

/** A reference to a persona, channel or team, resolved where possible. */
export interface RefModel {
    id: string;
    /** The declaration's title when the reference resolves. */
    title?: string;
    resolved: boolean;
    /** Range of the reference text in this file. */
    range: Range;
}

export interface Located {
    /** The whole element in the source. */
    range: Range;
}

export interface TextItem extends Located {
    text: string;
}

export interface PersonaModel extends Located {
    id: string;
    /** Explicit title, or the id made readable (`sign_up` → "Sign up"). */
    title: string;
    description?: string;
    goals: string[];
    needs: string[];
    segment?: string;
    quote?: string;
    /** Declared at the top of a file (visible everywhere) or inside a journey. */
    scope: 'global' | 'journey';
    /** File the declaration lives in (URI string); set where it differs from the exported file. */
    uri?: string;
}

export interface ChannelModel extends Located {
    id: string;
    title: string;
    scope: 'global' | 'journey';
}

export interface TeamModel extends Located {
    id: string;
    title: string;
    scope: 'global' | 'journey';
}

export type EmotionValue = -2 | -1 | 0 | 1 | 2;

export interface MomentModel extends Located {
    why?: string;
}

/** A `link "url" ["label"]`. The URL is as written: only http:, https: and mailto: are safe to open (`unsafe-link`). */
export interface LinkModel extends Located {
    url: string;
    label?: string;
}

/** A duration quantity: `4min` → { text: "4min", seconds: 240 }. Schema 2. */
export interface DurationModel {
    /** As written in the source. */
    text: string;
    /** Normalized: s = 1, min = 60, h = 3600, d = 86400 seconds. */
    seconds: number;
}

/** A wait point: the customer waits `value` in this step, optionally saying why. Schema 2. */
export interface WaitModel extends Located {
    value: DurationModel;
    why?: string;
}

export interface ActionModel extends TextItem {
    team?: RefModel;
    /** A fail point on this action: what goes wrong (schema 2). The range is the fail text's. */
    fail?: TextItem;
}

/** `thinks`, `feels`, `says`; `from` attributes it (schema 2). */
export interface ThoughtModel extends TextItem {
    from?: string;
}

export type Level = 'low' | 'medium' | 'high';

export type Severity = Level;

export type OpportunityStatus = 'idea' | 'planned' | 'doing' | 'done' | 'dropped';

export const OPPORTUNITY_STATUSES: readonly OpportunityStatus[] = ['idea', 'planned', 'doing', 'done', 'dropped'];

export interface PainModel extends TextItem {
    severity?: Severity;
}

export interface OpportunityModel extends TextItem {
    /** Optional id, unique within its journey (schema 2). */
    id?: string;
    idRange?: Range;
    owner?: RefModel;
    impact?: Level;
    effort?: Level;
    status?: OpportunityStatus;
    links?: LinkModel[];
}

/** percent: `62%`; duration: `3.5s`, `12min`, `2h`, `3d`; number: `7.5`; custom: `4.2 "stars"`. */
export type MetricKind = 'percent' | 'duration' | 'number' | 'custom';

export interface MetricValueModel {
    /** As written in the source, e.g. `62%`, `3d`, `4.2 "stars"`. */
    text: string;
    value: number;
    /** `%`, `s`, `min`, `h`, `d`, or the string unit. */
    unit?: string;
    kind: MetricKind;
}

/**
 * A KPI. Schema 2: the value is optional when a target is given, and `baseline` is the value
 * before the change. A metric with neither value nor target (`empty-metric`) is left out.
 */
export interface MetricModel extends Located {
    name: string;
    value?: MetricValueModel;
    baseline?: MetricValueModel;
    target?: MetricValueModel;
}

export type EvidenceKind =
    | 'survey' | 'interview' | 'nps' | 'feedback'
    | 'analytics' | 'review' | 'social' | 'ticket' | 'observation' | 'frontline';

export interface EvidenceModel extends Located {
    kind: EvidenceKind;
    source: string;
    /** survey, interview, nps, feedback are solicited; the others unsolicited. */
    solicited: boolean;
    /** The evidence's own link (at most one; schema 2). */
    links?: LinkModel[];
}

export interface StepModel extends Located {
    id: string;
    title: string;
    /** Range of the step id, for selections and diagnostics. */
    idRange: Range;
    channels: RefModel[];
    touchpoints: TextItem[];
    /** Absent when the step has no `emotion` (a gap in the curve). Values outside -2..2 are left out. */
    emotion?: EmotionValue;
    moment?: MomentModel;
    thinks: ThoughtModel[];
    feels: ThoughtModel[];
    says: ThoughtModel[];
    onstage: ActionModel[];
    offstage: ActionModel[];
    support: ActionModel[];
    pains: PainModel[];
    opportunities: OpportunityModel[];
    metrics: MetricModel[];
    evidence: EvidenceModel[];
    owner?: RefModel;
    notes: TextItem[];
    // Schema 2, each left out when absent or empty:
    /** Physical evidence: props, documents, places the customer sees or touches. */
    physical?: TextItem[];
    /** How long the step takes. */
    duration?: DurationModel & Located;
    wait?: WaitModel;
    links?: LinkModel[];
}

export interface StageModel extends Located {
    id: string;
    title: string;
    idRange: Range;
    goal?: string;
    steps: StepModel[];
    // Schema 2: about the stage as a whole; each left out when empty.
    pains?: PainModel[];
    opportunities?: OpportunityModel[];
    metrics?: MetricModel[];
    evidence?: EvidenceModel[];
    notes?: TextItem[];
}

/**
 * The as-is journey a to-be journey is `future of`, as far as the to-be picture needs it: its
 * steps in order with their emotions, so the as-is curve can be drawn beside the to-be one
 * (points matched by step id). Derived data: the diff compares `futureOf`, not this.
 */
export interface AsIsModel {
    id: string;
    title: string;
    /** File of the as-is journey (URI string); set where it differs from the exported file. */
    uri?: string;
    steps: Array<{ id: string; title: string; stage: string; emotion?: EmotionValue }>;
    /** The legend's words for the two curves; `as-is` and `to-be` when absent (a diff says `before`, `after`). */
    labels?: { before: string; after: string };
}

export interface JourneyModel extends Located {
    id: string;
    title: string;
    idRange: Range;
    /** The `for` reference, if written. */
    for?: RefModel;
    /** The persona the map serves: the `for` target, else the first persona declared inside. */
    persona?: PersonaModel;
    scenario?: string;
    objectives: string[];
    /** Declarations inside the journey (visible in it only). */
    personas: PersonaModel[];
    channels: ChannelModel[];
    teams: TeamModel[];
    stages: StageModel[];
    // Schema 2, each left out when absent or empty:
    /** The id of the as-is journey this one is the to-be version of (`future of`). */
    futureOf?: string;
    /** The `future of` reference, resolved where possible (range of the id after `future of`). */
    futureOfRef?: RefModel;
    /** The as-is journey when `future of` resolves and leads to no cycle. */
    asIs?: AsIsModel;
    /** About the whole map: shown in the header. */
    opportunities?: OpportunityModel[];
    metrics?: MetricModel[];
    evidence?: EvidenceModel[];
    notes?: TextItem[];
}

/** One `.journey` file. */
export interface JourneyDocumentModel {
    schemaVersion: JourneyModelSchemaVersion;
    /** The file's URI. */
    uri: string;
    /** Top-level declarations of this file. */
    personas: PersonaModel[];
    channels: ChannelModel[];
    teams: TeamModel[];
    journeys: JourneyModel[];
}

export const SOLICITED_EVIDENCE: readonly EvidenceKind[] = ['survey', 'interview', 'nps', 'feedback'];

export const EMOTION_MEANINGS: Readonly<Record<EmotionValue, string>> = {
    [-2]: 'very negative',
    [-1]: 'negative',
    0: 'neutral',
    1: 'positive',
    2: 'very positive',
};

/** Seconds per duration unit (`s`, `min`, `h`, `d`): the one normalization of durations. */
export const DURATION_SECONDS: Readonly<Record<string, number>> = { s: 1, min: 60, h: 3600, d: 86400 };

/** `4min` → 240, `1.5h` → 5400; undefined for anything not a duration quantity (`62%`). */
export function durationSeconds(text: string): number | undefined {
    const match = /^([+-]?[0-9]+(?:\.[0-9]+)?)(min|s|h|d)$/.exec(text);
    // Rounded to the millisecond: 1.1h is 3960 seconds, not 3960.0000000000005.
    return match ? Math.round(Number(match[1]) * DURATION_SECONDS[match[2]] * 1000) / 1000 : undefined;
}

/** `sign_up` → "Sign up", `word-of-mouth` → "Word of mouth". */
export function readableTitle(id: string): string {
    const words = id.replace(/[_-]+/g, ' ').trim();
    return words.length === 0 ? id : words.charAt(0).toUpperCase() + words.slice(1);
}
