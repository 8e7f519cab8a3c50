/**
 * What a screen reader says for a picture: each card's accessible name ("<lane>, <step title>:
 * <text>"), each emotion point's, and the map's own title and description (journey title,
 * persona, how many stages and steps). Pure functions of the layout, worked out once per layout
 * (the preview redraws the same layout as it is panned).
 */
import { LANE_LABELS, type CardLayout, type EmotionPoint, type MapLayout } from '../layout/layout-types.js';

interface Names {
    cards: Map<string, string>;
    title: string;
    description: string;
    stepTitles: Map<string, string>;
}

const cache = new WeakMap<MapLayout, Names>();

/** A card's full text as one line: its tooltip's lines as sentences. */
export function sentence(text: string): string {
    return text.split('\n').map(s => s.trim()).filter(s => s.length > 0)
        .map((s, i, all) => i < all.length - 1 ? stop(s) : s).join(' ');
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

function namesOf(layout: MapLayout): Names {
    let names = cache.get(layout);
    if (names) return names;
    const stages = layout.cards.filter(c => c.kind === 'stage');
    const steps = layout.cards.filter(c => c.kind === 'step');
    const stepTitles = new Map(steps.map(c => [c.id ?? c.key, firstLine(c.tooltip)]));
    const stageTitles = new Map(stages.map(c => [c.id ?? c.key, firstLine(c.tooltip)]));
    const stageOfStep = new Map(layout.columns.filter(c => c.step !== undefined).map(c => [c.step!, c.stage]));
    const cards = new Map<string, string>();
    const label = (card: CardLayout) => card.lane === 'header' ? '' : LANE_LABELS[card.lane];
    for (const card of layout.cards) {
        const text = sentence(card.tooltip);
        let name: string;
        if (card.kind === 'stage') name = `Stage ${stages.indexOf(card) + 1} of ${stages.length}: ${text}`;
        else if (card.kind === 'step') {
            const stage = stageTitles.get(stageOfStep.get(card.id ?? '') ?? '');
            name = `Step ${steps.indexOf(card) + 1} of ${steps.length}${stage ? `, ${stage}` : ''}: ${text}`;
        } else if (card.step !== undefined) name = `${label(card)}, ${stepTitles.get(card.step) ?? card.step}: ${text}`;
        else if (card.stage !== undefined) name = `${label(card)}, stage ${stageTitles.get(card.stage) ?? card.stage}: ${text}`;
        else name = text;
        cards.set(card.key, name);
    }
    const title = headingText(layout, 'heading') || layout.journeyId;
    const persona = layout.cards.find(c => c.kind === 'persona');
    const personaText = persona ? `Persona: ${persona.tooltip.split('\n')[1] ?? ''}` : headingText(layout, 'persona');
    const counts = `${stages.length} stage${stages.length === 1 ? '' : 's'}, ${steps.length} step${steps.length === 1 ? '' : 's'}`;
    const description = [`Journey map: ${stop(title)}`, personaText, headingText(layout, 'scenario'), counts]
        .filter(s => s.length > 0).map(s => stop(sentence(s))).join(' ');
    names = { cards, title, description, stepTitles };
    cache.set(layout, names);
    return names;
}

export function cardName(layout: MapLayout, card: CardLayout): string {
    return namesOf(layout).cards.get(card.key) ?? sentence(card.tooltip);
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
