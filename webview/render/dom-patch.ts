/**
 * The DOM backend of svg-tree.ts: makes an element's attributes, text and children match a tree,
 * touching only what changed since the tree it was last patched with (kept on each element), so
 * an edit in the preview moves a few attributes instead of rebuilding the picture, nodes keep
 * their identity and zoom, focus and hover survive.
 *
 * Speed: many new elements at once (the first picture, a zoom out that shows every column) are
 * not created one call at a time but parsed from the string backend's markup in one go, which
 * the browser does several times faster; user text in it is escaped by `toMarkup`, so it still
 * arrives as text nodes, never as markup. Where the parser does not give back exactly the tree
 * (a DOM without an SVG-aware fragment parser), they are created one by one instead.
 */
import type { SvgNode } from './svg-tree.js';
import { sameTree, toMarkup } from './svg-tree.js';

export const SVG_NS = 'http://www.w3.org/2000/svg';

type Patched = Element & { __svgNode?: SvgNode };

/** Brings `target` (its attributes and content; not its tag) in line with `node`. */
export function patchDom(target: Element, node: SvgNode): void {
    const element = target as Patched;
    const previous = element.__svgNode;
    if (previous && sameTree(previous, node)) {
        element.__svgNode = node;
        return;
    }
    patchAttributes(element, previous, node);
    if (node.text !== undefined) {
        if (previous?.text !== node.text || element.childNodes.length !== 1 || element.firstChild?.nodeType !== 3) element.textContent = node.text;
    } else {
        patchChildren(element, node.children);
    }
    element.__svgNode = node;
}

function patchAttributes(element: Element, previous: SvgNode | undefined, node: SvgNode): void {
    const attrs = node.attrs;
    if (!previous) {
        // Never patched by us (a fresh <svg>): clear what is not ours.
        for (const name of Array.from(element.attributes, a => a.name)) if (attrs[name] == null) element.removeAttribute(name);
        for (const name in attrs) {
            const value = attrs[name];
            if (value != null) element.setAttribute(name, String(value));
        }
        return;
    }
    for (const name in previous.attrs) if (previous.attrs[name] != null && attrs[name] == null) element.removeAttribute(name);
    for (const name in attrs) {
        const value = attrs[name];
        if (value != null && previous.attrs[name] !== value) element.setAttribute(name, String(value));
    }
}

/** The key of a child: its own, or its tag and rank among its unkeyed siblings of that tag. */
function keysOf(children: readonly SvgNode[]): string[] {
    const ranks = new Map<string, number>();
    return children.map(child => {
        if (child.key !== undefined) return 'k' + child.key;
        const rank = ranks.get(child.tag) ?? 0;
        ranks.set(child.tag, rank + 1);
        return `t${child.tag}#${rank}`;
    });
}

function patchChildren(parent: Element, children: readonly SvgNode[]): void {
    const existing = new Map<string, Patched>();
    const strays: ChildNode[] = [];
    const drawn: Patched[] = [];
    for (let child = parent.firstChild; child; child = child.nextSibling) {
        const node = child as Patched;
        if (node.__svgNode) drawn.push(node);
        else strays.push(child);
    }
    const oldKeys = keysOf(drawn.map(n => n.__svgNode!));
    drawn.forEach((node, i) => existing.set(oldKeys[i], node));
    // Whatever we did not draw (text left by an earlier textContent, foreign nodes) goes.
    for (const stray of strays) stray.remove();
    const newKeys = keysOf(children);
    const doc = parent.ownerDocument;
    const wanted: Array<Element | undefined> = children.map((child, i) => {
        const found = existing.get(newKeys[i]);
        if (found && found.__svgNode!.tag === child.tag) {
            existing.delete(newKeys[i]);
            patchDom(found, child);
            return found;
        }
        return undefined;
    });
    const fresh = children.filter((_, i) => wanted[i] === undefined);
    const parsed = atLeast(fresh, MARKUP_MIN_ELEMENTS) ? fromMarkup(parent, fresh) : undefined;
    let next = 0;
    for (let i = 0; i < children.length; i++) {
        if (wanted[i]) continue;
        let created = parsed?.[next++];
        if (!created) {
            created = doc.createElementNS(SVG_NS, children[i].tag);
            patchDom(created, children[i]);
        }
        wanted[i] = created;
    }
    for (const gone of existing.values()) gone.remove();
    // Put them in order, moving only what is out of place.
    let cursor = parent.firstChild;
    for (const node of wanted as Element[]) {
        if (node === cursor) cursor = cursor.nextSibling;
        else parent.insertBefore(node, cursor);
    }
}

/** From this many new elements on, parsing their markup beats creating them one by one. */
const MARKUP_MIN_ELEMENTS = 48;

/** Whether `nodes` and their descendants make at least `n` elements (stops counting there). */
function atLeast(nodes: readonly SvgNode[], n: number): boolean {
    let count = 0;
    const visit = (list: readonly SvgNode[]): boolean => {
        for (const node of list) {
            if (++count >= n || visit(node.children)) return true;
        }
        return false;
    };
    return visit(nodes);
}

/**
 * `nodes` as new elements parsed from their markup in the context of `parent` (an SVG element),
 * each bound to its tree for the next patch; undefined when the parse does not match the trees.
 */
function fromMarkup(parent: Element, nodes: readonly SvgNode[]): Element[] | undefined {
    const doc = parent.ownerDocument;
    if (typeof doc.createRange !== 'function') return undefined;
    let markup = '';
    for (const node of nodes) markup += toMarkup(node);
    const range = doc.createRange();
    range.selectNodeContents(parent);
    let fragment: DocumentFragment;
    try {
        fragment = range.createContextualFragment(markup);
    } catch {
        return undefined;
    }
    const elements: Element[] = [];
    let element = fragment.firstElementChild;
    for (const node of nodes) {
        if (!element || !bind(element, node)) return undefined;
        elements.push(element);
        element = element.nextElementSibling;
    }
    return element || fragment.childNodes.length !== nodes.length ? undefined : elements;
}

/** Checks that `element` is `node` as parsed (SVG namespace, tags, shape) and records the tree on it. */
function bind(element: Element, node: SvgNode): boolean {
    if (element.namespaceURI !== SVG_NS || element.localName !== node.tag) return false;
    if (node.text !== undefined) {
        if (element.childElementCount !== 0) return false;
    } else {
        if (element.childNodes.length !== node.children.length) return false;
        let child = element.firstElementChild;
        for (const childNode of node.children) {
            if (!child || !bind(child, childNode)) return false;
            child = child.nextElementSibling;
        }
    }
    (element as Patched).__svgNode = node;
    return true;
}
