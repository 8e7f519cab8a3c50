/**
 * Delta debugging for a failing fuzz input: remove chunks of lines, then of characters, halving
 * the chunk size, keeping each removal after which the input still fails the same way. The
 * marks (cursor offsets) move with the text, so a completion failure keeps its cursor.
 */
import type { FuzzCase } from './fuzz-harness.js';

export type StillFails = (candidate: FuzzCase) => Promise<boolean>;

/** `input` without the text from `a` to `b`; a mark inside the cut lands at `a`. */
export function removeRange(input: FuzzCase, a: number, b: number): FuzzCase {
    return {
        ...input,
        text: input.text.slice(0, a) + input.text.slice(b),
        marks: input.marks.map(m => (m >= b ? m - (b - a) : m > a ? a : m)),
    };
}

/** Offsets where the lines start (after \n, \r\n or \r), and the end. */
export function lineBoundaries(text: string): number[] {
    const starts = [0];
    for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
    if (starts[starts.length - 1] !== text.length) starts.push(text.length);
    return starts;
}

export function charBoundaries(text: string): number[] {
    return Array.from({ length: text.length + 1 }, (_, i) => i);
}

/** The smallest input found before `deadline` (ms since the epoch) that still fails. */
export async function minimise(input: FuzzCase, stillFails: StillFails, deadline = Infinity): Promise<FuzzCase> {
    let current = input;
    for (const boundaries of [lineBoundaries, charBoundaries]) {
        current = await shrink(current, boundaries, stillFails, deadline);
    }
    return current;
}

async function shrink(input: FuzzCase, boundaries: (text: string) => number[], stillFails: StillFails, deadline: number): Promise<FuzzCase> {
    let current = input;
    let size = Math.max(1, Math.ceil((boundaries(current.text).length - 1) / 2));
    for (;;) {
        let removed = false;
        for (let i = 0; ; ) {
            if (Date.now() >= deadline) return current;
            const bounds = boundaries(current.text);
            const units = bounds.length - 1;
            if (i >= units) break;
            const candidate = removeRange(current, bounds[i], bounds[Math.min(i + size, units)]);
            if (await stillFails(candidate)) {
                current = candidate;
                removed = true;
            } else {
                i += size;
            }
        }
        if (size === 1 && !removed) return current;
        size = Math.max(1, Math.floor(size / 2));
    }
}
