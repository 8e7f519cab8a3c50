// The environment for the processes `npm start` and the tests launch (a nested `npm install`, code-server),
// without what the outer npm put there about ITSELF. `npm start` runs under the machine's npm (say Node 20);
// it exports its user agent ("npm/11 node/v20 …"), its node-gyp, its prefixes, the project's package fields
// and lifecycle, and puts the project's node_modules/.bin first on PATH. A nested npm reads those as its own
// configuration: code-server's postinstall then reads "node/v20" from npm_config_user_agent and refuses to
// install, although it runs on Node 22.

/**
 * Variables npm derives from the npm, the Node and the project it runs in, rather than from the user's
 * configuration. The rest of `npm_config_*` (registry, cafile, proxy, globalconfig, userconfig…) is what
 * the user configured, in npmrc files, the environment or on the command line: a nested npm keeps it.
 */
const DERIVED_CONFIG = new Set(['user_agent', 'node_gyp', 'npm_version', 'global_prefix', 'local_prefix']);
const DERIVED = new Set(['INIT_CWD', 'NODE', 'COLOR']);

/** Whether npm set `name` about itself (the lookup is case-insensitive, like npm's own reading of `npm_config_*`). */
export function isNpmDerived(name) {
    if (DERIVED.has(name)) return true;
    const lower = name.toLowerCase();
    if (!lower.startsWith('npm_')) return false;
    if (lower.startsWith('npm_config_')) return DERIVED_CONFIG.has(lower.slice('npm_config_'.length).replace(/-/g, '_'));
    // npm_package_*, npm_lifecycle_*, npm_command, npm_execpath, npm_node_execpath: the outer run's, not the child's.
    return true;
}

/**
 * PATH without the leading `…/node_modules/.bin` folders and npm's `node-gyp-bin` that `npm run` prepends,
 * so `npm` and `node` are the machine's again (or `prepend`, given first).
 */
export function cleanPath(path, prepend = []) {
    const entries = (path ?? '').split(':').filter(Boolean);
    let first = 0;
    while (first < entries.length && /(^|\/)node_modules\/\.bin\/?$|\/node-gyp-bin\/?$/.test(entries[first])) first++;
    return [...prepend, ...entries.slice(first)].join(':');
}

/** A copy of `env` without what npm derived about itself; `prependPath` folders come first on PATH. */
export function cleanEnv(env = process.env, { prependPath = [] } = {}) {
    const clean = {};
    for (const [name, value] of Object.entries(env)) if (value !== undefined && !isNpmDerived(name)) clean[name] = value;
    clean.PATH = cleanPath(env.PATH, prependPath);
    return clean;
}
