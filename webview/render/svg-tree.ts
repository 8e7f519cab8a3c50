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
    /** Only present attributes, values as written (already cleaned), in writing order. */
    readonly attrs: Readonly<Record<string, string>>;
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

/** `text` with every character XML 1.0 forbids replaced by U+FFFD. */
export function xmlSafe(text: string): string {
    NOT_XML.lastIndex = 0;
    return NOT_XML.test(text) ? text.replace(NOT_XML, '\uFFFD') : text;
}

/** An element. Attributes with a null or undefined value are left out. */
export function el(tag: string, attrs: Readonly<Record<string, AttrValue>>, children: readonly SvgNode[] = [], key?: string): SvgNode {
    const clean: Record<string, string> = {};
    for (const name in attrs) {
        const value = attrs[name];
        if (value === null || value === undefined) continue;
        clean[name] = typeof value === 'number' ? String(value) : xmlSafe(value);
    }
    return key === undefined ? { tag, attrs: clean, children } : { tag, attrs: clean, children, key };
}

/** An element whose content is one text node: user text always arrives this way. */
export function textEl(tag: string, attrs: Readonly<Record<string, AttrValue>>, text: string, key?: string): SvgNode {
    const node = el(tag, attrs, [], key);
    return { ...node, text: xmlSafe(text) };
}

/** Two trees that would produce the same markup (keys included). */
export function sameTree(a: SvgNode, b: SvgNode): boolean {
    if (a === b) return true;
    if (a.tag !== b.tag || a.text !== b.text || a.key !== b.key || a.children.length !== b.children.length) return false;
    let count = 0;
    for (const name in a.attrs) {
        if (a.attrs[name] !== b.attrs[name]) return false;
        count++;
    }
    for (const _ in b.attrs) count--;
    if (count !== 0) return false;
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
    const parts: string[] = [];
    write(node, parts);
    return parts.join('');
}

function write(node: SvgNode, parts: string[]): void {
    let open = '<' + node.tag;
    for (const name in node.attrs) open += ' ' + name + '="' + escapeAttr(node.attrs[name]) + '"';
    if (node.text !== undefined) {
        parts.push(open + '>' + escapeText(node.text) + '</' + node.tag + '>');
        return;
    }
    if (node.children.length === 0) {
        // An explicit end tag: a self-closed <g/> would be read as an open tag by an HTML parser
        // outside of foreign content; this way the text is the same in both.
        parts.push(open + '></' + node.tag + '>');
        return;
    }
    parts.push(open + '>');
    for (const child of node.children) write(child, parts);
    parts.push('</' + node.tag + '>');
}
