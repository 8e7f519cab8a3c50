// Script of the standalone HTML that `journeymap render -o map.html` writes: pan and zoom around
// the pre-rendered map (tooltips are the cards' <title> elements). Inlined into the file.
import { createZoomCanvas } from './zoom-canvas.js';

const host = document.getElementById('jm-canvas-host')!;
const map = document.querySelector<SVGSVGElement>('svg.jm-map')!;
const canvas = createZoomCanvas(host, map);
canvas.fitToWidth();
document.getElementById('jm-fit')?.addEventListener('click', () => canvas.fitToWidth());
