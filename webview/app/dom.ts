/** Building the page around a map: elements with attributes; text is always set as text. */
export function element(doc: Document, tag: string, attributes: Record<string, string>): HTMLElement {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
}

export function button(doc: Document, id: string, text: string, title: string, onClick: () => void): HTMLButtonElement {
    const node = element(doc, 'button', { id, title, type: 'button' }) as HTMLButtonElement;
    node.textContent = text;
    node.addEventListener('click', onClick);
    return node;
}

/** The page's one stylesheet, with the nonce the CSP allows styles by. */
export function addStyle(doc: Document, nonce: string | undefined, css: string): void {
    const style = doc.createElement('style');
    if (nonce) style.setAttribute('nonce', nonce);
    style.textContent = css;
    doc.head.appendChild(style);
}

/** The toolbar's journey picker: hidden until a file has two journeys or more. */
export function journeyPicker(doc: Document, onChange: (id: string) => void): HTMLSelectElement {
    const picker = element(doc, 'select', { id: 'jm-picker', title: 'Journey', 'aria-label': 'Journey' }) as HTMLSelectElement;
    picker.hidden = true;
    picker.addEventListener('change', () => onChange(picker.value));
    return picker;
}
