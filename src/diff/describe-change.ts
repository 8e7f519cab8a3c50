import type { JourneyChange, MemberAttributes } from './diff-model.js';

export interface ChangeGroup {
    file?: string;
    journey?: string;
    sections: ChangeSection[];
}

export interface ChangeSection {
    /** The stage's id, its title, and whether another stage of the journey has that title too. */
    stage?: string;
    stageTitle?: string;
    stageAmbiguous?: boolean;
    changes: JourneyChange[];
}

/** Groups changes by file and journey, then by stage in the order they come (journey order). */
export function groupChanges(changes: readonly JourneyChange[]): ChangeGroup[] {
    const groups: ChangeGroup[] = [];
    for (const change of changes) {
        let group = groups[groups.length - 1];
        if (!group || group.file !== change.file || group.journey !== change.journey) {
            group = { file: change.file, journey: change.journey, sections: [] };
            groups.push(group);
        }
        const stage = stageOf(change);
        let section = group.sections[group.sections.length - 1];
        if (!section || section.stage !== stage) {
            section = { stage, changes: [], ...stageName(change) };
            group.sections.push(section);
        }
        section.changes.push(change);
    }
    return groups;
}

function stageOf(change: JourneyChange): string | undefined {
    if (change.element === 'stage') return change.kind === 'renamed' ? String(change.to) : change.id;
    if (change.element !== 'step' && change.element !== 'opportunity') return undefined;
    return typeof change.stage === 'object' ? change.stage.to : change.stage;
}

function stageName(change: JourneyChange): { stageTitle?: string; stageAmbiguous?: boolean } {
    const title = change.element === 'stage' ? change.title : typeof change.stageTitle === 'object' ? change.stageTitle.to : change.stageTitle;
    if (title === undefined) return {};
    const ambiguous = change.ambiguous?.includes(change.element === 'stage' ? 'title' : 'stageTitle') ?? false;
    return { stageTitle: title, ...(ambiguous ? { stageAmbiguous: true } : {}) };
}

const ARROWS: Record<string, string> = { better: '↑', worse: '↓' };

/** How a format shows the emphasis of a change line: the kind strong, titles emphasized, ids as code. */
export interface Markup {
    strong(s: string): string;
    em(s: string): string;
    code(s: string): string;
    /** An id after a title another element shares, to tell them apart (already escaped). */
    aside(s: string): string;
}

export const MARKDOWN_MARKUP: Markup = { strong: s => `**${s}**`, em: s => `*${s}*`, code: s => `\`${s}\``, aside: s => ` \`${s}\`` };

/** No emphasis at all: for plain text, where stripping `*` afterwards would eat the user's own. */
export const PLAIN_MARKUP: Markup = { strong: s => s, em: s => s, code: s => s, aside: s => ` (${s})` };

/**
 * One change as one line of prose. `text` escapes user text for the target format, `id` escapes
 * an id (both identity for plain text); `markup` wraps them (markdown by default). Stages and
 * steps are named by title, with the id after it where another stage or step has that title.
 */
export function describeChange(change: JourneyChange, text: (s: string) => string, id: (s: string) => string, markup: Markup = MARKDOWN_MARKUP): string {
    const { strong, em } = markup;
    const code = (s: string) => markup.code(id(s));
    const say: Say = { text, em, code };
    const named = (title: string, key: string | undefined, field: string) =>
        `${em(text(title))}${key !== undefined && change.ambiguous?.includes(field) ? markup.aside(id(key)) : ''}`;
    const ownId = String(change.kind === 'renamed' ? change.to : change.id ?? change.to ?? '');
    let what: string;
    if (change.element === 'step' && change.title) what = `step ${named(change.title, ownId, 'title')}`;
    else if (change.element === 'stage' && change.title) what = `stage ${named(change.title, ownId, 'title')}`;
    else if (change.element === 'opportunity') {
        const at = change.step !== undefined && change.stepTitle !== undefined ? ` at step ${named(change.stepTitle, change.step, 'stepTitle')}` : '';
        what = `opportunity ${em(text(change.title ?? ''))}${at}`;
    } else what = `${change.element} ${code(ownId)}`;
    switch (change.kind) {
        case 'added': return `${strong('added')} ${what}`;
        case 'removed': return `${strong('removed')} ${what}`;
        case 'renamed':
            if (change.element === 'step' || change.element === 'stage') {
                return `${strong('renamed')} ${change.element} ${em(text(change.title ?? ''))} ${code(String(change.from))} → ${code(String(change.to))}`;
            }
            return `${strong('renamed')} ${change.element} ${code(String(change.from))} → ${code(String(change.to))}`;
        case 'moved':
            if (change.holder && change.holderTitle) {
                const place = (key: string, title: string) => (key === 'journey' ? 'the journey' : `${key.slice(0, key.indexOf(':'))} ${named(title, key.slice(key.indexOf(':') + 1), 'holderTitle')}`);
                return `${strong('moved')} opportunity ${em(text(change.title ?? ''))} from ${place(change.holder.from, change.holderTitle.from)} to ${place(change.holder.to, change.holderTitle.to)}`;
            }
            if (typeof change.stage === 'object') {
                const titles = typeof change.stageTitle === 'object' ? change.stageTitle : undefined;
                const stage = (key: string, title: string | undefined) => (title === undefined ? code(key) : named(title, key, 'stageTitle'));
                return `${strong('moved')} ${what} from stage ${stage(change.stage.from, titles?.from)} to ${stage(change.stage.to, titles?.to)}`;
            }
            return `${strong('moved')} ${what} from position ${(change.index?.from ?? 0) + 1} to ${(change.index?.to ?? 0) + 1}`;
        case 'changed': return `${what}: ${describeField(change, say)}`;
    }
}

interface Say {
    text(s: string): string;
    em(s: string): string;
    code(s: string): string;
}

function describeField(change: JourneyChange, say: Say): string {
    const { text, em } = say;
    const field = change.field ?? '';
    if (change.member !== undefined && change.item !== undefined) {
        // One attribute of one member: `offstage action “…”: fail (none) → “…”`.
        const singular = SINGULAR[change.member] ?? change.member;
        return `${singular} “${text(change.item)}”: ${describeAttribute(change, say)}`;
    }
    if (change.element === 'opportunity') return describeAttribute(change, say);
    if (field === 'emotion') {
        const from = change.from === undefined ? 'none' : signed(change.from as number);
        const to = change.to === undefined ? 'none' : signed(change.to as number);
        const direction = change.direction ? ` ${ARROWS[change.direction]} (${change.direction})` : '';
        return `emotion ${from} → ${to}${direction}`;
    }
    if (field === 'metrics' && change.metric) {
        return `metric ${em(text(change.metric))} ${metricText(change.from, text)} → ${metricText(change.to, text)}`;
    }
    if (field === 'wait') {
        const show = (v: unknown) => {
            if (v === undefined) return '(none)';
            const w = v as { value: string; why?: string };
            return w.why !== undefined ? `${text(w.value)} “${text(w.why)}”` : text(w.value);
        };
        return `wait ${show(change.from)} → ${show(change.to)}`;
    }
    if (change.added || change.removed) {
        const singular = SINGULAR[field] ?? field;
        const parts: string[] = [];
        const attributes = (list: 'added' | 'removed', i: number) => {
            const a = change.attributes?.[list]?.[i];
            return a ? attributesText(field, a, say) : '';
        };
        (change.added ?? []).forEach((item, i) => parts.push(`${singular} added: “${text(item)}”${attributes('added', i)}`));
        (change.removed ?? []).forEach((item, i) => parts.push(`${singular} removed: “${text(item)}”${attributes('removed', i)}`));
        for (const pair of change.changed ?? []) parts.push(`${singular} edited: “${text(pair.from)}” → “${text(pair.to)}”`);
        return parts.join('; ');
    }
    return `${field} ${value(field, change.from, say)} → ${value(field, change.to, say)}`;
}

/** An attribute of a member (or a field of an opportunity): `status planned → doing`, `link added: …`. */
function describeAttribute(change: JourneyChange, say: Say): string {
    const field = change.field ?? '';
    if (change.added || change.removed) {
        const singular = SINGULAR[field] ?? field;
        return [
            ...(change.added ?? []).map(item => `${singular} added: “${say.text(item)}”`),
            ...(change.removed ?? []).map(item => `${singular} removed: “${say.text(item)}”`),
        ].join('; ');
    }
    return `${field} ${value(field, change.from, say)} → ${value(field, change.to, say)}`;
}

/** Ids in code, keywords and quantities as they are, prose in quotes. */
function value(field: string, v: unknown, say: Say): string {
    if (v === undefined) return '(none)';
    const s = String(v);
    if (ID_FIELDS.has(field)) return say.code(s);
    if (WORD_FIELDS.has(field)) return say.text(s);
    return `“${say.text(s)}”`;
}

const ID_FIELDS = new Set(['id', 'owner', 'team', 'persona', 'futureOf']);
const WORD_FIELDS = new Set(['severity', 'impact', 'effort', 'status', 'duration']);

/** The attributes of an added or removed member, spelled out after it: ` (severity high)`. */
function attributesText(field: string, attributes: MemberAttributes, say: Say): string {
    if (field === 'metrics') return ` ${metricText(attributes, say.text)}`;
    const parts: string[] = [];
    for (const [name, v] of Object.entries(attributes)) {
        if (Array.isArray(v)) for (const item of v) parts.push(`${SINGULAR[name] ?? name} “${say.text(item)}”`);
        else parts.push(`${name} ${value(name, v, say)}`);
    }
    return parts.length ? ` (${parts.join(', ')})` : '';
}

/** `74% (baseline 41%, target 80%)`; a metric with only a target: `target 5%`. */
function metricText(v: unknown, text: (s: string) => string): string {
    if (v === undefined) return '(none)';
    const m = v as { value?: string; baseline?: string; target?: string };
    const extras = [
        ...(m.baseline !== undefined ? [`baseline ${text(m.baseline)}`] : []),
        ...(m.target !== undefined ? [`target ${text(m.target)}`] : []),
    ];
    if (m.value === undefined) return extras.length ? extras.join(', ') : '(none)';
    return extras.length ? `${text(m.value)} (${extras.join(', ')})` : text(m.value);
}

const SINGULAR: Record<string, string> = {
    pains: 'pain', opportunities: 'opportunity', channels: 'channel', touchpoints: 'touchpoint', notes: 'note',
    metrics: 'metric', objectives: 'objective', goals: 'goal', needs: 'need', thinks: 'thinks', feels: 'feels', says: 'says',
    onstage: 'onstage action', offstage: 'offstage action', support: 'support process', evidence: 'evidence',
    physical: 'physical evidence', links: 'link',
};

function signed(value: number): string {
    return value > 0 ? `+${value}` : String(value);
}
