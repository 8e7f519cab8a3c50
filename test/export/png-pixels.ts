import { inflateSync } from 'node:zlib';

/** A decoded PNG: 8-bit RGBA, not interlaced (what resvg writes). */
export interface Pixels {
    width: number;
    height: number;
    /** [r, g, b, a] at (x, y). */
    at(x: number, y: number): [number, number, number, number];
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The width and height from the IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Decodes the PNG's pixels (the reverse of its scanline filters), to look at colours in a test. */
export function decodePng(png: Uint8Array): Pixels {
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    const { width, height } = pngSize(png);
    if (png[24] !== 8 || png[25] !== 6 || png[28] !== 0) throw new Error('only 8-bit RGBA, non-interlaced PNG');
    const idat: Uint8Array[] = [];
    for (let at = 8; at < png.length;) {
        const length = view.getUint32(at);
        const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
        if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
        at += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(idat));
    const stride = width * 4;
    const out = new Uint8Array(stride * height);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)];
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        for (let i = 0; i < stride; i++) {
            const left = i >= 4 ? out[y * stride + i - 4] : 0;
            const up = y > 0 ? out[(y - 1) * stride + i] : 0;
            const upLeft = y > 0 && i >= 4 ? out[(y - 1) * stride + i - 4] : 0;
            let predicted = 0;
            if (filter === 1) predicted = left;
            else if (filter === 2) predicted = up;
            else if (filter === 3) predicted = (left + up) >> 1;
            else if (filter === 4) {
                const p = left + up - upLeft;
                const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
                predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
            }
            out[y * stride + i] = (line[i] + predicted) & 0xff;
        }
    }
    return {
        width, height,
        at: (x, y) => {
            const i = y * stride + x * 4;
            return [out[i], out[i + 1], out[i + 2], out[i + 3]];
        },
    };
}

/** `#rrggbb` as [r, g, b]. */
export function rgb(hex: string): [number, number, number] {
    return [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
