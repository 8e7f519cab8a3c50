// Generates realistic `.journey` maps of any size for the benchmarks (language, preview, diff).
// Deterministic: the same options always give the same text, byte for byte, so figures from
// different runs and machines measure the same input.

export interface GenerateJourneyMapOptions {
    /** Total number of steps in the file, spread over the journeys. */
    steps: number;
    /** Seed of the pseudo-random choices; default 1. */
    seed?: number;
    /** Number of journeys the steps are spread over; default 1 (one map of `steps` steps). */
    journeys?: number;
    /** Steps per stage, drawn uniformly from this range; default [5, 10]. */
    stageSteps?: readonly [min: number, max: number];
}

// Global declarations, as in examples/common.journey: visible from every journey.
const PERSONAS = [
    { id: 'maya', title: 'Maya, bakery owner', description: 'Runs a six-person bakery; does the admin at night', goals: ['Send the first invoice on the day she signs up'], segment: 'SMB, 1-10 employees', quote: 'If it needs training, I don\'t have time for it.' },
    { id: 'omar', title: 'Omar, operations lead', description: 'Runs customer operations for a 40-person logistics firm', goals: ['Get the team productive within a week', 'Keep the support backlog under a day'], segment: 'Mid-market B2B, annual contract' },
    { id: 'dana', title: 'Dana, online shopper', description: 'Buys gifts online two or three times a month, mostly on her phone', goals: ['Find a good gift quickly'], segment: 'Returning mobile shoppers, 25-40', quote: 'If I can\'t see when it arrives, I\'m gone.' },
] as const;
const CHANNELS = [['web', 'Website'], ['app', 'Mobile app'], ['email', 'Email'], ['chat', 'Live chat'], ['phone', 'Phone'], ['store', 'Physical store'], ['social', 'Social media'], ['sms', 'Text message']] as const;
// `support` is also a keyword of the language: ids that are keywords must just work.
const TEAMS = [['product', 'Product'], ['support', 'Customer support'], ['success', 'Customer success'], ['sales', 'Sales'], ['ops', 'Operations'], ['it', 'IT'], ['marketing', 'Marketing']] as const;

const STAGE_NAMES = ['aware', 'consider', 'signup', 'setup', 'first_use', 'adoption', 'billing', 'support', 'renewal', 'advocacy', 'purchase', 'delivery', 'return', 'upgrade'];
const STAGE_GOALS = ['Find a tool that needs no training', 'Get started without calling anyone', 'Understand what it costs', 'See value in the first week', 'Get help without repeating herself', 'Keep the team on board'];
const VERBS = ['reads', 'compares', 'fills', 'confirms', 'invites', 'imports', 'configures', 'pays', 'contacts', 'waits', 'reviews', 'shares', 'exports', 'checks', 'upgrades', 'cancels', 'returns', 'tracks'];
const OBJECTS = ['pricing page', 'sign-up form', 'welcome email', 'invoice', 'team invite', 'CSV import', 'payment details', 'delivery date', 'help article', 'order status', 'contract', 'usage report', 'return label', 'receipt'];
const THOUGHTS = ['Everyone says it is easy', 'Is this the right plan for us?', 'Why do they need this now?', 'That was quicker than I thought', 'I hope nobody sees this mistake', 'Where is my order?'];
const FEELINGS = ['Curious', 'Stuck', 'Relieved', 'Anxious', 'Confident', 'Annoyed', 'Pleasantly surprised'];
const SAYS = ['Can I do this later?', 'The team loves it', 'I already told you this on the phone', 'Just tell me when it arrives', 'Ça marche — merci !'];
const ONSTAGE = ['Form asks for a VAT number', 'Assistant suggests the next step', 'Agent answers in the chat', 'Confirmation page shows the delivery date', 'Success manager walks through the plan'];
const OFFSTAGE = ['Fraud check queues new accounts', 'Sales notes copied into the CRM by hand', 'Warehouse picks and packs the order', 'Engineer reviews the SAML metadata', 'Billing run at midnight'];
const SUPPORT = ['CRM sync every 15 minutes', 'Email delivery service', 'Payment provider', 'Identity provider integration', 'Order management system'];
const PAINS = ['VAT number is mandatory and she does not know it', 'The context from the sales calls is lost', 'Errors are shown as a generic failure', 'Delivery date only appears after payment', 'She has to repeat her problem to a second agent', 'The \"free\" plan asks for a card'];
const OPPORTUNITIES = ['Make VAT optional until the first invoice', 'Structured handover template in the CRM', 'Explain errors with the failing field', 'Show the delivery date on the product page', 'Pass the chat history to the phone agent'];
const METRICS = ['Form completion', 'Time to first value', 'Active agents', 'Tickets per account', 'Rating', 'Delivery time', 'Response time', 'Drop-off'];
const EVIDENCE = ['survey', 'interview', 'nps', 'feedback', 'analytics', 'review', 'social', 'ticket', 'observation', 'frontline'];
const EVIDENCE_SOURCES = ['12 customer interviews, March', 'Funnel, last 90 days', 'Support tickets in the first 30 days', 'App store reviews', 'Onboarding NPS', 'Shadowing two store shifts'];
const NOTES = ['Check with legal before changing this', 'Seen in 3 of 12 interviews', 'Numbers from the EU market only', 'Differs for annual plans:\nsee the pricing review'];

/** A small, fast, seedable generator (mulberry32): deterministic on every platform. */
function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function quote(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A `.journey` file of `steps` steps: global personas, channels and teams; then journeys with a
 * persona, scenario, objectives, a journey-local channel and team, and stages of 5–10 steps.
 * Steps use every kind of step member with realistic frequencies (most have a channel and an
 * emotion, some pains have no opportunity, metrics carry %, durations, plain numbers and string
 * units). The map has no errors, only warnings, infos and hints (`unused-declaration`,
 * `pain-without-opportunity`, `missing-emotion`, `moment-without-emotion`).
 */
export function generateJourneyMap(options: GenerateJourneyMapOptions): string {
    const { steps, seed = 1, journeys = 1, stageSteps = [5, 10] } = options;
    if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a positive integer, got ${steps}`);
    if (!Number.isInteger(journeys) || journeys < 1 || journeys > steps) throw new RangeError(`journeys must be an integer from 1 to steps, got ${journeys}`);
    const rnd = random(seed);
    const chance = (p: number) => rnd() < p;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
    const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
    const out: string[] = [];
    const line = (indent: number, text: string) => out.push('  '.repeat(indent) + text);

    line(0, `/* Generated by bench/generate-map.ts: ${steps} steps, ${journeys} journey(s), seed ${seed}. */`);
    line(0, '// Shared declarations, visible in every journey of the workspace.');
    for (const persona of PERSONAS) {
        line(0, `persona ${persona.id} ${quote(persona.title)} {`);
        line(1, `description ${quote(persona.description)}`);
        for (const goal of persona.goals) line(1, `goal ${quote(goal)}`);
        line(1, `segment ${quote(persona.segment)}`);
        if ('quote' in persona) line(1, `quote ${quote(persona.quote)}`);
        line(0, '}');
    }
    out.push('');
    for (const [id, title] of CHANNELS) line(0, `channel ${id} ${quote(title)}`);
    for (const [id, title] of TEAMS) line(0, `team ${id} ${quote(title)}`);

    for (let j = 0; j < journeys; j++) {
        // Spread the remainder over the first journeys so the total is exactly `steps`.
        const journeySteps = Math.floor(steps / journeys) + (j < steps % journeys ? 1 : 0);
        const persona = PERSONAS[j % PERSONAS.length].id;
        const localChannel = `channel_${j + 1}`;
        const localTeam = `squad_${j + 1}`;
        const channels: string[] = [...CHANNELS.map(([id]) => id), localChannel];
        const teams: string[] = [...TEAMS.map(([id]) => id), localTeam];
        out.push('');
        line(0, `journey j${j + 1}_${pick(STAGE_NAMES)} ${quote(`Journey ${j + 1}: ${pick(VERBS)} the ${pick(OBJECTS)}`)} for ${persona} {`);
        line(1, `scenario ${quote('Signs up after a friend recommends us')}`);
        line(1, `objective ${quote('Cut sign-up drop-off from 38% to 20%')}`);
        if (chance(0.5)) line(1, `objective ${quote('Onboarding CSAT above 4.5')}`);
        line(1, `channel ${localChannel} ${quote(`Pilot channel ${j + 1}`)}`);
        line(1, `team ${localTeam} ${quote(`Pilot squad ${j + 1}`)}`);

        let done = 0;
        for (let s = 1; done < journeySteps; s++) {
            const count = Math.min(int(stageSteps[0], stageSteps[1]), journeySteps - done);
            out.push('');
            if (chance(0.3)) line(1, `// Stage ${s}: reviewed in the ${pick(['March', 'June', 'October'])} workshop.`);
            const stageName = pick(STAGE_NAMES);
            line(1, `stage s${s}_${stageName} ${quote(stageName.replace(/_/g, ' ').replace(/^./, c => c.toUpperCase()))} {`);
            if (chance(0.8)) line(2, `goal ${quote(pick(STAGE_GOALS))}`);
            for (let k = 0; k < count; k++) {
                done++;
                writeStep(done, channels, teams);
            }
            line(1, '}');
        }
        line(0, '}');
    }
    out.push('');
    return out.join('\n');

    function writeStep(n: number, channels: readonly string[], teams: readonly string[]): void {
        const verb = pick(VERBS);
        const object = pick(OBJECTS);
        if (!chance(0.95)) {
            // A step not yet researched: id and title only (and no emotion, so the curve has a gap).
            line(2, `step ${verb}_${n} ${quote(`${verb[0].toUpperCase()}${verb.slice(1)} the ${object}`)}`);
            return;
        }
        line(2, `step ${verb}_${n} ${quote(`${verb[0].toUpperCase()}${verb.slice(1)} the ${object}`)} {`);
        if (chance(0.9)) line(3, `channel ${chance(0.75) ? pick(channels) : `${pick(channels)}, ${pick(channels)}`}`);
        if (chance(0.6)) line(3, `touchpoint ${quote(`The ${object}`)}`);
        const hasEmotion = chance(0.95);
        if (hasEmotion) {
            const value = int(-2, 2);
            line(3, `emotion ${value > 0 ? '+' : ''}${value}`);
        }
        if (chance(0.08)) line(3, chance(0.7) ? `moment of truth ${quote('Half of drop-offs happen here')}` : 'moment of truth');
        if (chance(0.4)) line(3, `thinks ${quote(pick(THOUGHTS))}`);
        if (chance(0.35)) line(3, `feels ${quote(pick(FEELINGS))}`);
        if (chance(0.2)) line(3, `says ${quote(pick(SAYS))}`);
        if (chance(0.7)) line(3, `onstage ${quote(pick(ONSTAGE))}${chance(0.8) ? ` by ${pick(teams)}` : ''}`);
        if (chance(0.5)) line(3, `offstage ${quote(pick(OFFSTAGE))}${chance(0.8) ? ` by ${pick(teams)}` : ''}`);
        if (chance(0.35)) line(3, `support ${quote(pick(SUPPORT))}${chance(0.5) ? ` by ${pick(teams)}` : ''}`);
        const pains = chance(0.4) ? (chance(0.8) ? 1 : 2) : 0;
        for (let p = 0; p < pains; p++) {
            line(3, `pain ${quote(pick(PAINS))}${chance(0.7) ? ` severity ${pick(['low', 'medium', 'high'])}` : ''}`);
        }
        // About a third of the pains have no opportunity yet (pain-without-opportunity).
        if (pains > 0 ? chance(0.65) : chance(0.1)) {
            line(3, `opportunity ${quote(pick(OPPORTUNITIES))}${chance(0.7) ? ` owner ${pick(teams)}` : ''}`);
        }
        if (chance(0.3)) line(3, metric());
        if (chance(0.35)) line(3, `evidence ${pick(EVIDENCE)} ${quote(pick(EVIDENCE_SOURCES))}`);
        if (chance(0.4)) line(3, `owner ${pick(teams)}`);
        if (chance(0.15)) line(3, `note ${quote(pick(NOTES))}`);
        line(2, '}');
    }

    /** A metric whose value and target are of the same kind (no `metric-unit-mismatch`). */
    function metric(): string {
        const label = quote(pick(METRICS));
        const withTarget = chance(0.6);
        switch (int(0, 3)) {
            case 0: return `metric ${label} ${int(20, 90)}%${withTarget ? ` target ${int(50, 99)}%` : ''}`;
            case 1: {
                const units = ['s', 'min', 'h', 'd'];
                return `metric ${label} ${(rnd() * 10).toFixed(1)}${pick(units)}${withTarget ? ` target ${int(1, 30)}${pick(units)}` : ''}`;
            }
            case 2: return `metric ${label} ${int(1, 500)}${withTarget ? ` target ${int(1, 500)}` : ''}`;
            default: return `metric ${label} ${(1 + rnd() * 4).toFixed(1)} "stars"${withTarget ? ` target 4.5 "stars"` : ''}`;
        }
    }
}
