/** The stages of a fuzz input, in the order the harness runs them; the watchdog names a hang by its index. */
export const STAGES = ['parse', 'completion', 'hover', 'symbols', 'model', 'layout', 'render', 'diff', 'format', 'format-range'] as const;
export type Stage = typeof STAGES[number];
