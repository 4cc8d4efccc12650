import { describe, expect, it } from 'vitest';
import { createScriptedModel, type ScriptedReply } from '../model/scripted-model.js';
import { buildGenerationPrompt, type GenerationPromptInput } from '../prompt/build-generation-prompt.js';
import { minimalChecklist } from '../prompt/spec-checklist.js';
import { failure, success } from '../result.js';
import { extractModule } from '../sanitize/extract-module.js';
import { buildRepairPrompt } from './build-repair-prompt.js';
import type { LoopEvent, LoopSteps } from './loop-types.js';
import { runRepairLoop } from './repair-loop.js';
import { requestReply } from './request-reply.js';
import { createSpendBudget } from '../budget/spend-budget.js';
import { fakeReport } from './test-support/fake-report.js';

const TASK: GenerationPromptInput = {
  agent: { prompt: 'Write modules.' },
  design: { name: 'design.md', text: 'Design.' },
  stories: { name: 'stories.md', text: 'Stories.' },
  checklist: minimalChecklist('pond_tracker.py'),
};
const FIRST = buildGenerationPrompt(TASK);

function module(...markers: string[]): string {
  return ['"""Pond tracker."""', 'import os', '', '', 'def level() -> int:', '    """Water level."""', ...markers.map((marker) => `    # ${marker}`), '    return 1', ''].join('\n');
}

function setup(replies: ScriptedReply[], options: { repairTooLarge?: boolean; signal?: AbortSignal } = {}) {
  const model = createScriptedModel(replies);
  const verified: string[] = [];
  const steps: LoopSteps = {
    reply: (prompt) => requestReply(model, prompt, options.signal ? { signal: options.signal } : {}),
    extract: (reply) => extractModule(reply),
    verify: async (code) => {
      verified.push(code);
      return fakeReport(code);
    },
    repairPrompt: (draft, rejected) => (options.repairTooLarge ? failure('too large') : success(buildRepairPrompt(TASK, draft, undefined, rejected))),
  };
  const events: LoopEvent[] = [];
  const run = (limits = { maxRounds: 3, candidates: 1 }) =>
    runRepairLoop(FIRST, steps, limits, { onEvent: (event) => events.push(event), ...(options.signal ? { signal: options.signal } : {}) });
  return { model, verified, events, run };
}

describe('runRepairLoop', () => {
  it('stops at a first draft that passes', async () => {
    const { model, run } = setup([module()]);
    const outcome = await run();
    expect(outcome).toMatchObject({ stopReason: 'passed', repairRounds: 0 });
    expect(outcome.best?.code).toBe(module());
    expect(model.requests).toHaveLength(1);
  });

  it('repairs from the findings, sending only the current draft and its errors, and stops when it passes', async () => {
    const { model, run } = setup([`\`\`\`python\n${module('ERROR quality/x broken thing', 'WARN quality/w style')}\`\`\``, module()]);
    const outcome = await run();
    expect(outcome).toMatchObject({ stopReason: 'passed', repairRounds: 1 });
    const repair = model.requests[1]!;
    expect(repair.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(repair.messages[1]!.content).toBe(module('ERROR quality/x broken thing', 'WARN quality/w style'));
    expect(repair.messages[2]!.content).toContain('- quality/x (line 7): broken thing\n');
    expect(repair.messages[2]!.content).toContain('  > 7 |     # ERROR quality/x broken thing');
    expect(repair.messages[2]!.content).toContain('Fix: fix quality/x');
    expect(repair.messages[2]!.content).not.toContain('quality/w');
    expect(repair.messages[2]!.content).toContain('found 1 problem that must be fixed');
  });

  it('stops early when a round fixes nothing, keeping the best draft', async () => {
    const { model, run } = setup([module('ERROR quality/x a'), module('ERROR quality/x a', 'ERROR quality/y b')]);
    const outcome = await run();
    expect(outcome).toMatchObject({ stopReason: 'no-progress', repairRounds: 1 });
    expect(outcome.detail).toMatch(/repair round 1 fixed none of the 1 error/);
    expect(outcome.best?.round).toBe(0);
    expect(model.requests).toHaveLength(2);
  });

  it('a model that sends back the draft it was asked to repair is stopped at once, without verifying the copy, and the detail says so', async () => {
    const broken = module('ERROR quality/x a', 'ERROR quality/y b');
    const { model, verified, events, run } = setup([broken, `Here is the fixed module:\n\n\`\`\`python\n${broken}\`\`\`\n`, broken, broken]);
    const outcome = await run({ maxRounds: 5, candidates: 1 });
    expect(outcome).toMatchObject({ stopReason: 'no-progress', repairRounds: 1 });
    expect(outcome.detail).toBe('the model sent back first draft 1 unchanged in repair round 1, so none of its 2 error(s) was fixed; stopped early rather than pay for more of the same reply');
    expect(verified).toEqual([broken]);
    expect(model.requests).toHaveLength(2);
    expect(outcome.drafts).toHaveLength(1);
    expect(events).toContainEqual(expect.objectContaining({ type: 'no-draft', stop: 'no-progress' }));
  });

  it('stops after max rounds when each round fixes something but never all, repairing from the best draft', async () => {
    const { model, run } = setup([module('ERROR a/a 1', 'ERROR a/b 2'), module('ERROR a/b 2', 'ERROR a/c 3', 'ERROR a/d 4'), module('ERROR a/a 1'), module('ERROR a/e 5')]);
    const outcome = await run({ maxRounds: 3, candidates: 1 });
    expect(outcome).toMatchObject({ stopReason: 'max-rounds', repairRounds: 3 });
    expect(outcome.detail).toMatch(/3 repair round\(s\) used; the best draft \(repair round 2\) still has 1 error/);
    // Round 2 repaired the first draft again (round 1 was worse); round 3 repaired round 2's draft.
    expect(model.requests[2]!.messages[1]!.content).toBe(module('ERROR a/a 1', 'ERROR a/b 2'));
    expect(model.requests[3]!.messages[1]!.content).toBe(module('ERROR a/a 1'));
  });

  it('draws N candidates and repairs the best-verified one', async () => {
    const { model, run } = setup([module('ERROR a/a', 'ERROR a/b'), module('ERROR a/c'), module('ERROR a/d', 'ERROR a/e', 'ERROR a/f'), module()]);
    const outcome = await run({ maxRounds: 3, candidates: 3 });
    expect(outcome).toMatchObject({ stopReason: 'passed', repairRounds: 1 });
    expect(outcome.drafts.map((draft) => [draft.round, draft.candidate, draft.score.errors])).toEqual([[0, 1, 2], [0, 2, 1], [0, 3, 3], [1, 1, 0]]);
    expect(model.requests[3]!.messages[1]!.content).toBe(module('ERROR a/c'));
  });

  it('stops drawing candidates once one passes', async () => {
    const { model, run } = setup([module('ERROR a/a'), module(), module()]);
    expect((await run({ maxRounds: 3, candidates: 3 })).stopReason).toBe('passed');
    expect(model.requests).toHaveLength(2);
  });

  it('never verifies a reply cut by the output limit: continues it once, and when cut again stops the run with advice', async () => {
    const cut = { text: module().slice(0, 40), finishReason: 'length' as const };
    const { model, verified, run } = setup(Array.from({ length: 24 }, () => cut));
    const outcome = await run({ maxRounds: 3, candidates: 2 });
    expect(outcome).toMatchObject({ stopReason: 'incomplete-reply', best: null });
    expect(outcome.detail).toMatch(/cut off by the output limit again after 2 request\(s\).*incomplete code is never verified\. Raise --max-output-tokens, or use a model with a larger output limit$/);
    expect(verified).toEqual([]);
    expect(model.requests).toHaveLength(2);
  });

  it('stops at a spent request budget, naming it, with the best draft kept', async () => {
    const budget = createSpendBudget({ maxRequests: 3, maxTokens: null, maxCostUsd: null, maxRequestsPerDraft: 4 }, () => null);
    const model = createScriptedModel([module('ERROR a/a', 'ERROR a/b'), module('ERROR a/b'), module('ERROR a/c'), module()]);
    const steps: LoopSteps = {
      reply: (prompt) => requestReply(model, prompt, { budget }),
      extract: (reply) => extractModule(reply),
      verify: async (code) => fakeReport(code),
      repairPrompt: (draft) => success(buildRepairPrompt(TASK, draft)),
    };
    const outcome = await runRepairLoop(FIRST, steps, { maxRounds: 5, candidates: 1 });
    expect(outcome).toMatchObject({ stopReason: 'budget', stoppedBy: 'max-requests', repairRounds: 3 });
    expect(outcome.detail).toMatch(/^Stopped by the request budget \(--max-requests 3\): spent 3 requests, \d[\d,]* tokens in \/ \d+ out, cost unknown; raise --max-requests/);
    expect(outcome.best?.round).toBe(1);
    expect(model.requests).toHaveLength(3);
  });

  it('stitches a continued reply and verifies only the whole module', async () => {
    const whole = module();
    const { verified, run } = setup([{ text: whole.slice(0, 50), finishReason: 'length' }, whole.slice(50)]);
    expect((await run()).stopReason).toBe('passed');
    expect(verified).toEqual([whole]);
  });

  it('retries an aborted (dropped) reply once, as incomplete', async () => {
    const { verified, run } = setup([{ text: 'import o', finishReason: 'aborted' }, module()]);
    expect((await run()).stopReason).toBe('passed');
    expect(verified).toHaveLength(1);
  });

  it('reports cancellation and stops', async () => {
    const controller = new AbortController();
    controller.abort();
    const { model, run } = setup([module('ERROR a/a')], { signal: controller.signal });
    const outcome = await run();
    expect(outcome).toMatchObject({ stopReason: 'cancelled', best: null });
    expect(model.requests).toHaveLength(0);
  });

  it('stops when a reply holds no module and there is a draft to fall back on', async () => {
    const { run } = setup([module('ERROR a/a'), "I'm sorry, I can't do that."]);
    const outcome = await run();
    expect(outcome).toMatchObject({ stopReason: 'no-code' });
    expect(outcome.best?.round).toBe(0);
  });

  it('asks again when a first draft holds no module', async () => {
    const { run } = setup(['Sure, what should the module do?', module()]);
    expect(await run()).toMatchObject({ stopReason: 'passed', repairRounds: 1 });
  });

  it('stops when the repair prompt cannot fit', async () => {
    const { run } = setup([module('ERROR a/a')], { repairTooLarge: true });
    expect(await run()).toMatchObject({ stopReason: 'prompt-too-large', repairRounds: 0 });
  });

  it('repairs the best draft again after a worse reply, telling the model that reply was not used (and why, for a fragment)', async () => {
    const padded = module('ERROR a/a first problem', ...Array.from({ length: 10 }, (_, index) => `step ${index}`));
    const fragment = '"""Only the changed method."""\n\n\ndef level() -> int:\n    # ERROR a/b second\n    # ERROR a/c third\n    return 2\n';
    const { model, run } = setup([padded, fragment, module()]);
    expect(await run()).toMatchObject({ stopReason: 'passed', repairRounds: 2 });
    const [, first, second] = model.requests;
    expect(first!.messages[2]!.content).not.toContain('Your last reply was not used');
    expect(second!.messages[1]!.content).toBe(padded);
    expect(second!.messages[2]!.content).toMatch(/^# Your last reply was not used\n\nYour reply in repair round 1 had 2 error\(s\), more than the 1 of the `pond_tracker\.py` above, so this draft is repaired again\. It had 7 lines against this draft's 18: send the whole file/);
    expect(second!.messages[2]!.content).toContain('- a/a (line 7): first problem');
  });

  it('never takes a reply that does not parse (a diff, a snippet) for the best draft, however few its findings', async () => {
    const diff = 'def level() -> int:\n    # UNPARSABLE\n    return 2\n';
    const three = module('ERROR a/a 1', 'ERROR a/b 2', 'ERROR a/c 3');
    const { model, run } = setup([three, `Here is the fix:\n\n\`\`\`python\n${diff}\`\`\`\n`, module()]);
    const outcome = await run();
    expect(outcome).toMatchObject({ stopReason: 'passed', repairRounds: 2 });
    expect(outcome.drafts[1]!.score).toMatchObject({ errors: 1, unverified: 3 });
    const second = model.requests[2]!;
    expect(second.messages[1]!.content).toBe(three);
    expect(second.messages[2]!.content).toMatch(/^# Your last reply was not used\n\nYour reply in repair round 1 was not valid Python \(a diff, a snippet or a syntax error\), so most checks could not run on it, so this draft is repaired again\. It had 3 lines against this draft's 10: send the whole file/);
  });

  it('keeps the parsing draft as the best when the rounds run out on replies that do not parse', async () => {
    const snippet = 'def level() -> int:\n    # UNPARSABLE\n    return 2\n';
    const { run } = setup([module('ERROR a/a 1', 'ERROR a/b 2'), snippet, snippet]);
    const outcome = await run({ maxRounds: 2, candidates: 1 });
    expect(outcome).toMatchObject({ stopReason: 'max-rounds', best: { round: 0 } });
    expect(outcome.detail).toMatch(/the best draft \(first draft 1\) still has 2 error/);
  });

  it('emits events in order', async () => {
    const { events, run } = setup([module('ERROR a/a'), module()]);
    await run();
    expect(events.map((event) => event.type)).toEqual(['attempt', 'verifying', 'draft', 'attempt', 'verifying', 'draft']);
  });
});
