import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/main.js';
import { listAgents } from '../inputs/agents/list-agents.js';
import { loadAgentFile } from '../inputs/agents/load-agent.js';
import { INIT_HOSTS, MCP_TOOL_NAMES } from './init-host.js';
import { initProject } from './init-project.js';
import { AGENT_FILE } from './plan-init-files.js';
import { readJsonc } from './read-jsonc.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'backsmith-init-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const read = (relative: string) => readFile(path.join(root, relative), 'utf8');

function cliIo() {
  let out = '';
  let err = '';
  let code = 0;
  return {
    io: { stdout: (text: string) => (out += text), stderr: (text: string) => (err += text), setExitCode: (next: number) => (code = next), exitCode: () => code },
    out: () => out,
    err: () => err,
  };
}

const REGISTRATIONS = [
  { host: 'copilot', file: '.vscode/mcp.json', key: 'servers', type: 'stdio' },
  { host: 'claude', file: '.mcp.json', key: 'mcpServers', type: 'stdio' },
  { host: 'cursor', file: '.cursor/mcp.json', key: 'mcpServers', type: undefined },
] as const;

describe('initProject', () => {
  it.each(REGISTRATIONS)('$host: writes the agent, $file with "$key" running npx backsmith mcp, and .gitignore', async ({ host, file, key, type }) => {
    const results = await initProject({ host, directory: root });
    expect(results.map((result) => [result.path, result.action])).toEqual([[AGENT_FILE, 'created'], [file, 'created'], ['.gitignore', 'created']]);
    const registration = JSON.parse(await read(file)) as Record<string, Record<string, { type?: string; command: string; args: string[] }>>;
    expect(Object.keys(registration)).toEqual([key]);
    expect(registration[key]!.backsmith).toEqual({ ...(type ? { type } : {}), command: 'npx', args: ['backsmith', 'mcp'] });
    expect(await read('.gitignore')).toBe('.backsmith/\n');
  });

  it('writes a Copilot agent file that backsmith\'s own loader reads, with the MCP tools and the verify rule', async () => {
    await initProject({ host: 'copilot', directory: root });
    const agent = await loadAgentFile(path.join(root, AGENT_FILE));
    expect(agent.name).toBe('python-backend-engineer');
    expect(agent.description.length).toBeGreaterThan(20);
    expect(agent.warnings).toEqual([]);
    expect(agent.ignoredKeys).toEqual([]);
    for (const tool of MCP_TOOL_NAMES) expect(agent.tools).toContain(`backsmith/${tool}`);
    expect(agent.prompt).toMatch(/call `backsmith\/verify_module`/);
    expect(agent.prompt).toMatch(/before you declare/i);
    expect(agent.prompt).toContain('Write the module to that file in the workspace');
    expect(agent.prompt).not.toContain('Your reply is saved to that file');
    expect(agent.prompt).toContain('`src/copilot_genereated/engineering/`');
    // `backsmith agents` and `generate --agent` find it where Copilot does.
    const listed = (await listAgents(root)).filter((entry) => entry.source.endsWith(AGENT_FILE));
    expect(listed.map((entry) => [entry.name, entry.error])).toEqual([['python-backend-engineer', null]]);
  });

  it('is idempotent: a second run leaves every file unchanged and lists .backsmith/ once', async () => {
    await writeFile(path.join(root, '.gitignore'), 'node_modules');
    await initProject({ host: 'claude', directory: root });
    const again = await initProject({ host: 'claude', directory: root });
    expect(again.map((result) => result.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await read('.gitignore')).toBe('node_modules\n.backsmith/\n');
  });

  it('adds its line to a .gitignore with CRLF line ends in the same style', async () => {
    await writeFile(path.join(root, '.gitignore'), 'node_modules\r\ndist');
    await initProject({ host: 'copilot', directory: root });
    expect(await read('.gitignore')).toBe('node_modules\r\ndist\r\n.backsmith/\r\n');
  });

  it('adds its server to an existing registration without touching the others', async () => {
    await mkdir(path.join(root, '.vscode'));
    await writeFile(path.join(root, '.vscode/mcp.json'), JSON.stringify({ inputs: [], servers: { memory: { command: 'npx', args: ['-y', 'mem'] } } }));
    const results = await initProject({ host: 'copilot', directory: root, now: new Date('2026-01-02T03:04:05Z') });
    // The user's registration is kept as it was before the server was added.
    expect(results[1]).toEqual({ path: '.vscode/mcp.json', action: 'updated', backupPath: '.vscode/mcp.json.20260102T030405Z.bak' });
    expect(JSON.parse(await read('.vscode/mcp.json.20260102T030405Z.bak'))).toEqual({ inputs: [], servers: { memory: { command: 'npx', args: ['-y', 'mem'] } } });
    const merged = JSON.parse(await read('.vscode/mcp.json')) as { inputs: unknown[]; servers: Record<string, unknown> };
    expect(merged.inputs).toEqual([]);
    expect(Object.keys(merged.servers)).toEqual(['memory', 'backsmith']);
  });

  it('refuses to replace a different file (nothing written), and --force keeps a backup', async () => {
    await mkdir(path.join(root, '.github/agents'), { recursive: true });
    await writeFile(path.join(root, AGENT_FILE), '---\ndescription: mine\n---\nMy own agent.\n');
    await expect(initProject({ host: 'cursor', directory: root })).rejects.toThrow(/Not overwriting \.github\/agents\/python-backend-engineer\.agent\.md .*--force/);
    expect(await readdir(root)).toEqual(['.github']);
    const results = await initProject({ host: 'cursor', directory: root, force: true, now: new Date('2026-01-02T03:04:05Z') });
    expect(results[0]).toEqual({ path: AGENT_FILE, action: 'replaced', backupPath: `${AGENT_FILE}.20260102T030405Z.bak` });
    expect(await read(`${AGENT_FILE}.20260102T030405Z.bak`)).toContain('My own agent.');
    expect(await read(AGENT_FILE)).toContain('verify_module');
  });

  it('treats a registration file that is not JSON, even with comments, as a conflict', async () => {
    await writeFile(path.join(root, '.mcp.json'), '{ not json');
    await expect(initProject({ host: 'claude', directory: root })).rejects.toThrow(/\.mcp\.json \(it is not valid JSON, even with comments: .* at line 1\)/);
  });

  const JSONC = '{\n  // Project servers (VS Code reads comments and trailing commas).\n  "servers": {\n    "memory": { "command": "npx", "args": ["-y", "mem"] }, // keep\n    "db": { "command": "db-mcp", },\n  },\n}\n';

  it('adds its server to a registration with comments and trailing commas, keeping them and the other servers', async () => {
    await mkdir(path.join(root, '.vscode'));
    await writeFile(path.join(root, '.vscode/mcp.json'), JSONC);
    const results = await initProject({ host: 'copilot', directory: root });
    expect(results[1]).toMatchObject({ path: '.vscode/mcp.json', action: 'updated' });
    const written = await read('.vscode/mcp.json');
    expect(written.startsWith(JSONC.slice(0, JSONC.indexOf('  },\n}')))).toBe(true);
    expect(written).toContain('// keep');
    expect(Object.keys((readJsonc(written).value as { servers: object }).servers)).toEqual(['memory', 'db', 'backsmith']);
  });

  it('--force on a differently registered server changes that entry only, and keeps a backup', async () => {
    await mkdir(path.join(root, '.vscode'));
    const mine = JSONC.replace('"db"', '"backsmith": { "command": "node", "args": ["old.js"] },\n    "db"');
    await writeFile(path.join(root, '.vscode/mcp.json'), mine);
    await expect(initProject({ host: 'copilot', directory: root })).rejects.toThrow(/"backsmith" server is registered differently/);
    const results = await initProject({ host: 'copilot', directory: root, force: true, now: new Date('2026-01-02T03:04:05Z') });
    expect(results[1]).toEqual({ path: '.vscode/mcp.json', action: 'replaced', backupPath: '.vscode/mcp.json.20260102T030405Z.bak' });
    expect(await read('.vscode/mcp.json.20260102T030405Z.bak')).toBe(mine);
    const written = await read('.vscode/mcp.json');
    expect(written).toContain('// keep');
    const servers = (readJsonc(written).value as { servers: Record<string, unknown> }).servers;
    expect(Object.keys(servers)).toEqual(['memory', 'backsmith', 'db']);
    expect(servers.backsmith).toEqual({ type: 'stdio', command: 'npx', args: ['backsmith', 'mcp'] });
  });

  it('creates a missing project folder whose parent exists, and refuses a missing parent (nothing written)', async () => {
    const fresh = path.join(root, 'fresh');
    const results = await initProject({ host: 'cursor', directory: fresh });
    expect(results[0]).toEqual({ path: '.', action: 'created' });
    expect(await readdir(fresh)).toEqual(expect.arrayContaining(['.cursor', '.gitignore']));
    await expect(initProject({ host: 'cursor', directory: path.join(root, 'nowhere', 'x') })).rejects.toThrow(/^The project folder .*nowhere\/x does not exist, nor does .*nowhere: create it first, or fix --dir\.$/);
    expect(await readdir(root)).toEqual(['fresh']);
    await writeFile(path.join(root, 'file'), '');
    await expect(initProject({ host: 'cursor', directory: path.join(root, 'file') })).rejects.toThrow(/is a file, not a folder/);
  });
});

describe('backsmith init', () => {
  it('prints what it wrote; a conflict or an unknown host is exit 2 with one line', async () => {
    const first = cliIo();
    expect(await runCli(['init', '--dir', root], first.io)).toBe(0);
    expect(first.out()).toMatch(/created {2}\.vscode\/mcp\.json/);
    await writeFile(path.join(root, '.vscode/mcp.json'), JSON.stringify({ servers: { backsmith: { command: 'node', args: ['x'] } } }));
    const second = cliIo();
    expect(await runCli(['init', 'copilot', '--dir', root], second.io)).toBe(2);
    expect(second.err()).toMatch(/^backsmith: Not overwriting \.vscode\/mcp\.json \(its "backsmith" server is registered differently\)/);
    const third = cliIo();
    expect(await runCli(['init', 'emacs', '--dir', root], third.io)).toBe(2);
    expect(third.err()).toBe(`backsmith: Unknown host 'emacs': use one of ${INIT_HOSTS.join(', ')}.\n`);
    const missing = cliIo();
    expect(await runCli(['init', '--dir', path.join(root, 'nonexistent', 'x')], missing.io)).toBe(2);
    expect(missing.err().trim().split('\n')).toHaveLength(1);
    const created = cliIo();
    expect(await runCli(['init', 'claude', '--dir', path.join(root, 'new')], created.io)).toBe(0);
    expect(created.out()).toContain(`created  ${path.join(root, 'new')}/ (the project folder)`);
  });
});
