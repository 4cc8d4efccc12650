import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeServerProject } from '../src/generate/test-support/fake-server-project.js';
import { chatty, GOOD_MODULE } from '../src/generate/test-support/plant-swap-fixture.js';
import type { ScriptedResponse } from '../src/model/test-support/fake-http-server.js';
import { openAiErrorBody, openAiStreamEvents } from '../src/model/test-support/openai-wire.js';

// What real models send back, through the built binary and a fake OpenAI server on 127.0.0.1.
const KEY = { OPENAI_API_KEY: 'sk-proj-BACKSMITHfakeKEY-0123456789abcdefXYZ' };
const fixture = useFakeServerProject();
const { project, backsmith } = fixture;
const DELIVERED = 'src/copilot_genereated/engineering/plant_swap_registry.py';

const reply = (text: string): ScriptedResponse => ({ events: openAiStreamEvents(text, { deltaSize: 400 }) });
const args = (baseUrl: string) => ['generate', '--design', project.design, '--stories', project.stories, '--tests', project.tests, '--model', 'openai:gpt-4.1', '--base-url', baseUrl, '--no-types', '--json'];
const lastUserMessage = (body: unknown) => (body as { messages: { role: string; content: string }[] }).messages.at(-1)!.content;

describe('generate with the replies real models give (built binary, fake OpenAI server)', () => {
  it('a draft whose # noqa could hide an error is repaired, not delivered: the repair prompt asks to remove it', async () => {
    const withNoqa = GOOD_MODULE.replace('class PlantSwapRegistry:', 'class PlantSwapRegistry:  # noqa: E501');
    const server = await fixture.serve([reply(chatty(withNoqa)), reply(GOOD_MODULE)]);
    const run = await backsmith(args(server.baseUrl), { env: KEY });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'delivered' });
    expect(server.requests).toHaveLength(2);
    const repair = lastUserMessage(server.requests[1]!.body);
    expect(repair).toMatch(/quality\/suppression-comment \(line 65[^\n]*`# noqa: E501` in generated code/);
    expect(repair).toContain('Remove the `# noqa` comment');
    expect(await readFile(path.join(project.dir, DELIVERED), 'utf8')).toBe(GOOD_MODULE);
  }, 120_000);

  it('a repair that sends only the changed method is not used: the next repair says so and asks for the whole file', async () => {
    const start = GOOD_MODULE.indexOf('    def list_plants');
    const end = GOOD_MODULE.indexOf('    @staticmethod\n    def _validate_name');
    const dropped = GOOD_MODULE.slice(0, start) + GOOD_MODULE.slice(end);
    const fragment = `You're right, I missed \`list_plants\`. Add this method:\n\n\`\`\`python\nclass PlantSwapRegistry:\n    # ... existing code unchanged ...\n\n${GOOD_MODULE.slice(start, end)}\`\`\`\n`;
    const server = await fixture.serve([reply(chatty(dropped)), reply(fragment), reply(GOOD_MODULE)]);
    const run = await backsmith(args(server.baseUrl), { env: KEY });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'delivered', drafts: [{ round: 0 }, { round: 1 }, { round: 2, passed: true }] });
    const [, first, second] = server.requests;
    expect(lastUserMessage(first!.body)).not.toContain('Your last reply was not used');
    expect(lastUserMessage(second!.body)).toMatch(/^# Your last reply was not used\n\nYour reply in repair round 1 had \d+ error\(s\), more than the \d+ of the `plant_swap_registry\.py` above, so this draft is repaired again\. It had \d+ lines against this draft's \d+: send the whole file/);
    expect(lastUserMessage(second!.body)).toContain('design/missing-method');
  }, 120_000);

  it('an empty reply, then a 429, then the module: delivered, every call in the run record', async () => {
    const server = await fixture.serve([
      reply(''),
      { status: 429, headers: { 'retry-after': '0' }, body: openAiErrorBody('Rate limit reached for gpt-4.1', 'requests', 'rate_limit_exceeded') },
      reply(chatty(GOOD_MODULE)),
    ]);
    const run = await backsmith(args(server.baseUrl), { env: KEY });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/round 0: the reply is empty/);
    expect(run.stderr).toMatch(/retrying \(1 of \d\)[^\n]*HTTP 429/);
    const result = JSON.parse(run.stdout) as { runId: string };
    const record = JSON.parse(await readFile(path.join(project.dir, '.backsmith', 'runs', result.runId, 'run.json'), 'utf8')) as { calls: unknown[]; spent: { requests: number } };
    expect(record.calls).toHaveLength(2);
    expect(record.spent.requests).toBe(3);
    expect(existsSync(path.join(project.dir, DELIVERED))).toBe(true);
  }, 120_000);

  it('--agent naming an agent file that cannot be used says why, before any request (exit 2, one line)', async () => {
    const server = await fixture.serve([reply(GOOD_MODULE)]);
    await writeFile(path.join(project.dir, 'broken.agent.md'), 'no front matter\n');
    const run = await backsmith([...args(server.baseUrl), '--agent', 'broken'], { env: KEY });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^backsmith: Agent broken \(broken\.agent\.md\) cannot be used: .*no front matter/);
    expect(server.requests).toHaveLength(0);
    const listed = await backsmith(['agents']);
    expect(listed.stdout).toMatch(/broken {2}.*broken\.agent\.md\n {4}unusable: /);
  }, 120_000);
});
