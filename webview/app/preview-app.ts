/**
 * The preview inside the webview: receives models from the extension host, lays them out and
 * renders them in place, and sends back what the user does (click a card, click the error
 * banner, export). It never parses `.journey` text: the model arrives ready-made.
 */
import type { JourneyDocumentModel, JourneyModel, Position, Range } from '../../language/model/journey-model.js';
import { LAYOUT, layoutJourney } from '../layout/journey-layout.js';
import { LayoutMemo } from '../layout/layout-memo.js';
import { LANE_LABELS, type CardLayout, type LaneId, type MapLayout } from '../layout/layout-types.js';
import { safeLinkUrl } from '../layout/safe-link.js';
import { flatMapSvg } from '../render/flat-svg.js';
import { EXPORT_THEMES, mapCss, type ExportTheme } from '../render/map-style.js';
import { emotionTooltip, renderMap } from '../render/render-map.js';
import { mapSvg } from '../render/svg-markup.js';
import type { ExportFormat, HostToWebviewMessage, ModelMessage, PreviewState, WebviewToHostMessage } from '../messages.js';
import { addStyle, button, element, journeyPicker } from './dom.js';
import { PAGE_CSS } from './page-style.js';
import { MapView } from './map-view.js';
import { textViewContent } from './text-view.js';
import { viewerCss } from './viewer-style.js';
import { keyAt, mapPoint } from './map-hit.js';
import { outlineAt } from './readable-scale.js';
import { readableScale, type ZoomCanvas } from './zoom-canvas.js';

export interface HostApi {
    postMessage(message: WebviewToHostMessage): void;
    getState(): PreviewState | undefined;
    setState(state: PreviewState): void;
}

const PREVIEW_CSS = `
#jm-lanes{position:relative;}
#jm-lanes>div{position:absolute;z-index:2;right:0;background:var(--vscode-menu-background,var(--vscode-editor-background));color:var(--vscode-menu-foreground,inherit);border:1px solid var(--vscode-menu-border,var(--vscode-panel-border,#888));padding:6px 10px;white-space:nowrap;}
#jm-lanes label{display:block;}
#jm-canvas-host{flex:1;min-height:0;}
#jm-canvas-host[hidden]{display:none;}
#jm-tooltip{position:fixed;z-index:3;max-width:360px;white-space:pre-wrap;pointer-events:none;padding:4px 8px;background:var(--vscode-editorHoverWidget-background,var(--vscode-editor-background));color:var(--vscode-editorHoverWidget-foreground,var(--vscode-editor-foreground));border:1px solid var(--vscode-editorHoverWidget-border,var(--vscode-panel-border,#888));}
#jm-tooltip[hidden]{display:none;}
`;

const THEME_LABELS: Readonly<Record<ExportTheme, string>> = { light: 'Light', dark: 'Dark', 'high-contrast': 'High contrast' };

const TOGGLABLE: LaneId[] = ['touchpoints', 'mindset', 'emotion', 'onstage', 'offstage', 'support', 'pains', 'opportunities', 'metrics'];

function contains(range: Range, p: Position): boolean {
    const after = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
    const before = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
    return after && before;
}

export class PreviewApp {
    private readonly view: MapView;
    private readonly canvas: ZoomCanvas;
    private readonly canvasHost: HTMLElement;
    private readonly textView: HTMLElement;
    private readonly textButton: HTMLButtonElement;
    private readonly banner: HTMLElement;
    private readonly picker: HTMLSelectElement;
    private readonly fileLabel: HTMLElement;
    private readonly lockButton: HTMLButtonElement;
    private readonly empty: HTMLElement;
    private readonly tooltip: HTMLElement;
    private state: PreviewState;
    private message?: ModelMessage;
    private model?: JourneyDocumentModel;
    private layout?: MapLayout;
    /** Steps of the last layout, so a typing update re-makes only the steps it changed. */
    private readonly layoutMemo = new LayoutMemo();
    private highlighted?: string;
    private fitted = false;
    /** The horizontal range of the map drawn last (the view plus a screen either side). */
    private drawnWindow?: readonly [number, number];
    /** Whether the picture on screen was drawn in outline (zoomed out past reading). */
    private drawnOutline = false;
    /** The journeys the picker lists (ids and titles), to rebuild it only when they change. */
    private pickerOptions = '';
    private redrawQueued = false;

    constructor(private readonly doc: Document, private readonly host: HostApi, nonce: string | undefined) {
        this.state = host.getState() ?? {};
        addStyle(doc, nonce, PAGE_CSS + PREVIEW_CSS + mapCss('vscode') + viewerCss('vscode'));

        const root = element(this.doc, 'div', { id: 'jm-root' });
        const toolbar = element(this.doc, 'div', { id: 'jm-toolbar', role: 'toolbar' });
        this.fileLabel = element(this.doc, 'span', { class: 'jm-file' });
        this.picker = journeyPicker(doc, id => this.selectJourney(id));
        const fit = button(this.doc, 'jm-fit', 'Fit width', 'Fit the map to the width of the view', () => this.canvas.fitToWidth(this.layout?.width ?? 1));
        const fitPage = button(this.doc, 'jm-fit-page', 'Fit page', 'Fit the whole map into the view', () => this.canvas.fitToPage(this.layout?.width ?? 1, this.layout?.height ?? 1));
        this.textButton = button(this.doc, 'jm-text-toggle', 'Text view', 'Show the map as text: a heading per stage and step, a list per step', () => this.toggleTextView());
        const lanes = this.lanesMenu();
        const themePicker = this.exportThemePicker();
        const svgButton = button(this.doc, 'jm-export-svg', 'SVG', 'Export the picture as SVG', () => this.exportPicture('svg'));
        const pngButton = button(this.doc, 'jm-export-png', 'PNG', 'Export the picture as PNG', () => this.exportPicture('png'));
        const pdfButton = button(this.doc, 'jm-export-pdf', 'PDF', 'Export the picture as PDF (one A3 page)', () => this.exportPicture('pdf'));
        this.lockButton = button(this.doc, 'jm-lock', 'Lock', 'Keep showing this file instead of following the active editor', () => {
            this.host.postMessage({ type: 'lock', locked: !this.state.locked });
        });
        toolbar.append(this.fileLabel, this.picker, fit, fitPage, this.textButton, lanes, themePicker, svgButton, pngButton, pdfButton, this.lockButton);
        this.banner = element(this.doc, 'div', { id: 'jm-banner', role: 'alert', title: 'Go to the first error' });
        this.banner.hidden = true;
        this.banner.addEventListener('click', () => {
            if (this.message) this.host.postMessage({ type: 'revealFirstError', uri: this.message.uri });
        });
        this.empty = element(this.doc, 'div', { id: 'jm-empty' });
        this.empty.textContent = 'Waiting for the language server…';
        const canvasHost = element(this.doc, 'div', { id: 'jm-canvas-host' });
        this.canvasHost = canvasHost;
        this.textView = element(this.doc, 'section', { id: 'jm-text-view', 'aria-label': 'Text view of the map', tabindex: '-1' });
        this.textView.hidden = true;
        this.tooltip = element(this.doc, 'div', { id: 'jm-tooltip', role: 'tooltip' });
        this.tooltip.hidden = true;
        root.append(toolbar, this.banner, this.empty, canvasHost, this.textView, this.tooltip);
        doc.body.appendChild(root);
        this.view = new MapView(canvasHost, {
            activate: card => this.revealKey(card.key),
            draw: () => this.renderIfOutOfWindow(),
            zoomIn: card => this.zoomInTo(card),
            exitTarget: () => fit,
        });
        this.canvas = this.view.canvas;
        if (this.state.transform) {
            this.canvas.setTransform(this.state.transform);
            this.fitted = true;
        }
        this.canvas.onChange(t => {
            this.saveState({ transform: { x: t.x, y: t.y, k: t.k } });
            this.redrawIfOutOfWindow();
        });
        this.canvas.outer.addEventListener('click', event => this.onClick(event));
        this.canvas.outer.addEventListener('mousemove', event => this.onHover(event));
        this.canvas.outer.addEventListener('mouseleave', () => { this.tooltip.hidden = true; });
        this.updateLock();
        this.showTextView(Boolean(this.state.textView));
    }

    /** Handles one message from the host; returns once the DOM is updated. */
    handle(message: HostToWebviewMessage): void {
        switch (message.type) {
            case 'model': return this.showModel(message);
            case 'cursor': return this.showCursor(message.uri, message.position);
            case 'exportRequest': return void this.exportPicture(message.format);
        }
    }

    private showModel(message: ModelMessage): void {
        const switchedFile = this.message !== undefined && this.message.uri !== message.uri;
        this.message = message;
        this.fileLabel.textContent = message.label;
        this.saveState({ uri: message.uri, locked: message.locked });
        this.updateLock();
        if (message.syntaxErrors > 0) {
            const n = message.syntaxErrors;
            this.banner.textContent = `${n} syntax error${n === 1 ? '' : 's'}: ${message.model ? 'showing the last valid version' : 'nothing to show yet'}. Click to go to the first error.`;
            this.banner.hidden = false;
        } else {
            this.banner.hidden = true;
        }
        if (!message.model) return;
        this.model = message.model;
        const journeys = message.model.journeys;
        // Rebuilt only when the journeys or their titles change (not on every edit).
        const options = journeys.map(j => `${j.id}\u0001${j.title}`).join('\u0002');
        if (options !== this.pickerOptions) this.picker.replaceChildren(...journeys.map(j => {
            const option = this.doc.createElement('option');
            option.value = j.id;
            option.textContent = j.title;
            return option;
        }));
        this.pickerOptions = options;
        this.picker.hidden = journeys.length < 2;
        if (switchedFile) this.fitted = false;
        this.draw();
    }

    private currentJourney(): JourneyModel | undefined {
        const journeys = this.model?.journeys ?? [];
        return journeys.find(j => j.id === this.state.journeyId) ?? journeys[0];
    }

    private selectJourney(id: string): void {
        if (id === this.currentJourney()?.id) return;
        this.saveState({ journeyId: id });
        this.fitted = false;
        this.draw();
    }

    private draw(): void {
        const journey = this.currentJourney();
        if (!journey) {
            this.empty.textContent = 'This file has no journey.';
            this.empty.hidden = false;
            this.canvas.outer.style.display = 'none';
            this.layout = undefined;
            this.view.setLayout(undefined);
            this.textView.replaceChildren();
            return;
        }
        this.empty.hidden = true;
        this.canvas.outer.style.display = '';
        this.picker.value = journey.id;
        const started = performance.now();
        this.layout = layoutJourney(journey, { hiddenLanes: new Set(this.state.hiddenLanes ?? []), memo: this.layoutMemo });
        // Marks for the benchmark's breakdown (bench/preview.bench.ts); cheap enough to keep.
        performance.measure('journeymap:layout', { start: started });
        this.view.setLayout(this.layout);
        if (!this.textView.hidden) this.textView.replaceChildren(...textViewContent(this.doc, this.layout));
        if (!this.fitted) {
            // Never so small that card text is unreadable: a wide map opens readable, to be panned;
            // the Fit width button shrinks it as far as needed.
            this.canvas.fitToWidth(this.layout.width, readableScale(LAYOUT.bodySize));
            this.fitted = true;
        }
        this.render();
    }

    private render(): void {
        if (!this.layout) return;
        this.drawnWindow = this.viewWindow(0.5);
        this.drawnOutline = this.outline();
        const started = performance.now();
        renderMap(this.canvas.map, this.layout, {
            ...(this.highlighted ? { highlightStep: this.highlighted } : {}),
            visibleX: this.drawnWindow,
            titles: false,
            outline: this.drawnOutline,
        });
        performance.measure('journeymap:render', { start: started });
        this.view.afterRender();
    }

    /** Draws now if the view has left the drawn columns (the keyboard needs its card at once). */
    private renderIfOutOfWindow(): void {
        if (!this.layout || !this.drawnWindow) return;
        const [v0, v1] = this.viewWindow(0);
        if (v0 < this.drawnWindow[0] || v1 > this.drawnWindow[1] || this.outline() !== this.drawnOutline) this.render();
    }

    /** Before the keyboard focuses a card of a picture drawn in outline: zoom in to where text reads, around it. */
    private zoomInTo(card: CardLayout): void {
        const k = readableScale(LAYOUT.bodySize);
        const view = this.canvas.size();
        this.canvas.setTransform({ k, x: view.width / 2 - (card.x + card.width / 2) * k, y: Math.min(0, view.height / 2 - (card.y + card.height / 2) * k) });
    }

    private toggleTextView(): void {
        this.saveState({ textView: !this.state.textView });
        this.showTextView(Boolean(this.state.textView));
    }

    /** The text view instead of the picture, or back; one toggle button, its state pressed. */
    private showTextView(on: boolean): void {
        this.textButton.setAttribute('aria-pressed', String(on));
        this.textView.hidden = !on;
        this.canvasHost.hidden = on;
        if (on && this.layout) this.textView.replaceChildren(...textViewContent(this.doc, this.layout));
        if (!on) this.view.update();
    }

    /** The map's x range in view, widened by `margin` view widths on each side. */
    private viewWindow(margin: number): [number, number] {
        const t = this.canvas.transform();
        const width = this.canvas.size().width;
        const x0 = -t.x / t.k;
        const x1 = (width - t.x) / t.k;
        return [x0 - margin * (x1 - x0), x1 + margin * (x1 - x0)];
    }

    private outline(): boolean {
        return outlineAt(this.canvas.transform().k, LAYOUT.bodySize);
    }

    /** Panning and zooming draw the columns coming into view, once per frame at most; zooming past reading redraws in or out of outline. */
    private redrawIfOutOfWindow(): void {
        if (!this.layout || !this.drawnWindow || this.redrawQueued) return;
        const [v0, v1] = this.viewWindow(0);
        if (v0 >= this.drawnWindow[0] && v1 <= this.drawnWindow[1] && this.outline() === this.drawnOutline) return;
        this.redrawQueued = true;
        requestAnimationFrame(() => {
            this.redrawQueued = false;
            this.render();
        });
    }

    private showCursor(uri: string, position: Position): void {
        if (!this.model || uri !== this.message?.uri) return;
        const journey = this.model.journeys.find(j => contains(j.range, position));
        if (journey && journey.id !== this.currentJourney()?.id) this.selectJourney(journey.id);
        const step = journey?.stages.flatMap(s => s.steps).find(s => contains(s.range, position));
        this.highlight(step?.id);
    }

    private highlight(stepId: string | undefined): void {
        this.highlighted = stepId;
        // In outline the highlight is a path of the drawing (render-map.ts outlineCards): draw again.
        if (this.drawnOutline) {
            this.render();
            return;
        }
        const map = this.canvas.map;
        for (const node of Array.from(map.querySelectorAll('.jm-highlight'))) node.classList.remove('jm-highlight');
        if (!stepId || !this.layout) return;
        for (const card of this.layout.cards) {
            if (card.step === stepId || (card.kind === 'step' && card.id === stepId)) {
                map.querySelector(`g.jm-card[data-key="${CSS.escape(card.key)}"]`)?.classList.add('jm-highlight');
            }
        }
        const column = this.layout.columns.find(c => c.step === stepId);
        const lane = this.layout.lanes.find(l => l.id === 'actions');
        if (column) this.canvas.reveal(column.x, lane?.y ?? 0, column.width, lane?.height ?? 0);
    }

    private onClick(event: MouseEvent): void {
        // A link never opens inside the webview: the host opens it through the editor.
        const link = (event.target as Element).closest?.('a');
        if (link) {
            event.preventDefault();
            const url = link.getAttribute('href');
            if (url && safeLinkUrl(url)) this.host.postMessage({ type: 'openLink', url });
            return;
        }
        const key = this.keyUnder(event);
        if (key) this.revealKey(key);
    }

    /** The card or emotion point under the pointer: its element's key, or in outline the layout's. */
    private keyUnder(event: MouseEvent): string | undefined {
        const key = (event.target as Element).closest?.('[data-key]')?.getAttribute('data-key');
        if (!this.drawnOutline || !this.layout || (key && !key.startsWith('lane:') && !key.startsWith('line:'))) return key ?? undefined;
        const p = mapPoint(this.canvas.map, event.clientX, event.clientY);
        return (p && keyAt(this.layout, p.x, p.y)) ?? key ?? undefined;
    }

    /** Asks the editor to select the source of the card or emotion point `key`. */
    private revealKey(key: string): void {
        if (!this.layout || !this.message) return;
        const card = this.layout.cards.find(c => c.key === key);
        const point = this.layout.emotion?.points.find(p => p.key === key);
        const range = card?.range ?? point?.range;
        // A persona declared in another file is revealed there.
        if (range) this.host.postMessage({ type: 'reveal', uri: card?.uri ?? this.message.uri, range });
    }

    /** The card's full text near the pointer (the map's own <title>s are left out for speed). */
    private onHover(event: MouseEvent): void {
        const key = this.keyUnder(event);
        const card = key ? this.layout?.cards.find(c => c.key === key) : undefined;
        const point = key && !card ? this.layout?.emotion?.points.find(p => p.key === key) : undefined;
        const text = card?.tooltip ?? (point ? emotionTooltip(point) : undefined);
        if (!text) {
            this.tooltip.hidden = true;
            return;
        }
        this.tooltip.textContent = text;
        this.tooltip.style.left = `${event.clientX + 14}px`;
        this.tooltip.style.top = `${event.clientY + 14}px`;
        this.tooltip.hidden = false;
    }

    /**
     * Exports use a fixed palette, light unless chosen otherwise here: a file must look the same
     * outside the editor, whatever its theme. SVG is the command line's markup (svg-markup.ts);
     * PDF is made by the extension host from the command line's flattened SVG (flat-svg.ts), so
     * both are the same bytes as `journeymap render` writes; PNG is drawn here, by the browser.
     */
    private async exportPicture(format: ExportFormat): Promise<void> {
        if (!this.layout) return;
        const theme = this.state.exportTheme ?? 'light';
        const name = this.layout.journeyId;
        if (format === 'pdf') {
            const title = this.currentJourney()?.title ?? name;
            this.host.postMessage({ type: 'save', format, data: flatMapSvg(this.layout, { palette: theme }), name, theme, title });
            return;
        }
        const text = mapSvg(this.layout, { palette: theme });
        if (format === 'svg') {
            this.host.postMessage({ type: 'save', format, data: text, name, theme });
            return;
        }
        const image = new Image();
        const bytes = new TextEncoder().encode(text);
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        image.src = 'data:image/svg+xml;base64,' + btoa(binary);
        await image.decode();
        // Sharp (2×) where possible, but within the browser's canvas limits (32,767 px a side,
        // about 268 million pixels): a very long map is exported smaller rather than not at all.
        const { width, height } = this.layout;
        const scale = Math.min(2, 32_000 / width, 32_000 / height, Math.sqrt(200_000_000 / (width * height)));
        const canvas = this.doc.createElement('canvas');
        canvas.width = Math.floor(width * scale);
        canvas.height = Math.floor(height * scale);
        const context = canvas.getContext('2d')!;
        context.scale(scale, scale);
        context.drawImage(image, 0, 0);
        this.host.postMessage({ type: 'save', format, data: canvas.toDataURL('image/png'), name, theme });
    }

    private exportThemePicker(): HTMLSelectElement {
        const picker = element(this.doc, 'select', { id: 'jm-export-theme', title: 'Colours of exported files', 'aria-label': 'Export theme' }) as HTMLSelectElement;
        for (const theme of EXPORT_THEMES) {
            const option = this.doc.createElement('option');
            option.value = theme;
            option.textContent = THEME_LABELS[theme];
            picker.append(option);
        }
        picker.value = this.state.exportTheme ?? 'light';
        picker.addEventListener('change', () => this.saveState({ exportTheme: picker.value as ExportTheme }));
        return picker;
    }

    private lanesMenu(): HTMLElement {
        const wrapper = element(this.doc, 'span', { id: 'jm-lanes' });
        const panel = element(this.doc, 'div', {});
        panel.hidden = true;
        const toggle = button(this.doc, 'jm-lanes-button', 'Lanes', 'Show or hide lanes', () => { panel.hidden = !panel.hidden; });
        for (const lane of TOGGLABLE) {
            const label = element(this.doc, 'label', {});
            const box = element(this.doc, 'input', { type: 'checkbox', 'data-lane': lane }) as HTMLInputElement;
            box.checked = !(this.state.hiddenLanes ?? []).includes(lane);
            box.addEventListener('change', () => {
                const hidden = new Set(this.state.hiddenLanes ?? []);
                if (box.checked) hidden.delete(lane); else hidden.add(lane);
                this.saveState({ hiddenLanes: [...hidden].sort() });
                this.draw();
            });
            label.append(box, ` ${LANE_LABELS[lane]}`);
            panel.append(label);
        }
        wrapper.append(toggle, panel);
        return wrapper;
    }

    private updateLock(): void {
        this.lockButton.setAttribute('aria-pressed', String(Boolean(this.state.locked)));
        this.lockButton.textContent = this.state.locked ? 'Locked' : 'Lock';
    }

    private saveState(patch: Partial<PreviewState>): void {
        this.state = { ...this.state, ...patch };
        this.host.setState(this.state);
    }
}
