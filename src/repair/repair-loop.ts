import type { ModelPrompt } from '../prompt/model-prompt.js';
import { failure, success, type Result } from '../result.js';
import { betterDraft, fixedNothing, scoreOf, type Draft } from './draft.js';
import type { BudgetName } from '../budget/spend-budget.js';
import type { DraftPosition, LoopEvent, LoopLimits, LoopOutcome, LoopSteps, ReplyFailure, StopReason } from './loop-types.js';

interface NoDraft {
  stop: StopReason;
  detail: string;
  /** Trying again cannot help (a budget is spent, replies are cut by the output limit): stop the loop. */
  final?: boolean;
  stoppedBy?: BudgetName;
}

/** Why a reply was incomplete, and for an output-limit cut what to change. */
function incompleteDetail(error: Extract<ReplyFailure, { kind: 'incomplete' }>, at: DraftPosition): string {
  if (error.finishReason !== 'length') {
    return `the reply for ${label(at)} ended with '${error.finishReason}' after ${error.requests} request(s); incomplete code is never verified`;
  }
  const limit = error.maxOutputTokens === undefined ? '' : ` (now ${error.maxOutputTokens.toLocaleString('en-US')} tokens per reply)`;
  return `the reply for ${label(at)} was cut off by the output limit again after ${error.requests} request(s) (a continuation was cut off too); ` +
    `incomplete code is never verified. Raise --max-output-tokens${limit}, or use a model with a larger output limit`;
}

function label(at: DraftPosition): string {
  return at.round === 0 ? `first draft ${at.candidate}` : `repair round ${at.round}`;
}

/**
 * One attempt: reply → extract → verify. Expected failures come back as data. A repair whose module
 * is exactly the draft it was asked to repair (`base`) is not verified again: the model repeats itself.
 */
async function attempt(prompt: ModelPrompt, at: DraftPosition, steps: LoopSteps, signal: AbortSignal | undefined, emit: (event: LoopEvent) => void, base?: Draft): Promise<Result<Draft, NoDraft>> {
  emit({ type: 'attempt', at, kind: at.round === 0 ? 'draft' : 'repair', prompt });
  const reply = await steps.reply(prompt, at);
  if (!reply.ok) {
    const { error } = reply;
    if (error.kind === 'cancelled') return failure({ stop: 'cancelled', detail: `cancelled during ${label(at)}` });
    if (error.kind === 'budget') return failure({ stop: 'budget', detail: error.detail, final: true, stoppedBy: error.budget });
    return failure({ stop: 'incomplete-reply', detail: incompleteDetail(error, at), final: error.finishReason === 'length' });
  }
  const extracted = await steps.extract(reply.value.text);
  if (!extracted.ok) {
    emit({ type: 'extraction-failed', at, reason: extracted.error.reason });
    return failure({ stop: 'no-code', detail: `the reply for ${label(at)} held no module: ${extracted.error.reason}` });
  }
  if (signal?.aborted) return failure({ stop: 'cancelled', detail: `cancelled during ${label(at)}` });
  if (base && extracted.value.code.trim() === base.code.trim()) {
    return failure({
      stop: 'no-progress',
      detail: `the model sent back ${label(base)} unchanged in ${label(at)}, so none of its ${base.score.errors} error(s) was fixed; stopped early rather than pay for more of the same reply`,
      final: true,
    });
  }
  emit({ type: 'verifying', at });
  const report = await steps.verify(extracted.value.code);
  const draft: Draft = { ...at, code: extracted.value.code, extraction: extracted.value, report, score: scoreOf(report) };
  emit({ type: 'draft', draft });
  return success(draft);
}

/**
 * The generate → verify → repair loop. Draws `candidates` first drafts (stopping at one that
 * passes), then repairs the best draft for at most `maxRounds` rounds, stopping early when a draft
 * passes, when a round fixes nothing, or when a round yields no draft. Never throws for expected
 * failures; fatal provider errors propagate.
 */
export async function runRepairLoop(firstPrompt: ModelPrompt, steps: LoopSteps, limits: LoopLimits, options: { signal?: AbortSignal; onEvent?: (event: LoopEvent) => void } = {}): Promise<LoopOutcome> {
  const drafts: Draft[] = [];
  // Held in an object: TypeScript does not see assignments made inside the `run` closure.
  const state: { best: Draft | null } = { best: null };
  let repairRounds = 0;
  const emit = (event: LoopEvent) => options.onEvent?.(event);
  const finish = (stopReason: StopReason, detail: string, stoppedBy?: BudgetName): LoopOutcome => ({ best: state.best, drafts, stopReason, detail, repairRounds, ...(stoppedBy ? { stoppedBy } : {}) });
  const stopAt = (problem: NoDraft): LoopOutcome => finish(problem.stop, problem.detail, problem.stoppedBy);
  const run = async (prompt: ModelPrompt, at: DraftPosition, base?: Draft): Promise<Result<Draft, NoDraft>> => {
    const result = await attempt(prompt, at, steps, options.signal, emit, base);
    if (result.ok) {
      drafts.push(result.value);
      state.best = betterDraft(state.best, result.value);
    } else emit({ type: 'no-draft', at, ...result.error });
    return result;
  };
  let lastProblem: NoDraft = { stop: 'no-code', detail: 'no draft was produced' };
  for (let candidate = 1; candidate <= Math.max(1, limits.candidates); candidate++) {
    const result = await run(firstPrompt, { round: 0, candidate });
    if (!result.ok && (result.error.stop === 'cancelled' || result.error.final)) return stopAt(result.error);
    if (!result.ok) lastProblem = result.error;
    if (state.best?.report.passed) return finish('passed', `${label(state.best)} passed verification`);
  }
  // The previous round's draft when it came out worse than the best: the model is told it was not used.
  let rejected: Draft | undefined;
  for (let round = 1; round <= limits.maxRounds; round++) {
    const base = state.best;
    const prompt = base ? steps.repairPrompt(base, rejected) : success(firstPrompt);
    if (!prompt.ok) return finish('prompt-too-large', `the repair prompt for round ${round} cannot be sent: ${prompt.error}`);
    repairRounds = round;
    const result = await run(prompt.value, { round, candidate: 1 }, base ?? undefined);
    if (!result.ok) {
      if (result.error.stop === 'cancelled' || result.error.final || base) return stopAt(result.error);
      lastProblem = result.error;
      continue;
    }
    if (result.value.report.passed) return finish('passed', `${label(result.value)} passed verification`);
    if (base && fixedNothing(base, result.value)) {
      return finish('no-progress', `repair round ${round} fixed none of the ${base.score.errors} error(s) it was given; stopped early`);
    }
    rejected = state.best === result.value ? undefined : result.value;
  }
  if (!state.best) return finish(lastProblem.stop, lastProblem.detail);
  return finish('max-rounds', `${limits.maxRounds} repair round(s) used; the best draft (${label(state.best)}) still has ${state.best.score.errors} error(s)`);
}
