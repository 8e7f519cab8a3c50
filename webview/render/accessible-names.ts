/**
 * What a screen reader says for a picture: each card's accessible name ("<lane>, <step title>:
 * <text>"), each emotion point's, and the map's own title and description (journey title,
 * persona, how many stages and steps). Pure functions of the layout, worked out once per layout
 * and card (the preview redraws the same layout as it is panned, and names only what it draws).
 */
import { LANE_LABELS, type CardLayout, type EmotionPoint, type MapLayout } from '../layout/layout-types.js';

interface Names {
    /** Names worked out so far: only for cards drawn (the preview draws the columns in view). */
    cards: Map<string, string>;
    title: string;
    description: string;
    stepTitles: Map<string, string>;
    stageTitles: Map<string, string>;
    stageOfStep: Map<string, string>;
    /** "Step 3 of 12" and "Stage 1 of 4": 1-based positions by key, and the counts. */
    position: Map<string, number>;
    stages: number;
    steps: number;
}

const cache = new WeakMap<MapLayout, Names>();

/** A card's full text as one line: its tooltip's lines as sentences. */
export function sentence(text: string): string {
    if (text.indexOf('\n') < 0) return spoken(text.trim());
    return text.split('\n').map(s => spoken(s.trim())).filter(s => s.length > 0)
        .map((s, i, all) => i < all.length - 1 ? stop(s) : s).join(' ');
}

/**
 * A severity line as words: the card shows `▲ High` (shape and word, so it reads without colour),
 * which a screen reader would announce as "black up-pointing triangle High".
 */
function spoken(line: string): string {
    const severity = /^[▲●▽] (High|Medium|Low)\b(.*)$/.exec(line);
    return severity ? `Severity: ${severity[1].toLowerCase()}${severity[2]}` : line;
}

/** `s` ending a sentence: a full stop unless it has its own. */
function stop(s: string): string {
    return /[.!?:;…]$/.test(s) ? s : `${s}.`;
}

/** The first line of a card's tooltip: a stage's or step's title. */
export function firstLine(text: string): string {
    const end = text.indexOf('\n');
    return end < 0 ? text : text.slice(0, end);
}

/** The text of the heading's lines of one role (the journey title: `heading`), unwrapped. */
export function headingText(layout: MapLayout, role: string): string {
    return layout.heading.filter(l => l.role === role).map(l => l.text).join(' ');
}

/** What names are made of, once per layout: titles and positions of stages and steps. */
function namesOf(layout: MapLayout): Names {
    let names = cache.get(layout);
    if (names) return names;
    const stepTitles = new Map<string, string>();
    const stageTitles = new Map<string, string>();
    const position = new Map<string, number>();
    let stages = 0;
    let steps = 0;
    let persona: CardLayout | undefined;
    let scenario: CardLayout | undefined;
    for (const card of layout.cards) {
        if (card.kind === 'stage') {
            stageTitles.set(card.id ?? card.key, firstLine(card.tooltip));
            position.set(card.key, ++stages);
        } else if (card.kind === 'step') {
            stepTitles.set(card.id ?? card.key, firstLine(card.tooltip));
            position.set(card.key, ++steps);
        } else if (card.kind === 'persona') persona ??= card;
        else if (card.kind === 'scenario') scenario ??= card;
    }
    const stageOfStep = new Map<string, string>();
    for (const column of layout.columns) if (column.step !== undefined) stageOfStep.set(column.step, column.stage);
    const title = headingText(layout, 'heading') || layout.journeyId;
    const personaText = persona ? `Persona: ${persona.tooltip.split('\n')[1] ?? ''}` : headingText(layout, 'persona');
    const counts = `${stages} stage${stages === 1 ? '' : 's'}, ${steps} step${steps === 1 ? '' : 's'}`;
    // The scenario card's text starts with its kicker ("Scenario"), then the scenario itself.
    const scenarioLines = scenario?.tooltip.split('\n') ?? [];
    const scenarioText = scenarioLines[0] === 'Scenario' && scenarioLines[1] ? `Scenario: ${scenarioLines[1]}` : headingText(layout, 'scenario');
    const description = [`Journey map: ${stop(title)}`, personaText, scenarioText, counts]
        .filter(s => s.length > 0).map(s => stop(sentence(s))).join(' ');
    names = { cards: new Map(), title, description, stepTitles, stageTitles, stageOfStep, position, stages, steps };
    cache.set(layout, names);
    return names;
}

export function cardName(layout: MapLayout, card: CardLayout): string {
    const names = namesOf(layout);
    let name = names.cards.get(card.key);
    if (name !== undefined) return name;
    const text = sentence(card.tooltip);
    const lane = card.lane === 'header' ? '' : LANE_LABELS[card.lane];
    if (card.kind === 'stage') name = `Stage ${names.position.get(card.key)} of ${names.stages}: ${text}`;
    else if (card.kind === 'step') {
        const stage = names.stageTitles.get(names.stageOfStep.get(card.id ?? '') ?? '');
        name = `Step ${names.position.get(card.key)} of ${names.steps}${stage ? `, ${stage}` : ''}: ${text}`;
    } else if (card.step !== undefined) name = `${lane}, ${names.stepTitles.get(card.step) ?? card.step}: ${text}`;
    else if (card.stage !== undefined) name = `${lane}, stage ${names.stageTitles.get(card.stage) ?? card.stage}: ${text}`;
    else name = text;
    names.cards.set(card.key, name);
    return name;
}

export function emotionName(layout: MapLayout, point: EmotionPoint): string {
    const step = namesOf(layout).stepTitles.get(point.step) ?? point.step;
    return `Emotion, ${step}: ${point.value === undefined ? 'none recorded' : point.value > 0 ? `+${point.value}` : String(point.value)}`;
}

/** The picture's title: the journey's. */
export function mapTitle(layout: MapLayout): string {
    return namesOf(layout).title;
}

/** The picture's description: title, persona, scenario, how many stages and steps. */
export function mapDescription(layout: MapLayout): string {
    return namesOf(layout).description;
}
