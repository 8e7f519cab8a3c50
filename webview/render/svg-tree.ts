/**
 * The picture as a tree of plain objects: what the map renderer builds, and what its two
 * backends read — `toMarkup` (SVG text for `journeymap render`, the HTML exports and the diff
 * pages) and `patchDom` in dom-patch.ts (the live preview and compare view, patched in place).
 * One renderer, one markup: both backends write exactly the elements, attributes and text of
 * the tree.
 *
 * Text is cleaned once, when the tree is built: characters XML 1.0 does not allow (NUL and the
 * other C0 controls but tab, line feed and carriage return; lone surrogates; U+FFFE/U+FFFF)
 * become U+FFFD, so a file always parses as XML and the DOM holds the same words the file does.
 * Everything else (bidi controls, emoji, right-to-left text) is kept as it is.
 */

/** Attribute values; `null`/`undefined` leave the attribute out. */
export type AttrValue = string | number | null | undefined;

export interface SvgNode {
    readonly tag: string;
    /** Attributes in writing order; null/undefined ones are left out. Strings already cleaned. */
    readonly attrs: Readonly<Record<string, AttrValue>>;
    readonly children: readonly SvgNode[];
    /** The element's only content when set: a text node (the element then has no children). */
    readonly text?: string;
    /**
     * Identity among its siblings, for patching: the same key is the same DOM node on the next
     * render. Children without a key are matched by tag and position.
     */
    readonly key?: string;
}

// Lone surrogates are matched without the `u` flag: a high surrogate not followed by a low one,
// or a low one not preceded by a high one.
const NOT_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A quick test that lets almost every string skip the full one (emoji have surrogates). */
const MAYBE_NOT_XML = /[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** `text` with every character XML 1.0 forbids replaced by U+FFFD. */
export function xmlSafe(text: string): string {
    return MAYBE_NOT_XML.test(text) ? text.replace(NOT_XML, '\uFFFD') : text;
}

const NO_CHILDREN: readonly SvgNode[] = [];

/**
 * An element. Takes `attrs` over (cleans its strings in place: pass a fresh object); attributes
 * with a null or undefined value are left out.
 */
export function el(tag: string, attrs: Record<string, AttrValue>, children: readonly SvgNode[] = NO_CHILDREN, key?: string): SvgNode {
    for (const name in attrs) {
        const value = attrs[name];
        if (typeof value === 'string') {
            const safe = xmlSafe(value);
            if (safe !== value) attrs[name] = safe;
        }
    }
    return key === undefined ? { tag, attrs, children } : { tag, attrs, children, key };
}

/** An element whose content is one text node: user text always arrives this way. */
export function textEl(tag: string, attrs: Record<string, AttrValue>, text: string, key?: string): SvgNode {
    el(tag, attrs);
    return key === undefined ? { tag, attrs, children: NO_CHILDREN, text: xmlSafe(text) } : { tag, attrs, children: NO_CHILDREN, text: xmlSafe(text), key };
}

/** Two trees that would produce the same markup (keys included). */
export function sameTree(a: SvgNode, b: SvgNode): boolean {
    if (a === b) return true;
    if (a.tag !== b.tag || a.text !== b.text || a.key !== b.key || a.children.length !== b.children.length) return false;
    // Absent and null are the same attribute: left out.
    for (const name in a.attrs) if ((a.attrs[name] ?? null) !== (b.attrs[name] ?? null)) return false;
    for (const name in b.attrs) if (!(name in a.attrs) && b.attrs[name] != null) return false;
    for (let i = 0; i < a.children.length; i++) if (!sameTree(a.children[i], b.children[i])) return false;
    return true;
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', '\'': '&#39;', '\t': '&#9;', '\n': '&#10;' };

/**
 * Text content: `&`, `<` and `>` (so `]]>` cannot appear) as entities, and a carriage return as
 * a character reference (a parser would turn a literal one into a line feed).
 */
export function escapeText(text: string): string {
    return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, c => TEXT_ESCAPES[c]) : text;
}

/** A double-quoted attribute value: quotes too, and white space a parser would otherwise normalize. */
export function escapeAttr(value: string): string {
    return /[&<>"'\t\n\r]/.test(value) ? value.replace(/[&<>"'\t\n\r]/g, c => ATTR_ESCAPES[c]) : value;
}

/** The tree as XML text (valid as SVG in a file and as inline SVG in an HTML page). */
export function toMarkup(node: SvgNode): string {
    return write(node, '');
}

/** `out` with `node` appended (one growing string: cheaper than joining many small pieces). */
function write(node: SvgNode, out: string): string {
    out += '<' + node.tag;
    const attrs = node.attrs;
    for (const name in attrs) {
        const value = attrs[name];
        if (value === null || value === undefined) continue;
        out += ' ' + name + '="' + (typeof value === 'number' ? value : escapeAttr(value)) + '"';
    }
    // Always an explicit end tag: a self-closed <g/> would be read as an open tag by an HTML
    // parser outside of foreign content; this way the text means the same in both.
    if (node.text !== undefined) return out + '>' + escapeText(node.text) + '</' + node.tag + '>';
    out += '>';
    for (const child of node.children) out = write(child, out);
    return out + '</' + node.tag + '>';
}
