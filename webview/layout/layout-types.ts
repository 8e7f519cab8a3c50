import type { Range } from '../../language/model/journey-model.js';

/** Lane ids in the order PREVIEW.md lists them; the three lines sit between lanes. */
export const ROW_ORDER = [
    'stages', 'physical', 'actions', 'touchpoints', 'mindset', 'emotion', 'interaction', 'onstage', 'visibility',
    'offstage', 'internal', 'support', 'pains', 'opportunities', 'metrics',
] as const;

export type RowId = typeof ROW_ORDER[number];
export type LineId = 'interaction' | 'visibility' | 'internal';
export type LaneId = Exclude<RowId, LineId>;

export const LINE_IDS: readonly LineId[] = ['interaction', 'visibility', 'internal'];

export const LANE_LABELS: Readonly<Record<LaneId, string>> = {
    stages: 'Stages',
    physical: 'Physical evidence',
    actions: 'Customer actions',
    touchpoints: 'Touchpoints',
    mindset: 'Thoughts & feelings',
    emotion: 'Emotion',
    onstage: 'On-stage',
    offstage: 'Off-stage',
    support: 'Support processes',
    pains: 'Pain points',
    opportunities: 'Opportunities',
    metrics: 'Metrics',
};

export const LINE_LABELS: Readonly<Record<LineId, string>> = {
    interaction: 'Line of interaction',
    visibility: 'Line of visibility',
    internal: 'Line of internal interaction',
};

/** What a card stands for; becomes its `data-kind`. */
export type CardKind =
    | 'stage' | 'step' | 'channel' | 'touchpoint' | 'thinks' | 'feels' | 'says'
    | 'onstage' | 'offstage' | 'support' | 'pain' | 'opportunity' | 'metric'
    // Schema 2:
    | 'physical' | 'wait' | 'evidence' | 'note' | 'persona'
    // The header's scenario and objectives.
    | 'scenario';

/** Where a card sits: a lane, or the header (the persona and the journey-level items). */
export type CardPlace = LaneId | 'header';

/**
 * A box drawn inside a card, in the card's coordinates: a fail point on its action card
 * (`data-kind="fail"`), or a chip (`data-kind="chip" data-chip="status|impact|effort"`).
 */
export interface CardPart {
    kind: 'fail' | 'chip';
    /** The chip's name (`status`, `impact`, `effort`). */
    name?: string;
    x: number;
    y: number;
    width: number;
    height: number;
    /** Relative to the part's top-left corner. */
    lines: TextLine[];
}

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/**
 * One laid-out line of text: its baseline start — relative to its card's top-left corner for a
 * card's lines, to the map's origin for the heading and the row labels. For right-to-left text
 * `x` is where the line ends on the right.
 */
export interface TextLine {
    text: string;
    x: number;
    y: number;
    bold: boolean;
    size: number;
    direction: 'ltr' | 'rtl';
    /** A style hook for the renderer (`title`, `meta`, `badge`, `moment`, …). */
    role: string;
    /** An http:, https: or mailto: URL this line links to (never any other scheme). */
    href?: string;
}

export interface CardLayout {
    /**
     * Stable key of the element, unique in the map: `stage:<id>`, `step:<id>`,
     * `<kind>:<step id>:<n>` for the n-th member of that kind in a step. The renderer keys DOM patches on it
     * and a diff marks changes by it. A repeated id (a `duplicate-id` error) gets `~2`, `~3`….
     */
    key: string;
    kind: CardKind;
    lane: CardPlace;
    /** The element id for stages and steps (`data-id`). */
    id?: string;
    /** The step a member card belongs to (`data-step`). */
    step?: string;
    /** The stage a stage-level card belongs to (`data-stage`); it spans the stage's columns. */
    stage?: string;
    /** More `data-*` attributes (name without `data-`): an opportunity's status, a metric's trend. */
    data?: Readonly<Record<string, string>>;
    /** Fail points and chips drawn inside the card. */
    parts?: CardPart[];
    x: number;
    y: number;
    width: number;
    height: number;
    /** Relative to the card's top-left corner. */
    lines: TextLine[];
    /** Full text for the tooltip. */
    tooltip: string;
    /** The element's source, for "click a card → select its source". */
    range: Range;
    /** The file `range` is in, where it is not the drawn file (a persona declared elsewhere). */
    uri?: string;
    /** A style hook: severity of a pain, `moment` for a moment-of-truth step. */
    variant?: string;
    /**
     * The colour of its stage, 0 to STAGE_TONES - 1, cycling stage by stage: a stage header's band
     * and its step cards' accent.
     */
    tone?: number;
}

/** How many stage colours the palette has; stage n gets colour n mod STAGE_TONES. */
export const STAGE_TONES = 6;

export interface LaneLayout {
    id: LaneId;
    label: string;
    /** The label wrapped into the label column. */
    labelLines: TextLine[];
    y: number;
    height: number;
    /** A muted note in a lane drawn empty (on-stage and off-stage always show): "No on-stage actions mapped". */
    hint?: TextLine;
}

export interface LineLayout {
    id: LineId;
    label: string;
    /** The label, then a muted line saying what lies on either side of the line. */
    labelLines: TextLine[];
    y: number;
    /** Where the label's first part (the line's name) ends: its tag is drawn behind it. */
    labelEnd: number;
    /** Where the drawn line starts: after its label. */
    x1: number;
}

export interface ColumnLayout {
    /** The step id, or `stage:<id>` for the placeholder column of a stage without steps. */
    key: string;
    step?: string;
    stage: string;
    x: number;
    width: number;
}

export interface EmotionPoint {
    key: string;
    step: string;
    x: number;
    /** Absent where the step has no emotion: a gap in the curve. */
    value?: number;
    y?: number;
    range: Range;
    /** The step is a moment of truth: marked on the curve. */
    moment?: boolean;
    /** The first point at the journey's lowest emotion (when not every point is equal): labelled "lowest". */
    lowest?: boolean;
}

export interface EmotionLayout {
    /** y of each level from +2 (top) to -2 (bottom). */
    levels: Array<{ value: number; y: number }>;
    zeroY: number;
    /** The tinted zones: positive from `top` to the zero line, negative from it to `bottom`. */
    top: number;
    bottom: number;
    points: EmotionPoint[];
    /**
     * A `future of` journey: the as-is journey's emotions at the columns of the steps with the
     * same id (a gap where there is none), drawn dashed beside the to-be curve.
     */
    asIs?: Array<{ step: string; x: number; value?: number; y?: number }>;
    /** The legend's words for the dashed curve and the solid one (default `as-is`, `to-be`). */
    asIsLabels?: { before: string; after: string };
}

export interface MapLayout {
    journeyId: string;
    width: number;
    height: number;
    /** Title, persona and scenario lines above the lanes. */
    heading: TextLine[];
    /** x where the lane contents start (after the lane labels). */
    contentX: number;
    lanes: LaneLayout[];
    lines: LineLayout[];
    columns: ColumnLayout[];
    cards: CardLayout[];
    emotion?: EmotionLayout;
    /** Shown instead of lanes when the journey has no stage. */
    emptyMessage?: TextLine;
}
