import assert from 'node:assert/strict';
import { placeOnPage, svgSize } from '../../src/export/pdf-page.js';

describe('PDF page: size and placement of the picture', () => {
    it('turns a paper size to the picture and fits it inside the margin, centred', () => {
        const wide = placeOnPage(2000, 1000, 'a3');
        assert.deepEqual([wide.width, wide.height], [1190.55, 841.89]);
        assert.ok(Math.abs(wide.scale - (1190.55 - 36) / 2000) < 1e-9, 'limited by the width');
        assert.ok(Math.abs(wide.x - 18) < 1e-9 && Math.abs(wide.y - (841.89 - 1000 * wide.scale) / 2) < 1e-9);
        const tall = placeOnPage(500, 3000, 'a4');
        assert.deepEqual([tall.width, tall.height], [595.28, 841.89], 'portrait for a picture taller than wide');
        assert.ok(Math.abs(tall.scale - (841.89 - 36) / 3000) < 1e-9);
        const letter = placeOnPage(400, 300, 'letter');
        assert.deepEqual([letter.width, letter.height], [792, 612]);
        assert.ok(letter.scale > 1, 'a small picture is enlarged to the page');
    });

    it('fit: the picture\'s own size (1 px = 0.75 pt), made smaller past the 14,400 pt readers open', () => {
        assert.deepEqual(placeOnPage(2272, 1361, 'fit'), { width: 1704, height: 1020.75, x: 0, y: 0, scale: 0.75 });
        const huge = placeOnPage(40_000, 2000, 'fit');
        assert.equal(huge.width, 14_400);
        assert.equal(huge.height, 720);
    });

    it('reads the size of the picture from its root element', () => {
        assert.deepEqual(svgSize('<svg xmlns="http://www.w3.org/2000/svg" class="jm-map" viewBox="0 0 10 20" width="10" height="20.5"><rect width="3" height="4"/></svg>'), { width: 10, height: 20.5 });
        assert.throws(() => svgSize('<svg></svg>'), /no width and height/);
    });
});
