import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScriptedModel } from '../model/scripted-model.js';
import { readDesign } from '../inputs/design/index.js';
import { readStories } from '../inputs/stories/index.js';
import { ALL_CHECKS } from '../verify/registry.js';
import { verifyModule } from '../verify/verify-module.js';
import { generateModule } from './generate-module.js';
import type { ProgressEvent } from './progress-events.js';
import { ADD_MESSAGE, chatty, FIXTURE_DIR, flawedDraft, GOOD_MODULE, makeProject, REWORDED_ADD_MESSAGE } from './test-support/plant-swap-fixture.js';

const hasCheck = (id: string) => ALL_CHECKS.some((check) => check.id === id);
let project: Awaited<ReturnType<typeof makeProject>>;
beforeEach(async () => {
  project = await makeProject();
});
afterEach(async () => {
  await rm(project.dir, { recursive: true, force: true });
});

function run(replies: Parameters<typeof createScriptedModel>[0], extra: Partial<Parameters<typeof generateModule>[0]> = {}) {
  const model = createScriptedModel(replies, { whenExhausted: 'repeat-last' });
  const events: ProgressEvent[] = [];
  const result = generateModule({
    design: project.design, stories: project.stories, tests: [project.tests], projectDir: project.dir, model,
    onProgress: (event) => events.push(event), secrets: [], ...extra,
  });
  return { model, events, result };
}

function listedFindings(repairMessage: string): string[] {
  return [...repairMessage.matchAll(/^- ([a-z]+\/[\w-]+)[ :]/gm)].map((match) => match[1]!);
}

const SEED_AGENT = path.resolve(FIXTURE_DIR, '../../../shared/seed/python-backend-engineer.agent.md');

describe('generateModule end to end (scripted model, real verifier)', () => {
  it('sends the built-in agent as the system prompt, or the one --agent names, warning about a long one', async () => {
    const builtIn = run([GOOD_MODULE]);
    await builtIn.result;
    expect(builtIn.model.requests[0]!.system).toMatch(/^# Python backend engineer for Gradio apps/);
    await writeFile(path.join(project.dir, 'terse.agent.md'), `---\ndescription: Terse\n---\nYou write Python.\n${'x'.repeat(30_001)}\n`);
    const custom = run([GOOD_MODULE], { agent: 'terse.agent.md' });
    const outcome = await custom.result;
    expect(custom.model.requests[0]!.system).toMatch(/^You write Python\./);
    expect(outcome.agent).toBe('terse');
    expect(custom.events).toContainEqual({ type: 'note', message: expect.stringMatching(/^agent terse: the body is 30,0\d\d characters/) });
  });

  it.skipIf(!existsSync(SEED_AGENT))('runs with the seed Copilot agent file', async () => {
    const seeded = run([GOOD_MODULE], { agent: SEED_AGENT });
    expect((await seeded.result).outcome).toBe('delivered');
    expect(seeded.model.requests[0]!.system).toMatch(/^# Senior Python Backend Engineer/);
  });

  it('repairs a fenced first draft missing a method with a reworded message, then delivers a module that verifies clean', async () => {
    const { model, result, events } = run([chatty(flawedDraft()), GOOD_MODULE]);
    const outcome = await result;
    expect(outcome).toMatchObject({ outcome: 'delivered', stopReason: 'passed' });
    expect(outcome.drafts.map((draft) => [draft.round, draft.passed])).toEqual([[0, false], [1, true]]);

    // The repair prompt names exactly the first draft's error findings…
    const run0 = JSON.parse(await readFile(path.join(outcome.runDir, 'run.json'), 'utf8'));
    const firstErrors = run0.drafts[0].findings.filter((finding: { severity: string }) => finding.severity === 'error');
    expect(firstErrors.length).toBeGreaterThan(0);
    const repairMessage = model.requests[1]!.messages.at(-1)!.content;
    if (process.env.SHOW_REPAIR) console.log(repairMessage);
    // Listed causes first (design, stories, other checks), failing tests last: the same findings, in another order.
    expect(listedFindings(repairMessage).sort()).toEqual(firstErrors.map((finding: { checkId: string }) => finding.checkId).filter((id: string) => !id.startsWith('tests/')).sort());
    expect(repairMessage.indexOf('Failing acceptance tests')).toBeGreaterThan(repairMessage.indexOf('design/missing-method'));
    expect(repairMessage).toMatch(/US-003 AC1/);
    expect(model.requests[1]!.messages[1]!.content).toBe(flawedDraft());
    // …which include the missing annotation now, and the missing method and message as those checks land.
    expect(repairMessage).toMatch(/quality\/missing-type-hints \(line \d+, `PlantSwapRegistry\._validate_cuttings`\)/);
    if (hasCheck('design/missing-method')) expect(repairMessage).toMatch(/design\/missing-method[^\n]*list_plants/);
    if (hasCheck('stories/message-missing')) expect(repairMessage).toMatch(/stories\/message-(missing|mismatch)[\s\S]*Added \{cuttings\} cutting\(s\) of \{name\} as \{plant_id\}|Added 3 cutting\(s\) of Spider Plant as P1/);

    // The delivered file is the fixed draft, at the brief's default place, and verifies clean.
    const delivered = path.join(project.dir, 'src', 'copilot_genereated', 'engineering', 'plant_swap_registry.py');
    expect(outcome.deliverable.path).toBe(delivered);
    expect(await readFile(delivered, 'utf8')).toBe(GOOD_MODULE);
    const design = await readDesign(await readFile(path.join(project.dir, project.design), 'utf8'), { sourceName: project.design });
    const stories = readStories(await readFile(path.join(project.dir, project.stories), 'utf8'));
    const report = await verifyModule({ path: delivered, design, stories, tests: [path.join(project.dir, project.tests)] });
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    const record = JSON.parse(await readFile(path.join(outcome.runDir, 'run.json'), 'utf8'));
    expect(record).toMatchObject({ outcome: 'delivered', stopReason: 'passed', delivered: { path: delivered, backupPath: null }, failingDraftFile: null });
    expect(record.calls).toHaveLength(2);
    expect(record.drafts[0].stripped).toMatch(/code fence \(```python\), 2 lines of prose/);
    expect(events.filter((event) => event.type === 'stage').map((event) => event.type === 'stage' && event.stage)).toEqual(['preparing', 'drafting', 'verifying', 'repairing', 'verifying', 'delivering']);
  });

  it('stops after the bound when the model never fixes anything, delivers nothing, and records why', async () => {
    const { model, result } = run([chatty(flawedDraft())]);
    const outcome = await result;
    expect(outcome).toMatchObject({ outcome: 'failed', stopReason: 'no-progress' });
    expect(model.requests).toHaveLength(2);
    expect(existsSync(outcome.deliverable.path)).toBe(false);
    expect(outcome.failingDraftPath).toBe(path.join(outcome.runDir, 'best-draft.FAILING.py'));
    expect(await readFile(outcome.failingDraftPath!, 'utf8')).toBe(flawedDraft());
    expect(outcome.remainingErrors.length).toBeGreaterThan(0);
    const record = JSON.parse(await readFile(path.join(outcome.runDir, 'run.json'), 'utf8'));
    expect(record).toMatchObject({ outcome: 'failed', stopReason: 'no-progress', delivered: null, failingDraftFile: 'best-draft.FAILING.py' });
    expect(record.reason).toMatch(/^the model sent back first draft 1 unchanged in repair round 1, so none of its \d+ error\(s\) was fixed; stopped early/);
  });

  it('uses every round when each fixes something but never all, then fails with the best draft', async () => {
    const typed = flawedDraft().replace('def _validate_cuttings(cuttings: int):', 'def _validate_cuttings(cuttings: int) -> int:');
    const reworded = GOOD_MODULE.replace(ADD_MESSAGE, REWORDED_ADD_MESSAGE);
    const { model, result } = run([flawedDraft(), typed, reworded, GOOD_MODULE], { maxRounds: 2 });
    const outcome = await result;
    expect(outcome).toMatchObject({ outcome: 'failed', stopReason: 'max-rounds' });
    expect(model.requests).toHaveLength(3);
    expect(outcome.drafts.map((draft) => draft.errors)).toEqual([...outcome.drafts.map((draft) => draft.errors)].sort((a, b) => b - a));
    expect(await readFile(outcome.failingDraftPath!, 'utf8')).toBe(reworded);
    expect(outcome.reason).toMatch(/2 repair round\(s\) used; the best draft \(repair round 2\) still has \d+ error/);
    expect(existsSync(outcome.deliverable.path)).toBe(false);
  });

  it('keeps an existing deliverable as a timestamped backup', async () => {
    const out = path.join(project.dir, 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'plant_swap_registry.py'), '# the old version\n');
    const outcome = await run([GOOD_MODULE], { outDir: 'out' }).result;
    expect(outcome.outcome).toBe('delivered');
    expect(outcome.backupPath).toMatch(/out\/plant_swap_registry\.py\.\d{8}T\d{6}Z\.bak$/);
    expect(await readFile(outcome.backupPath!, 'utf8')).toBe('# the old version\n');
    expect(await readFile(path.join(out, 'plant_swap_registry.py'), 'utf8')).toBe(GOOD_MODULE);
  });

  it('never verifies or delivers a truncated reply', async () => {
    const cut = { text: GOOD_MODULE.slice(0, 900), finishReason: 'length' as const };
    const { model, result } = run([cut], { maxRounds: 1 });
    const outcome = await result;
    expect(outcome).toMatchObject({ outcome: 'failed', stopReason: 'incomplete-reply', failingDraftPath: null, drafts: [] });
    expect(model.requests.length).toBeGreaterThan(1);
    expect(existsSync(outcome.deliverable.path)).toBe(false);
    const record = JSON.parse(await readFile(path.join(outcome.runDir, 'run.json'), 'utf8'));
    expect(record.calls.every((call: { finishReason: string }) => call.finishReason === 'length')).toBe(true);
    expect(await readdir(path.join(outcome.runDir, 'drafts'))).toEqual([]);
  });

  it('cancels cleanly: no file at the deliverable path, the run recorded as cancelled', async () => {
    const controller = new AbortController();
    const { result } = run([chatty(flawedDraft()), GOOD_MODULE], {
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === 'draft') controller.abort();
      },
    });
    const outcome = await result;
    expect(outcome.outcome).toBe('cancelled');
    expect(existsSync(outcome.deliverable.path)).toBe(false);
    expect(existsSync(path.dirname(outcome.deliverable.path))).toBe(false);
    const record = JSON.parse(await readFile(path.join(outcome.runDir, 'run.json'), 'utf8'));
    expect(record).toMatchObject({ outcome: 'cancelled', stopReason: 'cancelled', delivered: null });
  });

  it('draws candidates and repairs the best one', async () => {
    const { model, result } = run([flawedDraft(), chatty(GOOD_MODULE.replace('def _validate_cuttings(cuttings: int) -> int:', 'def _validate_cuttings(cuttings: int):')), GOOD_MODULE], { candidates: 2 });
    const outcome = await result;
    expect(outcome).toMatchObject({ outcome: 'delivered' });
    expect(outcome.drafts.map((draft) => [draft.round, draft.candidate])).toEqual([[0, 1], [0, 2], [1, 1]]);
    expect(model.requests[2]!.messages[1]!.content).toContain('def list_plants');
  });
});

describe('generateModule delivers only when every requested stage ran', () => {
  it('does not deliver when the interpreter cannot be used: runtime/not-run and tests/not-run are errors', async () => {
    const { result } = run([GOOD_MODULE], { python: path.join(project.dir, 'no-such-python'), maxRounds: 0 });
    const outcome = await result;
    expect(outcome.outcome).toBe('failed');
    expect(existsSync(outcome.deliverable.path)).toBe(false);
    expect(outcome.remainingErrors.map((finding) => finding.checkId)).toEqual(expect.arrayContaining(['runtime/not-run', 'tests/not-run']));
  });

  it('does not deliver a draft whose verifier skipped the runtime stage, however it scored', async () => {
    const { result } = run([GOOD_MODULE], { maxRounds: 0, steps: { verify: (code) => verifyModule({ path: 'plant_swap_registry.py', source: code, noRun: true }) } });
    const outcome = await result;
    expect(outcome).toMatchObject({ outcome: 'failed', stopReason: 'passed' });
    expect(outcome.reason).toContain('not delivered: the runtime stage did not run');
    expect(existsSync(outcome.deliverable.path)).toBe(false);
  });

  it('rejects --tests with --no-run before drafting', async () => {
    const { model, result } = run([GOOD_MODULE], { noRun: true });
    await expect(result).rejects.toThrow('--tests cannot be combined with --no-run');
    expect(model.requests).toHaveLength(0);
  });
});
