import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateModule } from '../generate/generate-module.js';
import type { ProgressEvent } from '../generate/progress-events.js';
import { flawedDraft, GOOD_MODULE, makeProject } from '../generate/test-support/plant-swap-fixture.js';
import { createScriptedModel } from '../model/scripted-model.js';

// generateModule with budgets, through the scripted model (no sandbox run: the budget is the subject).
let project: Awaited<ReturnType<typeof makeProject>>;
beforeEach(async () => {
  project = await makeProject();
});
afterEach(async () => {
  await rm(project.dir, { recursive: true, force: true });
});

describe('generateModule spend budgets', () => {
  it('stops at the token budget before the request that would pass it; --max-cost on an unpriced model is a note, not a silent pass', async () => {
    const model = createScriptedModel([flawedDraft(), GOOD_MODULE]);
    const events: ProgressEvent[] = [];
    const result = await generateModule({
      design: project.design, stories: project.stories, projectDir: project.dir, model, noRun: true, secrets: [],
      maxTokens: 6000, maxCost: 1, temperature: 0.7, onProgress: (event) => events.push(event),
    });
    expect(result).toMatchObject({ outcome: 'failed', stopReason: 'budget', stoppedBy: 'max-tokens', spent: { requests: 1, costUsd: null } });
    expect(result.reason).toMatch(/^Stopped by the token budget \(--max-tokens 6,000, input and output together\) \(the next request needs about [\d,]+ input tokens\): spent 1 request, [\d,]+ tokens in \/ [\d,]+ out, cost unknown; raise --max-tokens/);
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0]!.temperature).toBe(0.7);
    expect(events).toContainEqual({ type: 'note', message: expect.stringMatching(/^--max-cost: the price of scripted:scripted is unknown, so the cost budget cannot be checked; the request and token budgets still apply$/) });
  });

  it('refuses a nonsense budget before anything is read or recorded', async () => {
    const model = createScriptedModel([GOOD_MODULE]);
    await expect(generateModule({ design: project.design, stories: project.stories, projectDir: project.dir, model, noRun: true, maxRequests: 0 })).rejects.toThrow(/--max-requests must be a whole number/);
    await expect(generateModule({ design: project.design, stories: project.stories, projectDir: project.dir, model, noRun: true, temperature: -1 })).rejects.toThrow(/--temperature/);
    expect(model.requests).toHaveLength(0);
  });
});
