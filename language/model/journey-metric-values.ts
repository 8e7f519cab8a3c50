import type { MetricValue } from '../generated/ast.js';
import type { MetricValueModel } from './journey-model.js';

const DURATION_UNITS = new Set(['s', 'min', 'h', 'd']);

/** `62%` → percent, `3d` → duration, `7.5` → number, `4.2 "stars"` → custom unit "stars". */
export function metricValueOf(node: MetricValue): MetricValueModel | undefined {
    if (node.quantity) {
        const match = /^([+-]?[0-9]+(?:\.[0-9]+)?)(%|min|s|h|d)$/.exec(node.quantity);
        if (!match) return undefined;
        const unit = match[2];
        return { text: node.quantity, value: Number(match[1]), unit, kind: unit === '%' ? 'percent' : DURATION_UNITS.has(unit) ? 'duration' : 'number' };
    }
    if (node.number === undefined || Number.isNaN(node.number)) return undefined;
    const numberText = node.$cstNode?.text.match(/^[+-]?[0-9]+(?:\.[0-9]+)?/)?.[0] ?? String(node.number);
    if (node.unit !== undefined) {
        return { text: `${numberText} ${JSON.stringify(node.unit)}`, value: node.number, unit: node.unit, kind: 'custom' };
    }
    return { text: numberText, value: node.number, kind: 'number' };
}
