/**
 * Ids for imported titles: readable, valid in the journey grammar (`[_a-zA-Z][\w-]*`, ASCII) and
 * unique within one `IdSet`. "Make tea" → `make_tea`, "Café au lait" → `cafe_au_lait`,
 * "3 D print" → `step_3_d_print`, a second "Make tea" → `make_tea_2`.
 */
export class IdSet {
    private readonly taken = new Set<string>();
    /** The next suffix to try for a base: a map of 8,000 steps repeats titles, and counting from 2 each time was quadratic. */
    private readonly nextSuffix = new Map<string, number>();

    /** A new id for `title`; `fallback` (an id itself) when the title has no ASCII letter or digit. */
    idFor(title: string, fallback: string): string {
        let base = slug(title) || fallback;
        if (!/^[_a-zA-Z]/.test(base)) base = `${fallback}_${base}`;
        let id = base;
        if (this.taken.has(id)) {
            let n = this.nextSuffix.get(base) ?? 2;
            while (this.taken.has(`${base}_${n}`)) n++;
            id = `${base}_${n}`;
            this.nextSuffix.set(base, n + 1);
        }
        this.taken.add(id);
        return id;
    }
}

/** At most this many characters, cut at a word: an id names, the title says. */
const MAX_LENGTH = 32;

function slug(title: string): string {
    const words = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(w => w.length > 0);
    let id = '';
    for (const word of words) {
        const next = id ? `${id}_${word}` : word;
        if (next.length > MAX_LENGTH) return id || word.slice(0, MAX_LENGTH);
        id = next;
    }
    return id;
}
