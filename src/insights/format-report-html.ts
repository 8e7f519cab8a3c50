import { randomNonce } from '../text/nonce.js';
import { standalonePageHead } from '../text/standalone-page.js';
import { htmlText } from '../text/html-text.js';
import { lineUrl } from '../text/url-path.js';
import type { Level } from '../../language/model/journey-model.js';
import type { OpportunityInsight, SourceLine } from './insights-model.js';
import { isOpen } from './insights-order.js';
import type { JourneyCurve } from './insights-names.js';
import {
    ASSUMPTIONS_SHOWN, TOP_PAINS, byStatus, emotionText, headline, placeTitle, plural, type ReportInput,
} from './report-text.js';

/**
 * The report as one self-contained page (docs/report.md): the Markdown report's sections, an
 * impact × effort grid of the open opportunities and every journey's emotion curve as small
 * multiples, drawn here as inline SVG. No script at all; the policy forbids every fetch and
 * admits only the page's own style, by a fresh nonce. User text goes through `htmlText`.
 */
export function formatReportHtml(input: ReportInput): string {
    const { insights } = input;
    const nonce = randomNonce();
    const safeBase = input.linkBase !== undefined && /^https?:\/\//i.test(input.linkBase) ? input.linkBase : undefined;
    const source = (item: SourceLine) => {
        const label = htmlText(`${item.file}:${item.line}`);
        return safeBase ? `<a href="${htmlText(lineUrl(safeBase, item.file, item.line))}">${label}</a>` : `<code>${label}</code>`;
    };
    const where = (item: Parameters<typeof placeTitle>[0]) => htmlText(placeTitle(item, input));
    const parts: string[] = [];

    parts.push('<section id="pains"><h2>Top pains</h2>');
    if (insights.pains.length === 0) parts.push('<p>No pains in the maps.</p>');
    else {
        parts.push('<table><thead><tr><th>Severity</th><th>Pain</th><th>Step</th><th>Emotion</th><th>Opportunity</th><th>Source</th></tr></thead><tbody>');
        for (const pain of insights.pains.slice(0, TOP_PAINS)) {
            parts.push(`<tr class="jm-sev-${pain.severity ?? 'none'}"><td>${pain.severity ?? '—'}</td><td>${htmlText(pain.text)}</td><td>${where(pain)}</td>` +
                `<td>${emotionText(pain.emotion)}${pain.momentOfTruth ? ' <span class="jm-mot">moment of truth</span>' : ''}</td>` +
                `<td>${pain.opportunities > 0 ? 'yes' : '<strong>no</strong>'}</td><td>${source(pain)}</td></tr>`);
        }
        parts.push('</tbody></table>');
        const more = insights.pains.length - TOP_PAINS;
        if (more > 0) parts.push(`<p>…and ${plural(more, 'more pain', 'more pains')} (<code>--format json</code> lists them all).</p>`);
    }
    parts.push('</section>');

    parts.push('<section id="portfolio"><h2>Opportunity portfolio</h2>');
    if (insights.opportunities.length === 0) parts.push('<p>No opportunities in the maps.</p>');
    else parts.push(grid(insights.opportunities.filter(o => isOpen(o.status))));
    for (const group of byStatus(insights.opportunities)) {
        parts.push(`<h3>${group.title} (${group.items.length})</h3><ul>`);
        for (const o of group.items) {
            const owner = o.owner === null ? 'no owner' : `owner ${htmlText(input.names.team(o.owner))}`;
            parts.push(`<li><strong>${htmlText(o.text)}</strong> — ${where(o)} · ${owner} · impact ${o.impact ?? '—'} · effort ${o.effort ?? '—'} · ` +
                `${plural(o.pains, 'pain', 'pains')} · ${source(o)}</li>`);
        }
        parts.push('</ul>');
    }
    parts.push('</section>');

    parts.push('<section id="owners"><h2>Owners</h2>');
    if (insights.owners.length === 0) parts.push('<p>No opportunity has an owner.</p>');
    else {
        parts.push('<table><thead><tr><th>Team</th><th>Open</th><th>Done</th></tr></thead><tbody>');
        for (const owner of insights.owners) parts.push(`<tr><td>${htmlText(input.names.team(owner.team))}</td><td>${owner.open}</td><td>${owner.done}</td></tr>`);
        parts.push('</tbody></table>');
    }
    parts.push('</section>');

    parts.push('<section id="kpis"><h2>KPIs off target</h2>');
    const off = insights.metrics.filter(m => m.onTarget === false);
    if (off.length === 0) parts.push(`<p>${insights.metrics.length === 0 ? 'No KPI has a target.' : 'Every KPI with a value is on target.'}</p>`);
    else {
        parts.push('<table><thead><tr><th>KPI</th><th>Where</th><th>Baseline → value → target</th><th>Source</th></tr></thead><tbody>');
        for (const m of off) {
            parts.push(`<tr><td>${htmlText(m.name)}</td><td>${where(m)}</td><td>${htmlText(m.baseline ?? '—')} → ${htmlText(m.value ?? '—')} → ${htmlText(m.target)}</td><td>${source(m)}</td></tr>`);
        }
        parts.push('</tbody></table>');
    }
    parts.push('</section>');

    const evidence = insights.evidence;
    parts.push(`<section id="evidence"><h2>Evidence</h2><p><strong>${evidence.solicited}</strong> solicited · <strong>${evidence.unsolicited}</strong> unsolicited</p>`);
    parts.push('<h3>Assumptions to test</h3>');
    if (evidence.stepsWithout.length === 0) parts.push('<p>Every step rests on evidence (its own or its stage\'s).</p>');
    else {
        parts.push(`<p>${plural(evidence.stepsWithout.length, 'step rests', 'steps rest')} on no evidence:</p><ul>`);
        for (const step of evidence.stepsWithout.slice(0, ASSUMPTIONS_SHOWN)) {
            parts.push(`<li>${where({ journey: step.journey, stage: null, step: step.step })} · ${source(step)}</li>`);
        }
        const more = evidence.stepsWithout.length - ASSUMPTIONS_SHOWN;
        if (more > 0) parts.push(`<li>…and ${plural(more, 'more step', 'more steps')} (<code>--format json</code> lists them all)</li>`);
        parts.push('</ul>');
    }
    parts.push('</section>');

    parts.push(`<section id="curves"><h2>Emotion curves</h2><div class="jm-curves">${input.names.curves.map(curve).join('')}</div></section>`);

    return `${standalonePageHead({ nonce, title: 'Journey insights — Journeymap', style: STYLE, script: false })}
<body>
<h1>Journey insights</h1>
<p class="jm-headline">${headline(insights.totals, s => `<strong>${s}</strong>`)}</p>
${parts.join('\n')}
</body>
</html>
`;
}

const IMPACTS: ReadonlyArray<Level | null> = ['high', 'medium', 'low', null];
const EFFORTS: ReadonlyArray<Level | null> = ['low', 'medium', 'high', null];

/** Open opportunities by impact (rows, high first) and effort (columns, low first): quick wins top left. */
function grid(open: readonly OpportunityInsight[]): string {
    const head = EFFORTS.map(e => `<th scope="col">effort ${e ?? '—'}</th>`).join('');
    const rows = IMPACTS.map(impact => {
        const cells = EFFORTS.map(effort => {
            const here = open.filter(o => o.impact === impact && o.effort === effort);
            return `<td data-impact="${impact ?? 'none'}" data-effort="${effort ?? 'none'}">${here.map(o => `<span class="jm-chip">${htmlText(o.text)}</span>`).join('')}</td>`;
        }).join('');
        return `<tr><th scope="row">impact ${impact ?? '—'}</th>${cells}</tr>`;
    }).join('');
    return `<table class="jm-grid" aria-label="Open opportunities by impact and effort"><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

const STEP_WIDTH = 18;
const HEIGHT = 64;

/** One journey's emotion curve: a point per step with an emotion, broken where a step has none. */
function curve(journey: JourneyCurve): string {
    const width = Math.max(1, journey.steps.length) * STEP_WIDTH + 8;
    const y = (emotion: number) => HEIGHT / 2 - emotion * 13;
    let path = '';
    let pen = false;
    const dots: string[] = [];
    journey.steps.forEach((step, i) => {
        const x = 4 + i * STEP_WIDTH + STEP_WIDTH / 2;
        if (step.emotion === undefined) {
            pen = false;
            return;
        }
        path += `${pen ? 'L' : 'M'}${x} ${y(step.emotion)}`;
        pen = true;
        dots.push(`<circle cx="${x}" cy="${y(step.emotion)}" r="${step.momentOfTruth ? 4 : 2.5}"${step.momentOfTruth ? ' class="jm-mot"' : ''}>` +
            `<title>${htmlText(step.title)}: ${emotionText(step.emotion)}</title></circle>`);
    });
    return `<figure class="jm-curve" data-journey="${htmlText(journey.journey)}"><figcaption>${htmlText(journey.title)}</figcaption>` +
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${htmlText(`Emotion curve of ${journey.title}`)}">` +
        `<line x1="0" x2="${width}" y1="${HEIGHT / 2}" y2="${HEIGHT / 2}" class="jm-zero"/>${path ? `<path d="${path}"/>` : ''}${dots.join('')}</svg></figure>`;
}

const STYLE = `
body{font-family:Arial,'Liberation Sans',Helvetica,sans-serif;margin:0 auto;padding:8px 16px;max-width:1100px;color:#1f2328;background:#fff}
table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top;font-size:14px}
.jm-sev-high td:first-child{color:#cf222e;font-weight:bold}
.jm-mot{color:#8250df}
.jm-grid td{min-width:140px}
.jm-grid td[data-impact=high][data-effort=low]{background:#dafbe1}
.jm-chip{display:block;margin:2px 0;padding:2px 6px;border-radius:4px;background:#f6f8fa;border:1px solid #d0d7de}
.jm-curves{display:flex;flex-wrap:wrap;gap:12px}
.jm-curve{margin:0;border:1px solid #d0d7de;padding:6px;overflow-x:auto;max-width:100%}
.jm-curve figcaption{font-size:13px;margin-bottom:4px}
.jm-curve path{fill:none;stroke:#0969da;stroke-width:2}
.jm-curve circle{fill:#0969da}
.jm-curve circle.jm-mot{fill:#8250df}
.jm-curve .jm-zero{stroke:#d0d7de;stroke-dasharray:3 3}
`;
