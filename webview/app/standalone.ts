// Script of the standalone HTML that `journeymap render -o map.html` writes (src/cli/render-html.ts),
// inlined into the file after the map's layout (`JOURNEYMAP_MAP`): the same view as the preview's
// around the pre-rendered picture — opens readable, frozen headers, overview strip, keyboard,
// text view. Tooltips are the cards' <title> elements; Enter on a card only focuses it.
import type { MapLayout } from '../layout/layout-types.js';
import { MapView } from './map-view.js';
import { textViewContent } from './text-view.js';

declare const JOURNEYMAP_MAP: { layout: MapLayout; minScale: number } | undefined;

const data = typeof JOURNEYMAP_MAP === 'undefined' ? undefined : JOURNEYMAP_MAP;
const host = document.getElementById('jm-canvas-host')!;
const map = document.querySelector<SVGSVGElement>('svg.jm-map')!;
const fit = document.getElementById('jm-fit') as HTMLButtonElement | null;
const view = new MapView(host, { exitTarget: () => fit ?? undefined }, map);
view.setLayout(data?.layout);
// Never so small that card text is unreadable: a wide map opens readable, to be panned.
view.canvas.fitToWidth(undefined, data?.minScale);
view.afterRender();
fit?.addEventListener('click', () => view.canvas.fitToWidth());
document.getElementById('jm-fit-page')?.addEventListener('click', () => view.canvas.fitToPage());

const textView = document.getElementById('jm-text-view');
const toggle = document.getElementById('jm-text-toggle');
toggle?.addEventListener('click', () => {
    if (!textView || !data) return;
    const on = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(on));
    if (on && textView.childElementCount === 0) textView.append(...textViewContent(document, data.layout));
    textView.hidden = !on;
    host.hidden = on;
    if (!on) view.update();
});
