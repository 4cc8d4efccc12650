import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useFakeServerProject } from '../src/generate/test-support/fake-server-project.js';
import { ADD_MESSAGE, chatty, flawedDraft, GOOD_MODULE, REWORDED_ADD_MESSAGE } from '../src/generate/test-support/plant-swap-fixture.js';
import type { FakeServer, ScriptedResponse } from '../src/model/test-support/fake-http-server.js';
import { openAiErrorBody, openAiStreamEvents } from '../src/model/test-support/openai-wire.js';

// Spend budgets, exact retries and output-limit cut-offs, end to end: the built binary against a fake
// OpenAI server on 127.0.0.1, counting the requests the server really received.
const FAKE_KEY = 'sk-proj-BACKSMITHfakeKEY-0123456789abcdefXYZ';
const fixture = useFakeServerProject();
const { project } = fixture;
let server: FakeServer | null = null;
const backsmith = (args: string[]) => fixture.backsmith(args, { env: { OPENAI_API_KEY: FAKE_KEY } });

const reply = (text: string, finishReason = 'stop'): ScriptedResponse => ({ events: openAiStreamEvents(text, { finishReason, deltaSize: 400 }) });
const serverError = (): ScriptedResponse => ({ status: 500, body: openAiErrorBody('The server had an error while processing your request.', 'server_error') });
const args = () => ['generate', '--design', project.design, '--stories', project.stories, '--tests', project.tests, '--model', 'openai:gpt-4.1', '--base-url', server!.baseUrl];

async function runRecord(): Promise<Record<string, any>> {
  const [runId] = await readdir(path.join(project.dir, '.backsmith', 'runs'));
  return JSON.parse(await readFile(path.join(project.dir, '.backsmith', 'runs', runId!, 'run.json'), 'utf8'));
}

describe('generate spend budgets and retries (built binary, fake OpenAI server)', { timeout: 120_000 }, () => {
  it('stops replies that are always cut off after the draft and one continuation, with advice, whatever --max-rounds is', async () => {
    server = await fixture.serve(Array.from({ length: 30 }, () => reply(GOOD_MODULE.slice(0, 600), 'length')));
    const run = await backsmith([...args(), '--max-rounds', '3', '--max-output-tokens', '2000']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/cut off by the output limit again after 2 request\(s\).*Raise --max-output-tokens \(now 2,000 tokens per reply\), or use a model with a larger output limit/);
    expect(server.requests).toHaveLength(2);
    expect(await runRecord()).toMatchObject({ outcome: 'failed', stopReason: 'incomplete-reply', spent: { requests: 2 } });
  });

  it('retries HTTP 500 exactly as announced: "retrying (k of n)" lines = requests received - 1 (retry settings from the config file)', async () => {
    server = await fixture.serve(Array.from({ length: 10 }, serverError));
    await writeFile(path.join(project.dir, 'backsmith.config.json'), JSON.stringify({ retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 } }));
    const run = await backsmith(args());
    expect(run.code).toBe(2);
    const announced = run.stderr.match(/retrying \(\d+ of \d+\)/g);
    expect(announced).toEqual(['retrying (1 of 2)', 'retrying (2 of 2)']);
    expect(server.requests).toHaveLength(3);
    expect(run.stderr).toMatch(/HTTP 500.*\(gave up after 3 requests: the first and 2 retries\)/);
    const record = await runRecord();
    expect(record).toMatchObject({ outcome: 'error', spent: { requests: 3 } });
    expect(record.calls).toMatchObject([{ finishReason: 'error', attempts: 3 }]);
  });

  it('a provider that fails for good after a first draft: exit 2, the error names the run and the best draft so far (saved FAILING), also in --json', async () => {
    server = await fixture.serve([reply(chatty(flawedDraft())), ...Array.from({ length: 6 }, serverError)]);
    await writeFile(path.join(project.dir, 'backsmith.config.json'), JSON.stringify({ retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 20 } }));
    const run = await backsmith([...args(), '--json']);
    expect(run.code, run.stderr).toBe(2);
    const record = await runRecord();
    expect(record).toMatchObject({ outcome: 'error', failingDraftFile: 'best-draft.FAILING.py' });
    const answer = JSON.parse(run.stdout);
    expect(answer).toMatchObject({ outcome: 'error', exitCode: 2, runId: expect.any(String), failingDraftPath: expect.stringMatching(/best-draft\.FAILING\.py$/) });
    expect(answer.message).toMatch(new RegExp(`HTTP 500.*; the run is recorded as ${answer.runId} \\(backsmith runs show ${answer.runId}\\); its best draft so far, which FAILS verification, is .*best-draft\\.FAILING\\.py\\.$`));
    expect(await readFile(answer.failingDraftPath, 'utf8')).toBe(flawedDraft());
    expect(run.stderr).toContain(`backsmith runs show ${answer.runId}`);
  });

  it('ends at the request budget with exit 1, one line naming it and what was spent, and a record that says which budget', async () => {
    const halfFixed = GOOD_MODULE.replace(ADD_MESSAGE, REWORDED_ADD_MESSAGE);
    server = await fixture.serve([reply(chatty(flawedDraft())), reply(halfFixed), reply(GOOD_MODULE)]);
    const run = await backsmith([...args(), '--max-requests', '2', '--temperature', '0.3']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✘ Not delivered: Stopped by the request budget \(--max-requests 2\): spent 2 requests, [\d,]+ tokens in \/ [\d,]+ out, ~\$\d+\.\d{4}; raise --max-requests, or lower --max-rounds or --candidates\./);
    expect(server.requests).toHaveLength(2);
    expect((server.requests[0]!.body as { temperature: number }).temperature).toBe(0.3);
    const record = await runRecord();
    expect(record).toMatchObject({ outcome: 'failed', stopReason: 'budget', stoppedBy: 'max-requests', spent: { requests: 2 }, settings: { temperature: 0.3, budget: { maxRequests: 2, maxRequestsPerDraft: 4 } } });
    expect(record.failingDraftFile, JSON.stringify({ reason: record.reason, drafts: record.drafts.length, chosen: record.chosen })).toBe('best-draft.FAILING.py');
    const show = await backsmith(['runs', 'show', 'latest']);
    expect(show.stdout).toMatch(/^ {2}spent 2 requests, [\d,]+ tokens in \/ [\d,]+ out, ~\$\d+\.\d{4} \(limits: 2 requests, 4 per draft\); stopped by max-requests$/m);
  });

  it('stops when the provider keeps failing past the budget: retries cut by the budget are a budget stop (exit 1), not a provider failure', async () => {
    server = await fixture.serve(Array.from({ length: 10 }, serverError));
    await writeFile(path.join(project.dir, 'backsmith.config.json'), JSON.stringify({ retry: { initialDelayMs: 10, maxDelayMs: 20 }, budget: { maxRequests: 2 } }));
    const run = await backsmith(args());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Stopped by the request budget \(--max-requests 2\) \(the provider kept failing: .*HTTP 500/);
    expect(run.stderr.match(/retrying \(\d+ of \d+\)/g)).toEqual(['retrying (1 of 1)']);
    expect(server.requests).toHaveLength(2);
    expect(await runRecord()).toMatchObject({ stopReason: 'budget', stoppedBy: 'max-requests' });
  });

  it('refuses a bad budget or temperature with exit 2 before calling the model', async () => {
    server = await fixture.serve([reply(GOOD_MODULE)]);
    for (const bad of [['--temperature', '3'], ['--max-cost', 'lots'], ['--max-requests', '0']]) {
      const run = await backsmith([...args(), ...bad]);
      expect(run.code, bad.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/--temperature|--max-cost|--max-requests/);
    }
    expect(server.requests).toHaveLength(0);
  });
});
