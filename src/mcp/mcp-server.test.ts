import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CreateMessageRequestSchema, ListRootsRequestSchema, type CallToolResult, type CreateMessageRequest } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatty, flawedDraft, GOOD_MODULE, makeProject } from '../generate/test-support/plant-swap-fixture.js';
import { listRuns } from '../runs/list-runs.js';
import { generateResultSchema, verifyReportSchema } from './report-schema.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'backsmith.js');
const EXAMPLE = path.join(ROOT, 'examples', 'clinic_booking');
const example = (name: string) => path.join('examples', 'clinic_booking', name);

/** Starts `node bin/backsmith.js mcp` (the built CLI) and connects an SDK client to it. */
async function connect(options: { cwd: string; capabilities?: ConstructorParameters<typeof Client>[1] }): Promise<Client> {
  if (!existsSync(path.join(ROOT, 'dist', 'mcp', 'mcp-server.js'))) throw new Error('dist/ is not built: run `npm run build` first');
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: options.cwd, env: getDefaultEnvironment(), stderr: 'pipe' });
  const client = new Client({ name: 'backsmith-test', version: '1.0.0' }, options.capabilities ?? { capabilities: {} });
  // Anything on stdout that is not a protocol message reaches the client as an error.
  client.onerror = (error) => protocolErrors.push(error.message);
  transport.stderr?.on('data', (chunk: Buffer) => void (serverLog += chunk.toString()));
  await client.connect(transport);
  return client;
}

const protocolErrors: string[] = [];
let serverLog = '';

const text = (result: CallToolResult) => result.content.map((block) => (block.type === 'text' ? block.text : '')).join('');

describe('backsmith mcp (SDK client over stdio, built binary)', () => {
  let plain: Client;
  beforeAll(async () => {
    plain = await connect({ cwd: ROOT });
  }, 30_000);
  afterAll(async () => {
    await plain?.close();
  });

  it('lists the tools, each with an input schema; verify_module has an output schema', async () => {
    const { tools } = await plain.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(expect.arrayContaining(['generate_tests', 'implement_module', 'list_checks', 'read_spec', 'verify_module']));
    const verify = tools.find((tool) => tool.name === 'verify_module')!;
    expect(verify.outputSchema).toMatchObject({ type: 'object', required: expect.arrayContaining(['modules', 'passed']) });
    expect(verify.inputSchema.properties).toHaveProperty('code');
  });

  it('verifies the clinic example with its design, stories and tests: the JSON report as structured content', async () => {
    await plain.listTools(); // the client validates structured content against the output schemas it has listed
    const result = (await plain.callTool({
      name: 'verify_module',
      arguments: { path: example('clinic_booking_scheduler.py'), design: example('clinic_booking_technical_design.md'), stories: example('clinic_booking_user_stories.md'), tests: [example('test_clinic_booking_acceptance.py')] },
    }, undefined, { timeout: 120_000 })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const report = verifyReportSchema.parse(result.structuredContent);
    expect(report.passed).toBe(true);
    const [module] = report.modules;
    expect(module!.path).toBe(path.join(EXAMPLE, 'clinic_booking_scheduler.py'));
    expect(module!.checks.find((check) => check.id.startsWith('design/'))?.status).not.toBe('skipped');
    expect(module!.sandbox).toMatchObject({ status: 'ran' });
    expect(module!.syntax.authority).toBe('cpython');
    expect(text(result)).toMatch(/^✔ .*clinic_booking_scheduler\.py: passed/);
  }, 120_000);

  it('verifies inline code without running it: findings with lines and hints, and a short summary', async () => {
    const source = await readFile(path.join(EXAMPLE, 'clinic_booking_scheduler.py'), 'utf8');
    const broken = source.replace('    def hours(self) -> str:', '    def hours(self):');
    expect(broken).not.toBe(source);
    const result = (await plain.callTool({ name: 'verify_module', arguments: { code: broken, fileName: 'clinic_booking_scheduler.py', design: example('clinic_booking_technical_design.md'), run: false } })) as CallToolResult;
    const report = verifyReportSchema.parse(result.structuredContent);
    expect(report.passed).toBe(false);
    expect(report.modules[0]!.findings).toContainEqual(expect.objectContaining({ checkId: 'quality/missing-type-hints', severity: 'error', line: expect.any(Number), hint: expect.any(String) }));
    expect(text(result)).toMatch(/^✘ clinic_booking_scheduler\.py: failed[\s\S]*error quality\/missing-type-hints line \d+/);
  });

  it('answers bad input with one-line tool errors, as the CLI words them', async () => {
    const both = (await plain.callTool({ name: 'verify_module', arguments: { path: 'a.py', code: 'x = 1\n' } })) as CallToolResult;
    expect(both).toMatchObject({ isError: true });
    expect(text(both)).toBe('backsmith: verify_module needs exactly one of path (a file or directory) and code (the module source).');
    const missing = (await plain.callTool({ name: 'read_spec', arguments: { design: 'no_such_design.md' } })) as CallToolResult;
    expect(missing.isError).toBe(true);
    expect(text(missing)).toMatch(/^backsmith: .*no_such_design\.md[^\n]*$/);
    const nothingRuns = (await plain.callTool({ name: 'verify_module', arguments: { path: example('clinic_booking_scheduler.py'), select: ['design/'], run: false } })) as CallToolResult;
    expect(nothingRuns.isError).toBe(true);
    expect(text(nothingRuns)).toBe('backsmith: select design/ runs no check: every check it selects is skipped (no design given). Give what they need, or select other checks.');
    const unknownId = (await plain.callTool({ name: 'verify_module', arguments: { path: example('clinic_booking_scheduler.py'), ignore: ['quality/nope'], run: false } })) as CallToolResult;
    expect(text(unknownId)).toMatch(/^backsmith: Unknown check id "quality\/nope" in ignore; closest known: /);
    const testsWithoutRun = (await plain.callTool({ name: 'verify_module', arguments: { path: example('clinic_booking_scheduler.py'), tests: [example('test_clinic_booking_acceptance.py')], run: false } })) as CallToolResult;
    expect(text(testsWithoutRun)).toMatch(/^backsmith: tests cannot be combined with run: false/);
    const badType = (await plain.callTool({ name: 'verify_module', arguments: { path: 3 } })) as CallToolResult;
    expect(badType.isError).toBe(true);
    expect(text(badType)).toMatch(/Input validation error/);
  });

  it('reads a spec and lists the checks', async () => {
    const spec = (await plain.callTool({ name: 'read_spec', arguments: { design: example('clinic_booking_technical_design.md'), stories: example('clinic_booking_user_stories.md') } })) as CallToolResult;
    expect(text(spec)).toMatch(/^Deliverable: clinic_booking_scheduler\.py/);
    expect(spec.structuredContent).toMatchObject({ design: { deliverable: 'clinic_booking_scheduler.py' } });
    const checks = (await plain.callTool({ name: 'list_checks', arguments: { category: 'safety' } })) as CallToolResult;
    const listed = (checks.structuredContent as { checks: Array<{ id: string; fixHint: string }> }).checks;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((check) => check.id.startsWith('safety/') && check.fixHint.length > 0)).toBe(true);
    const unknown = (await plain.callTool({ name: 'list_checks', arguments: { category: 'style' } })) as CallToolResult;
    expect(unknown).toMatchObject({ isError: true, content: [{ text: expect.stringMatching(/^backsmith: Unknown check category "style"; the categories are format, syntax, /) }] });
  });

  it('without sampling and with no model configured, implement_module says how to configure one', async () => {
    const result = (await plain.callTool({ name: 'implement_module', arguments: { design: example('clinic_booking_technical_design.md'), stories: example('clinic_booking_user_stories.md') } })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^backsmith: No model is configured[\s\S]*--model[\s\S]*supports sampling/);
  });

  it('writes nothing but protocol messages on stdout, and no stack traces on stderr', () => {
    expect(protocolErrors).toEqual([]);
    expect(serverLog).not.toMatch(/\n\s+at /);
  });
});

describe('backsmith mcp with a client that declares roots and sampling', () => {
  let project: Awaited<ReturnType<typeof makeProject>>;
  let client: Client;
  const sampled: CreateMessageRequest['params'][] = [];
  const replies = [chatty(flawedDraft()), GOOD_MODULE];
  /** When set, the client's model never answers until the server cancels its request. */
  let hang: { started: () => void; cancelled: boolean } | null = null;
  let testWriterCalls = 0;
  let extraRoots: string[] = [];

  beforeAll(async () => {
    project = await makeProject();
    await mkdir(path.join(project.dir, 'links'));
    await symlink(EXAMPLE, path.join(project.dir, 'links', 'outside'));
    client = await connect({ cwd: ROOT, capabilities: { capabilities: { sampling: {}, roots: { listChanged: true } } } });
    client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: [project.dir, ...extraRoots].map((dir) => ({ uri: pathToFileURL(dir).href })) }));
    client.setRequestHandler(CreateMessageRequestSchema, async (request, extra) => {
      const waiting = hang;
      if (waiting) {
        waiting.started();
        return new Promise((_resolve, reject) => extra.signal.addEventListener('abort', () => {
          waiting.cancelled = true;
          reject(new Error('cancelled by the server'));
        }));
      }
      if (/^# QA engineer/.test(request.params.systemPrompt ?? '')) {
        testWriterCalls++;
        return { model: 'test-model', role: 'assistant', content: { type: 'text', text: await readFile(path.join(project.dir, project.tests), 'utf8') }, stopReason: 'endTurn' };
      }
      sampled.push(request.params);
      const reply = replies[Math.min(sampled.length - 1, replies.length - 1)]!;
      return { model: 'test-model', role: 'assistant', content: { type: 'text', text: reply }, stopReason: 'endTurn' };
    });
  }, 30_000);
  afterAll(async () => {
    await client?.close();
    await rm(project.dir, { recursive: true, force: true });
  });

  it('refuses paths outside the declared roots, links included', async () => {
    for (const outside of [path.join(EXAMPLE, 'clinic_booking_scheduler.py'), '../x.py', 'links/outside/clinic_booking_scheduler.py', 'links/outside']) {
      const result = (await client.callTool({ name: 'verify_module', arguments: { path: outside, run: false } })) as CallToolResult;
      expect(result.isError, outside).toBe(true);
      expect(text(result)).toMatch(/^backsmith: Module path .* is outside the workspace \(.*\): backsmith only reads and writes inside the roots/);
    }
    const design = (await client.callTool({ name: 'read_spec', arguments: { design: path.join(EXAMPLE, 'clinic_booking_technical_design.md') } })) as CallToolResult;
    expect(text(design)).toMatch(/^backsmith: Design document .* is outside the workspace/);
    const outDir = (await client.callTool({ name: 'implement_module', arguments: { design: project.design, stories: project.stories, outDir: 'links/outside/new' } })) as CallToolResult;
    expect(text(outDir)).toMatch(/^backsmith: Output folder links\/outside\/new is outside the workspace/);
    expect(sampled).toHaveLength(0);
  });

  it('passes over, and lists, a module link in a folder that leads out of the roots; the rest is verified', async () => {
    const folder = path.join(project.dir, 'mixed');
    await mkdir(folder);
    try {
      await writeFile(path.join(folder, 'tally.py'), '"""Tally."""\n\nTOTAL = 1\n');
      await symlink(path.join(EXAMPLE, 'clinic_booking_scheduler.py'), path.join(folder, 'away.py'));
      const result = (await client.callTool({ name: 'verify_module', arguments: { path: 'mixed', run: false } })) as CallToolResult;
      expect(result.isError, text(result)).toBeFalsy();
      const report = result.structuredContent as { modules: Array<{ path: string }>; skipped?: Array<{ path: string; reason: string }> };
      expect(report.modules.map((module) => path.basename(module.path))).toEqual(['tally.py']);
      expect(report.skipped).toEqual([{ path: expect.stringMatching(/mixed\/away\.py$/), reason: 'outside the workspace' }]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('refuses to deliver through a link leading out of the roots (module, generated tests, run records), before any model call', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'backsmith-mcp-outside-'));
    const planted = { 'plant_swap_registry.py': '# not the workspace\'s\n', 'test_plant_swap_acceptance.py': '# not the workspace\'s either\n' };
    const call = async (name: string, args: Record<string, unknown>) => text((await client.callTool({ name, arguments: { design: project.design, stories: project.stories, ...args } })) as CallToolResult);
    const calls = testWriterCalls;
    try {
      for (const [name, content] of Object.entries(planted)) await writeFile(path.join(outside, name), content);
      await mkdir(path.join(project.dir, 'linked'));
      for (const name of Object.keys(planted)) await symlink(path.join(outside, name), path.join(project.dir, 'linked', name));
      expect(await call('implement_module', { outDir: 'linked', tests: [project.tests] })).toMatch(/^backsmith: Deliverable \S+\/linked\/plant_swap_registry\.py is outside the workspace \(.*\): backsmith only reads and writes inside the roots/);
      await rm(path.join(project.dir, 'linked', 'plant_swap_registry.py'));
      expect(await call('implement_module', { outDir: 'linked' })).toMatch(/^backsmith: Acceptance test file \S+\/linked\/test_plant_swap_acceptance\.py is outside the workspace/);
      expect(await call('generate_tests', { outDir: 'linked' })).toMatch(/^backsmith: Test file \S+\/linked\/test_plant_swap_acceptance\.py is outside the workspace/);
      expect(existsSync(path.join(project.dir, '.backsmith')), 'no run may have been recorded yet').toBe(false);
      await symlink(outside, path.join(project.dir, '.backsmith'));
      expect(await call('implement_module', { outDir: 'inside', tests: [project.tests] })).toMatch(/^backsmith: Run records folder \S+\/\.backsmith\/runs is outside the workspace/);
      expect(await call('generate_tests', { outDir: 'inside' })).toMatch(/^backsmith: Run records folder \S+\/\.backsmith\/runs is outside the workspace/);
      // Nothing was asked of the model, and nothing outside changed: no backup, no record, no file.
      expect(sampled).toHaveLength(0);
      expect(testWriterCalls).toBe(calls);
      expect((await readdir(outside)).sort()).toEqual(Object.keys(planted).sort());
      for (const [name, content] of Object.entries(planted)) expect(await readFile(path.join(outside, name), 'utf8')).toBe(content);
    } finally {
      await rm(path.join(project.dir, '.backsmith'), { force: true });
      await rm(path.join(project.dir, 'linked'), { recursive: true, force: true });
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('reads the roots again when the client says they changed', async () => {
    const file = path.join(EXAMPLE, 'clinic_booking_scheduler.py');
    const call = async () => (await client.callTool({ name: 'verify_module', arguments: { path: file, run: false } })) as CallToolResult;
    expect((await call()).isError).toBe(true);
    extraRoots = [EXAMPLE];
    try {
      await client.sendRootsListChanged();
      let result = await call();
      for (let attempt = 0; attempt < 50 && result.isError; attempt++) result = await call();
      expect(result.isError, text(result)).toBeFalsy();
      expect(verifyReportSchema.parse(result.structuredContent).modules[0]!.path).toBe(file);
    } finally {
      extraRoots = [];
      await client.sendRootsListChanged();
    }
  });

  it('implements the module through sampling: a defective draft, then the fix, delivered and verified', async () => {
    await client.listTools();
    const progress: string[] = [];
    const result = (await client.callTool(
      { name: 'implement_module', arguments: { design: project.design, stories: project.stories, tests: [project.tests], types: false } },
      undefined,
      { timeout: 180_000, resetTimeoutOnProgress: true, onprogress: (update) => progress.push(update.message ?? '') },
    )) as CallToolResult;
    expect(result.isError, text(result)).toBeFalsy();
    const outcome = generateResultSchema.parse(result.structuredContent);
    expect(outcome).toMatchObject({ outcome: 'delivered', model: { provider: 'mcp-sampling' } });
    expect(outcome.drafts.map((draft) => [draft.round, draft.passed])).toEqual([[0, false], [1, true]]);
    // types: false is reported in the tool's own words, not as a CLI flag the client never gave.
    expect(outcome.notChecked).toEqual(['types: the implement_module call set types: false']);
    expect(text(result)).toContain('not checked: types: the implement_module call set types: false');
    expect(text(result)).not.toContain('--no-types');
    const delivered = path.join(project.dir, 'src', 'copilot_genereated', 'engineering', 'plant_swap_registry.py');
    expect(outcome.deliverable.path).toBe(delivered);
    expect(await readFile(delivered, 'utf8')).toBe(GOOD_MODULE);

    // The client's model got the agent as the system prompt, then a repair request naming the defects.
    expect(sampled).toHaveLength(2);
    expect(sampled[0]!.systemPrompt).toMatch(/Python backend engineer/i);
    const repair = sampled[1]!.messages.at(-1)!.content;
    expect(repair).toMatchObject({ type: 'text', text: expect.stringMatching(/quality\/missing-type-hints/) });
    expect(progress).toEqual(expect.arrayContaining([expect.stringMatching(/^drafting/), expect.stringMatching(/^repairing/), 'delivering']));

    const check = (await client.callTool({ name: 'verify_module', arguments: { path: delivered, design: project.design, stories: project.stories, tests: [project.tests] } }, undefined, { timeout: 120_000 })) as CallToolResult;
    expect(verifyReportSchema.parse(check.structuredContent).passed).toBe(true);
  }, 240_000);

  it('cancels implement_module: the pending sampling request is cancelled, nothing is delivered, the run is recorded as cancelled', async () => {
    const before = new Set(await listRuns(project.dir).then((runs) => runs.map((run) => run.id)));
    const controller = new AbortController();
    let started: () => void = () => undefined;
    const sampling = new Promise<void>((resolve) => (started = resolve));
    hang = { started, cancelled: false };
    const waiting = hang;
    try {
      const call = client.callTool({ name: 'implement_module', arguments: { design: project.design, stories: project.stories, outDir: 'cancelled' } }, undefined, { signal: controller.signal, timeout: 60_000 });
      await sampling;
      controller.abort();
      await expect(call).rejects.toThrow();
      let run = null;
      for (let attempt = 0; attempt < 100 && !run; attempt++) {
        run = (await listRuns(project.dir)).find((record) => !before.has(record.id) && record.outcome !== 'running') ?? null;
        if (!run) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(run).toMatchObject({ outcome: 'cancelled' });
      expect(waiting.cancelled).toBe(true);
      expect(existsSync(path.join(project.dir, 'cancelled'))).toBe(false);
    } finally {
      hang = null;
    }
  }, 60_000);

  it('writes acceptance tests from the stories through sampling (generate_tests)', async () => {
    await client.listTools();
    const progress: string[] = [];
    const result = (await client.callTool(
      { name: 'generate_tests', arguments: { design: project.design, stories: project.stories, out: 'tests/test_plant_swap_acceptance.py' } },
      undefined,
      { timeout: 120_000, onprogress: (update) => progress.push(update.message ?? '') },
    )) as CallToolResult;
    expect(result.isError, text(result)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ outcome: 'delivered', moduleName: 'plant_swap_registry', model: { provider: 'mcp-sampling' } });
    expect(await readFile(path.join(project.dir, 'tests', 'test_plant_swap_acceptance.py'), 'utf8')).toBe(await readFile(path.join(project.dir, project.tests), 'utf8'));
    expect(testWriterCalls).toBe(1);
    expect(progress.length).toBeGreaterThan(0);
    expect(text(result)).toMatch(/^✔ Wrote .*test_plant_swap_acceptance\.py/);
  }, 120_000);
});

describe('backsmith mcp: verifying again after an edit (reports of unchanged modules are reused)', () => {
  let folder = '';
  let client: Client;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'backsmith-mcp-again-'));
    const module = '"""Counts."""\n\n\ndef count(items: list[int]) -> int:\n    """Counts the items."""\n    return len(items)\n';
    await mkdir(path.join(folder, 'pkg'));
    await writeFile(path.join(folder, 'pkg', 'first.py'), module);
    await writeFile(path.join(folder, 'pkg', 'second.py'), module);
    client = await connect({ cwd: folder });
  }, 30_000);
  afterAll(async () => {
    await client?.close();
    await rm(folder, { recursive: true, force: true });
  });

  const lint = async () => {
    const result = (await client.callTool({ name: 'verify_module', arguments: { path: 'pkg', run: false } })) as CallToolResult;
    expect(result.isError, text(result)).toBeFalsy();
    const report = verifyReportSchema.parse(result.structuredContent);
    return Object.fromEntries(report.modules.map((module) => [path.basename(module.path), module.findings.map((finding) => finding.checkId)]));
  };

  it('sees an edited module, an edited configuration, and an edit undone', async () => {
    const before = await lint();
    expect(before['second.py']).not.toContain('quality/lint');
    expect(await lint()).toEqual(before);
    const second = path.join(folder, 'pkg', 'second.py');
    const original = await readFile(second, 'utf8');
    await writeFile(second, `import os\n${original}`);
    const edited = await lint();
    expect(edited['first.py']).toEqual(before['first.py']);
    expect(edited['second.py']).toContain('quality/lint');
    await writeFile(path.join(folder, 'backsmith.config.json'), JSON.stringify({ ignore: ['quality/lint'] }));
    expect((await lint())['second.py']).not.toContain('quality/lint');
    await rm(path.join(folder, 'backsmith.config.json'));
    expect((await lint())['second.py']).toContain('quality/lint');
    await writeFile(second, original);
    expect(await lint()).toEqual(before);
  }, 60_000);
});
