import type { JourneyChange, JourneyDiff } from './diff-model.js';

/**
 * The diff's first line for a CX reviewer, in the map's own terms: what happened to steps, pains,
 * opportunities and the customer's emotion, e.g. `2 pains added, 1 opportunity removed, 1 step
 * moved, 3 other changes; emotion better at 1 step`. Counts and fixed words only: no user text, nothing to escape.
 * undefined when nothing changed.
 */
export function customerHeadline(diff: JourneyDiff): string | undefined {
    const counts = new Map<string, number>();
    const count = (noun: string, verb: string, n = 1) => {
        if (n > 0) counts.set(`${noun}\0${verb}`, (counts.get(`${noun}\0${verb}`) ?? 0) + n);
    };
    const emotion = { better: 0, worse: 0 };
    for (const change of diff.changes) tally(change, count, emotion);
    // The customer's news by name; the rest of the map (thoughts, actions, notes, details) as one count.
    let other = 0;
    const parts: string[] = [];
    for (const [key, n] of [...counts].sort(([a], [b]) => order(a) - order(b))) {
        const [noun, verb] = key.split('\0');
        if (NOUN_ORDER.includes(noun)) parts.push(`${n} ${n === 1 ? noun : NOUNS[noun] ?? `${noun}s`} ${verb}`);
        else other += n;
    }
    if (other > 0) parts.push(`${other} other ${other === 1 ? 'change' : 'changes'}`);
    const moods = [
        ...(emotion.better ? [`better at ${emotion.better} ${emotion.better === 1 ? 'step' : 'steps'}`] : []),
        ...(emotion.worse ? [`worse at ${emotion.worse} ${emotion.worse === 1 ? 'step' : 'steps'}`] : []),
    ];
    if (parts.length === 0 && moods.length === 0) return undefined;
    return [parts.join(', '), moods.length ? `emotion ${moods.join(', ')}` : ''].filter(Boolean).join('; ');
}

type Count = (noun: string, verb: string, n?: number) => void;

function tally(change: JourneyChange, count: Count, emotion: { better: number; worse: number }): void {
    const field = change.field ?? '';
    if (change.kind !== 'changed') {
        count(change.element, change.kind);
        return;
    }
    if (change.element === 'opportunity') {
        count('opportunity', field === 'status' ? 'with a new status' : 'changed');
        return;
    }
    if (change.member !== undefined) {
        // One attribute of one member: a fail point is news of its own.
        const noun = MEMBER[change.member] ?? change.member;
        if (field === 'fail') count('fail point', change.from === undefined ? 'added' : change.to === undefined ? 'removed' : 'changed');
        else count(noun, field === 'severity' ? 're-rated' : 'changed');
        return;
    }
    if (field === 'emotion') {
        if (change.direction) emotion[change.direction]++;
        else count('emotion', change.from === undefined ? 'added' : change.to === undefined ? 'removed' : 'changed');
        return;
    }
    if (field === 'metrics' && change.metric !== undefined) {
        count('KPI', 'changed');
        return;
    }
    const member = MEMBER[field];
    if (member !== undefined && (change.added || change.removed || change.changed)) {
        count(member, 'added', change.added?.length ?? 0);
        count(member, 'removed', change.removed?.length ?? 0);
        count(member, 'edited', change.changed?.length ?? 0);
        return;
    }
    count(`${change.element} detail`, 'changed');
}

/** A list field's member, singular. */
const MEMBER: Record<string, string> = {
    pains: 'pain', opportunities: 'opportunity', metrics: 'KPI', touchpoints: 'touchpoint', channels: 'channel',
    thinks: 'thought', feels: 'feeling', says: 'quote', onstage: 'frontstage action', offstage: 'backstage action',
    support: 'support process', evidence: 'evidence source', notes: 'note', physical: 'physical evidence item',
    links: 'link', objectives: 'objective', goals: 'goal', needs: 'need',
};

/** Plurals that are not `+s`. */
const NOUNS: Record<string, string> = {
    opportunity: 'opportunities', 'support process': 'support processes', journey: 'journeys',
};

/** Reading order: the customer's news first (pains, emotion-bearing steps), then the rest. */
const NOUN_ORDER = ['pain', 'fail point', 'opportunity', 'step', 'stage', 'journey', 'KPI', 'emotion'];
const VERB_ORDER = ['added', 'removed', 're-rated', 'with a new status', 'edited', 'changed', 'moved', 'renamed'];

function order(key: string): number {
    const [noun, verb] = key.split('\0');
    const n = NOUN_ORDER.indexOf(noun);
    const v = VERB_ORDER.indexOf(verb);
    return (n < 0 ? NOUN_ORDER.length : n) * 100 + (v < 0 ? VERB_ORDER.length : v);
}
