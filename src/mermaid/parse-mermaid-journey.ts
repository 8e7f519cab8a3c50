/**
 * A parser of Mermaid's `journey` diagram, following Mermaid's own grammar
 * (packages/mermaid/src/diagrams/user-journey/parser/journey.jison, Mermaid 11) token for token,
 * after the preprocessing Mermaid applies to every diagram (front matter, `%%{…}%%` directives,
 * `%%` comment lines, `#name;` entities). Lines are 1-based and count from `firstLine`, so an
 * error inside a Markdown fence names the line of the Markdown file.
 */

export interface MermaidTask {
    /** As written, trimmed. */
    name: string;
    /** As Mermaid reads it: `Number` of the text between the first and second `:`. */
    score: number;
    /** The text after the second `:`, split on commas and trimmed; empty ones left out. */
    actors: string[];
    line: number;
}

export interface MermaidSection {
    /** Empty for the tasks before the first `section`. */
    title: string;
    line: number;
    tasks: MermaidTask[];
}

export interface MermaidJourneyDiagram {
    title?: string;
    /** The `title:` of the diagram's front matter, which Mermaid also shows as its title. */
    frontMatterTitle?: string;
    accTitle?: string;
    accDescr?: string;
    sections: MermaidSection[];
}

export class MermaidSyntaxError extends Error {
    constructor(readonly line: number, message: string) {
        super(message);
    }
}

/** Mermaid's front matter: `---` lines around YAML at the very start. */
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
/** Mermaid's directive syntax (`%%{init: …}%%`), from its `directiveRegex`. */
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
/** Mermaid's comment lines, from its `cleanupComments`. */
const COMMENT_LINE = /^\s*%%(?!{)[^\n]+\n?/gm;

/**
 * The text Mermaid's lexer sees: line breaks normalised, front matter, directives and comment
 * lines blanked (their line breaks kept, so lines keep their numbers), and entities `#name;`
 * replaced by private-use placeholders that neither `#` nor `;` act on.
 */
export function preprocessMermaid(source: string): { text: string; frontMatter?: string; entities: string[] } {
    // As Mermaid's cleanupText: attribute values of tags in single quotes.
    let text = source.replace(/\r\n?/g, '\n').replace(/<(\w+)([^>]*)>/g, (_, tag: string, attributes: string) => `<${tag}${attributes.replace(/="([^"]*)"/g, "='$1'")}>`);
    let frontMatter: string | undefined;
    const fm = FRONT_MATTER.exec(text);
    if (fm) {
        frontMatter = fm[2];
        text = blank(fm[0]) + text.slice(fm[0].length);
    }
    text = text.replace(DIRECTIVE, blank).replace(COMMENT_LINE, found => blank(found));
    const entities: string[] = [];
    text = text.replace(/#(\w+);/g, (_, name: string) => {
        entities.push(name);
        return `\uE000${entities.length - 1}\uE001`;
    });
    return { text, ...(frontMatter !== undefined ? { frontMatter } : {}), entities };
}

/** The same number of line breaks, nothing else. */
function blank(text: string): string {
    return text.replace(/[^\n]/g, '');
}

/** Whether a diagram's first statement is `journey` (what Mermaid's detector checks). */
export function isJourneyDiagram(source: string): boolean {
    return /^\s*journey\b/.test(preprocessMermaid(source).text.replace(/^(\s*%[^\n]*\n)*/, ''));
}

type TokenKind = 'journey' | 'newline' | 'title' | 'accTitle' | 'accDescr' | 'section' | 'taskName' | 'taskData' | 'colon' | 'invalid' | 'eof';

interface Token { kind: TokenKind; text: string; offset: number }

/**
 * Mermaid's lexer rules for the journey diagram, in its order: the first rule that matches at a
 * position wins (a jison lexer without the `flex` option), case-insensitively.
 */
const RULES: Array<[RegExp, TokenKind | 'skip' | 'accTitleStart' | 'accDescrStart' | 'accDescrBlock']> = [
    [/%(?!\{)[^\n]*/iy, 'skip'],
    [/[^}]%%[^\n]*/iy, 'skip'],
    [/\n+/iy, 'newline'],
    [/\s+/iy, 'skip'],
    [/#[^\n]*/iy, 'skip'],
    [/journey\b/iy, 'journey'],
    [/title\s[^#\n;]+/iy, 'title'],
    [/accTitle\s*:\s*/iy, 'accTitleStart'],
    [/accDescr\s*:\s*/iy, 'accDescrStart'],
    [/accDescr\s*\{\s*/iy, 'accDescrBlock'],
    [/section\s[^#:\n;]+/iy, 'section'],
    [/[^#:\n;]+/iy, 'taskName'],
    [/:[^#\n;]+/iy, 'taskData'],
    [/:/iy, 'colon'],
];

function* tokens(text: string, from: number): Generator<Token> {
    let at = from;
    const matchAt = (pattern: RegExp): string | undefined => {
        pattern.lastIndex = at;
        return pattern.exec(text)?.[0];
    };
    while (at < text.length) {
        let found: string | undefined;
        const rule = RULES.find(([pattern]) => (found = matchAt(pattern)) !== undefined);
        if (!rule || found === undefined) {
            yield { kind: 'invalid', text: String.fromCodePoint(text.codePointAt(at)!), offset: at };
            at += 1;
            continue;
        }
        const kind = rule[1];
        const start = at;
        at += found.length;
        if (kind === 'skip') continue;
        if (kind === 'accTitleStart' || kind === 'accDescrStart') {
            const value = matchAt(/[^\n]*/y)!;
            at += value.length;
            yield { kind: kind === 'accTitleStart' ? 'accTitle' : 'accDescr', text: value, offset: start };
            continue;
        }
        if (kind === 'accDescrBlock') {
            // Everything up to the next `}` (or the end), which closes it.
            const value = matchAt(/[^}]*/y)!;
            at += value.length + (text[at + value.length] === '}' ? 1 : 0);
            yield { kind: 'accDescr', text: value, offset: start };
            continue;
        }
        yield { kind, text: found, offset: start };
    }
    yield { kind: 'eof', text: '', offset: text.length };
}

/**
 * Parses one Mermaid diagram that must be a `journey`. Throws `MermaidSyntaxError` (with the line)
 * where Mermaid's parser would fail, and where a score is not a number, which Mermaid accepts but
 * draws nowhere.
 */
export function parseMermaidJourney(source: string, firstLine = 1): MermaidJourneyDiagram {
    const { text, frontMatter, entities } = preprocessMermaid(source);
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const lineOf = (offset: number) => {
        let low = 0;
        let high = lineStarts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (lineStarts[mid] <= offset) low = mid;
            else high = mid - 1;
        }
        return firstLine + low;
    };
    // A placeholder the text itself held (private-use characters) is no entity: kept as written.
    const decode = (value: string) => value.replace(/\uE000(\d+)\uE001/g, (found, i: string) => (Number(i) < entities.length ? entity(entities[Number(i)]) : found));
    const diagram: MermaidJourneyDiagram = { sections: [] };
    const fmTitle = frontMatter !== undefined ? frontMatterTitle(frontMatter) : undefined;
    if (fmTitle) diagram.frontMatterTitle = decode(fmTitle);
    // Mermaid trims the start of the text after its preprocessing (cleanupComments).
    const start = text.search(/\S/);
    const stream = tokens(text, start < 0 ? text.length : start);
    const next = (): Token => stream.next().value as Token;
    const first = next();
    // Mermaid's detector (`/^\s*journey/`) is case-sensitive, its lexer is not.
    if (first.kind !== 'journey' || first.text !== 'journey') {
        const word = first.kind === 'eof' ? 'nothing' : `'${first.text.trim().split(/\s/)[0]}'`;
        throw new MermaidSyntaxError(lineOf(first.offset), `not a Mermaid journey diagram: it starts with ${word}, not 'journey'`);
    }
    let section: MermaidSection | undefined;
    let previous: Token = first;
    for (let token = next(); token.kind !== 'eof'; previous = token, token = next()) {
        const line = lineOf(token.offset);
        switch (token.kind) {
            case 'newline':
                break;
            case 'title':
                diagram.title = decode(token.text.slice(6)).trim();
                break;
            case 'accTitle':
                diagram.accTitle = decode(token.text).trim();
                break;
            case 'accDescr':
                // As Mermaid's setAccDescription: continuation lines lose their indentation.
                diagram.accDescr = decode(token.text).trim().replace(/\n\s+/g, '\n');
                break;
            case 'section':
                section = { title: decode(token.text.slice(8)).trim(), line, tasks: [] };
                diagram.sections.push(section);
                break;
            case 'taskName': {
                const data = next();
                if (data.kind !== 'taskData') {
                    throw new MermaidSyntaxError(line, `the task '${decode(token.text).trim()}' needs a score: 'task name: score: actors'`);
                }
                const pieces = decode(data.text).slice(1).split(':');
                const score = Number(pieces[0]);
                if (Number.isNaN(score)) throw new MermaidSyntaxError(line, `the score '${pieces[0].trim()}' of task '${decode(token.text).trim()}' is not a number`);
                const actors = pieces.length > 1 ? pieces[1].split(',').map(a => a.trim()).filter(a => a.length > 0) : [];
                if (!section) {
                    section = { title: '', line, tasks: [] };
                    diagram.sections.push(section);
                }
                section.tasks.push({ name: decode(token.text).trim(), score, actors, line });
                break;
            }
            case 'taskData':
            case 'colon':
                if (previous.kind === 'section') throw new MermaidSyntaxError(line, `a section title cannot hold ':'`);
                throw new MermaidSyntaxError(line, `a task needs a name before ':'`);
            case 'journey':
                throw new MermaidSyntaxError(line, `'journey' only starts the diagram; a task with that name is read as the keyword`);
            default:
                throw new MermaidSyntaxError(line, `unexpected '${token.text}'${token.text === ';' ? ' (Mermaid\'s journey has no \';\')' : ''}`);
        }
    }
    return diagram;
}

/** `#9829;` → ♥, `#amp;` → &, as Mermaid draws them; an unknown name stays as written. */
function entity(name: string): string {
    if (/^\+?\d+$/.test(name)) {
        const code = Number(name.replace('+', ''));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : `#${name};`;
    }
    return NAMED[name.toLowerCase()] ?? `#${name};`;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', semi: ';', num: '#' };

/** The top-level `title:` of the front matter's YAML, unquoted. */
function frontMatterTitle(yaml: string): string | undefined {
    const match = /^title:[ \t]*(.*?)[ \t]*$/m.exec(yaml);
    if (!match) return undefined;
    const value = match[1];
    if (/^".*"$/.test(value)) {
        try {
            return JSON.parse(value) as string;
        } catch {
            return value.slice(1, -1);
        }
    }
    if (/^'.*'$/.test(value)) return value.slice(1, -1).replace(/''/g, "'");
    return value;
}
