import type { Level, OpportunityStatus } from '../model/journey-model.js';

/**
 * What the language's words mean, in the words of docs/language.md: one table for completion
 * (the one-line detail beside a keyword) and hover (a paragraph). Keys are `Rule.keyword` where a
 * word means different things in different rules, else the keyword alone.
 */

/** One line: shown beside the keyword in the completion list. */
export const KEYWORD_DOCS: Record<string, string> = {
    persona: 'Declare a persona', journey: 'Declare a journey map', team: 'Declare a team', for: 'The persona this journey serves',
    scenario: 'The scenario of the journey', objective: 'A business objective of the journey',
    stage: 'A stage of the journey', step: 'A step of the stage',
    description: 'Who the persona is', need: 'A need of the persona', segment: 'The customer segment', quote: 'A quote from the persona',
    touchpoint: 'The concrete touchpoint (touchpoints lane)', emotion: 'The emotion, -2 very negative … +2 very positive',
    thinks: 'What the customer thinks', feels: 'What the customer feels', says: 'What the customer says',
    onstage: 'What the customer sees the business do (frontstage)', offstage: 'What the business does out of sight (backstage)',
    support: 'Support processes and systems', pain: 'A pain point', opportunity: 'An improvement opportunity',
    metric: 'A KPI measured at this step', evidence: 'Where the insight comes from', note: 'A free note',
    'Channel.channel': 'Declare a channel', 'ChannelUse.channel': 'The channels the step happens through',
    'PersonaField.goal': 'A goal of the persona', 'StageGoal.goal': 'What the customer tries to achieve in this stage',
    'StepOwner.owner': 'The team that owns the step', 'Opportunity.owner': 'The team that owns the opportunity',
    severity: 'How bad the pain is: low, medium or high', by: 'The team that does it', target: 'The target value of the metric',
    // schema 2
    physical: 'Physical evidence the customer sees or touches (physical lane)',
    duration: 'How long the step takes: 30s, 4min, 2h, 1d',
    wait: 'A wait point: how long the customer waits in this step, and why',
    fail: 'A fail point: what goes wrong in this action',
    from: 'Who said or thought it, or which research it comes from',
    link: 'A link to research, a prototype or a ticket (http, https, mailto)',
    impact: 'How much the opportunity would help: low, medium or high',
    effort: 'How much the opportunity costs to do: low, medium or high',
    status: 'Where the opportunity stands: idea, planned, doing, done, dropped',
    baseline: 'The value before the change, shown as a trend',
    future: 'future of: this journey is the to-be version of an as-is journey',
    'Stage.pain': 'A pain point of the whole stage', 'Stage.opportunity': 'An opportunity for the whole stage',
    'Stage.metric': 'A KPI of the whole stage', 'Stage.evidence': 'Evidence about the whole stage', 'Stage.note': 'A note about the whole stage',
    'Journey.opportunity': 'An opportunity for the whole journey', 'Journey.metric': 'A KPI of the whole journey',
    'Journey.evidence': 'Evidence about the whole journey', 'Journey.note': 'A note about the whole journey',
};

/** What a pain's severity level means; also the completion's documentation. */
export const SEVERITY_MEANINGS: Record<string, string> = {
    low: 'an annoyance the customer works around.',
    medium: 'slows the customer down or costs them effort.',
    high: 'can make the customer give up.',
};

/** An opportunity's impact: how much it would help the customer and the business. */
export const IMPACT_MEANINGS: Record<Level, string> = {
    low: 'a small improvement: nice to have.',
    medium: 'a noticeable improvement for many customers or one key metric.',
    high: 'changes the experience or moves a key metric: worth prioritising.',
};

/** An opportunity's effort: how much it costs to do. */
export const EFFORT_MEANINGS: Record<Level, string> = {
    low: 'days of work, within one team: a quick win when the impact is high.',
    medium: 'weeks of work, or more than one team.',
    high: 'months of work, new systems or organisational change.',
};

/** Where an opportunity stands in the portfolio. */
export const STATUS_MEANINGS: Record<OpportunityStatus, string> = {
    idea: 'proposed, not yet decided.',
    planned: 'decided and scheduled, not started.',
    doing: 'being worked on.',
    done: 'delivered: the journey should now show its effect.',
    dropped: 'decided against; kept to record the decision.',
};

/** A paragraph for hover on a keyword: what the element is and where it shows. */
export const KEYWORD_HOVERS: Record<string, string> = {
    physical: '**Physical evidence**: what the customer sees, touches or receives at this step — props, documents, places, '
        + 'devices. The top lane of a service blueprint (Bitner, Ostrom & Morgan): `physical "Registration card"`.',
    duration: '**Duration**: how long the step takes, as a time standard (`30s`, `4min`, `2h`, `1d`). Shown on the step card; '
        + 'normalized to seconds in the model.',
    wait: '**Wait point**: the customer waits this long in this step (`wait 10min "Queue at the desk"`). Waits are where '
        + 'customers lose patience (Shostack); the reason says why.',
    fail: '**Fail point**: what can go wrong in this action (`onstage "Takes payment" fail "Terminal offline"`). A fail point '
        + 'with no opportunity on its step or stage is reported as `open-fail-point`.',
    from: '**From**: who said or thought it, or the research it comes from (`says "…" from "P4, interview"`): the attribution of a quote.',
    link: '**Link**: a link to research, a prototype or a ticket, with an optional label. Only `http:`, `https:` and `mailto:` '
        + 'links are opened; any other scheme is an `unsafe-link` error. After an `evidence` or `opportunity` it is theirs.',
    impact: '**Impact** of the opportunity: how much it would help — `low`, `medium` or `high`. With `effort` it places the '
        + 'opportunity in the portfolio (high impact, low effort first).',
    effort: '**Effort** of the opportunity: how much it costs to do — `low`, `medium` or `high`.',
    status: '**Status** of the opportunity: `idea`, `planned`, `doing`, `done` or `dropped`.',
    baseline: '**Baseline**: the value of the metric before the change (`metric "…" 71% baseline 64% target 90%`); the picture '
        + 'shows the trend from baseline to value.',
    target: '**Target**: the value the metric should reach.',
    future: '**future of** — as-is / to-be: this journey is the **to-be** version (the journey as it should become) of the '
        + '**as-is** journey named after `of` (the journey as it is today). The preview draws the as-is emotion curve beside the to-be one.',
};

/** The hover or completion documentation of a value word, given the keyword before it. */
export function valueMeaning(keyword: string, word: string): string | undefined {
    switch (keyword) {
        case 'severity': return SEVERITY_MEANINGS[word] && `**Severity ${word}**: ${SEVERITY_MEANINGS[word]}`;
        case 'impact': return IMPACT_MEANINGS[word as Level] && `**Impact ${word}**: ${IMPACT_MEANINGS[word as Level]}`;
        case 'effort': return EFFORT_MEANINGS[word as Level] && `**Effort ${word}**: ${EFFORT_MEANINGS[word as Level]}`;
        case 'status': return STATUS_MEANINGS[word as OpportunityStatus] && `**Status ${word}**: ${STATUS_MEANINGS[word as OpportunityStatus]}`;
        default: return undefined;
    }
}
