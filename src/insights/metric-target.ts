import { durationSeconds, type MetricModel, type MetricValueModel } from '../../language/model/journey-model.js';

/**
 * Whether a metric has reached its target. The baseline says which way is better: a target above
 * the baseline is reached from below (`value >= target`), one below it from above. Without a
 * baseline (or one equal to the target), durations are better shorter and everything else better
 * higher. null when there is no value, or when value and target cannot be compared (different
 * kinds, or custom units that differ): the map does not say, so the report does not guess.
 */
export function metricOnTarget(metric: MetricModel): boolean | null {
    const { value, target, baseline } = metric;
    if (!value || !target) return null;
    const v = magnitude(value, target);
    const t = magnitude(target, target);
    if (v === undefined || t === undefined) return null;
    const b = baseline ? magnitude(baseline, target) : undefined;
    if (b !== undefined && b !== t) return t > b ? v >= t : v <= t;
    return target.kind === 'duration' ? v <= t : v >= t;
}

/** The number to compare, on the target's scale (durations in seconds), or undefined if not comparable. */
function magnitude(value: MetricValueModel, target: MetricValueModel): number | undefined {
    if (value.kind !== target.kind) return undefined;
    if (value.kind === 'duration') return durationSeconds(value.text);
    if (value.kind === 'custom' && value.unit !== target.unit) return undefined;
    return value.value;
}
