/**
 * The plain journey model: what `journeymap export --format json` prints, what the preview renders
 * and what the diff compares. Plain JSON data, no Langium types, so the webview can import it.
 * Documented in docs/model.md; bump JOURNEY_MODEL_SCHEMA_VERSION on any incompatible change.
 */

export const JOURNEY_MODEL_SCHEMA_VERSION = 1;

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

export interface ActionModel extends TextItem {
    team?: RefModel;
}

export type Severity = 'low' | 'medium' | 'high';

export interface PainModel extends TextItem {
    severity?: Severity;
}

export interface OpportunityModel extends TextItem {
    owner?: RefModel;
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

export interface MetricModel extends Located {
    name: string;
    value: MetricValueModel;
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
    thinks: TextItem[];
    feels: TextItem[];
    says: TextItem[];
    onstage: ActionModel[];
    offstage: ActionModel[];
    support: ActionModel[];
    pains: PainModel[];
    opportunities: OpportunityModel[];
    metrics: MetricModel[];
    evidence: EvidenceModel[];
    owner?: RefModel;
    notes: TextItem[];
}

export interface StageModel extends Located {
    id: string;
    title: string;
    idRange: Range;
    goal?: string;
    steps: StepModel[];
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
}

/** One `.journey` file. */
export interface JourneyDocumentModel {
    schemaVersion: typeof JOURNEY_MODEL_SCHEMA_VERSION;
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

/** `sign_up` → "Sign up", `word-of-mouth` → "Word of mouth". */
export function readableTitle(id: string): string {
    const words = id.replace(/[_-]+/g, ' ').trim();
    return words.length === 0 ? id : words.charAt(0).toUpperCase() + words.slice(1);
}
