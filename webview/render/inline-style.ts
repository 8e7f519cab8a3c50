/**
 * A map's stylesheet applied to its tree: every element gets the values the CSS cascade gives it
 * as SVG presentation attributes (`fill`, `stroke`, `font-weight`…), `var(--jm-…)` resolved, and
 * the <style> element is dropped. The PNG and PDF renderers (resvg, svg-to-pdfkit) understand
 * presentation attributes but not custom properties, and only a little CSS; with the cascade done
 * here they draw what a browser draws from the same stylesheet, whatever it says.
 *
 * It reads the stylesheet as text (map-style.ts `mapCss`), so it follows any change to it. The
 * subset of CSS it understands is what a picture's stylesheet needs: rules and comments (at-rules
 * are skipped), selectors of type, `*`, `.class`, `#id`, `[attr]`, `[attr=value]` (also `~=`,
 * `|=`, `^=`, `$=`, `*=`), `:root`, `:first-child`, `:last-child`, `:not(…)`, and the descendant,
 * `>`, `+` and `~` combinators; specificity, source order, `!important`, inheritance of custom
 * properties and `var()` with fallbacks; inline `style` attributes. Interactive states (`:hover`,
 * `:focus`…) and pseudo-elements never match: a file has no pointer.
 */
import type { AttrValue, SvgNode } from './svg-tree.js';

/** CSS properties that are SVG presentation attributes (the rest, like `cursor`, mean nothing in a file). */
const PRESENTATION = [
    'display', 'visibility', 'opacity', 'color',
    'fill', 'fill-opacity', 'fill-rule',
    'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit',
    'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch',
    'text-anchor', 'text-decoration', 'dominant-baseline', 'alignment-baseline', 'baseline-shift', 'direction', 'unicode-bidi',
    'letter-spacing', 'word-spacing', 'writing-mode', 'paint-order', 'shape-rendering', 'text-rendering',
    'clip-path', 'clip-rule', 'mask', 'filter', 'stop-color', 'stop-opacity', 'marker-start', 'marker-mid', 'marker-end',
] as const;

interface Declaration {
    property: string;
    value: string;
    important: boolean;
}

type AttributeTest = { name: string; op?: '=' | '~=' | '|=' | '^=' | '$=' | '*='; value?: string };

interface Compound {
    tag?: string;
    ids: string[];
    classes: string[];
    attributes: AttributeTest[];
    pseudos: Array<{ name: string; not?: Compound[] }>;
    /** A pseudo-class or pseudo-element that never matches in a file (`:hover`, `::before`). */
    never: boolean;
}

/** A complex selector, right to left: the subject compound first, then each combinator and the compound before it. */
interface Selector {
    parts: Compound[];
    combinators: Array<' ' | '>' | '+' | '~'>;
    specificity: number;
}

interface Rule {
    selector: Selector;
    declarations: Declaration[];
    order: number;
}

/** An element while walking the tree: its node, parent and position among its siblings. */
interface Context {
    node: SvgNode;
    parent?: Context;
    siblings: readonly SvgNode[];
    index: number;
}

// ---- Parsing -------------------------------------------------------------------------------

/** The stylesheet's style rules in source order (at-rules and their blocks skipped). */
export function parseStylesheet(css: string): Rule[] {
    const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
    const rules: Rule[] = [];
    let i = 0;
    let order = 0;
    while (i < text.length) {
        const open = text.indexOf('{', i);
        if (open < 0) break;
        const prelude = text.slice(i, open).trim();
        const close = matchingBrace(text, open);
        const body = text.slice(open + 1, close);
        i = close + 1;
        if (prelude.startsWith('@')) continue;
        const declarations = parseDeclarations(body);
        for (const source of splitTopLevel(prelude, ',')) {
            const selector = parseSelector(source.trim());
            if (selector) rules.push({ selector, declarations, order: order++ });
        }
    }
    return rules;
}

function matchingBrace(text: string, open: number): number {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) return i;
    }
    return text.length;
}

/** `text` split at `separator` outside brackets, parentheses and quotes. */
function splitTopLevel(text: string, separator: string): string[] {
    const out: string[] = [];
    let depth = 0;
    let quote = '';
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === quote) quote = '';
        } else if (c === '"' || c === '\'') {
            quote = c;
        } else if (c === '(' || c === '[') {
            depth++;
        } else if (c === ')' || c === ']') {
            depth--;
        } else if (c === separator && depth === 0) {
            out.push(text.slice(start, i));
            start = i + 1;
        }
    }
    out.push(text.slice(start));
    return out;
}

export function parseDeclarations(body: string): Declaration[] {
    const out: Declaration[] = [];
    for (const part of splitTopLevel(body, ';')) {
        const colon = part.indexOf(':');
        if (colon < 0) continue;
        const property = part.slice(0, colon).trim();
        let value = part.slice(colon + 1).trim();
        const important = /!\s*important$/i.test(value);
        if (important) value = value.replace(/!\s*important$/i, '').trim();
        if (property && value) out.push({ property: property.startsWith('--') ? property : property.toLowerCase(), value, important });
    }
    return out;
}

const IDENT = /^-?[_a-zA-Z][\w-]*/;

function parseSelector(source: string): Selector | undefined {
    const parts: Compound[] = [];
    const combinators: Array<' ' | '>' | '+' | '~'> = [];
    let rest = source;
    let pending: ' ' | '>' | '+' | '~' | undefined;
    while (rest.length > 0) {
        const combinator = /^\s*([>+~])\s*|^\s+/.exec(rest);
        if (combinator) {
            pending = (combinator[1] as '>' | '+' | '~' | undefined) ?? (pending ?? ' ');
            rest = rest.slice(combinator[0].length);
            continue;
        }
        const parsed = parseCompound(rest);
        if (!parsed) return undefined;
        if (parts.length > 0) combinators.push(pending ?? ' ');
        pending = undefined;
        parts.push(parsed.compound);
        rest = parsed.rest;
    }
    if (parts.length === 0) return undefined;
    parts.reverse();
    combinators.reverse();
    return { parts, combinators, specificity: parts.reduce((sum, c) => sum + specificity(c), 0) };
}

function parseCompound(source: string): { compound: Compound; rest: string } | undefined {
    const compound: Compound = { ids: [], classes: [], attributes: [], pseudos: [], never: false };
    let rest = source;
    const tag = /^(\*|-?[_a-zA-Z][\w-]*)/.exec(rest);
    if (tag) {
        if (tag[1] !== '*') compound.tag = tag[1];
        rest = rest.slice(tag[0].length);
    }
    for (;;) {
        const c = rest[0];
        if (c === '.' || c === '#') {
            const name = IDENT.exec(rest.slice(1));
            if (!name) return undefined;
            (c === '.' ? compound.classes : compound.ids).push(name[0]);
            rest = rest.slice(1 + name[0].length);
        } else if (c === '[') {
            const m = /^\[\s*([\w:-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*)?\]/.exec(rest);
            if (!m) return undefined;
            compound.attributes.push({ name: m[1], ...(m[2] ? { op: m[2] as AttributeTest['op'], value: m[3] ?? m[4] ?? m[5] } : {}) });
            rest = rest.slice(m[0].length);
        } else if (c === ':') {
            if (rest.startsWith('::')) {
                const name = IDENT.exec(rest.slice(2));
                if (!name) return undefined;
                compound.never = true;
                rest = rest.slice(2 + name[0].length);
                continue;
            }
            const name = IDENT.exec(rest.slice(1));
            if (!name) return undefined;
            rest = rest.slice(1 + name[0].length);
            const pseudo = name[0].toLowerCase();
            if (rest[0] === '(') {
                const close = closingParen(rest);
                const argument = rest.slice(1, close);
                rest = rest.slice(close + 1);
                if (pseudo === 'not') {
                    const inner = splitTopLevel(argument, ',').map(s => parseCompound(s.trim()));
                    if (inner.some(x => !x || x.rest.trim() !== '')) return undefined;
                    compound.pseudos.push({ name: 'not', not: inner.map(x => x!.compound) });
                } else {
                    compound.never = true;
                }
            } else if (pseudo === 'root' || pseudo === 'first-child' || pseudo === 'last-child') {
                compound.pseudos.push({ name: pseudo });
            } else {
                compound.never = true;
            }
        } else {
            break;
        }
    }
    if (rest.length === source.length) return undefined;
    return { compound, rest };
}

function closingParen(text: string): number {
    let depth = 0;
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')' && --depth === 0) return i;
    }
    return text.length;
}

/** Specificity as one number: ids × 10⁶ + classes, attributes and pseudo-classes × 10³ + types. */
function specificity(c: Compound): number {
    let value = c.ids.length * 1_000_000 + (c.classes.length + c.attributes.length) * 1000 + (c.tag ? 1 : 0);
    for (const p of c.pseudos) {
        value += p.not ? Math.max(0, ...p.not.map(specificity)) : 1000;
    }
    return value;
}

// ---- Matching ------------------------------------------------------------------------------

function classesOf(node: SvgNode): readonly string[] {
    const value = node.attrs.class;
    return value == null ? [] : String(value).split(/\s+/).filter(Boolean);
}

function attributeMatches(node: SvgNode, test: AttributeTest): boolean {
    const raw = node.attrs[test.name];
    if (raw == null) return false;
    if (!test.op) return true;
    const value = String(raw);
    const wanted = test.value ?? '';
    switch (test.op) {
        case '=': return value === wanted;
        case '~=': return value.split(/\s+/).includes(wanted);
        case '|=': return value === wanted || value.startsWith(wanted + '-');
        case '^=': return wanted !== '' && value.startsWith(wanted);
        case '$=': return wanted !== '' && value.endsWith(wanted);
        case '*=': return wanted !== '' && value.includes(wanted);
    }
}

function compoundMatches(c: Compound, at: Context): boolean {
    if (c.never) return false;
    const node = at.node;
    if (c.tag !== undefined && c.tag !== node.tag) return false;
    if (c.classes.length > 0) {
        const classes = classesOf(node);
        for (const name of c.classes) if (!classes.includes(name)) return false;
    }
    for (const id of c.ids) if (node.attrs.id !== id) return false;
    for (const test of c.attributes) if (!attributeMatches(node, test)) return false;
    for (const p of c.pseudos) {
        if (p.name === 'root' && at.parent) return false;
        if (p.name === 'first-child' && elementIndex(at, -1) !== undefined) return false;
        if (p.name === 'last-child' && elementIndex(at, 1) !== undefined) return false;
        if (p.not && p.not.some(inner => compoundMatches(inner, at))) return false;
    }
    return true;
}

/** The index of the nearest sibling element before (`step` -1) or after (+1) `at`. */
function elementIndex(at: Context, step: -1 | 1): number | undefined {
    const i = at.index + step;
    return i >= 0 && i < at.siblings.length ? i : undefined;
}

function siblingContext(at: Context, index: number): Context {
    return { node: at.siblings[index], ...(at.parent ? { parent: at.parent } : {}), siblings: at.siblings, index };
}

/** Does `selector` (from its part `k` on) match the element at `at`? */
function matchesFrom(selector: Selector, k: number, at: Context): boolean {
    if (!compoundMatches(selector.parts[k], at)) return false;
    if (k === selector.parts.length - 1) return true;
    switch (selector.combinators[k]) {
        case '>': return at.parent !== undefined && matchesFrom(selector, k + 1, at.parent);
        case ' ':
            for (let up = at.parent; up; up = up.parent) if (matchesFrom(selector, k + 1, up)) return true;
            return false;
        case '+': {
            const i = elementIndex(at, -1);
            return i !== undefined && matchesFrom(selector, k + 1, siblingContext(at, i));
        }
        case '~':
            for (let i = at.index - 1; i >= 0; i--) if (matchesFrom(selector, k + 1, siblingContext(at, i))) return true;
            return false;
    }
}

// ---- Cascade -------------------------------------------------------------------------------

type Variables = ReadonlyMap<string, string>;

/** `value` with every `var(--name[, fallback])` replaced; undefined when one has no value (the declaration then does not apply). */
export function substituteVariables(value: string, variables: Variables, depth = 0): string | undefined {
    if (!value.includes('var(') || depth > 16) return value.includes('var(') ? undefined : value;
    let out = '';
    let i = 0;
    for (;;) {
        const start = value.indexOf('var(', i);
        if (start < 0) return out + value.slice(i);
        const close = start + 3 + closingParen(value.slice(start + 3));
        if (close >= value.length) return undefined;
        const [name, ...fallbackParts] = splitTopLevel(value.slice(start + 4, close), ',');
        const own = variables.get(name.trim());
        const fallback = fallbackParts.length > 0 ? fallbackParts.join(',').trim() : undefined;
        const resolved = own !== undefined ? substituteVariables(own, variables, depth + 1)
            : fallback !== undefined ? substituteVariables(fallback, variables, depth + 1) : undefined;
        if (resolved === undefined) return undefined;
        out += value.slice(i, start) + resolved;
        i = close + 1;
    }
}

interface Indexed {
    /** Rules by the tag their subject must have, or '*' for any tag; each list in cascade order. */
    byTag: Map<string, Rule[]>;
}

function indexRules(rules: readonly Rule[]): Indexed {
    const byTag = new Map<string, Rule[]>();
    for (const rule of rules) {
        const subject = rule.selector.parts[0];
        if (subject.never) continue;
        const key = subject.tag ?? '*';
        let list = byTag.get(key);
        if (!list) byTag.set(key, list = []);
        list.push(rule);
    }
    return { byTag };
}

const byCascade = (a: { important: boolean; specificity: number; order: number }, b: { important: boolean; specificity: number; order: number }) =>
    Number(a.important) - Number(b.important) || a.specificity - b.specificity || a.order - b.order;

/** The declarations that apply to the element at `at`, later ones winning. */
function cascade(index: Indexed, at: Context): Array<Declaration & { specificity: number; order: number }> {
    const matched: Array<Declaration & { specificity: number; order: number }> = [];
    for (const key of [at.node.tag, '*']) {
        for (const rule of index.byTag.get(key) ?? []) {
            if (!matchesFrom(rule.selector, 0, at)) continue;
            for (const d of rule.declarations) matched.push({ ...d, specificity: rule.selector.specificity, order: rule.order });
        }
    }
    // An inline style attribute beats every rule (and a rule's !important beats it).
    const inline = at.node.attrs.style;
    if (inline != null) for (const d of parseDeclarations(String(inline))) matched.push({ ...d, specificity: 1e9, order: 0 });
    return matched.sort(byCascade);
}

const PRESERVE_SPACE = new Set(['pre', 'pre-wrap', 'pre-line', 'break-spaces']);

/**
 * `tree` with the stylesheet `css` applied as presentation attributes, and without <style>
 * elements or style attributes. Attributes the cascade sets come after the element's own, in a
 * fixed order, so the same tree and stylesheet always give the same markup.
 */
export function inlineStyles(tree: SvgNode, css: string): SvgNode {
    const index = indexRules(parseStylesheet(css));
    const walk = (at: Context, inherited: Variables): SvgNode => {
        const node = at.node;
        const declarations = cascade(index, at);
        let variables = inherited;
        const values = new Map<string, string>();
        for (const d of declarations) {
            if (d.property.startsWith('--')) {
                if (variables === inherited) variables = new Map(inherited);
                // Custom properties hold their value with var() already resolved, as a browser computes them.
                const value = substituteVariables(d.value, variables);
                if (value === undefined) (variables as Map<string, string>).delete(d.property);
                else (variables as Map<string, string>).set(d.property, value);
            }
        }
        for (const d of declarations) {
            if (d.property.startsWith('--')) continue;
            const value = substituteVariables(d.value, variables);
            // A var() with no value makes the declaration not apply: the property is inherited or initial.
            if (value === undefined) values.delete(d.property);
            else values.set(d.property, value);
        }
        const attrs: Record<string, AttrValue> = {};
        for (const name in node.attrs) if (name !== 'style') attrs[name] = node.attrs[name];
        for (const property of PRESENTATION) {
            const value = values.get(property);
            if (value !== undefined) attrs[property] = value;
        }
        const space = values.get('white-space');
        if (space !== undefined && PRESERVE_SPACE.has(space)) attrs['xml:space'] = 'preserve';
        if (node.text !== undefined) return { ...node, attrs };
        const children = node.children.filter(child => child.tag !== 'style');
        return {
            ...node, attrs,
            children: children.map((child, i) => walk({ node: child, parent: at, siblings: children, index: i }, variables)),
        };
    };
    return walk({ node: tree, siblings: [tree], index: 0 }, new Map());
}
