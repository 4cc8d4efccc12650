import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { FakeServer, ScriptedResponse } from '../model/test-support/fake-http-server.js';
import { openAiStreamEvents } from '../model/test-support/openai-wire.js';
import { resolveModel } from '../model/resolve-model.js';
import { generateModule } from './generate-module.js';
import { useFakeServerProject } from './test-support/fake-server-project.js';
import { flawedDraft, GOOD_MODULE } from './test-support/plant-swap-fixture.js';

/** An HTTP proxy on 127.0.0.1 in front of the fake server that counts requests in flight at once. */
async function countingProxy(target: FakeServer): Promise<{ baseUrl: string; peak: () => number; close: () => Promise<void> }> {
  let active = 0;
  let peak = 0;
  const upstream = new URL(target.origin);
  const server: Server = createServer((incoming, outgoing) => {
    active++;
    peak = Math.max(peak, active);
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (reply) => {
      outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(outgoing);
      reply.on('end', () => active--);
    });
    forward.on('error', () => {
      active--;
      outgoing.destroy();
    });
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    peak: () => peak,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

// Each reply waits before its headers, so requests made at once overlap on the server.
const slow = (text: string): ScriptedResponse => ({ events: openAiStreamEvents(text, { deltaSize: 2000 }), delayMs: 400 });

const fixture = useFakeServerProject();
const { project } = fixture;

async function draw(jobs: number) {
  const server = await fixture.serve([slow(flawedDraft()), slow(flawedDraft()), slow(GOOD_MODULE)]);
  const proxy = await countingProxy(server);
  try {
    const model = resolveModel('openai:gpt-4.1', { baseUrl: proxy.baseUrl, env: { OPENAI_API_KEY: 'sk-test-concurrency' } });
    const result = await generateModule({
      design: project.design, stories: project.stories, projectDir: project.dir, model, secrets: [],
      candidates: 3, jobs, maxRounds: 0, noRun: true, noTests: true, python: null,
    });
    return { result, peak: proxy.peak(), requests: server.requests.length };
  } finally {
    await proxy.close();
    await fixture.renewProject();
  }
}

describe('--candidates drawn concurrently (--jobs), fake OpenAI server counting requests in flight', () => {
  it('draws two at a time with --jobs 2, one at a time with --jobs 1, and ends with the same drafts in the same order', async () => {
    const sequential = await draw(1);
    const concurrent = await draw(2);
    expect(sequential.peak).toBe(1);
    expect(concurrent.peak).toBe(2);
    expect(concurrent.requests).toBe(3);
    const summary = (run: typeof sequential) => run.result.drafts.map((draft) => [draft.round, draft.candidate, draft.passed, draft.errors]);
    expect(summary(concurrent)).toEqual(summary(sequential));
    expect(concurrent.result.outcome).toBe(sequential.result.outcome);
    expect(concurrent.result.drafts.map((draft) => draft.candidate)).toEqual([1, 2, 3]);
  }, 120_000);

  it('refuses --jobs outside 1…10', async () => {
    await expect(generateModule({ design: project.design, stories: project.stories, projectDir: project.dir, model: 'scripted:x', jobs: 0 })).rejects.toThrow(/--jobs must be a whole number from 1 to 10/);
  });
});
