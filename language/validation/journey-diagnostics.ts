/** Diagnostic codes of the language (docs/language.md, "Diagnostics"). One place, so tests, quick fixes and the CLI agree. */
export const DiagnosticCode = {
    SyntaxError: 'syntax-error',
    UnresolvedReference: 'unresolved-reference',
    DuplicateId: 'duplicate-id',
    EmotionOutOfRange: 'emotion-out-of-range',
    MetricUnitMismatch: 'metric-unit-mismatch',
    EmptyJourney: 'empty-journey',
    EmptyStage: 'empty-stage',
    NoPersona: 'no-persona',
    MultiplePersonas: 'multiple-personas',
    MomentWithoutEmotion: 'moment-without-emotion',
    PainWithoutOpportunity: 'pain-without-opportunity',
    MissingEmotion: 'missing-emotion',
    UnusedDeclaration: 'unused-declaration',
    // Schema 2
    UnsafeLink: 'unsafe-link',
    EmptyMetric: 'empty-metric',
    FutureCycle: 'future-cycle',
    FuturePersonaMismatch: 'future-persona-mismatch',
    OpenFailPoint: 'open-fail-point',
} as const;

export type DiagnosticCode = typeof DiagnosticCode[keyof typeof DiagnosticCode];

/** The kind of declaration a reference names, for messages and the "declare it" quick fix. */
export type DeclarationKeyword = 'persona' | 'channel' | 'team';

/** `data` of an `unresolved-reference` diagnostic; `journey` for a `future of` (nothing to declare there). */
export interface UnresolvedReferenceData {
    code: typeof DiagnosticCode.UnresolvedReference;
    keyword: DeclarationKeyword | 'journey';
    refText: string;
}

/** `data` of a `duplicate-id` diagnostic. */
export interface DuplicateIdData {
    code: typeof DiagnosticCode.DuplicateId;
    id: string;
}

/** `data` of an `unsafe-link` diagnostic: the URL with https:// for a scheme-less one (the quick fix). */
export interface UnsafeLinkData {
    code: typeof DiagnosticCode.UnsafeLink;
    fixed?: string;
}
