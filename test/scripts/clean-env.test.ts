import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM script shared with `npm start`
import { cleanEnv, cleanPath } from '../../scripts/clean-env.mjs';

/** What `npm run` exports to a script, as npm 11 on Node 20 does (captured from `npm run env`). */
const NPM_RUN_ENV = {
    HOME: '/home/dana',
    LANG: 'C.UTF-8',
    EDITOR: 'vi',
    HTTPS_PROXY: 'http://proxy.example:3128',
    PATH: '/work/jm/node_modules/.bin:/work/node_modules/.bin:/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:/home/dana/bin:/usr/local/bin:/usr/bin:/bin',
    INIT_CWD: '/work/jm',
    NODE: '/usr/bin/node',
    COLOR: '0',
    npm_command: 'run-script',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    npm_node_execpath: '/usr/bin/node',
    npm_lifecycle_event: 'start',
    npm_lifecycle_script: 'node scripts/start.mjs',
    npm_package_name: 'journeymap',
    npm_package_json: '/work/jm/package.json',
    npm_package_engines_node: '>=22.12.0',
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    npm_config_npm_version: '11.19.1',
    npm_config_global_prefix: '/usr',
    npm_config_local_prefix: '/work/jm',
    // The user's own configuration (npmrc files, environment): kept.
    npm_config_registry: 'https://registry.example/',
    npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
    npm_config_globalconfig: '/usr/etc/npmrc',
    npm_config_userconfig: '/home/dana/.npmrc',
    NPM_CONFIG_USER_AGENT: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
};

describe('scripts/clean-env.mjs', () => {
    it('drops what npm set about itself and the project, keeps the user\'s environment and npm configuration', () => {
        const env = cleanEnv(NPM_RUN_ENV);
        assert.deepEqual(Object.keys(env).sort(), [
            'EDITOR', 'HOME', 'HTTPS_PROXY', 'LANG', 'PATH',
            'npm_config_cafile', 'npm_config_globalconfig', 'npm_config_registry', 'npm_config_userconfig',
        ]);
        assert.equal(env.npm_config_registry, 'https://registry.example/');
        assert.equal(env.PATH, '/home/dana/bin:/usr/local/bin:/usr/bin:/bin');
        assert.equal(NPM_RUN_ENV.INIT_CWD, '/work/jm', 'the input is not changed');
    });

    it('puts the given folders first on PATH and keeps node_modules/.bin folders the user put after others', () => {
        assert.equal(cleanPath('/p/node_modules/.bin:/usr/bin:/opt/tool/node_modules/.bin', ['/cache/node/bin']), '/cache/node/bin:/usr/bin:/opt/tool/node_modules/.bin');
        assert.equal(cleanPath(undefined, ['/a']), '/a');
        assert.equal(cleanPath('/usr/bin::/bin'), '/usr/bin:/bin');
    });

    it('gives a nested npm its own user agent instead of the outer npm\'s', function () {
        // The bug it fixes: a nested npm took the outer npm's "node/v20" user agent as its own
        // configuration, and code-server's postinstall read the Node version from it.
        this.timeout(30_000);
        const dir = mkdtempSync(join(tmpdir(), 'journeymap-clean-env-'));
        try {
            writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'probe', private: true, scripts: { probe: 'node -e "console.log(process.env.npm_config_user_agent)"' } }));
            const outer = { ...process.env, npm_config_user_agent: 'npm/0.0.0 node/v20.0.0 linux x64 workspaces/false' };
            const run = (env: NodeJS.ProcessEnv) => execFileSync('npm', ['run', '--silent', 'probe'], { cwd: dir, env, encoding: 'utf8' }).trim();
            assert.match(run(outer), /node\/v20\.0\.0/, 'inherited, the outer agent wins');
            assert.match(run(cleanEnv(outer, { prependPath: [join(process.execPath, '..')] })), new RegExp(`node/${process.version.replace(/\./g, '\\.')} `));
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
