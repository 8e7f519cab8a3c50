import type { JourneyModel } from '../../language/model/journey-model.js';
import { mermaidInert, mermaidLine } from './mermaid-text.js';

/**
 * One journey as a Mermaid `journey` diagram (docs/mermaid.md): the journey's title, a `section`
 * per stage, a task per step with score = emotion + 3 (a step without emotion scores 3) and the
 * persona as its actor. Pure: plain model in, diagram text out, one statement a line.
 */
export function toMermaidJourney(journey: JourneyModel): string {
    const lines = ['journey'];
    lines.push(`  title ${statementText(journey.title, journey.id)}`);
    const actor = journey.persona ? actorOf(journey.persona.title) : '';
    for (const stage of journey.stages) {
        lines.push(`  section ${statementText(stage.title, stage.id)}`);
        for (const step of stage.steps) {
            const score = (step.emotion ?? 0) + 3;
            lines.push(`    ${taskName(statementText(step.title, step.id))}: ${score}${actor ? `: ${actor}` : ''}`);
        }
    }
    return lines.join('\n') + '\n';
}

/** The diagram in a Markdown code fence, ready to paste into a README or an issue. */
export function mermaidFence(diagram: string): string {
    return '```mermaid\n' + diagram + '```\n';
}

/**
 * Mermaid splits a task's actors on commas, so a persona "Dana, online shopper" is the actor
 * `Dana`: the title up to its first comma (after the replacements, which turn `;` into one).
 */
export function actorOf(personaTitle: string): string {
    return titleText(personaTitle).split(',')[0].trim();
}

/** A title on its line, or the id when nothing of the title is left (an empty task is no task). */
function statementText(title: string, id: string): string {
    return titleText(title) || titleText(id);
}

/**
 * `:` separates a task's name, score and actors, `#` starts a comment and `;` is no character of
 * Mermaid's journey grammar: each is replaced by a character that looks like it.
 */
export function titleText(text: string): string {
    return mermaidInert(mermaidLine(text).replace(/:/g, '\u2236').replace(/#/g, '\uff03').replace(/;/g, ','));
}

/**
 * A task name is read from the start of its line, where Mermaid's lexer first tries its keywords
 * (case-insensitive): a step "Journey planning", "Title search" or "Section 3 review" would be read
 * as the keyword, and one starting with `%` as a comment. A WORD JOINER (U+2060, invisible) after
 * the keyword's first letter, or before the `%`, keeps it a task name. (`x%%` at the start, also a
 * comment, is already `x%⁠%`: mermaidInert.)
 */
function taskName(name: string): string {
    if (name.startsWith('%')) return '\u2060' + name;
    if (/^(journey\b|title\s|section\s|acc(title|descr)\b)/i.test(name)) return name.charAt(0) + '\u2060' + name.slice(1);
    return name;
}
