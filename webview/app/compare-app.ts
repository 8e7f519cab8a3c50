/**
 * The compare view inside its webview: the old and the new picture of one journey, side by side
 * or stacked, laid out so each stage starts at the same x in both and panned together; the
 * change list beside them. Every picture and list entry arrives ready-made from the host (plain
 * models, marks, prose): this page lays out and draws, and reports clicks.
 */
import type { JourneyModel } from '../../language/model/journey-model.js';
import type { CompareChangeItem, CompareJourney, CompareMessage, CompareState, CompareToHostMessage, HostToCompareMessage } from '../compare-messages.js';
import type { ChangeKind, MapLayout } from '../layout/layout-types.js';
import { layoutAligned } from '../layout/stage-alignment.js';
import { mapCss } from '../render/map-style.js';
import { renderMap } from '../render/render-map.js';
import { addStyle, button, element, journeyPicker } from './dom.js';
import { PAGE_CSS } from './page-style.js';
import { LAYOUT } from '../layout/journey-layout.js';
import { MapView } from './map-view.js';
import { viewerCss } from './viewer-style.js';
import { readableScale, type ZoomCanvas } from './zoom-canvas.js';

export interface CompareHostApi {
    postMessage(message: CompareToHostMessage): void;
    getState(): CompareState | undefined;
    setState(state: CompareState): void;
}

type Side = 'old' | 'new';

const COMPARE_CSS = `
#jm-summary{opacity:.85;}
#jm-compare{flex:1;min-height:0;display:flex;}
#jm-changes{flex:0 0 clamp(160px,24%,300px);overflow:auto;padding:6px 8px;border-right:1px solid var(--vscode-panel-border,transparent);}
#jm-changes h2{font-size:inherit;margin:4px 0;opacity:.85;}
#jm-changes ol{margin:0 0 8px;padding-left:22px;}
#jm-changes li{margin:2px 0;}
#jm-changes p{margin:4px 0;opacity:.8;}
#jm-changes button{all:unset;cursor:pointer;display:block;white-space:pre-wrap;overflow-wrap:anywhere;}
#jm-changes button:hover,#jm-changes button:focus{text-decoration:underline;outline:1px solid var(--vscode-focusBorder);}
#jm-changes li[data-kind]::marker{font-weight:bold;}
#jm-changes li[data-kind=added]::marker{content:"+ ";color:var(--vscode-terminal-ansiCyan,#39c5cf);}
#jm-changes li[data-kind=removed]::marker{content:"− ";color:var(--vscode-disabledForeground,#8b949e);}
#jm-changes li[data-kind=changed]::marker,#jm-changes li[data-kind=renamed]::marker{content:"~ ";color:var(--vscode-terminal-ansiBlue,#79c0ff);}
#jm-changes li[data-kind=moved]::marker{content:"↔ ";color:var(--vscode-terminal-ansiMagenta,#f778ba);}
#jm-panes{flex:1;min-width:0;display:flex;}
#jm-panes.jm-side-by-side{flex-direction:row;}
#jm-panes.jm-stacked{flex-direction:column;}
.jm-pane{flex:1;min-width:0;min-height:0;display:flex;flex-direction:column;}
.jm-side-by-side .jm-pane+.jm-pane{border-left:1px solid var(--vscode-panel-border,#888);}
.jm-stacked .jm-pane+.jm-pane{border-top:1px solid var(--vscode-panel-border,#888);}
.jm-pane-label{padding:2px 8px;font-weight:bold;opacity:.85;}
.jm-pane-note{padding:16px;opacity:.8;}
.jm-pane-note[hidden]{display:none;}
.jm-pane-canvas{flex:1;min-height:0;}
.jm-map .jm-card.jm-focus>rect{stroke:var(--jm-highlight);stroke-width:4;}
`;

interface Pane {
    label: HTMLElement;
    note: HTMLElement;
    /** The map on screen as in the preview: frozen lane labels and stage headers, overview strip, keyboard. */
    view: MapView;
    canvas: ZoomCanvas;
    layout?: MapLayout;
}

export class CompareApp {
    private readonly title: HTMLElement;
    private readonly picker: HTMLSelectElement;
    private readonly summary: HTMLElement;
    private readonly arrangeButton: HTMLButtonElement;
    private readonly banner: HTMLElement;
    private readonly empty: HTMLElement;
    private readonly changes: HTMLElement;
    private readonly panes: HTMLElement;
    private readonly sides: Record<Side, Pane>;
    private state: CompareState;
    private message?: CompareMessage;
    private fitted = false;
    private syncing = false;

    constructor(private readonly doc: Document, private readonly host: CompareHostApi, nonce: string | undefined) {
        this.state = host.getState() ?? {};
        addStyle(doc, nonce, PAGE_CSS + COMPARE_CSS + mapCss('vscode') + viewerCss('vscode'));

        const root = element(this.doc, 'div', { id: 'jm-root' });
        const toolbar = element(this.doc, 'div', { id: 'jm-toolbar', role: 'toolbar' });
        this.title = element(this.doc, 'span', { class: 'jm-file' });
        this.picker = journeyPicker(doc, id => this.selectJourney(id));
        this.summary = element(this.doc, 'span', { id: 'jm-summary', role: 'status' });
        this.arrangeButton = button(this.doc, 'jm-arrangement', 'Stacked', 'Show the old map above the new one instead of beside it', () => this.toggleArrangement());
        const fit = button(this.doc, 'jm-fit', 'Fit width', 'Fit the maps to the width of their panes', () => this.fit(0.02));
        toolbar.append(this.title, this.picker, this.summary, this.arrangeButton, fit);
        this.banner = element(this.doc, 'div', { id: 'jm-banner', role: 'alert' });
        this.banner.hidden = true;
        this.empty = element(this.doc, 'div', { id: 'jm-empty' });
        this.empty.textContent = 'Comparing…';
        const body = element(this.doc, 'div', { id: 'jm-compare' });
        this.changes = element(this.doc, 'nav', { id: 'jm-changes', 'aria-label': 'Changes' });
        this.panes = element(this.doc, 'div', { id: 'jm-panes' });
        this.sides = { old: this.pane('old'), new: this.pane('new') };
        body.append(this.changes, this.panes);
        root.append(toolbar, this.banner, this.empty, body);
        doc.body.appendChild(root);
        this.arrange();
        // Pan and zoom one, the other follows: the stages are at the same x in both pictures.
        for (const [side, other] of [['old', 'new'], ['new', 'old']] as const) {
            this.sides[side].canvas.onChange(t => {
                if (this.syncing) return;
                this.syncing = true;
                this.sides[other].canvas.setTransform(t);
                this.syncing = false;
            });
        }
    }

    handle(message: HostToCompareMessage): void {
        if (message.type === 'compareFailed') {
            this.saveState({ spec: message.spec });
            this.banner.textContent = message.message;
            this.banner.hidden = false;
            if (!this.message) this.empty.textContent = 'Nothing to compare.';
            return;
        }
        this.message = message;
        this.saveState({ spec: message.spec });
        this.title.textContent = message.title;
        const errors = [...message.old.errors.map(e => `${message.old.label}: ${e}`), ...message.new.errors.map(e => `${message.new.label}: ${e}`)];
        const notices = [message.old.notice, message.new.notice].filter((n): n is string => n !== undefined);
        this.banner.textContent = errors.length ? `Not compared, a version does not parse. ${errors.join(' · ')}` : notices.join(' ');
        this.banner.hidden = errors.length === 0 && notices.length === 0;
        this.summary.textContent = summaryText(message);
        this.picker.replaceChildren(...message.journeys.map(j => {
            const option = this.doc.createElement('option');
            option.value = j.id;
            option.textContent = j.changes.length ? `${j.title} (${j.changes.length})` : j.title;
            return option;
        }));
        this.picker.hidden = message.journeys.length < 2;
        this.empty.hidden = message.journeys.length > 0;
        if (message.journeys.length === 0) this.empty.textContent = 'Neither version has a journey.';
        this.draw();
    }

    private current(): CompareJourney | undefined {
        const journeys = this.message?.journeys ?? [];
        return journeys.find(j => j.id === this.state.journeyId) ?? journeys.find(j => j.changes.length > 0) ?? journeys[0];
    }

    private selectJourney(id: string): void {
        this.saveState({ journeyId: id });
        this.fitted = false;
        this.draw();
    }

    private draw(): void {
        const journey = this.current();
        this.drawChanges(journey);
        if (!journey) return;
        this.picker.value = journey.id;
        const layouts = layoutAligned(journey.old, journey.new);
        this.drawPane('old', journey.old, layouts.old, journey.oldMarks);
        this.drawPane('new', journey.new, layouts.new, journey.newMarks);
        // Opens readable (card text at least 11 px on screen), to be panned; Fit width shrinks it.
        if (!this.fitted) this.fit(readableScale(LAYOUT.bodySize));
    }

    private drawPane(side: Side, journey: JourneyModel | undefined, layout: MapLayout | undefined, marks: ReadonlyArray<[string, ChangeKind]>): void {
        const pane = this.sides[side];
        const info = this.message![side];
        pane.label.textContent = info.label;
        pane.layout = layout;
        pane.note.hidden = layout !== undefined;
        pane.canvas.outer.style.display = layout ? '' : 'none';
        if (!layout || !journey) {
            pane.note.textContent = info.errors.length ? `${info.label} does not parse.` : `Not in ${info.label}.`;
            pane.view.setLayout(undefined);
            return;
        }
        pane.view.setLayout(layout);
        renderMap(pane.canvas.map, layout, { changes: new Map(marks) });
        pane.view.afterRender();
    }

    private drawChanges(journey: CompareJourney | undefined): void {
        const message = this.message!;
        const groups: HTMLElement[] = [];
        const group = (heading: string, changes: readonly CompareChangeItem[]) => {
            if (changes.length === 0) return;
            const title = element(this.doc, 'h2', {});
            title.textContent = heading;
            const list = element(this.doc, 'ol', {});
            for (const change of changes) {
                const entry = element(this.doc, 'li', { 'data-kind': change.kind });
                const go = element(this.doc, 'button', { type: 'button', 'data-new-key': change.newKey, 'data-old-key': change.oldKey });
                go.textContent = change.text;
                go.addEventListener('click', () => this.focusChange(change));
                entry.append(go);
                list.append(entry);
            }
            groups.push(title, list);
        };
        group('Declarations', message.declarations);
        if (journey) group(journey.title, journey.changes);
        if (groups.length === 0) {
            const none = element(this.doc, 'p', {});
            none.textContent = message.old.errors.length || message.new.errors.length ? 'Not compared.' : 'No changes.';
            groups.push(none);
        }
        this.changes.replaceChildren(...groups);
    }

    /** Centers the element in both pictures and asks the host to show its source. */
    private focusChange(change: CompareChangeItem): void {
        for (const side of ['old', 'new'] as const) {
            const pane = this.sides[side];
            for (const node of Array.from(pane.canvas.map.querySelectorAll('.jm-focus'))) node.classList.remove('jm-focus');
            const key = side === 'old' ? change.oldKey : change.newKey;
            const card = key ? pane.layout?.cards.find(c => c.key === key) : undefined;
            if (!card) continue;
            pane.canvas.map.querySelector(`g.jm-card[data-key="${CSS.escape(key)}"]`)?.classList.add('jm-focus');
            this.syncing = true;
            pane.canvas.reveal(card.x, card.y, card.width, card.height);
            this.syncing = false;
        }
        if (change.reveal) this.host.postMessage({ type: 'reveal', side: change.reveal.side, range: change.reveal.range });
    }

    private onClick(side: Side, event: MouseEvent): void {
        const key = (event.target as Element).closest?.('[data-key]')?.getAttribute('data-key');
        if (key) this.revealKey(side, key);
    }

    /** Asks the host to show the source of the card or emotion point `key` of one side. */
    private revealKey(side: Side, key: string): void {
        const layout = this.sides[side].layout;
        if (!layout) return;
        const range = layout.cards.find(c => c.key === key)?.range ?? layout.emotion?.points.find(p => p.key === key)?.range;
        if (range) this.host.postMessage({ type: 'reveal', side, range });
    }

    private fit(minScale: number): void {
        const width = Math.max(this.sides.old.layout?.width ?? 0, this.sides.new.layout?.width ?? 0);
        if (width === 0) return;
        const shown = this.sides.new.layout ? this.sides.new : this.sides.old;
        shown.canvas.fitToWidth(width, minScale);
        this.fitted = true;
    }

    private toggleArrangement(): void {
        this.saveState({ arrangement: this.panes.className === 'jm-stacked' ? 'side-by-side' : 'stacked' });
        this.arrange();
        this.fit(readableScale(LAYOUT.bodySize));
    }

    private arrange(): void {
        // Side by side unless chosen otherwise; stacked at first in a view too narrow for two maps.
        const stacked = (this.state.arrangement ?? (this.doc.documentElement.clientWidth < 1000 ? 'stacked' : 'side-by-side')) === 'stacked';
        this.panes.className = stacked ? 'jm-stacked' : 'jm-side-by-side';
        this.arrangeButton.setAttribute('aria-pressed', String(stacked));
    }

    private pane(side: Side): Pane {
        const section = element(this.doc, 'section', { class: 'jm-pane', 'data-side': side, 'aria-label': side === 'old' ? 'Old version' : 'New version' });
        const label = element(this.doc, 'div', { class: 'jm-pane-label' });
        const note = element(this.doc, 'div', { class: 'jm-pane-note' });
        note.hidden = true;
        const host = element(this.doc, 'div', { class: 'jm-pane-canvas' });
        section.append(label, note, host);
        this.panes.append(section);
        // Enter on a focused card shows its source, as a click does.
        const view = new MapView(host, { activate: card => this.revealKey(side, card.key) });
        const canvas = view.canvas;
        canvas.outer.addEventListener('click', event => this.onClick(side, event));
        return { label, note, view, canvas };
    }

    private saveState(patch: Partial<CompareState>): void {
        this.state = { ...this.state, ...patch };
        this.host.setState(this.state);
    }
}

function summaryText(message: CompareMessage): string {
    const s = message.summary;
    const parts = (['added', 'removed', 'changed', 'moved', 'renamed'] as const).filter(k => s[k] > 0).map(k => `${s[k]} ${k}`);
    if (s.better || s.worse) parts.push(`emotion ${s.better} better, ${s.worse} worse`);
    return parts.length ? parts.join(' · ') : 'No changes';
}
