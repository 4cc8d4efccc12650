import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeServerProject } from '../src/generate/test-support/fake-server-project.js';
import { chatty, flawedDraft, GOOD_MODULE } from '../src/generate/test-support/plant-swap-fixture.js';
import type { FakeServer, ScriptedResponse } from '../src/model/test-support/fake-http-server.js';
import { openAiErrorBody, openAiStreamEvents } from '../src/model/test-support/openai-wire.js';

const FAKE_KEY = 'sk-proj-BACKSMITHfakeKEY-0123456789abcdefXYZ';
const fixture = useFakeServerProject();
const { project, backsmith } = fixture;
let server: FakeServer | null = null;

function reply(text: string, finishReason = 'stop'): ScriptedResponse {
  return { events: openAiStreamEvents(text, { finishReason, deltaSize: 400 }) };
}

const generateArgs = () => ['generate', '--design', project.design, '--stories', project.stories, '--tests', project.tests, '--model', 'openai:gpt-4.1', '--base-url', server!.baseUrl];

async function allText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')));
  return texts.join('\n');
}

describe('backsmith generate (built binary, fake OpenAI server over HTTP)', () => {
  it('stops with exact setup instructions when no model is configured, creating no run', async () => {
    const run = await backsmith(['generate', '--design', project.design, '--stories', project.stories]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No model is configured');
    expect(run.stderr).toContain('--model');
    expect(run.stderr).toMatch(/OPENAI_API_KEY/);
    expect(existsSync(path.join(project.dir, '.backsmith'))).toBe(false);
  });

  it('repairs over real SSE and delivers; --json prints one result; runs list and show it', async () => {
    server = await fixture.serve([reply(chatty(flawedDraft())), reply(GOOD_MODULE)]);
    const run = await backsmith([...generateArgs(), '--json'], { env: { OPENAI_API_KEY: FAKE_KEY } });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ outcome: 'delivered', stopReason: 'passed', model: { provider: 'openai', modelId: 'gpt-4.1' } });
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.costUsd).toBeGreaterThan(0);
    expect(await readFile(path.join(project.dir, 'src/copilot_genereated/engineering/plant_swap_registry.py'), 'utf8')).toBe(GOOD_MODULE);
    expect(server.requests).toHaveLength(2);
    const second = server.requests[1]!.body as { messages: { role: string; content: string }[] };
    expect(second.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(second.messages[3]!.content).toMatch(/^# Problems to fix/);
    expect(run.stderr).toMatch(/✘ first draft 1: \d+ error\(s\)/);
    expect(run.stderr).toMatch(/✔ repair round 1: passed/);

    const list = await backsmith(['runs']);
    expect(list.stdout).toContain(`${result.runId}  delivered`);
    const show = await backsmith(['runs', 'show', 'latest']);
    expect(show.stdout).toContain(`Run ${result.runId}: delivered`);
    expect(show.stdout).toMatch(/Delivered: .*plant_swap_registry\.py/);
  });

  it('does not deliver a good module when --python names an interpreter the sandbox cannot use (exit 1, runtime/not-run)', async () => {
    server = await fixture.serve([reply(GOOD_MODULE)]);
    // An executable that is no Python: the sandbox cannot run the module with it.
    const run = await backsmith([...generateArgs(), '--python', '/bin/false', '--max-rounds', '0'], { env: { OPENAI_API_KEY: FAKE_KEY } });
    expect(run.code).toBe(1);
    expect(run.stderr + run.stdout).toContain('runtime/not-run');
    expect(existsSync(path.join(project.dir, 'src/copilot_genereated/engineering/plant_swap_registry.py'))).toBe(false);
  });

  it('refuses --python naming no interpreter (exit 2, one line) before calling the model', async () => {
    server = await fixture.serve([reply(GOOD_MODULE)]);
    const run = await backsmith([...generateArgs(), '--python', path.join(project.dir, 'no-such-python')], { env: { OPENAI_API_KEY: FAKE_KEY } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/backsmith: --python .*no-such-python: no such file\./);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects --tests with --no-run (exit 2) before calling the model', async () => {
    server = await fixture.serve([reply(GOOD_MODULE)]);
    const run = await backsmith([...generateArgs(), '--no-run'], { env: { OPENAI_API_KEY: FAKE_KEY } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--tests cannot be combined with --no-run');
    expect(server.requests).toHaveLength(0);
  });

  it('exits 1 when the model never fixes anything; the summary points at the FAILING draft', async () => {
    server = await fixture.serve([reply(flawedDraft()), reply(flawedDraft())]);
    const run = await backsmith(generateArgs(), { env: { OPENAI_API_KEY: FAKE_KEY } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✘ Not delivered: the model sent back first draft 1 unchanged in repair round 1, so none of its \d+ error\(s\) was fixed; stopped early/);
    expect(run.stdout).toMatch(/best draft \(FAILING verification, not at the deliverable path\): \.backsmith\/runs\/[\w-]+\/best-draft\.FAILING\.py/);
    expect(existsSync(path.join(project.dir, 'src/copilot_genereated/engineering/plant_swap_registry.py'))).toBe(false);
  });

  it('never writes or prints the API key, even when the model or the provider echoes it', async () => {
    server = await fixture.serve([reply(`# key: ${FAKE_KEY}\n${flawedDraft()}`), { status: 401, body: openAiErrorBody(`Incorrect API key provided: ${FAKE_KEY}.`, 'invalid_request_error', 'invalid_api_key') }]);
    const run = await backsmith(generateArgs(), { env: { OPENAI_API_KEY: FAKE_KEY } });
    expect(run.code).toBe(2);
    const everything = `${run.stdout}\n${run.stderr}\n${await allText(path.join(project.dir, '.backsmith'))}`;
    expect(everything).not.toContain(FAKE_KEY);
    expect(everything).not.toContain(FAKE_KEY.slice(8, 30));
    const [runId] = await readdir(path.join(project.dir, '.backsmith', 'runs'));
    const record = JSON.parse(await readFile(path.join(project.dir, '.backsmith', 'runs', runId!, 'run.json'), 'utf8'));
    expect(record.outcome).toBe('error');
  });

  it('Ctrl-C cancels cleanly: exit 130, nothing delivered, the run recorded as cancelled', async () => {
    server = await fixture.serve([{ ...reply(GOOD_MODULE), delayMs: 20_000 }]);
    let sent = false;
    const run = await backsmith(generateArgs(), {
      env: { OPENAI_API_KEY: FAKE_KEY },
      onStderr: (text, child) => {
        if (!sent && /drafting/.test(text)) {
          sent = true;
          setTimeout(() => child.kill('SIGINT'), 200);
        }
      },
    });
    expect(run.code).toBe(130);
    expect(run.stdout).toMatch(/✘ Cancelled: nothing was delivered/);
    expect(existsSync(path.join(project.dir, 'src'))).toBe(false);
    const [runId] = await readdir(path.join(project.dir, '.backsmith', 'runs'));
    const record = JSON.parse(await readFile(path.join(project.dir, '.backsmith', 'runs', runId!, 'run.json'), 'utf8'));
    expect(record).toMatchObject({ outcome: 'cancelled', stopReason: 'cancelled' });
  });

  it('lists the agents: the built-in module writer and test writer with their purpose, then the files found', async () => {
    await mkdir(path.join(project.dir, '.github', 'agents'), { recursive: true });
    await writeFile(path.join(project.dir, '.github', 'agents', 'reviewer.agent.md'), '---\ndescription: Reviews modules\n---\nReview.\n');
    const run = await backsmith(['agents']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^python-backend-engineer \(built-in, default\)\n {4}Writes one complete[^\n]*\n {4}writes the module: the default of generate --agent\n/);
    expect(run.stdout).toMatch(/\nqa-engineer \(built-in, test writer\)\n {4}Writes one unittest file[^\n]*\n {4}writes the acceptance tests: the default of tests --agent, and what generate runs first without --tests\n/);
    expect(run.stdout).toMatch(/reviewer {2}.*\.github\/agents\/reviewer\.agent\.md\n {4}Reviews modules/);
    const json = await backsmith(['agents', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject([
      { name: 'python-backend-engineer', source: 'built-in', purpose: expect.stringMatching(/^writes the module/) },
      { name: 'qa-engineer', source: 'built-in', purpose: expect.stringMatching(/^writes the acceptance tests/), description: expect.stringMatching(/^Writes one unittest file/), error: null },
      { name: 'reviewer', purpose: 'a Copilot agent file: generate --agent or tests --agent', description: 'Reviews modules' },
    ]);
  });

  it('rejects bad usage with exit 2', async () => {
    const run = await backsmith(['generate', '--design', project.design, '--stories', project.stories, '--max-rounds', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--max-rounds.*expected a whole number/);
  });
});
