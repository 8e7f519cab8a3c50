/**
 * The DOM backend of svg-tree.ts: makes an element's attributes, text and children match a tree,
 * touching only what changed since the tree it was last patched with (kept on each element), so
 * an edit in the preview moves a few attributes instead of rebuilding the picture, nodes keep
 * their identity and zoom, focus and hover survive. Text is only ever set as a text node.
 */
import type { SvgNode } from './svg-tree.js';
import { sameTree } from './svg-tree.js';

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
    const wanted: Element[] = children.map((child, i) => {
        const found = existing.get(newKeys[i]);
        if (found && found.__svgNode!.tag === child.tag) {
            existing.delete(newKeys[i]);
            patchDom(found, child);
            return found;
        }
        const created = doc.createElementNS(SVG_NS, child.tag);
        patchDom(created, child);
        return created;
    });
    for (const gone of existing.values()) gone.remove();
    // Put them in order, moving only what is out of place.
    let cursor = parent.firstChild;
    for (const node of wanted) {
        if (node === cursor) cursor = cursor.nextSibling;
        else parent.insertBefore(node, cursor);
    }
}
