import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeServerProject, type CliRun, type SpawnOptions } from '../src/generate/test-support/fake-server-project.js';
import { chatty, flawedDraft, GOOD_MODULE } from '../src/generate/test-support/plant-swap-fixture.js';
import { PROVIDERS } from '../src/model/provider-registry.js';
import { startAzureServer } from '../src/model/test-support/azure-wire.js';
import { startOpenAiCompatibleServer } from '../src/model/test-support/openai-compatible-wire.js';
import { openAiErrorBody, openAiStreamEvents } from '../src/model/test-support/openai-wire.js';

// generate as a team uses it, through the built binary against fake providers on 127.0.0.1: the
// problems a demanding user's pass found, each shown here and fixed.
const fake = useFakeServerProject();
const KEY = 'sk-proj-TEAMuseKEY-0123456789abcdef';
const AZURE_KEY = 'azTEAMuseKEY-0123456789abcdef0123';
const OUT = 'src/copilot_genereated/engineering';
const reply = (text: string) => ({ events: openAiStreamEvents(text, { deltaSize: 4000 }) });
const generate = (model: string, baseUrl: string, extra: string[] = [], env: NodeJS.ProcessEnv = { OPENAI_API_KEY: KEY }, spawn: Omit<SpawnOptions, 'cwd' | 'env'> = {}) =>
  fake.backsmith(['generate', '--design', fake.project.design, '--stories', fake.project.stories, '--tests', fake.project.tests, '--model', model, '--base-url', baseUrl, '--no-types', ...extra], { env, ...spawn });
const inProject = (...parts: string[]) => path.join(fake.project.dir, ...parts);
async function recordedText(): Promise<string> {
  const runs = inProject('.backsmith', 'runs');
  const files = (await readdir(runs, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return (await Promise.all(files.map((file) => readFile(path.join(file.parentPath, file.name), 'utf8')))).join('\n');
}
function oneLineError(run: CliRun): string {
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return run.stderr.trim().split('\n').at(-1)!;
}

describe('generate in a team’s real use (built binary, fake providers on 127.0.0.1)', () => {
  it('--help tells a new user where every provider’s key and server go, what the exit codes mean and where runs are kept', async () => {
    const help = await fake.backsmith(['generate', '--help']);
    expect(help.code).toBe(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    for (const provider of PROVIDERS.values()) {
      if (provider.apiKeyEnv) expect(text).toContain(provider.apiKeyEnv);
      if (provider.baseUrlEnv) expect(text).toContain(provider.baseUrlEnv);
      expect(text).toContain(`${provider.name}:`);
    }
    expect(text).toContain('Exit codes: 0 delivered, 1 not delivered');
    expect(text).toContain('backsmith runs show ID');
  }, 60_000);

  it('Azure OpenAI: azure:DEPLOYMENT at the resource endpoint sends the key as api-key (never Bearer) and delivers; the key is never shown or recorded', async () => {
    const server = await startAzureServer([reply(chatty(GOOD_MODULE))]);
    try {
      const run = await generate('azure:gpt41-prod', server.origin, [], { AZURE_OPENAI_API_KEY: AZURE_KEY });
      expect(run.code, run.stderr).toBe(0);
      expect(server.requests.map((request) => request.path)).toEqual(['/openai/v1/chat/completions']);
      expect(server.requests[0]!.headers['api-key']).toBe(AZURE_KEY);
      expect(server.requests[0]!.headers.authorization).toBeUndefined();
      expect(await readFile(inProject(OUT, 'plant_swap_registry.py'), 'utf8')).toBe(GOOD_MODULE);
      expect(run.stdout + run.stderr + (await recordedText())).not.toContain(AZURE_KEY);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('a gateway that ignores stream: true (one JSON body) is read whole and delivered; a local model costs nothing, and says so', async () => {
    const body = JSON.stringify({
      id: 'chatcmpl-gw', object: 'chat.completion', created: 1_750_000_000, model: 'qwen2.5-coder:7b',
      choices: [{ index: 0, message: { role: 'assistant', content: chatty(GOOD_MODULE) }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 3100, completion_tokens: 2050, total_tokens: 5150 },
    });
    const server = await startOpenAiCompatibleServer([{ body }]);
    try {
      const run = await generate('ollama:qwen2.5-coder:7b', server.origin, ['--max-cost', '0.01'], {});
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('ollama:qwen2.5-coder:7b: the server ignored stream: true and sent the whole reply as one JSON body; it is read whole');
      expect(run.stderr).toContain('--max-cost: ollama:qwen2.5-coder:7b runs locally at no cost, so the cost budget never stops it');
      expect(run.stdout).toMatch(/3,100 tokens in \/ 2,050 out; no cost \(local model\);/);
      expect(run.stdout).not.toContain('$0.0000');
      const runId = /backsmith runs show ([\w-]+)/.exec(run.stdout)![1]!;
      const shown = await fake.backsmith(['runs', 'show', runId]);
      expect(shown.stdout).toMatch(/tokens 3,100 in \/ 2,050 out; no cost \(local model\)/);
      expect(shown.stdout).toMatch(/spent 1 request, 3,100 tokens in \/ 2,050 out, no cost \(local model\)/);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('--max-cost counts the reply at its --max-output-tokens before sending, says it was the reply, and lets a smaller reply through', async () => {
    const server = await fake.serve([reply(GOOD_MODULE)]);
    const stopped = await generate('openai:gpt-4.1', server.baseUrl, ['--max-cost', '0.1']);
    expect(stopped.code, stopped.stderr).toBe(1);
    expect(stopped.stdout).toMatch(/^✘ Not delivered: Stopped by the cost budget \(--max-cost 0\.1 USD, list-price estimate\) \(the next request costs about \$0\.\d{4} to send, and its reply up to \$0\.2621 \(at most 32,768 tokens\): \$0\.\d{4}, more than the \$0\.1000 left; lower --max-output-tokens to send it\)/);
    expect(stopped.stdout).toContain('no model request made, nothing spent');
    expect(server.requests).toHaveLength(0);
    const run = await generate('openai:gpt-4.1', server.baseUrl, ['--max-cost', '0.1', '--max-output-tokens', '4000']);
    expect(run.code, run.stderr).toBe(0);
    expect(server.requests).toHaveLength(1);
  }, 120_000);

  it('a 429 for a spent quota (Retry-After: 3600) is one line that says it was not retried and why; one request, no key shown', async () => {
    const quota = { status: 429, headers: { 'retry-after': '3600' }, body: openAiErrorBody(`You exceeded your current quota (key ${KEY}).`, 'insufficient_quota', 'insufficient_quota') };
    const server = await fake.serve([quota]);
    const run = await generate('openai:gpt-4.1', server.baseUrl);
    expect(oneLineError(run)).toMatch(/^backsmith: openai:gpt-4\.1: HTTP 429 from http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions: .*\(not retried: the server asks to wait 60 min, longer than the 2 min backsmith waits; try again later, or raise retry\.maxRetryAfterMs in the configuration\); the run is recorded as /);
    expect(server.requests).toHaveLength(1);
    expect(run.stdout + run.stderr).not.toContain('TEAMuseKEY');
  }, 120_000);

  it('a model that keeps sending back the same broken draft is stopped after one repair request, and the summary says why', async () => {
    const server = await fake.serve(Array.from({ length: 6 }, () => reply(chatty(flawedDraft()))));
    const run = await generate('openai:gpt-4.1', server.baseUrl, ['--max-rounds', '5']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^✘ Not delivered: the model sent back first draft 1 unchanged in repair round 1, so none of its \d+ error\(s\) was fixed; stopped early rather than pay for more of the same reply$/m);
    expect(run.stderr).toMatch(/verifying · first draft 1\/1[\s\S]*repairing · repair round 1\/5/);
    expect(run.stderr).not.toContain('verifying · repair round 1');
    expect(server.requests).toHaveLength(2);
  }, 120_000);

  it('a CLI killed while the model writes a repair: runs list and show call the run interrupted, with its spend and the command that goes on from its draft', async () => {
    const server = await fake.serve([reply(chatty(flawedDraft())), { ...reply(GOOD_MODULE), delayMs: 30_000 }, reply(GOOD_MODULE)]);
    const crashed = await generate('openai:gpt-4.1', server.baseUrl, [], { OPENAI_API_KEY: KEY }, {
      onStderr: (stderr, child) => {
        if (stderr.includes('repairing') && server.requests.length === 2 && child.exitCode === null && !child.killed) child.kill('SIGKILL');
      },
    });
    expect(crashed.code).toBe(-1);
    const listed = await fake.backsmith(['runs']);
    expect(listed.stdout).toMatch(/^[\w-]+ {2}interrupted +plant_swap_registry\.py/);
    const runId = /^([\w-]+)/.exec(listed.stdout)![1]!;
    const shown = await fake.backsmith(['runs', 'show', runId]);
    expect(shown.stdout).toMatch(/^Run [\w-]+: interrupted \(its backsmith process, pid \d+, ended before the run did: killed or crashed\)$/m);
    expect(shown.stdout).toMatch(/^ {2}tokens 812 in \/ [\d,]+ out; ~\$0\.\d{4} \(estimate\)$/m);
    expect(existsSync(inProject(OUT, 'plant_swap_registry.py'))).toBe(false);
    const command = /^To go on from it: backsmith (.+)$/m.exec(shown.stdout)![1]!.split(' ');
    expect(command).toContain('--from-draft');
    const resumed = await fake.backsmith([...command, '--base-url', server.baseUrl, '--no-types'], { env: { OPENAI_API_KEY: KEY } });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(server.requests).toHaveLength(3);
    expect(await readFile(inProject(OUT, 'plant_swap_registry.py'), 'utf8')).toBe(GOOD_MODULE);
  }, 180_000);

  it('two runs delivering the same module at once: both delivered, one kept the other as a backup, nothing lost, no lock left', async () => {
    const second = GOOD_MODULE.replace('Plant swap shelf:', 'Plant swap shelf (second run):');
    const [one, two] = await Promise.all([fake.serve([reply(GOOD_MODULE)]), fake.serve([reply(second)])]);
    const runs = await Promise.all([generate('openai:gpt-4.1', one.baseUrl), generate('openai:gpt-4.1', two.baseUrl)]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    expect(runs.filter((run) => run.stdout.includes('previous file kept as'))).toHaveLength(1);
    const names = await readdir(inProject(OUT));
    expect(names.filter((name) => name.includes('lock') || name.endsWith('.tmp'))).toEqual([]);
    const contents = await Promise.all(names.map((name) => readFile(inProject(OUT, name), 'utf8')));
    expect(contents.sort()).toEqual([GOOD_MODULE, second].sort());
  }, 180_000);

  it('a base URL from the configuration file that is the endpoint itself is named as the configuration’s, not as a --base-url never typed', async () => {
    await writeFile(inProject('backsmith.config.json'), JSON.stringify({ model: 'openai:gpt-4.1', baseUrl: 'https://gateway.example/v1/chat/completions' }));
    const run = await fake.backsmith(['generate', '--design', fake.project.design, '--stories', fake.project.stories, '--tests', fake.project.tests, '--no-types'], { env: { OPENAI_API_KEY: KEY } });
    expect(oneLineError(run)).toBe('backsmith: "baseUrl" in the configuration ends in the endpoint /chat/completions, which backsmith adds itself: give the base URL, https://gateway.example/v1.');
  }, 60_000);

  it('a long run: tests written first, two candidates, repairs over several rounds; the ranking prints a tie as a tie and says what broke it', async () => {
    const tests = await readFile(inProject(fake.project.tests), 'utf8');
    const unannotated = GOOD_MODULE.replace('def _validate_cuttings(cuttings: int) -> int:', 'def _validate_cuttings(cuttings: int):');
    const typed = flawedDraft().replace('def _validate_cuttings(cuttings: int):', 'def _validate_cuttings(cuttings: int) -> int:');
    const server = await fake.serve([reply(chatty(tests)), reply(chatty(flawedDraft())), reply(chatty(typed)), reply(chatty(unannotated)), reply(GOOD_MODULE)]);
    const run = await fake.backsmith(['generate', '--design', fake.project.design, '--stories', fake.project.stories, '--model', 'openai:gpt-4.1', '--base-url', server.baseUrl, '--no-types', '--candidates', '2', '--max-rounds', '4'], { env: { OPENAI_API_KEY: KEY } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/drafts: draft 1 \d+ error\(s\) → draft 2 \d+ error\(s\) → round 1 1 error\(s\) → round 2 passed/);
    expect(run.stdout).toMatch(/ranking by agreement \(drafts passing the same tests × tests passed\): draft 2 (\d+) = draft 1 \1 \(tie broken by fewer other errors: (\d+) vs (\d+)\)/);
    expect(run.stdout).not.toMatch(/draft \d (\d+) > draft \d \1\b/);
    expect(server.requests).toHaveLength(5);
  }, 180_000);

  it('non-ASCII design and stories (BOM, CRLF, an emoji and CJK in a story message) are read, repaired to and delivered exactly', async () => {
    const message = 'Das Regal ist leer — 空です 🌱.';
    const edit = async (name: string, change: (text: string) => string) => writeFile(inProject(name), change(await readFile(inProject(name), 'utf8')));
    await edit(fake.project.design, (text) => `\uFEFF${text.replace('The shelf is empty.', message).replace(/\n/g, '\r\n')}`);
    await edit(fake.project.stories, (text) => `\uFEFF${text.replace('The shelf is empty.', message).replace(/\n/g, '\r\n')}`);
    await edit(fake.project.tests, (text) => text.replace('The shelf is empty.', message));
    const fixed = GOOD_MODULE.replace('The shelf is empty.', message);
    const server = await fake.serve([reply(chatty(GOOD_MODULE.replace('The shelf is empty.', 'Das Regal ist leer.'))), reply(chatty(fixed))]);
    const run = await generate('openai:gpt-4.1', server.baseUrl);
    expect(run.code, run.stderr).toBe(0);
    const repair = (server.requests[1]!.body as { messages: { content: string }[] }).messages.at(-1)!.content;
    expect(repair).toContain(`US-003 AC2 expects "${message}" (stories line 32) but the module says "Das Regal ist leer."`);
    expect(await readFile(inProject(OUT, 'plant_swap_registry.py'), 'utf8')).toBe(fixed);
  }, 180_000);
});
