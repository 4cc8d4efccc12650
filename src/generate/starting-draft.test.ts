import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScriptedModel } from '../model/scripted-model.js';
import type { RunRecord } from '../runs/run-record.js';
import { formatRun } from '../runs/format-run.js';
import { generateModule } from './generate-module.js';
import type { ProgressEvent } from './progress-events.js';
import { chatty, flawedDraft, GOOD_MODULE, makeProject } from './test-support/plant-swap-fixture.js';

// --from-draft: a run goes on from a module (a stopped run's best draft) instead of paying for a first draft again.
let project: Awaited<ReturnType<typeof makeProject>>;
beforeEach(async () => {
  project = await makeProject();
});
afterEach(async () => {
  await rm(project.dir, { recursive: true, force: true });
});

describe('generateModule --from-draft (scripted model, real verifier)', () => {
  it('verifies the given draft as the first one without a model call, then repairs it; the record and runs show say where it started', async () => {
    const stopped = await generateModule({
      design: project.design, stories: project.stories, tests: [project.tests], projectDir: project.dir, secrets: [], noTests: true,
      model: createScriptedModel([chatty(flawedDraft())]), maxRequests: 1,
    });
    expect(stopped).toMatchObject({ outcome: 'failed', stoppedBy: 'max-requests', failingDraftPath: expect.any(String) });
    const stoppedRecord = JSON.parse(await readFile(path.join(stopped.runDir, 'run.json'), 'utf8')) as RunRecord;
    expect(formatRun(stoppedRecord, stopped.runDir)).toContain(
      `To go on from it: backsmith generate --design ${path.join(project.dir, project.design)} --stories ${path.join(project.dir, project.stories)} --tests ${path.join(project.dir, project.tests)} --model scripted:scripted --from-draft ${stopped.failingDraftPath}\n`,
    );

    const model = createScriptedModel([GOOD_MODULE]);
    const events: ProgressEvent[] = [];
    const resumed = await generateModule({
      design: project.design, stories: project.stories, tests: [project.tests], projectDir: project.dir, secrets: [], noTests: true,
      model, fromDraft: stopped.failingDraftPath!, onProgress: (event) => events.push(event),
    });
    expect(resumed).toMatchObject({ outcome: 'delivered', drafts: [{ round: 0, passed: false }, { round: 1, passed: true }], spent: { requests: 1 } });
    expect(model.requests).toHaveLength(1);
    expect(model.requests[0]!.messages.at(-1)!.content).toMatch(/^# Problems to fix/);
    expect(events).toContainEqual({ type: 'note', message: expect.stringMatching(/^first draft: .*best-draft\.FAILING\.py \(--from-draft; no model call\)$/) });
    const record = JSON.parse(await readFile(path.join(resumed.runDir, 'run.json'), 'utf8')) as RunRecord;
    expect(record.inputs.fromDraft).toMatchObject({ path: stopped.failingDraftPath, bytes: expect.any(Number) });
    expect(record.calls.map((call) => call.round)).toEqual([1]);
    expect(formatRun(record, resumed.runDir)).toContain(`; from draft ${stopped.failingDraftPath}`);
    expect(formatRun(record, resumed.runDir)).not.toContain('To go on from it');
  }, 120_000);

  it('refuses --candidates above 1 and an unreadable draft, before any model call', async () => {
    const model = createScriptedModel([GOOD_MODULE]);
    const base = { design: project.design, stories: project.stories, projectDir: project.dir, secrets: [], noTests: true, model };
    await writeFile(path.join(project.dir, 'draft.py'), GOOD_MODULE);
    await expect(generateModule({ ...base, fromDraft: 'draft.py', candidates: 2 })).rejects.toThrow('--from-draft takes the place of the first drafts, so it cannot be combined with --candidates 2.');
    await expect(generateModule({ ...base, fromDraft: 'missing.py' })).rejects.toThrow(/^Draft \(--from-draft\) .*missing\.py/);
    expect(model.requests).toHaveLength(0);
  });
});

describe('generateModule cancelled before the loop', () => {
  it('Ctrl-C while the acceptance tests are written asks for no draft and says when it was cancelled', async () => {
    const controller = new AbortController();
    const model = createScriptedModel([GOOD_MODULE], { whenExhausted: 'repeat-last' });
    const events: ProgressEvent[] = [];
    const result = await generateModule({
      design: project.design, stories: project.stories, projectDir: project.dir, secrets: [], model, signal: controller.signal,
      onProgress: (event) => {
        events.push(event);
        if (event.type === 'note' && event.message.startsWith('writing acceptance tests')) controller.abort();
      },
    });
    expect(result).toMatchObject({ outcome: 'cancelled', reason: 'cancelled while writing the acceptance tests', drafts: [] });
    expect(events.some((event) => event.type === 'stage' && event.stage === 'drafting')).toBe(false);
    expect(model.requests.every((request) => !/^Write `plant_swap_registry\.py`/.test(request.messages[0]!.content))).toBe(true);
  });
});
