// Small helpers shared by the bench files: timing samples, their median/min/max, and logging to
// stderr (stdout is the markdown section that bench/run.mjs collects).

/** Milliseconds with precision that suits their size: 0.042, 3.17, 48.2, 1234. */
export function formatMs(ms: number): string {
    const abs = Math.abs(ms);
    if (abs >= 100) return ms.toFixed(0);
    if (abs >= 10) return ms.toFixed(1);
    if (abs >= 0.1) return ms.toFixed(2);
    return ms.toFixed(3);
}

export function median(values: readonly number[]): number {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The nearest-rank percentile `p` (0–100) of `values`: a value that was really measured. With
 * fewer than 20 values the 95th is the largest.
 */
export function percentile(values: readonly number[], p: number): number {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

/** Timings of repeated runs, in milliseconds, in run order. */
export class Samples {
    readonly values: number[] = [];

    add(ms: number): void {
        this.values.push(ms);
    }

    median(): number {
        return median(this.values);
    }

    p95(): number {
        return percentile(this.values, 95);
    }

    min(): number {
        return Math.min(...this.values);
    }

    max(): number {
        return Math.max(...this.values);
    }

    /** `median (min–max)`, for a markdown table cell. */
    format(): string {
        if (this.values.length === 1) return formatMs(this.values[0]);
        return `${formatMs(this.median())} (${formatMs(this.min())}–${formatMs(this.max())})`;
    }

    /** `median · p95 X (min–max)`, for a markdown table cell. */
    formatWithP95(): string {
        if (this.values.length === 1) return formatMs(this.values[0]);
        return `${formatMs(this.median())} · p95 ${formatMs(this.p95())} (${formatMs(this.min())}–${formatMs(this.max())})`;
    }

    formatMedian(): string {
        return formatMs(this.median());
    }

    /** Run-by-run quotients `numerator / denominator` of samples taken in the same runs. */
    static ratio(numerator: Samples, denominator: Samples): Samples {
        const ratios = new Samples();
        const runs = Math.min(numerator.values.length, denominator.values.length);
        for (let run = 0; run < runs; run++) ratios.add(numerator.values[run] / denominator.values[run]);
        return ratios;
    }

    /** Run-by-run sums of samples taken in the same runs (so the median of the sum is a real run's). */
    static sum(...parts: Samples[]): Samples {
        const total = new Samples();
        const runs = Math.min(...parts.map(part => part.values.length));
        for (let run = 0; run < runs; run++) total.add(parts.reduce((sum, part) => sum + part.values[run], 0));
        return total;
    }
}

/** Progress and notes: stderr, so they never end up in docs/benchmarks.md. */
export function log(message: string): void {
    process.stderr.write(`${message}\n`);
}
