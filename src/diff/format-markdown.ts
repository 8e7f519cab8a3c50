import type { JourneyDocumentModel } from '../../language/model/journey-model.js';
import { AFTER_COLOUR, BEFORE_COLOUR, emotionXyChart } from '../mermaid/emotion-xychart.js';
import type { JourneyChange, JourneyDiff } from './diff-model.js';
import { emotionChart } from './emotion-chart.js';
import { markdownText } from '../text/markdown-text.js';
import { lineUrl } from '../text/url-path.js';
import { customerHeadline } from './customer-headline.js';
import { describeChange, groupChanges, type ChangeSection } from './describe-change.js';

export interface MarkdownOptions {
    /** Base URL of the new files (e.g. `https://github.com/o/r/blob/<sha>`): lines become links. */
    linkBase?: string;
    /** Same for the old files. */
    oldLinkBase?: string;
    /** The line on how the change moves opportunities and pains (portfolio-change.ts), if it does. */
    portfolio?: string;
    /**
     * The two versions of a file (`undefined`: of the one file compared), so each journey whose
     * emotions changed gets its chart (emotion-chart.ts). Without it there are no charts.
     */
    documents?: (file: string | undefined) => { before?: JourneyDocumentModel; after?: JourneyDocumentModel };
}

/** GitHub-flavoured markdown for a pull-request comment: user text stays inert text (`markdownText`). */
export function formatMarkdown(diff: JourneyDiff, options: MarkdownOptions = {}): string {
    const s = diff.summary;
    const lines: string[] = ['## Journey map changes', ''];
    const total = s.added + s.removed + s.changed + s.moved + s.renamed;
    if (total === 0 && !diff.errors?.length) {
        lines.push('No changes to the journeys.', '');
        return lines.join('\n');
    }
    const headline = customerHeadline(diff);
    if (headline) lines.push(`**${headline[0].toUpperCase()}${headline.slice(1)}.**`, '');
    lines.push(`**${s.added}** added · **${s.removed}** removed · **${s.changed}** changed · **${s.moved}** moved · **${s.renamed}** renamed · emotion: **${s.emotion.better}** better, **${s.emotion.worse}** worse`, '');
    if (options.portfolio) lines.push(options.portfolio, '');
    for (const error of diff.errors ?? []) {
        lines.push(`> **${markdownText(error.file)}** (${error.side} version) does not parse and was not compared:`);
        for (const e of error.errors.slice(0, 10)) lines.push(`> - line ${e.line}, column ${e.column}: ${markdownText(e.message)}`);
        lines.push('');
    }
    const charted = new Set<string>();
    for (const group of groupChanges(diff.changes)) {
        lines.push(`### ${group.file ? `${markdownText(group.file)}: ` : ''}${group.journey ? `journey \`${code(group.journey)}\`` : 'shared declarations'}`, '');
        const key = `${group.file ?? ''}\0${group.journey ?? ''}`;
        if (group.journey !== undefined && !charted.has(key)) {
            charted.add(key);
            lines.push(...chart(diff, group.file, group.journey, options));
        }
        for (const section of group.sections) {
            if (section.stage) lines.push(`${stageHeading(section)}`, '');
            for (const change of section.changes) lines.push(`- ${describeChange(change, markdownText, code)}${link(change, group.file, options)}`);
            lines.push('');
        }
    }
    return lines.join('\n');
}

/**
 * The emotion chart of a journey whose emotions changed: a Mermaid line chart GitHub draws in
 * the comment, and a line saying which line is which and which steps it leaves out.
 */
function chart(diff: JourneyDiff, file: string | undefined, journey: string, options: MarkdownOptions): string[] {
    const documents = options.documents?.(file);
    // A renamed journey is found in the old version by its old id.
    const renamed = diff.changes.find(c => c.file === file && c.journey === journey && c.element === 'journey' && c.kind === 'renamed');
    const before = documents?.before?.journeys.find(j => j.id === (renamed ? String(renamed.from) : journey));
    const after = documents?.after?.journeys.find(j => j.id === journey);
    const data = before && after ? emotionChart(before, after) : undefined;
    if (!data) return [];
    const left: string[] = [];
    if (data.added.length) left.push(`added ${data.added.map(t => `*${markdownText(t)}*`).join(', ')}`);
    if (data.removed.length) left.push(`removed ${data.removed.map(t => `*${markdownText(t)}*`).join(', ')}`);
    return [
        '```mermaid', emotionXyChart(data) + '```', '',
        `Emotion per step, -2 to +2: ${BEFORE_COLOUR.name} before, ${AFTER_COLOUR.name} after (a step without emotion counts as 0)${left.length ? `. Not in the chart: ${left.join('; ')}` : ''}.`,
        '',
    ];
}

/** A stage by its title, the id after it where another stage has that title too. */
function stageHeading(section: ChangeSection): string {
    if (section.stageTitle === undefined) return `**Stage \`${code(section.stage!)}\`**`;
    return `**Stage ${markdownText(section.stageTitle)}**${section.stageAmbiguous ? ` \`${code(section.stage!)}\`` : ''}`;
}

function link(change: JourneyChange, file: string | undefined, options: MarkdownOptions): string {
    if (!file) return '';
    const parts: string[] = [];
    if (options.linkBase && change.line?.to) parts.push(`[line ${change.line.to}](${lineUrl(options.linkBase, file, change.line.to)})`);
    else if (options.oldLinkBase && change.line?.from) parts.push(`[old line ${change.line.from}](${lineUrl(options.oldLinkBase, file, change.line.from)})`);
    return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Ids inside inline code: backticks cannot occur in ids, but be safe. */
function code(text: string): string {
    return text.replace(/`/g, "'");
}
