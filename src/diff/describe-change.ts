import type { JourneyChange } from './diff-model.js';

export interface ChangeGroup {
    file?: string;
    journey?: string;
    sections: { stage?: string; changes: JourneyChange[] }[];
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
            section = { stage, changes: [] };
            group.sections.push(section);
        }
        section.changes.push(change);
    }
    return groups;
}

function stageOf(change: JourneyChange): string | undefined {
    if (change.element === 'stage') return change.kind === 'renamed' ? String(change.to) : change.id;
    if (change.element !== 'step') return undefined;
    return typeof change.stage === 'object' ? change.stage.to : change.stage;
}

const ARROWS: Record<string, string> = { better: '↑', worse: '↓' };

/** How a format shows the emphasis of a change line: the kind strong, titles emphasized, ids as code. */
export interface Markup {
    strong(s: string): string;
    em(s: string): string;
    code(s: string): string;
}

export const MARKDOWN_MARKUP: Markup = { strong: s => `**${s}**`, em: s => `*${s}*`, code: s => `\`${s}\`` };

/** No emphasis at all: for plain text, where stripping `*` afterwards would eat the user's own. */
export const PLAIN_MARKUP: Markup = { strong: s => s, em: s => s, code: s => s };

/**
 * One change as one line of prose. `text` escapes user text for the target format, `id` escapes
 * an id (both identity for plain text); `markup` wraps them (markdown by default).
 */
export function describeChange(change: JourneyChange, text: (s: string) => string, id: (s: string) => string, markup: Markup = MARKDOWN_MARKUP): string {
    const { strong, em } = markup;
    const code = (s: string) => markup.code(id(s));
    const what = change.element === 'step' && change.title ? `step ${em(text(change.title))}` : `${change.element} ${code(String(change.id ?? change.to ?? ''))}`;
    switch (change.kind) {
        case 'added': return `${strong('added')} ${what}`;
        case 'removed': return `${strong('removed')} ${what}`;
        case 'renamed': return `${strong('renamed')} ${change.element} ${code(String(change.from))} → ${code(String(change.to))}`;
        case 'moved':
            if (typeof change.stage === 'object') return `${strong('moved')} ${what} from stage ${code(change.stage.from)} to ${code(change.stage.to)}`;
            return `${strong('moved')} ${what} from position ${(change.index?.from ?? 0) + 1} to ${(change.index?.to ?? 0) + 1}`;
        case 'changed': return `${what}: ${describeField(change, text, em)}`;
    }
}

function describeField(change: JourneyChange, text: (s: string) => string, em: (s: string) => string): string {
    const field = change.field ?? '';
    if (field === 'emotion') {
        const from = change.from === undefined ? 'none' : signed(change.from as number);
        const to = change.to === undefined ? 'none' : signed(change.to as number);
        const direction = change.direction ? ` ${ARROWS[change.direction]} (${change.direction})` : '';
        return `emotion ${from} → ${to}${direction}`;
    }
    if (field === 'metrics' && change.metric) {
        const show = (m: unknown) => {
            const v = m as { value: string; target?: string };
            return v.target ? `${text(v.value)} (target ${text(v.target)})` : text(v.value);
        };
        return `metric ${em(text(change.metric))} ${show(change.from)} → ${show(change.to)}`;
    }
    if (change.added || change.removed) {
        const singular = SINGULAR[field] ?? field;
        const parts: string[] = [];
        for (const item of change.added ?? []) parts.push(`${singular} added: “${text(item)}”`);
        for (const item of change.removed ?? []) parts.push(`${singular} removed: “${text(item)}”`);
        for (const pair of change.changed ?? []) parts.push(`${singular} edited: “${text(pair.from)}” → “${text(pair.to)}”`);
        return parts.join('; ');
    }
    const show = (v: unknown) => (v === undefined ? '(none)' : `“${text(String(v))}”`);
    return `${field} ${show(change.from)} → ${show(change.to)}`;
}

const SINGULAR: Record<string, string> = {
    pains: 'pain', opportunities: 'opportunity', channels: 'channel', touchpoints: 'touchpoint', notes: 'note',
    metrics: 'metric', objectives: 'objective', goals: 'goal', needs: 'need', thinks: 'thinks', feels: 'feels', says: 'says',
    onstage: 'onstage action', offstage: 'offstage action', support: 'support process', evidence: 'evidence',
};

function signed(value: number): string {
    return value > 0 ? `+${value}` : String(value);
}
