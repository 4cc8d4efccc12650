import path from 'node:path';
import { CancelledError } from '../cancel/until-aborted.js';
import { loadConfig } from '../config/load-config.js';
import { deliverModule } from '../deliver/deliver-module.js';
import { BacksmithError, RunStoppedError } from '../errors.js';
import type { LanguageModel } from '../model/language-model.js';
import { redactSecrets } from '../model/redact-secrets.js';
import { resolveModel } from '../model/resolve-model.js';
import { assertPromptFits, replyTokenBudget } from '../prompt/fit-context.js';
import { betterDraft, type Draft } from '../repair/draft.js';
import type { LoopOutcome } from '../repair/loop-types.js';
import { runRepairLoop } from '../repair/repair-loop.js';
import { resolveBudgetLimits, checkTemperature } from '../budget/resolve-budget.js';
import { createSpendBudget } from '../budget/spend-budget.js';
import type { BacksmithConfig } from '../config/config-schema.js';
import { estimateCost } from '../model/estimate-cost.js';
import type { TokenUsage } from '../model/language-model.js';
import type { RetrySettings } from '../model/retry-policy.js';
import { environmentSecrets } from '../runs/environment-secrets.js';
import { finishOnExit } from '../runs/finish-on-exit.js';
import { createRunRecorder, type RunRecorder } from '../runs/run-recorder.js';
import { draftTypesSkipReason, startDraftTypeChecker } from '../types/draft-type-checker.js';
import { writeRunReportPage } from '../report/html/write-html-report.js';
import { testWriterDrafts, writeTestsForGeneration } from '../acceptance/tests-for-generate.js';
import { acceptanceTestFileName } from '../acceptance/tests-task.js';
import { RUNS_DIR } from '../runs/run-id.js';
import { concurrentFirstDrafts } from './concurrent-drafts.js';
import { startingDraft } from './starting-draft.js';
import { createGenerationSteps, NO_STORIES_REASON } from './generation-steps.js';
import type { GenerateModuleOptions, GenerateResult } from './generate-types.js';
import { prepareGeneration, type PreparedGeneration } from './prepare-generation.js';
import type { ProgressEvent } from './progress-events.js';
import { unmetStages } from './unmet-stages.js';

/** Upper bounds that keep a mistyped flag from running up a bill. */
const MAX_ROUNDS_LIMIT = 20;
const MAX_CANDIDATES_LIMIT = 10;

function checkedCount(value: number | undefined, fallback: number, minimum: number, maximum: number, flag: string): number {
  const count = value ?? fallback;
  if (!Number.isInteger(count) || count < minimum || count > maximum) {
    throw new BacksmithError(`${flag} must be a whole number from ${minimum} to ${maximum} (got ${value}).`);
  }
  return count;
}

function resolveLanguageModel(options: GenerateModuleOptions, configModel: string | undefined, configBaseUrl: string | undefined, configRetry?: BacksmithConfig['retry']): LanguageModel {
  if (typeof options.model === 'object') return options.model;
  const baseUrl = options.baseUrl ?? configBaseUrl;
  const retry = Object.fromEntries(Object.entries(configRetry ?? {}).filter(([, value]) => value !== undefined)) as Partial<RetrySettings>;
  // A bad base URL from the configuration is named as such, not as a --base-url the user never typed.
  const baseUrlSource = options.baseUrl === undefined && configBaseUrl ? '"baseUrl" in the configuration' : undefined;
  return resolveModel(options.model ?? configModel, { ...(baseUrl ? { baseUrl } : {}), ...(baseUrlSource ? { baseUrlSource } : {}), retry });
}

/** A step abandoned by Ctrl-C ends the loop as cancelled; anything else is still fatal. */
function cancelledLoop(error: unknown): LoopOutcome {
  if (!(error instanceof CancelledError)) throw error;
  return { best: null, drafts: [], stopReason: 'cancelled', detail: error.message, repairRounds: 0 };
}

async function conclude(loop: LoopOutcome, prepared: PreparedGeneration, recorder: RunRecorder, options: GenerateModuleOptions, emit: (event: ProgressEvent) => void) {
  const best: Draft | null = loop.best;
  const chosen = best ? { round: best.round, candidate: best.candidate, sha256: best.report.sha256 } : null;
  // Fail closed: a draft is delivered only when every stage asked for ran, whatever its verdict says.
  const unmet = best ? unmetStages(best.report, { runtime: !options.noRun, tests: prepared.tests.length }) : [];
  if (loop.stopReason === 'passed' && best && unmet.length > 0 && !options.signal?.aborted) {
    const reason = `${loop.detail}, but not delivered: ${unmet.join('; ')}`;
    const failingDraftPath = await recorder.saveFailingDraft(best.code);
    await recorder.finish({ outcome: 'failed', reason, stopReason: loop.stopReason, chosen });
    return { outcome: 'failed' as const, reason, backupPath: null, failingDraftPath };
  }
  if (loop.stopReason === 'passed' && best && !options.signal?.aborted) {
    emit({ type: 'stage', stage: 'delivering', round: best.round, candidate: best.candidate, candidates: 0, maxRounds: 0 });
    const delivery = await deliverModule(prepared.outDir, prepared.deliverable.fileName, best.code);
    const reason = delivery.unchanged ? `${loop.detail}; ${prepared.deliverable.fileName} already held this module, so it was left untouched (no backup)` : loop.detail;
    await recorder.finish({ outcome: 'delivered', reason, stopReason: loop.stopReason, chosen, delivered: delivery });
    return { outcome: 'delivered' as const, reason, backupPath: delivery.backupPath, failingDraftPath: null };
  }
  if (loop.stopReason === 'cancelled' || options.signal?.aborted) {
    const reason = loop.stopReason === 'cancelled' ? loop.detail : 'cancelled before delivery';
    await recorder.finish({ outcome: 'cancelled', reason, stopReason: 'cancelled', chosen });
    return { outcome: 'cancelled' as const, reason, backupPath: null, failingDraftPath: null };
  }
  const failingDraftPath = best ? await recorder.saveFailingDraft(best.code) : null;
  await recorder.finish({ outcome: 'failed', reason: loop.detail, stopReason: loop.stopReason, chosen });
  return { outcome: 'failed' as const, reason: loop.detail, backupPath: null, failingDraftPath };
}

/**
 * Turns a technical design and user stories into one verified Python module: drafts it through
 * the model, verifies every draft, repairs in bounded rounds and delivers only a draft that passes
 * (atomically, keeping any previous file as a backup). Every run is recorded in
 * `.backsmith/runs/<id>/`. Returns the outcome; throws BacksmithError for fatal problems (bad
 * inputs, no model configured, input too large for the model, provider down after retries).
 */
export async function generateModule(options: GenerateModuleOptions): Promise<GenerateResult> {
  const started = performance.now();
  const emit = (event: ProgressEvent) => options.onProgress?.(event);
  const maxRounds = checkedCount(options.maxRounds, 3, 0, MAX_ROUNDS_LIMIT, '--max-rounds');
  const candidates = checkedCount(options.candidates, 1, 1, MAX_CANDIDATES_LIMIT, '--candidates');
  const jobs = checkedCount(options.jobs, Math.min(candidates, 2), 1, MAX_CANDIDATES_LIMIT, '--jobs');
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  const config = options.config ?? (await loadConfig(undefined, projectDir));
  // Budgets and temperature are checked before anything is read or paid for.
  const limits = resolveBudgetLimits(options, config.budget, { maxRounds: maxRounds + testWriterDrafts(options), candidates });
  const temperature = checkTemperature(options.temperature ?? config.temperature);
  emit({ type: 'stage', stage: 'preparing', round: 0, candidate: 0, candidates, maxRounds });
  if (options.fromDraft !== undefined && candidates > 1) {
    throw new BacksmithError(`--from-draft takes the place of the first drafts, so it cannot be combined with --candidates ${candidates}.`);
  }
  const prepared = await prepareGeneration({ ...options, projectDir }, config);
  if (options.noRun && prepared.tests.length > 0) {
    throw new BacksmithError('--tests cannot be combined with --no-run: the acceptance tests run in the sandbox that --no-run skips.');
  }
  if (options.confineWrites) {
    await options.confineWrites(prepared.deliverable.path, 'Deliverable');
    if (testWriterDrafts(options) > 0) await options.confineWrites(path.join(prepared.outDir, acceptanceTestFileName(prepared, options.feature)), 'Acceptance test file');
    await options.confineWrites(path.join(projectDir, RUNS_DIR), 'Run records folder');
  }
  for (const warning of prepared.agent.warnings) emit({ type: 'note', message: `agent ${prepared.agent.name}: ${warning}` });
  const model = resolveLanguageModel(options, config.model, config.baseUrl, config.retry);
  const replyTokens = replyTokenBudget(model, options.maxOutputTokens);
  assertPromptFits(prepared.firstPrompt, model, replyTokens);
  const price = (usage: TokenUsage) => estimateCost(model.provider, model.modelId, usage)?.usd ?? null;
  const budget = createSpendBudget(limits, price);
  if (limits.maxCostUsd !== null && price({ inputTokens: 0, outputTokens: 0 }) === null) {
    emit({ type: 'note', message: `--max-cost: the price of ${model.provider}:${model.modelId} is unknown, so the cost budget cannot be checked; the request and token budgets still apply` });
  }
  if (limits.maxCostUsd !== null && budget.spent().free) {
    emit({ type: 'note', message: `--max-cost: ${model.provider}:${model.modelId} runs locally at no cost, so the cost budget never stops it; the request and token budgets still apply` });
  }
  const secrets = options.secrets ?? environmentSecrets();
  const recorder = await createRunRecorder(projectDir, {
    model: { provider: model.provider, modelId: model.modelId, contextWindow: model.contextWindow },
    agent: { name: prepared.agent.name, source: prepared.agent.source, sha256: prepared.agentSha256 },
    inputs: {
      design: prepared.design.fingerprint, stories: prepared.storiesGiven ? prepared.stories.fingerprint : null, tests: prepared.tests,
      ...(prepared.requirements ? { requirements: prepared.requirements.fingerprint } : {}),
      ...(prepared.fromDraft ? { fromDraft: prepared.fromDraft.fingerprint } : {}),
    },
    settings: { maxRounds, candidates, outDir: prepared.outDir, deliverable: prepared.deliverable.fileName, budget: limits, ...(temperature !== undefined ? { temperature } : {}) },
  }, { secrets });
  const releaseExitGuard = finishOnExit(recorder, options.signal);
  // Kept for a fatal stop (provider down after retries): the best draft so far is saved, as when the rounds run out.
  const soFar: { best: Draft | null } = { best: null };
  // pyright starts now and loads while the model writes the first draft; each draft is then checked from memory.
  const typesNotChecked = draftTypesSkipReason(config, options.types, options.typesOffReason);
  const typeChecker = options.steps?.verify ? null : startDraftTypeChecker(config, options.python, options.types);
  try {
    // Without --tests, acceptance tests are written and checked first (they join prepared.tests).
    const generated = await writeTestsForGeneration({ model, prepared, options, recorder, replyTokens, emit, budget, ...(temperature !== undefined ? { temperature } : {}) });
    const defaultSteps = createGenerationSteps({ model, prepared, config, options, recorder, replyTokens, emit, budget, ...(temperature !== undefined ? { temperature } : {}), ...(typeChecker ? { typeChecker } : {}), ...(typesNotChecked ? { typesSkipReason: `types not checked: ${typesNotChecked}` } : {}) });
    const chosenSteps = generated ? generated.wrap(defaultSteps) : defaultSteps;
    // First drafts are requested `jobs` at a time; the loop still takes them in order. A run
    // --from-draft asks for none: its first draft is the given file, verified as any reply would be.
    const drawing = prepared.fromDraft ? startingDraft(prepared.fromDraft, chosenSteps.reply, emit) : concurrentFirstDrafts(chosenSteps.reply, { candidates, jobs });
    const steps = { ...chosenSteps, reply: drawing.reply };
    const pending: Promise<void>[] = [];
    // Ctrl-C before the loop (while the acceptance tests were written): no draft is asked for; the
    // loop would announce one and call the run cancelled "during first draft 1".
    const cancelledEarly = options.signal?.aborted ? cancelledLoop(new CancelledError(generated ? 'cancelled while writing the acceptance tests' : 'cancelled before the first draft')) : null;
    const loop = cancelledEarly ?? await runRepairLoop(prepared.firstPrompt, steps, { maxRounds, candidates }, {
      ...(options.signal ? { signal: options.signal } : {}),
      onEvent: (event) => {
        if (event.type === 'attempt') emit({ type: 'stage', stage: event.kind === 'draft' ? 'drafting' : 'repairing', round: event.at.round, candidate: event.at.candidate, candidates, maxRounds });
        if (event.type === 'verifying') emit({ type: 'stage', stage: 'verifying', round: event.at.round, candidate: event.at.candidate, candidates, maxRounds });
        if (event.type === 'extraction-failed') emit({ type: 'note', message: `round ${event.at.round}: ${event.reason}` });
        if (event.type === 'no-draft' && event.stop === 'no-progress') emit({ type: 'note', message: event.detail });
        if (event.type === 'draft') {
          const { draft } = event;
          emit({ type: 'draft', round: draft.round, candidate: draft.candidate, passed: draft.report.passed, errors: draft.score.errors, warnings: draft.score.warnings, stripped: draft.extraction.summary });
          pending.push(recorder.recordDraft(draft));
          soFar.best = betterDraft(soFar.best, draft);
        }
      },
    }).catch((error: unknown) => cancelledLoop(error));
    await drawing.settle();
    await Promise.all(pending);
    await recorder.update({ spent: budget.spent(), stoppedBy: loop.stoppedBy ?? null });
    const end = await conclude(loop, prepared, recorder, options, emit);
    const acceptanceTests = generated ? await generated.finish(end.outcome === 'delivered') : null;
    const reportPage = loop.best
      ? await writeRunReportPage(recorder.dir, loop.best, prepared.task.checklist, secrets)
        .catch((error: Error) => void emit({ type: 'note', message: `the run's report page was not written: ${error.message}` }))
      : undefined;
    const { record } = recorder;
    const notChecked = [...(prepared.storiesGiven ? [] : [`story messages: ${NO_STORIES_REASON}`]), ...(typesNotChecked ? [`types: ${typesNotChecked}`] : [])];
    return {
      ...end,
      stopReason: loop.stopReason,
      deliverable: prepared.deliverable,
      ...(notChecked.length > 0 ? { notChecked } : {}),
      drafts: loop.drafts.map((draft) => ({ round: draft.round, candidate: draft.candidate, passed: draft.report.passed, errors: draft.score.errors, warnings: draft.score.warnings })),
      remainingErrors: end.outcome === 'delivered' ? [] : (loop.best?.report.findings ?? []).filter((finding) => finding.severity === 'error'),
      model: { provider: model.provider, modelId: model.modelId },
      agent: prepared.agent.name,
      runId: recorder.id,
      runDir: recorder.dir,
      ...(reportPage ? { reportPage } : {}),
      usage: { inputTokens: record.usage.inputTokens, outputTokens: record.usage.outputTokens, costUsd: record.usage.costUsd },
      spent: budget.spent(),
      ...(loop.stoppedBy ? { stoppedBy: loop.stoppedBy } : {}),
      durationMs: Math.round(performance.now() - started),
      ...(acceptanceTests ? { acceptanceTests } : {}),
    };
  } catch (error) {
    await recorder.update({ spent: budget.spent() });
    const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
    if (options.signal?.aborted || !(error instanceof BacksmithError)) {
      await recorder.finish(options.signal?.aborted ? { outcome: 'cancelled', reason: `cancelled (${message})`, stopReason: 'cancelled' } : { outcome: 'error', reason: message });
      throw error;
    }
    const failingDraftPath = soFar.best ? await recorder.saveFailingDraft(soFar.best.code) : null;
    await recorder.finish({ outcome: 'error', reason: message });
    const where = `the run is recorded as ${recorder.id} (backsmith runs show ${recorder.id})${failingDraftPath ? `; its best draft so far, which FAILS verification, is ${failingDraftPath}` : ''}`;
    // A message ending in a question ("… the base URL right?") takes the run's whereabouts as a sentence of its own.
    const said = error.message.replace(/\.$/, '');
    const stopped = /[?!]$/.test(said) ? `${said} The run is recorded${where.slice('the run is recorded'.length)}.` : `${said}; ${where}.`;
    throw new RunStoppedError(stopped, error.exitCode, { runId: recorder.id, runDir: recorder.dir, failingDraftPath });
  } finally {
    releaseExitGuard();
    await typeChecker?.close();
  }
}
