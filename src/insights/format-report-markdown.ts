import { markdownLinkLabel, markdownText } from '../text/markdown-text.js';
import { lineUrl } from '../text/url-path.js';
import type { SourceLine } from './insights-model.js';
import {
    ASSUMPTIONS_SHOWN, TOP_PAINS, byStatus, emotionText, headline, placeTitle, plural, type ReportInput,
} from './report-text.js';

/**
 * The report as GitHub-flavoured Markdown (docs/report.md). Every piece of user text goes through
 * `markdownText`: no HTML, no mentions, no links of its own, no line break inside an item, table
 * pipes escaped. Ids never appear; titles do.
 */
export function formatReportMarkdown(input: ReportInput): string {
    const { insights } = input;
    const source = (item: SourceLine) => {
        const place = `${item.file}:${item.line}`;
        return input.linkBase ? `[${markdownLinkLabel(place)}](${lineUrl(input.linkBase, item.file, item.line)})` : markdownText(place);
    };
    const lines: string[] = ['## Journey insights', '', headline(insights.totals, s => `**${s}**`), ''];

    lines.push('### Top pains', '');
    if (insights.pains.length === 0) lines.push('No pains in the maps.', '');
    else {
        lines.push('| Severity | Pain | Step | Emotion | Opportunity | Source |', '|---|---|---|---|---|---|');
        for (const pain of insights.pains.slice(0, TOP_PAINS)) {
            const emotion = emotionText(pain.emotion) + (pain.momentOfTruth ? ' (moment of truth)' : '');
            lines.push(`| ${pain.severity ?? '—'} | ${markdownText(pain.text)} | ${markdownText(placeTitle(pain, input))} | ${emotion} | ` +
                `${pain.opportunities > 0 ? 'yes' : '**no**'} | ${source(pain)} |`);
        }
        lines.push('');
        const more = insights.pains.length - TOP_PAINS;
        if (more > 0) lines.push(`…and ${plural(more, 'more pain', 'more pains')} (\`--format json\` lists them all).`, '');
    }

    lines.push('### Opportunity portfolio', '');
    if (insights.opportunities.length === 0) lines.push('No opportunities in the maps.', '');
    for (const group of byStatus(insights.opportunities)) {
        lines.push(`#### ${group.title} (${group.items.length})`, '');
        for (const o of group.items) {
            const facts = [
                o.owner === null ? 'no owner' : `owner ${markdownText(input.names.team(o.owner))}`,
                `impact ${o.impact ?? '—'}`, `effort ${o.effort ?? '—'}`, plural(o.pains, 'pain', 'pains'),
            ];
            lines.push(`- **${markdownText(o.text)}** — ${markdownText(placeTitle(o, input))} · ${facts.join(' · ')} · ${source(o)}`);
        }
        lines.push('');
    }

    lines.push('### Owners', '');
    if (insights.owners.length === 0) lines.push('No opportunity has an owner.', '');
    else {
        lines.push('| Team | Open | Done |', '|---|---|---|');
        for (const owner of insights.owners) lines.push(`| ${markdownText(input.names.team(owner.team))} | ${owner.open} | ${owner.done} |`);
        lines.push('');
    }

    lines.push('### KPIs off target', '');
    const off = insights.metrics.filter(m => m.onTarget === false);
    if (off.length === 0) lines.push(insights.metrics.length === 0 ? 'No KPI has a target.' : 'Every KPI with a value is on target.', '');
    else {
        lines.push('| KPI | Where | Baseline → value → target | Source |', '|---|---|---|---|');
        for (const m of off) {
            lines.push(`| ${markdownText(m.name)} | ${markdownText(placeTitle(m, input))} | ` +
                `${markdownText(m.baseline ?? '—')} → ${markdownText(m.value ?? '—')} → ${markdownText(m.target)} | ${source(m)} |`);
        }
        lines.push('');
    }

    const evidence = insights.evidence;
    lines.push('### Evidence', '', `**${evidence.solicited}** solicited · **${evidence.unsolicited}** unsolicited`, '');
    lines.push('#### Assumptions to test', '');
    if (evidence.stepsWithout.length === 0) lines.push('Every step rests on evidence (its own or its stage\'s).', '');
    else {
        lines.push(`${plural(evidence.stepsWithout.length, 'step rests', 'steps rest')} on no evidence:`, '');
        for (const step of evidence.stepsWithout.slice(0, ASSUMPTIONS_SHOWN)) {
            lines.push(`- ${markdownText(placeTitle({ journey: step.journey, stage: null, step: step.step }, input))} · ${source(step)}`);
        }
        const more = evidence.stepsWithout.length - ASSUMPTIONS_SHOWN;
        if (more > 0) lines.push(`- …and ${plural(more, 'more step', 'more steps')} (\`--format json\` lists them all)`);
        lines.push('');
    }
    return lines.join('\n');
}
