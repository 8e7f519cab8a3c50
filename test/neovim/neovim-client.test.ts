import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A third-party LSP client: headless Neovim (Debian's 0.7.2) runs `journeymap-language-server --stdio`
 * through its built-in client on a copy of examples/, with an error typed into a map. Neovim only
 * sees pushed diagnostics and sends no configuration by itself, so this is the plainest client.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

const LUA = `
local out, map, workspace, node, server = _G.out, _G.map, _G.workspace, _G.node, _G.server
local result = { diagnostics = nil, completion = nil }
local client_id = vim.lsp.start_client({
  name = 'journeymap',
  cmd = { node, server, '--stdio' },
  root_dir = workspace,
  workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'examples' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
      if params.uri == vim.uri_from_fname(map) then result.diagnostics = params.diagnostics end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
    end,
  },
})
vim.cmd('edit ' .. map)
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)
vim.wait(30000, function() return result.diagnostics ~= nil and #result.diagnostics > 0 end, 100)
local client = vim.lsp.get_client_by_id(client_id)
-- Completion after 'channel ' on the line the test prepared (0-based line, end of line).
local line = _G.completion_line
local text = vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]
local response = client.request_sync('textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  position = { line = line, character = #text },
}, 20000, bufnr)
if response and response.result then
  local items = response.result.items or response.result
  result.completion = {}
  for _, item in ipairs(items) do table.insert(result.completion, item.label) end
end
local file = io.open(out, 'w')
file:write(vim.fn.json_encode(result))
file:close()
client.stop()
vim.cmd('qall!')
`;

describe('a third-party client: Neovim', function () {
    this.timeout(90_000);
    let workspace: string;

    before(function () {
        if (spawnSync('nvim', ['--version']).status !== 0) throw new Error('nvim is missing: apt-get install -y neovim (.ci/run installs it)');
        execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root });
        workspace = mkdtempSync(join(tmpdir(), 'journeymap-nvim-'));
        cpSync(join(root, 'examples'), workspace, { recursive: true });
    });

    after(() => rmSync(workspace, { recursive: true, force: true }));

    it('gets our diagnostics with their codes, and completion answers', () => {
        const map = join(workspace, 'gift-purchase.journey');
        // An out-of-range emotion, and a line ending in `channel ` inside the first step.
        const lines = readFileSync(map, 'utf8').replace('emotion +1', 'emotion 9').split('\n');
        const stepLine = lines.findIndex(line => line.includes('step sees_ad'));
        lines.splice(stepLine + 1, 0, '      channel ');
        writeFileSync(map, lines.join('\n'));
        const out = join(workspace, 'result.json');
        const init = join(workspace, 'test.lua');
        writeFileSync(init, LUA);
        const globals = `lua _G.out=${JSON.stringify(out)} _G.map=${JSON.stringify(map)} _G.workspace=${JSON.stringify(workspace)} ` +
            `_G.node=${JSON.stringify(process.execPath)} _G.server=${JSON.stringify(join(root, 'bin', 'journeymap-language-server.mjs'))} ` +
            `_G.completion_line=${stepLine + 1}`;
        const run = spawnSync('nvim', ['--headless', '--clean', '-c', globals, '-c', `luafile ${init}`], { cwd: workspace, timeout: 80_000, encoding: 'utf8' });
        let result: { diagnostics?: Array<{ code?: string; message: string }>; completion?: string[] };
        try {
            result = JSON.parse(readFileSync(out, 'utf8'));
        } catch {
            throw new Error(`Neovim wrote no result (status ${run.status}):\n${run.stdout}\n${run.stderr}`);
        }
        const codes = (result.diagnostics ?? []).map(d => d.code);
        assert.ok(codes.includes('emotion-out-of-range'), `our code in ${JSON.stringify(result.diagnostics)}`);
        assert.ok(codes.every(code => typeof code === 'string' && code.length > 0), 'every diagnostic has a code');
        for (const channel of ['web', 'app', 'social']) {
            assert.ok(result.completion?.includes(channel), `${channel} completed, from common.journey: ${JSON.stringify(result.completion)}`);
        }
    });
});
