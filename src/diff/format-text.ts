import type { JourneyDiff } from './diff-model.js';
import { displayPath, terminalText } from '../text/terminal-text.js';
import { describeChange, groupChanges, PLAIN_MARKUP } from './describe-change.js';

const COLOURS = { added: '\x1b[32m', removed: '\x1b[31m', changed: '\x1b[33m', moved: '\x1b[36m', renamed: '\x1b[35m' } as const;
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';

/** A readable summary for a terminal; ANSI colours when `colour` (stdout is a TTY). */
export function formatText(diff: JourneyDiff, colour: boolean): string {
    const paint = (c: string, s: string) => (colour ? `${c}${s}${RESET}` : s);
    const s = diff.summary;
    const out: string[] = [`${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.moved} moved, ${s.renamed} renamed; emotion ${s.emotion.better} better, ${s.emotion.worse} worse`];
    for (const error of diff.errors ?? []) {
        out.push(paint(COLOURS.removed, `${displayPath(error.file)} (${error.side}): does not parse, not compared`));
        for (const e of error.errors) out.push(`  ${displayPath(error.file)}:${e.line}:${e.column} ${terminalText(e.message)}`);
    }
    // User text is shown as written, except what could repaint the terminal or start a new line.
    for (const group of groupChanges(diff.changes)) {
        out.push('', paint(BOLD, `${group.file ? `${displayPath(group.file)}: ` : ''}${group.journey ? `journey ${group.journey}` : 'shared declarations'}`));
        for (const section of group.sections) {
            if (section.stage) {
                const title = section.stageTitle === undefined ? section.stage : `${terminalText(section.stageTitle)}${section.stageAmbiguous ? ` (${section.stage})` : ''}`;
                out.push(`  stage ${title}`);
            }
            for (const change of section.changes) {
                const line = describeChange(change, terminalText, terminalText, PLAIN_MARKUP);
                out.push(`    ${paint(COLOURS[change.kind], line)}`);
            }
        }
    }
    return out.join('\n') + '\n';
}
