/**
 * How alike two texts are, 0..1: Dice coefficient over character bigrams of the lower-cased,
 * whitespace-collapsed texts. Cheap (linear), symmetric, and forgiving of a reworded word or a
 * typo, which is what "edited slightly" means for a pain or a note.
 */
export function similarity(a: string, b: string): number {
    const x = normalize(a);
    const y = normalize(b);
    if (x === y) return 1;
    if (x.length < 2 || y.length < 2) return 0;
    const counts = new Map<string, number>();
    for (let i = 0; i < x.length - 1; i++) {
        const gram = x.slice(i, i + 2);
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    let shared = 0;
    for (let i = 0; i < y.length - 1; i++) {
        const gram = y.slice(i, i + 2);
        const count = counts.get(gram) ?? 0;
        if (count > 0) {
            shared++;
            counts.set(gram, count - 1);
        }
    }
    return (2 * shared) / (x.length - 1 + y.length - 1);
}

/** Two list items at least this alike are one item `changed`, not one removed and one added. */
export const NEAR_EDIT = 0.6;

function normalize(text: string): string {
    return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
