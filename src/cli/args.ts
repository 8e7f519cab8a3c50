import { UsageError } from './usage-error.js';

export interface ParsedArgs {
    positional: string[];
    options: Map<string, string | true>;
    /** Everything after a lone `--`. */
    rest: string[];
}

/**
 * Parses `--flag`, `--name value`, `--name=value` and `-o value`. `valued` lists the options that
 * take a value; any option not in `valued` or `flags` is a usage error.
 */
export function parseArgs(argv: readonly string[], spec: { valued?: readonly string[]; flags?: readonly string[]; aliases?: Record<string, string> }): ParsedArgs {
    const valued = new Set(spec.valued ?? []);
    const flags = new Set(spec.flags ?? []);
    const positional: string[] = [];
    const options = new Map<string, string | true>();
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            return { positional, options, rest: argv.slice(i + 1) };
        }
        if (!arg.startsWith('-') || arg === '-') {
            positional.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        let name = eq > 0 ? arg.slice(0, eq) : arg;
        name = spec.aliases?.[name] ?? name;
        if (valued.has(name)) {
            const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
            if (value === undefined) throw new UsageError(`option ${name} needs a value`);
            options.set(name, value);
        } else if (flags.has(name) && eq < 0) {
            options.set(name, true);
        } else {
            throw new UsageError(`unknown option ${arg}`);
        }
    }
    return { positional, options, rest: [] };
}

export function oneOf<T extends string>(name: string, value: string | true | undefined, allowed: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    if (value === true || !allowed.includes(value as T)) {
        throw new UsageError(`${name} must be one of ${allowed.join(', ')} (got ${value === true ? 'nothing' : `'${value}'`})`);
    }
    return value as T;
}
