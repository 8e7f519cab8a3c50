import { readFileSync } from 'node:fs';
import type { JourneyDocumentModel, JourneyModel } from '../../language/model/journey-model.js';
import { EXAMPLES_DIR, createTestServices, loadTexts } from '../language/journey-test-helpers.js';

/** The plain model of `text`, built by the real language core (with examples/common.journey in the workspace). */
export async function modelOf(text: string, name = 'map.journey'): Promise<JourneyDocumentModel> {
    const common = readFileSync(EXAMPLES_DIR + 'common.journey', 'utf8');
    const loaded = await loadTexts({ [name]: text, 'common.journey': common });
    const syntax = loaded[name].diagnostics.filter(d => d.code === 'syntax-error');
    if (syntax.length > 0) throw new Error(`fixture does not parse: ${syntax.map(d => d.message).join('; ')}`);
    return createTestServices().Journey.model.JourneyModelBuilder.build(loaded[name].document);
}

export async function journeyOf(text: string): Promise<JourneyModel> {
    return (await modelOf(text)).journeys[0];
}

/**
 * examples/gp-booking-next.journey (schema 2: every element, `future of` the as-is journey) built
 * with gp-booking-today.journey beside it, so `asIs` resolves.
 */
export async function gpBookingNextModel(): Promise<JourneyDocumentModel> {
    const loaded = await loadTexts({ 'gp-booking-next.journey': example('gp-booking-next.journey'), 'gp-booking-today.journey': example('gp-booking-today.journey') });
    return createTestServices().Journey.model.JourneyModelBuilder.build(loaded['gp-booking-next.journey'].document);
}

export async function gpBookingNext(): Promise<JourneyModel> {
    return (await gpBookingNextModel()).journeys[0];
}

export function example(name: string): string {
    return readFileSync(EXAMPLES_DIR + name, 'utf8');
}

/** Every member of a step, every lane filled. */
export const FULL_MAP = `
journey full "Everything" for dana {
  scenario "All lanes"
  stage one "One" {
    goal "A goal"
    step a "Step A" {
      channel web
      touchpoint "Site"
      physical "Receipt"
      emotion +2
      thinks "Hmm" feels "Fine" says "Ok"
      moment of truth "Why"
      onstage "Front" by product
      offstage "Back" by it
      support "System" by ops
      pain "Slow" severity high
      opportunity "Faster" owner product
      metric "Conversion" 62% target 80%
      evidence survey "Survey"
      owner product
    }
    step b "Step B"
  }
}
`;

/** Text built to break layouts: long, unbroken, emoji, right-to-left, hostile markup. */
export const HOSTILE_TEXTS = {
    long: 'When the parcel finally arrives the box is crushed, the scarf is damp and there is no note saying who it is from, so the birthday surprise falls flat '.repeat(3).trim(),
    unbroken: 'https://example.com/' + 'a-very-long-path-segment-without-any-space'.repeat(4),
    emoji: '😀😃😄😁😆😅🤣😂🙂🙃😉😊😇🥰😍🤩😘😗☺😚😙🥲😋😛😜🤪😝🤑🤗🤭👨‍👩‍👧‍👦👩🏽‍💻🏳️‍🌈 ok',
    rtl: 'המשלוח הגיע באיחור של שלושה ימים והלקוחה כתבה ביקורת שלילית في المتجر عبر الإنترنت وصل الطرد متأخراً ثلاثة أيام',
    cjk: '配送日が分からないので購入をやめました。配送日が分からないので購入をやめました。',
    markup: '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"></svg>]]><!-- & &amp;',
};

export function hostileMap(): string {
    const q = (s: string) => JSON.stringify(s);
    return `
journey hostile ${q(HOSTILE_TEXTS.markup)} for dana {
  scenario ${q(HOSTILE_TEXTS.long)}
  stage s1 ${q(HOSTILE_TEXTS.unbroken)} {
    goal ${q(HOSTILE_TEXTS.rtl)}
    step long ${q(HOSTILE_TEXTS.long)} {
      thinks ${q(HOSTILE_TEXTS.emoji)}
      pain ${q(HOSTILE_TEXTS.markup)} severity high
      onstage ${q(HOSTILE_TEXTS.cjk)}
    }
    step unbroken ${q(HOSTILE_TEXTS.unbroken)} {
      touchpoint ${q(HOSTILE_TEXTS.unbroken)}
      says ${q(HOSTILE_TEXTS.markup)}
    }
  }
  stage s2 "Emoji and RTL" {
    step emoji ${q(HOSTILE_TEXTS.emoji)} {
      feels ${q(HOSTILE_TEXTS.emoji)}
      opportunity ${q(HOSTILE_TEXTS.rtl)}
    }
    step rtl ${q(HOSTILE_TEXTS.rtl)} {
      offstage ${q(HOSTILE_TEXTS.rtl)}
      support ${q(HOSTILE_TEXTS.markup)}
      metric ${q(HOSTILE_TEXTS.markup)} 3 target 4
    }
  }
}
`;
}

/** A map wider than a 1000 px view: two stages of six steps, each with a thought and an on-stage action; a pain on step 3. */
export function twelveStepMap(): string {
    const steps = Array.from({ length: 12 }, (_, i) => `step s${i} "Step ${i}" { emotion +1 thinks "Thinks about ${i}" onstage "Shown ${i}"${i === 3 ? ' pain "Waits too long" severity high' : ''} }`);
    return `journey wide "Wide map" for dana { scenario "Twelve steps" stage one "One" { ${steps.slice(0, 6).join(' ')} } stage two "Two" { ${steps.slice(6).join(' ')} } }`;
}
