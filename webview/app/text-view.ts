/**
 * The text view of a map: the same content as an outline a screen reader (or a reader who does
 * not want a picture) can go through in order — the journey's heading, then a heading per stage
 * and per step, and under each step a list of "lane: text". Built from the layout, so it shows
 * what the picture shows (hidden lanes stay hidden); user text only ever as text nodes.
 */
import { LANE_LABELS, ROW_ORDER, type CardLayout, type MapLayout } from '../layout/layout-types.js';
import { firstLine, headingText, sentence } from '../render/accessible-names.js';

function node(doc: Document, tag: string, text?: string, attrs: Record<string, string> = {}): HTMLElement {
    const element = doc.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
}

/** A card's text without its first line (a stage's or step's title, already the heading). */
function rest(card: CardLayout): string {
    return sentence(card.tooltip.split('\n').slice(1).join('\n'));
}

const laneRank = new Map<string, number>(ROW_ORDER.map((id, i) => [id, i]));
const byLane = (a: CardLayout, b: CardLayout) => (laneRank.get(a.lane) ?? -1) - (laneRank.get(b.lane) ?? -1) || a.y - b.y;

function item(doc: Document, label: string, text: string, card?: CardLayout): HTMLElement {
    const li = node(doc, 'li', undefined, card ? { 'data-key': card.key } : {});
    li.append(node(doc, 'span', `${label}: `, { class: 'jm-text-lane' }), doc.createTextNode(text));
    return li;
}

/** The outline's elements, to go into the text view's container. */
export function textViewContent(doc: Document, layout: MapLayout): HTMLElement[] {
    const out: HTMLElement[] = [node(doc, 'h1', headingText(layout, 'heading') || layout.journeyId)];
    for (const role of ['persona', 'scenario', 'objective']) {
        const text = headingText(layout, role);
        if (text) out.push(node(doc, 'p', text));
    }
    const header = layout.cards.filter(c => c.lane === 'header');
    if (header.length > 0) {
        const list = node(doc, 'ul');
        for (const card of header) list.append(node(doc, 'li', sentence(card.tooltip), { 'data-key': card.key }));
        out.push(list);
    }
    const ofStep = new Map<string, CardLayout[]>();
    const ofStage = new Map<string, CardLayout[]>();
    for (const card of layout.cards) {
        if (card.kind === 'stage' || card.kind === 'step' || card.lane === 'header') continue;
        const [map, id] = card.step !== undefined ? [ofStep, card.step] : [ofStage, card.stage];
        if (id === undefined) continue;
        let list = map.get(id);
        if (!list) map.set(id, list = []);
        list.push(card);
    }
    const steps = new Map(layout.cards.filter(c => c.kind === 'step').map(c => [c.id ?? c.key, c]));
    const emotions = new Map((layout.emotion?.points ?? []).map(p => [p.step, p.value]));
    for (const stage of layout.cards.filter(c => c.kind === 'stage')) {
        const section = node(doc, 'section', undefined, { 'data-stage': stage.id ?? '' });
        section.append(node(doc, 'h2', firstLine(stage.tooltip)));
        if (rest(stage)) section.append(node(doc, 'p', rest(stage)));
        const stageItems = (ofStage.get(stage.id ?? '') ?? []).sort(byLane);
        if (stageItems.length > 0) {
            const list = node(doc, 'ul', undefined, { 'aria-label': 'Whole stage' });
            for (const card of stageItems) list.append(item(doc, LANE_LABELS[card.lane as keyof typeof LANE_LABELS] ?? card.lane, sentence(card.tooltip), card));
            section.append(list);
        }
        for (const column of layout.columns.filter(c => c.stage === stage.id && c.step !== undefined)) {
            const step = steps.get(column.step!);
            if (!step) continue;
            section.append(node(doc, 'h3', firstLine(step.tooltip), { 'data-step': column.step! }));
            const list = node(doc, 'ul');
            if (rest(step)) list.append(item(doc, LANE_LABELS.actions, rest(step), step));
            for (const card of (ofStep.get(column.step!) ?? []).sort(byLane)) {
                list.append(item(doc, LANE_LABELS[card.lane as keyof typeof LANE_LABELS] ?? card.lane, sentence(card.tooltip), card));
            }
            const emotion = emotions.get(column.step!);
            if (emotion !== undefined) list.append(item(doc, LANE_LABELS.emotion, emotion > 0 ? `+${emotion}` : String(emotion)));
            if (list.childElementCount > 0) section.append(list);
        }
        out.push(section);
    }
    if (layout.emptyMessage) out.push(node(doc, 'p', layout.emptyMessage.text));
    return out;
}
