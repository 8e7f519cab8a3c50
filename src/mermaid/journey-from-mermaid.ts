import { UNSAFE } from '../text/unicode-controls.js';
import type { MermaidJourneyDiagram, MermaidTask } from './parse-mermaid-journey.js';
import { IdSet } from './readable-ids.js';

/**
 * A Mermaid journey diagram as a `.journey` map, in the canonical layout (docs/formatting.md), so
 * `journeymap fmt --check` passes: sections → stages, tasks → steps, score − 3 → emotion (rounded,
 * clamped to -2..+2), the first actor → the journey's persona, the task's other actors → a note.
 * `name` titles the journey when the diagram has no title (the file's name).
 */
export function journeyFromMermaid(diagram: MermaidJourneyDiagram, name: string): string {
    const title = cleanTitle(diagram.title ?? diagram.frontMatterTitle ?? diagram.accTitle ?? '') || cleanTitle(name);
    const journeyIds = new IdSet();
    const stageIds = new IdSet();
    const stepIds = new IdSet();
    const personaIds = new IdSet();
    const actor = diagram.sections.flatMap(s => s.tasks).find(t => t.actors.length > 0)?.actors[0];
    const persona = actor === undefined ? undefined : cleanTitle(actor) || undefined;

    const header: string[] = [];
    if (persona !== undefined) header.push(`persona ${personaIds.idFor(persona, 'persona')} ${quote(persona)}`);
    if (diagram.accTitle !== undefined && cleanTitle(diagram.accTitle) !== title) header.push(`note ${quote(`Accessible title: ${cleanTitle(diagram.accTitle)}`)}`);
    if (diagram.accDescr !== undefined) header.push(`note ${quote(cleanText(diagram.accDescr))}`);

    const stages = diagram.sections.map(section => {
        const stageTitle = cleanTitle(section.title);
        const head = `stage ${stageIds.idFor(stageTitle, 'stage')}${stageTitle ? ` ${quote(stageTitle)}` : ''}`;
        if (section.tasks.length === 0) return [head];
        return [`${head} {`, ...section.tasks.flatMap(task => indent(step(task, persona, stepIds))), '}'];
    });

    const body = [...header, ...stages.flatMap((stage, i) => [...(i > 0 || header.length > 0 ? [''] : []), ...stage])];
    const open = `journey ${journeyIds.idFor(title, 'journey')}${title ? ` ${quote(title)}` : ''}`;
    return (body.length === 0 ? [`${open} {}`] : [`${open} {`, ...indent(body), '}']).join('\n') + '\n';
}

function step(task: MermaidTask, persona: string | undefined, ids: IdSet): string[] {
    const title = cleanTitle(task.name);
    const lines = [`emotion ${emotionText(task.score)}`];
    const actors = task.actors.map(cleanTitle);
    const others = actors.filter(a => a !== persona);
    // The persona is the journey's: a task without it names whose step it is instead.
    if (actors.length > 0 && others.length === actors.length) lines.push(`note ${quote(`Actors: ${others.join(', ')}`)}`);
    else if (others.length > 0) lines.push(`note ${quote(`Also: ${others.join(', ')}`)}`);
    return [`step ${ids.idFor(title, 'step')}${title ? ` ${quote(title)}` : ''} {`, ...indent(lines), '}'];
}

/** Score 1..5 → emotion -2..+2, written with its sign as in the examples (`+1`, `0`, `-2`). */
function emotionText(score: number): string {
    const emotion = Math.max(-2, Math.min(2, Math.round(score - 3)));
    return emotion > 0 ? `+${emotion}` : String(emotion);
}

function indent(lines: readonly string[]): string[] {
    return lines.map(line => (line ? `  ${line}` : line));
}

/**
 * A title on one line. The WORD JOINERs `journeymap export` puts into titles to keep them text
 * (docs/mermaid.md) go, and its stand-ins for `:` and `#` become those characters again.
 */
function cleanTitle(text: string): string {
    return cleanText(text).replace(/\s+/g, ' ').trim();
}

function cleanText(text: string): string {
    return text.replace(/\u2060/g, '').replace(/\u2236/g, ':').replace(/\uff03/g, '#')
        .replace(UNSAFE, ch => (ch === '\n' ? '\n' : ' ')).replace(/[ \t]*\n\s*/g, '\n').trim();
}

/** A string literal of the journey language holding exactly `text` (docs/language.md). */
function quote(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
