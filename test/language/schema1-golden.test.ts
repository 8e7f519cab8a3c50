import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { JourneyFormatter } from '../../language/lsp/journey-formatter.js';
import { JourneyWorkspace } from '../../language/workspace/journey-workspace.js';
import { COMMENT_HEAVY, seededRandom } from './journey-format-helpers.js';

/**
 * Schema 2 must not change what a schema-1 file means: its `fmt` output byte for byte, its
 * diagnostics (code, severity, range, message) and its model (apart from `schemaVersion`). The
 * golden files under golden/schema1/ were written by the code BEFORE schema 2 (commit f4491df),
 * from frozen copies of the schema-1 examples, layout-damaged variants of them (so `fmt` has work
 * to do) and the comment-heavy input. `UPDATE_GOLDEN=1` rewrites them: only ever do that on a
 * commit where the schema-1 behaviour is known to be right.
 */

const GOLDEN = fileURLToPath(new URL('./golden/schema1/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** The workspaces of the golden set: each directory under golden/schema1/ is one, loaded together. */
function cases(): Array<{ name: string; files: Record<string, string> }> {
    return readdirSync(GOLDEN, { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name).sort().map(name => {
        const dir = `${GOLDEN}${name}/`;
        const files = Object.fromEntries(readdirSync(dir).filter(f => f.endsWith('.journey')).sort().map(f => [f, readFileSync(dir + f, 'utf8')]));
        return { name, files };
    });
}

interface Golden {
    fmt: string | null;
    diagnostics: Array<{ range: string; severity: number | undefined; code: string; message: string }>;
    model: unknown;
}

async function observe(files: Record<string, string>): Promise<Record<string, Golden>> {
    const workspace = new JourneyWorkspace();
    const names = Object.keys(files);
    const loaded = await workspace.load(names.map(name => ({ uri: URI.parse(`memory:///${name}`), text: files[name] })));
    const formatter = workspace.services.lsp.Formatter as JourneyFormatter;
    const builder = workspace.services.model.JourneyModelBuilder;
    return Object.fromEntries(names.map((name, i) => {
        const { document, diagnostics } = loaded[i];
        const result = formatter.format(document);
        const model = { ...builder.build(document), schemaVersion: 'any' };
        return [name, {
            fmt: result.kind === 'formatted' ? result.text : null,
            diagnostics: diagnostics.map(summary),
            model: JSON.parse(JSON.stringify(model)),
        }];
    }));
}

function summary(d: Diagnostic): Golden['diagnostics'][number] {
    const { start, end } = d.range;
    return { range: `${start.line}:${start.character}-${end.line}:${end.character}`, severity: d.severity, code: String(d.code), message: String(d.message) };
}

/** Writes the inputs of the golden set from the schema-1 examples (only with UPDATE_GOLDEN=1 and no inputs yet). */
function writeInputs(): void {
    const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
    const schema1 = ['common.journey', 'gift-purchase.journey', 'gift-return.journey', 'saas-onboarding.journey'];
    const texts = Object.fromEntries(schema1.map(name => [name, readFileSync(examples + name, 'utf8')]));
    const write = (dir: string, files: Record<string, string>) => {
        mkdirSync(GOLDEN + dir, { recursive: true });
        for (const [name, text] of Object.entries(files)) writeFileSync(`${GOLDEN}${dir}/${name}`, text);
    };
    write('examples', texts);
    write('comment-heavy', { 'comment-heavy.journey': COMMENT_HEAVY });
    // Layout damage only (indentation, line breaks, blank lines), seeded: fmt must restore the same layout.
    const random = seededRandom(7);
    const damaged: Record<string, string> = { 'common.journey': texts['common.journey'] };
    for (const name of schema1.slice(1)) {
        damaged[name] = texts[name].split('\n').map(line => {
            const r = random();
            const body = line.trimStart();
            return r < 0.3 ? body : r < 0.5 ? '\t   ' + body : r < 0.6 ? `\n\n${body}   ` : line;
        }).join(random() < 0.5 ? '\r\n' : '\n');
    }
    write('damaged', damaged);
}

describe('schema-1 files keep their meaning (golden files from before schema 2)', function () {
    this.timeout(60_000);
    if (UPDATE && !existsSync(GOLDEN)) writeInputs();

    for (const { name, files } of cases()) {
        it(`${name}: identical fmt output, diagnostics and model`, async () => {
            const observed = await observe(files);
            for (const [file, golden] of Object.entries(observed)) {
                const path = `${GOLDEN}${name}/expected/${file}.json`;
                if (UPDATE) {
                    mkdirSync(`${GOLDEN}${name}/expected`, { recursive: true });
                    writeFileSync(path, JSON.stringify(golden, null, 1) + '\n');
                    continue;
                }
                const expected = JSON.parse(readFileSync(path, 'utf8')) as Golden;
                assert.equal(golden.fmt, expected.fmt, `${file}: fmt output`);
                assert.deepEqual(golden.diagnostics, expected.diagnostics, `${file}: diagnostics`);
                assert.deepEqual(golden.model, expected.model, `${file}: model`);
            }
        });
    }
});
