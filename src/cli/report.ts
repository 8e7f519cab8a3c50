import { JourneyWorkspace } from '../../language/workspace/journey-workspace.js';
import { computeInsights, reportedJourneys, type InsightsSource } from '../insights/insights-engine.js';
import { insightsNames } from '../insights/insights-names.js';
import { formatReportHtml } from '../insights/format-report-html.js';
import { formatReportMarkdown } from '../insights/format-report-markdown.js';
import { safeJson } from '../text/json-text.js';
import { displayPath, terminalText } from '../text/terminal-text.js';
import { oneOf, parseArgs } from './args.js';
import { formatText, toFileDiagnostic } from './diagnostics-format.js';
import { readInputFiles } from './files.js';
import type { CommandIO } from './main.js';
import { ExitCode, UsageError } from './usage-error.js';

/**
 * `journeymap report` (docs/report.md): the insights of every map of a workspace — pains ranked,
 * the opportunity portfolio, owners, KPIs off target, evidence. The paths form one workspace, as
 * for `check` (the current folder when none is given). A file that does not parse is named on
 * stderr and left out; the others are still reported, and the exit status says the maps have errors.
 */
export async function report(argv: readonly string[], io: CommandIO): Promise<number> {
    const args = parseArgs(argv, { valued: ['--format', '--journey', '--link-base'] });
    const format = oneOf('--format', args.options.get('--format'), ['markdown', 'html', 'json'] as const, 'markdown');
    const journey = args.options.get('--journey');
    const linkBase = args.options.get('--link-base');
    const files = await readInputFiles(args.positional.length > 0 ? args.positional : ['.'], line => io.err(line + '\n'));
    const workspace = new JourneyWorkspace();
    const loaded = await workspace.load(files);
    const sources: InsightsSource[] = [];
    let errors = 0;
    loaded.forEach((result, i) => {
        const path = files[i].path;
        errors += result.diagnostics.filter(d => (d.severity ?? 1) === 1).length;
        const syntax = result.diagnostics.filter(d => d.code === 'syntax-error');
        if (syntax.length > 0) {
            for (const d of syntax) io.err(formatText(toFileDiagnostic(path, d)) + '\n');
            io.err(`${displayPath(path)}: not reported: the file has syntax errors\n`);
            return;
        }
        sources.push({ file: path.replace(/\\/g, '/'), model: workspace.services.model.JourneyModelBuilder.build(result.document) });
    });
    const options = typeof journey === 'string' ? { journey } : {};
    const journeys = reportedJourneys(sources, options);
    if (typeof journey === 'string' && journeys.length === 0) {
        const ids = [...new Set(reportedJourneys(sources).map(j => j.journey.id))];
        throw new UsageError(`no journey '${journey}' in the maps${ids.length ? ` (they have: ${ids.join(', ')})` : ''}`);
    }
    const insights = computeInsights(sources, options);
    const input = { insights, names: insightsNames(journeys), ...(typeof linkBase === 'string' ? { linkBase } : {}) };
    if (format === 'json') io.out(safeJson(insights) + '\n');
    else if (format === 'markdown') io.out(formatReportMarkdown(input));
    else io.out(formatReportHtml(input));
    if (errors > 0) io.err(`journeymap report: the maps have ${errors} error${errors === 1 ? '' : 's'} (journeymap check ${terminalText(args.positional.join(' ') || '.')} lists them)\n`);
    return errors > 0 ? ExitCode.Failed : ExitCode.Ok;
}
