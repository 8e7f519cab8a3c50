import assert from 'node:assert/strict';
import { metricContent } from '../../webview/layout/card-content.js';
import { layoutJourney } from '../../webview/layout/journey-layout.js';
import { ROW_ORDER, type CardLayout, type MapLayout } from '../../webview/layout/layout-types.js';
import { safeLinkUrl } from '../../webview/layout/safe-link.js';
import { gpBookingNext, journeyOf } from './preview-fixtures.js';

function rowOrder(layout: MapLayout): string[] {
    return [...layout.lanes.map(l => ({ id: l.id, y: l.y })), ...layout.lines.map(l => ({ id: l.id, y: l.y }))]
        .sort((a, b) => a.y - b.y).map(r => r.id);
}

const card = (layout: MapLayout, key: string): CardLayout => {
    const found = layout.cards.find(c => c.key === key);
    assert.ok(found, `no card ${key}: ${layout.cards.map(c => c.key).join(' ')}`);
    return found;
};

const textOf = (c: CardLayout) => [...c.lines, ...(c.parts ?? []).flatMap(p => p.lines)].map(l => l.text).join(' ');

describe('journey layout: schema 2', () => {
    it('puts the physical evidence lane right under the stages and collapses it when empty', async () => {
        const layout = layoutJourney(await gpBookingNext());
        const rows = rowOrder(layout);
        assert.deepEqual(rows, ROW_ORDER.filter(id => rows.includes(id)));
        assert.deepEqual(rows.slice(0, 3), ['stages', 'physical', 'actions']);
        assert.deepEqual(layout.cards.filter(c => c.kind === 'physical').map(c => `${c.step} ${c.lines.map(l => l.text).join(' ')}`), [
            'notices Practice leaflet with a QR code to the triage form',
            'consultation Check-in screen in the lobby',
            'collects Pharmacy bag with her name',
        ]);
        const plain = layoutJourney(await journeyOf('journey j { stage s { step a "A" } }'));
        assert.ok(!rowOrder(plain).includes('physical'));
    });

    it('spans stage-level cards over their stage, with the stage and no step, at the top of their lane', async () => {
        const layout = layoutJourney(await gpBookingNext());
        const book = layout.columns.filter(c => c.stage === 'book');
        const left = book[0].x;
        const right = book[book.length - 1].x + book[book.length - 1].width;
        for (const key of ['pain:@stage:book:0', 'opportunity:@stage:book:0', 'metric:@stage:book:0', 'evidence:@stage:book:0', 'note:@stage:book:0']) {
            const c = card(layout, key);
            assert.equal(c.stage, 'book', key);
            assert.equal(c.step, undefined, key);
            assert.deepEqual([c.x, c.x + c.width], [left, right], key);
        }
        assert.equal(card(layout, 'evidence:@stage:book:0').lane, 'stages');
        assert.equal(card(layout, 'note:@stage:book:0').lane, 'stages');
        // The step opportunities of the stage sit below the stage's own.
        const whole = card(layout, 'opportunity:@stage:book:0');
        for (const c of layout.cards.filter(c => c.lane === 'opportunities' && (c.step === 'fills_form' || c.step === 'gets_slot'))) {
            assert.ok(c.y >= whole.y + whole.height, c.key);
        }
    });

    it('draws a fail point inside its action card, a wait card under its step and the duration on the step card', async () => {
        const layout = layoutJourney(await gpBookingNext());
        const offstage = card(layout, 'offstage:fills_form:0');
        const fail = offstage.parts?.find(p => p.kind === 'fail');
        assert.ok(fail, 'fail part');
        assert.match(fail.lines.map(l => l.text).join(' '), /Review slips when the duty GP is called to an emergency/);
        assert.ok(fail.y > Math.max(...offstage.lines.map(l => l.y)), 'under the action text');
        const wait = card(layout, 'wait:gets_slot:0');
        assert.equal(wait.lane, 'actions');
        assert.equal(wait.step, 'gets_slot');
        assert.match(textOf(wait), /Wait 2h Clinician review/);
        const step = card(layout, 'step:gets_slot');
        assert.ok(wait.y >= step.y + step.height, 'under the step card');
        assert.match(textOf(card(layout, 'step:fills_form')), /Takes 6min/);
    });

    it('gives opportunities their status, impact and effort as data and chips', async () => {
        const layout = layoutJourney(await gpBookingNext());
        const o = card(layout, 'opportunity:fills_form:0');
        assert.deepEqual(o.data, { status: 'idea', impact: 'medium', effort: 'medium' });
        assert.deepEqual(o.parts?.map(p => `${p.name}=${p.lines[0].text}`), ['status=idea', 'impact=impact medium', 'effort=effort medium']);
        const partial = layoutJourney(await journeyOf('journey j { stage s { step a "A" { opportunity "O" impact high } } }'));
        assert.deepEqual(card(partial, 'opportunity:a:0').data, { impact: 'high' });
    });

    it('shows a metric as baseline → value with its trend and whether it meets the target', async () => {
        const layout = layoutJourney(await gpBookingNext());
        const forms = card(layout, 'metric:fills_form:0');
        assert.match(textOf(forms), /0% → 88% ▲ target 95% · ✗ off target/);
        assert.deepEqual(forms.data, { trend: 'up', target: 'off' });
        // Lower is better when the target is below the baseline; durations compare in seconds.
        const ready = card(layout, 'metric:collects:0');
        assert.match(textOf(ready), /1d → 3h ▼/);
        assert.deepEqual(ready.data, { trend: 'down', target: 'off' });
        const value = (text: string, v: number, kind: 'percent' | 'duration', unit?: string) => ({ text, value: v, kind, ...(unit ? { unit } : {}) });
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        assert.deepEqual(metricContent({ name: 'm', range, value: value('90%', 90, 'percent', '%'), baseline: value('40%', 40, 'percent', '%'), target: value('80%', 80, 'percent', '%') }).data, { trend: 'up', target: 'on' });
        assert.deepEqual(metricContent({ name: 'm', range, value: value('50min', 50, 'duration', 'min'), target: value('1h', 1, 'duration', 'h') }).data, { target: 'on' });
        assert.deepEqual(metricContent({ name: 'm', range, target: value('5%', 5, 'percent', '%') }).data, {});
    });

    it('puts the persona card, the scenario and the journey-level items in the header, above the lanes', async () => {
        const journey = await gpBookingNext();
        const layout = layoutJourney(journey);
        const header = layout.cards.filter(c => c.lane === 'header');
        assert.deepEqual(header.map(c => c.key), [
            'persona:ruth', 'scenario:@journey', 'opportunity:@journey:0', 'opportunity:@journey:1', 'metric:@journey:0', 'metric:@journey:1', 'evidence:@journey:0', 'note:@journey:0',
        ]);
        const lanesTop = Math.min(...layout.lanes.map(l => l.y));
        assert.ok(header.every(c => c.y + c.height < lanesTop));
        assert.ok(header.every(c => c.x + c.width <= layout.width));
        // The scenario card sits beside the persona; the journey's opportunities and KPIs to their right.
        const [persona, scenario, firstItem] = header;
        assert.equal(scenario.y, persona.y);
        assert.ok(scenario.x >= persona.x + persona.width);
        assert.ok(firstItem.x >= scenario.x + scenario.width && firstItem.y === persona.y, 'journey items beside the persona and scenario');
        assert.match(textOf(scenario), /^Scenario Ruth has had a persistent cough .* Objective •\u00A0Every patient/);
        assert.match(textOf(card(layout, 'metric:@journey:0')), /^Whole journey · KPI /);
    });

    it('draws the whole persona: name, segment, description, goals, needs and quote, each as text', async () => {
        const journey = await gpBookingNext();
        const persona = journey.persona!;
        assert.ok(persona.goals.length > 0 && persona.needs.length > 0 && persona.quote && persona.description && persona.segment, 'the fixture has every field');
        const c = card(layoutJourney(journey), 'persona:ruth');
        const roles = (role: string) => c.lines.filter(l => l.role === role).map(l => l.text).join(' ');
        assert.equal(roles('persona-name'), persona.title);
        assert.equal(roles('label'), 'Goals Needs');
        const bullets = roles('bullet');
        for (const item of [...persona.goals, ...persona.needs]) assert.ok(bullets.includes(`•\u00A0${item.split(' ')[0]}`) && bullets.replace(/ /g, '').includes(item.replace(/ /g, '')), `${item} in ${bullets}`);
        assert.equal(roles('quote').replace(/ /g, ''), `“${persona.quote}”`.replace(/ /g, ''));
        assert.equal(roles('body').replace(/ /g, ''), persona.description.replace(/ /g, ''));
        assert.match(roles('meta'), new RegExp(`^Segment: ${persona.segment.split(' ')[0]}`));
        // Goals come before needs, and the quote last, in larger italic type than the body.
        const y = (text: string) => c.lines.find(l => l.text === text)!.y;
        assert.ok(y('Goals') < y('Needs'));
        const quote = c.lines.filter(l => l.role === 'quote');
        assert.ok(quote[0].y > y('Needs') && quote[0].size > c.lines.find(l => l.role === 'body')!.size);
    });

    it('draws the as-is curve at the columns of the steps with the same id', async () => {
        const journey = await gpBookingNext();
        assert.ok(journey.asIs, 'the as-is journey resolves');
        const layout = layoutJourney(journey);
        const asIs = layout.emotion?.asIs;
        assert.ok(asIs);
        const wanted = new Map(journey.asIs.steps.map(s => [s.id, s.emotion]));
        assert.deepEqual(asIs.map(p => [p.step, p.value]), layout.emotion!.points.map(p => [p.step, wanted.get(p.step)]));
        assert.ok(asIs.some(p => p.value !== undefined));
        assert.equal(layoutJourney(await journeyOf('journey j { stage s { step a "A" { emotion 1 } } }')).emotion?.asIs, undefined);
    });

    it('links only http:, https: and mailto: URLs', async () => {
        for (const url of ['https://a.example/x', 'http://a.example', 'mailto:a@b.example', 'HTTPS://A.EXAMPLE']) assert.equal(safeLinkUrl(url), url);
        for (const url of ['javascript:alert(1)', ' https://a.example', '\u0001https://a.example', 'data:text/html,x', 'JaVaScRiPt:alert(1)', 'https:', 'file:///etc/passwd', 'vscode://x', 'https//x']) {
            assert.equal(safeLinkUrl(url), undefined, url);
        }
        const layout = layoutJourney(await journeyOf(`journey j { stage s { step a "A" {
            link "https://ok.example/a" "Good"
            link "javascript:alert(1)" "Bad"
            opportunity "O" link "data:text/html,<script>alert(1)</script>"
        } } }`));
        const lines = layout.cards.flatMap(c => c.lines);
        assert.deepEqual(lines.filter(l => l.href).map(l => [l.text, l.href]), [['↗\u00A0Good', 'https://ok.example/a']]);
        assert.ok(lines.some(l => l.text.includes('javascript:alert(1)') && !l.href));
        assert.ok(lines.some(l => l.text.includes('data:text/html') && !l.href));
    });
});
