import type { BacksmithConfig } from '../config/config-schema.js';
import { untilAborted } from '../cancel/until-aborted.js';
import type { SpendBudget } from '../budget/spend-budget.js';
import { estimateCost } from '../model/estimate-cost.js';
import type { LanguageModel } from '../model/language-model.js';
import { checkPromptFits } from '../prompt/fit-context.js';
import { buildRepairPrompt } from '../repair/build-repair-prompt.js';
import type { LoopSteps } from '../repair/loop-types.js';
import { requestReply } from '../repair/request-reply.js';
import { failure, success } from '../result.js';
import type { RunRecorder } from '../runs/run-recorder.js';
import type { TypeChecker } from '../types/type-checker.js';
import { extractModule } from '../sanitize/extract-module.js';
import type { VerifyModuleOptions } from '../verify/verify-module.js';
import { verifyModuleOrReport } from '../verify/verify-failure.js';
import { blockDraftWaivers } from './draft-waivers.js';
import type { GenerateModuleOptions } from './generate-types.js';
import type { PreparedGeneration } from './prepare-generation.js';
import type { ProgressEvent } from './progress-events.js';

/** Why the `stories/` checks are skipped when only --requirements was given. */
export const NO_STORIES_REASON = 'no --stories given (--requirements has no story structure, so no story message could be checked)';

/** What the default steps work with. */
export interface StepContext {
  model: LanguageModel;
  prepared: PreparedGeneration;
  config: BacksmithConfig;
  options: GenerateModuleOptions;
  recorder: RunRecorder;
  replyTokens: number;
  emit: (event: ProgressEvent) => void;
  /** The run's spend budget: each draft's requests are checked and charged. */
  budget?: SpendBudget;
  temperature?: number;
  /** The run's warm pyright: every draft's types are checked from memory. */
  typeChecker?: Pick<TypeChecker, 'check'>;
  /** Why types are not checked when there is no checker (e.g. `--no-types given`), shown on the skipped checks. */
  typesSkipReason?: string;
}

/** Verifier options for a draft: the deliverable's path, the parsed design and stories, the tests. */
export function draftVerifyOptions(context: Pick<StepContext, 'prepared' | 'config' | 'options' | 'typeChecker' | 'typesSkipReason'>, code: string): VerifyModuleOptions {
  const { prepared, config, options } = context;
  return {
    path: prepared.deliverable.path,
    source: code,
    config,
    draft: true,
    design: prepared.design.spec,
    ...(prepared.storiesGiven ? { stories: prepared.stories.spec } : { storiesAbsentReason: NO_STORIES_REASON }),
    ...(options.python !== undefined ? { python: options.python } : {}),
    ...(options.noRun ? { noRun: true } : {}),
    ...(context.typeChecker ? { typeChecker: context.typeChecker } : context.typesSkipReason ? { typesSkipReason: context.typesSkipReason } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(prepared.tests.length > 0 ? { tests: prepared.tests.map((test) => test.path) } : {}),
  };
}

/**
 * The loop's steps as `generate` runs them: the model behind the continuation and incompleteness
 * policy, every call recorded with its cost; the sanitiser told what the design defines; the full
 * verifier; repair prompts checked against the context window. `options.steps` replaces any of them.
 */
export function createGenerationSteps(context: StepContext): LoopSteps {
  const { model, prepared, options, recorder, replyTokens, emit } = context;
  let unstreamedNoted = false;
  const defaults: LoopSteps = {
    async reply(prompt, at) {
      const kind = at.round === 0 ? 'draft' : 'repair';
      return requestReply(model, prompt, {
        maxOutputTokens: replyTokens,
        ...(context.budget ? { budget: context.budget } : {}),
        ...(context.temperature !== undefined ? { temperature: context.temperature } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onText: (delta) => emit({ type: 'text', characters: delta.length }),
        onRetry: (event) => emit({
          type: 'retry', reason: event.reason, delayMs: event.delayMs, discarded: event.discardedText,
          ...(event.maxAttempts ? { retry: event.attempt, maxRetries: event.maxAttempts - 1 } : {}),
        }),
        onResult: async (result, request) => {
          if (result.unstreamed && !unstreamedNoted) {
            unstreamedNoted = true;
            emit({ type: 'note', message: `${model.provider}:${model.modelId}: the server ignored stream: true and sent the whole reply as one JSON body; it is read whole (no progress until each reply is done, so only the request time limit applies)` });
          }
          emit({ type: 'reply', outputTokens: result.usage.outputTokens, finishReason: result.finishReason, continuations: result.continuations ?? 0 });
          const cost = estimateCost(model.provider, model.modelId, result.usage);
          await recorder.recordCall({ role: 'module-writer', ...at, kind, request, prompt, result, costUsd: cost?.usd ?? null });
          if (cost && !recorder.record.usage.costBasis) await recorder.update({ usage: { ...recorder.record.usage, costBasis: `${cost.basis}, prices as of ${cost.pricesAsOf}` } });
        },
      });
    },
    extract: (reply) => extractModule(reply, prepared.expectation),
    // A draft backsmith fails on is reported and repaired like any other, not the end of the run.
    // Ctrl-C abandons a verification at once (its sandbox is killed); the run ends as cancelled.
    verify: async (code) => blockDraftWaivers(await untilAborted(verifyModuleOrReport(draftVerifyOptions(context, code)), options.signal, 'verification'), code),
    repairPrompt(draft, rejected) {
      const prompt = buildRepairPrompt(prepared.task, draft, undefined, rejected);
      const fits = checkPromptFits(prompt, model, replyTokens);
      return fits.ok ? success(prompt) : failure(fits.error);
    },
  };
  return { ...defaults, ...options.steps };
}
