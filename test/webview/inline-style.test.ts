import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { SVG_NS } from '../../webview/render/dom-patch.js';
import { flatMapSvg } from '../../webview/render/flat-svg.js';
import { inlineStyles, substituteVariables } from '../../webview/render/inline-style.js';
import { EXPORT_THEMES, mapCss, PALETTES } from '../../webview/render/map-style.js';
import { mapTree } from '../../webview/render/render-map.js';
import { el, textEl, toMarkup, type SvgNode } from '../../webview/render/svg-tree.js';
import { launchChromium } from './browser.js';
import { example, gpBookingNext, journeyOf } from './preview-fixtures.js';

/** The attributes of every element of `tree`, in document order, as `tag attr=value …`. */
function flatten(tree: SvgNode): string[] {
    const out: string[] = [];
    const walk = (node: SvgNode) => {
        out.push([node.tag, ...Object.entries(node.attrs).filter(([, v]) => v != null).map(([k, v]) => `${k}=${v}`)].join(' '));
        node.children.forEach(walk);
    };
    walk(tree);
    return out;
}

describe('inline-style: a stylesheet applied as presentation attributes', () => {
    it('applies the cascade: specificity, then source order, !important and inline style above both', () => {
        const tree = el('svg', { class: 'm' }, [
            el('g', { class: 'card pain', 'data-kind': 'pain' }, [el('rect', {}), el('rect', { style: 'stroke: blue' })]),
            el('g', { class: 'card' }, [el('rect', { id: 'r' })]),
        ]);
        const css = `
            .m .card>rect{fill:white;stroke:gray;stroke-width:1}
            .m .card[data-kind=pain]>rect{stroke:red}
            .m rect{stroke:green;stroke-width:4}          /* less specific than the two above: loses */
            .m .card>rect{stroke-width:2}                 /* same specificity, later: wins */
            #r{opacity:0.5 !important}
            rect{opacity:0.9}
            @media print{rect{fill:black}}
        `;
        assert.deepEqual(flatten(inlineStyles(tree, css)), [
            'svg class=m',
            'g class=card pain data-kind=pain',
            'rect opacity=0.9 fill=white stroke=red stroke-width=2',
            'rect opacity=0.9 fill=white stroke=blue stroke-width=2',
            'g class=card',
            'rect id=r opacity=0.5 fill=white stroke=gray stroke-width=2',
        ]);
    });

    it('resolves custom properties as a browser does: inherited, with fallbacks, a missing one dropping its declaration', () => {
        const tree = el('svg', { class: 'm' }, [el('g', { class: 'dark' }, [textEl('text', {}, 'x'), el('circle', { class: 'c' })]), el('line', {})]);
        const css = `
            svg.m{--bg:#fff;--fg:#111;--ring:var(--fg)}
            .m .dark{--fg:#eee}
            .m text{fill:var(--fg)}
            .m circle{fill:var(--missing, var(--bg));stroke:var(--ring)}
            .m line{stroke:#000;stroke:var(--nothing)}
        `;
        assert.deepEqual(flatten(inlineStyles(tree, css)), [
            'svg class=m',
            'g class=dark',
            'text fill=#eee',
            // --ring was computed on <svg>, from the --fg there: custom properties inherit computed values.
            'circle class=c fill=#fff stroke=#111',
            'line',
        ]);
        assert.equal(substituteVariables('1px solid var(--a, red)', new Map()), '1px solid red');
        assert.equal(substituteVariables('var(--a)', new Map([['--a', 'var(--a)']])), undefined, 'a cycle has no value');
    });

    it('understands the child, sibling and :not selectors, keeps interactive states out, and drops <style>', () => {
        const tree = el('svg', {}, [
            textEl('style', {}, 'rect{fill:red}'),
            el('g', {}, [el('rect', { class: 'a' }), el('rect', { class: 'b' }), el('rect', { class: 'c' })]),
        ]);
        const css = 'g>rect:first-child{stroke:red} .a+rect{stroke:blue} .a~.c{stroke-width:3} rect:not(.b){opacity:0.5} rect:hover{fill:pink} rect::before{fill:pink} rect{cursor:pointer;white-space:pre}';
        assert.deepEqual(flatten(inlineStyles(tree, css)), [
            'svg',
            'g',
            'rect class=a opacity=0.5 stroke=red xml:space=preserve',
            'rect class=b stroke=blue xml:space=preserve',
            'rect class=c opacity=0.5 stroke-width=3 xml:space=preserve',
        ]);
    });

    it('gives a flattened map exactly the styles Chromium computes from its stylesheet, in every export palette', async function () {
        this.timeout(60_000);
        const journeys = [await gpBookingNext(), await journeyOf(example('gift-purchase.journey'))];
        const browser: Browser = await launchChromium();
        try {
            const page = await browser.newPage();
            const properties = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-weight', 'font-style', 'font-family', 'text-decoration-line'];
            for (const palette of EXPORT_THEMES) {
                for (const journey of journeys) {
                    const layout = layoutJourney(journey, {});
                    const styled = toMarkup(mapTree(layout, { titles: false }, { rootAttrs: { xmlns: SVG_NS }, before: [textEl('style', {}, mapCss(palette))] }));
                    const flat = flatMapSvg(layout, { palette });
                    assert.doesNotMatch(flat, /var\(|<style/);
                    // Each picture alone in its page: a <style> in inline SVG styles the whole document.
                    const computed = async (svg: string) => {
                        await page.setContent(`<!doctype html><body>${svg}</body>`);
                        return page.evaluate(properties => Array.from(document.querySelectorAll('svg *')).filter(e => e.tagName !== 'style')
                            .map(e => `${e.tagName}.${e.getAttribute('class')} ${properties.map(p => `${p}:${getComputedStyle(e).getPropertyValue(p)}`).join(' ')}`), properties);
                    };
                    const expected = await computed(styled);
                    const actual = await computed(flat);
                    assert.equal(actual.length, expected.length);
                    const differences = actual.map((line, i) => line === expected[i] ? '' : `${expected[i]}\n  ≠ ${line}`).filter(Boolean).slice(0, 5);
                    assert.deepEqual(differences, [], `${palette} ${journey.id}`);
                }
            }
        } finally {
            await browser.close();
        }
    });
});

describe('export palettes', () => {
    /** WCAG 2 contrast ratio of two #rrggbb colours. */
    function contrast(a: string, b: string): number {
        const luminance = (hex: string) => {
            const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16) / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
    }

    it('every export palette sets every colour the light one does', () => {
        const names = Object.keys(PALETTES.light).sort();
        for (const theme of EXPORT_THEMES) assert.deepEqual(Object.keys(PALETTES[theme]).sort(), names, theme);
    });

    it('high contrast: text, lines and marks at 7:1 or more on the backgrounds they sit on', () => {
        const p = PALETTES['high-contrast'];
        for (const ground of ['bg', 'card-bg', 'lane-bg', 'lane-bg-alt']) {
            for (const ink of ['fg', 'muted', 'card-border', 'line', 'curve', 'pain-high', 'pain-medium', 'pain-low', 'opportunity', 'moment', 'highlight']) {
                assert.ok(contrast(p[ink], p[ground]) >= 7, `${ink} on ${ground}: ${contrast(p[ink], p[ground]).toFixed(2)}`);
            }
        }
        assert.ok(contrast(p['stage-fg'], p['stage-bg']) >= 7);
    });
});
