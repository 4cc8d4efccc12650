import { createHash } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { BacksmithConfig } from '../config/config-schema.js';
import { deliverModule } from '../deliver/deliver-module.js';
import { checkTemperature } from '../budget/resolve-budget.js';
import { BacksmithError } from '../errors.js';
import { prepareGeneration } from '../generate/prepare-generation.js';
import type { LanguageModel } from '../model/language-model.js';
import { redactSecrets } from '../model/redact-secrets.js';
import { resolveModel } from '../model/resolve-model.js';
import { assertPromptFits, replyTokenBudget } from '../prompt/fit-context.js';
import { environmentSecrets } from '../runs/environment-secrets.js';
import { finishOnExit } from '../runs/finish-on-exit.js';
import { RUNS_DIR } from '../runs/run-id.js';
import { createRunRecorder } from '../runs/run-recorder.js';
import type { Finding } from '../verify/finding.js';
import { buildTestsPrompt } from './build-tests-prompt.js';
import { loadQaAgent } from './load-qa-agent.js';
import { recordTestsRun } from './record-tests-run.js';
import type { CriterionCoverage } from './test-file-checks.js';
import { acceptanceTestFileName, testsTask } from './tests-task.js';
import { runTestsLoop, type TestsAttempt } from './write-tests-loop.js';

/** Upper bound that keeps a mistyped flag from running up a bill. */
const MAX_ROUNDS_LIMIT = 20;

/** What `generateAcceptanceTests` needs: the two documents and a model; everything else has a default. */
export interface GenerateAcceptanceTestsOptions {
  design: string;
  stories: string;
  /** A LanguageModel, or a model id (`openai:gpt-4.1`); default: `model` from the configuration. */
  model?: LanguageModel | string;
  baseUrl?: string;
  projectDir?: string;
  /** Where the module will go; the tests are written next to it (same default as `generate`). */
  outDir?: string;
  /** Write the tests to this file instead of `<outDir>/test_[feature]_acceptance.py`. */
  out?: string;
  feature?: string;
  module?: string;
  /** An `.agent.md` path or agent name instead of the built-in QA agent. */
  agent?: string;
  /** Repair rounds after the first reply (default 2). */
  maxRounds?: number;
  maxOutputTokens?: number;
  /** Sampling temperature, 0 to 2 (default: `temperature` from the configuration, else the provider's). */
  temperature?: number;
  config?: BacksmithConfig;
  signal?: AbortSignal;
  /** Secrets to keep out of records (default: secret-looking environment variables). */
  secrets?: string[];
  /** One line per step, for people. */
  onProgress?: (message: string) => void;
  /** Checked for the test file and the run records folder before any model call; throws to refuse (the MCP server's roots). */
  confineWrites?: (file: string, label: string) => Promise<unknown>;
}

/** What `generateAcceptanceTests` returns (fatal problems are thrown as BacksmithError instead). */
export interface AcceptanceTestsResult {
  outcome: 'delivered' | 'failed' | 'cancelled';
  reason: string;
  /** Where the tests were (or would have been) written. */
  path: string;
  backupPath: string | null;
  /** The module the tests import. */
  moduleName: string;
  /** Findings of the chosen test file (none at error severity when delivered). */
  findings: Finding[];
  coverage: CriterionCoverage[];
  uncovered: string[];
  attempts: Array<{ round: number; usable: boolean; errors: number; warnings: number; uncovered: number; stripped: string }>;
  model: { provider: string; modelId: string };
  agent: string;
  runId: string;
  runDir: string;
  usage: { inputTokens: number | null; outputTokens: number | null; costUsd: number | null };
  durationMs: number;
}

function summarizeAttempt(attempt: TestsAttempt): AcceptanceTestsResult['attempts'][number] {
  const findings = attempt.report?.findings ?? [];
  return {
    round: attempt.round, usable: attempt.report?.usable ?? false, stripped: attempt.stripped, uncovered: attempt.uncovered.length,
    errors: attempt.report ? findings.filter((finding) => finding.severity === 'error').length : 1,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
  };
}

/**
 * Writes the acceptance tests for a design and its stories before the module exists: the built-in
 * QA agent drafts one unittest test per criterion, the test-file checks judge the reply, a bounded
 * repair loop fixes what they find, and only a usable file is written (atomically, keeping any
 * previous file as a backup) as `test_[feature]_acceptance.py` next to where the module will go.
 * Every call is recorded in `.backsmith/runs/<id>/`. Throws BacksmithError for fatal problems.
 */
export async function generateAcceptanceTests(options: GenerateAcceptanceTestsOptions): Promise<AcceptanceTestsResult> {
  const started = performance.now();
  const progress = (message: string) => options.onProgress?.(message);
  const maxRounds = options.maxRounds ?? 2;
  if (!Number.isInteger(maxRounds) || maxRounds < 0 || maxRounds > MAX_ROUNDS_LIMIT) {
    throw new BacksmithError(`--max-rounds must be a whole number from 0 to ${MAX_ROUNDS_LIMIT} (got ${options.maxRounds}).`);
  }
  const projectDir = path.resolve(options.projectDir ?? process.cwd());
  const config = options.config ?? (await loadConfig(undefined, projectDir));
  const temperature = checkTemperature(options.temperature ?? config.temperature);
  const prepared = await prepareGeneration({
    design: options.design, stories: options.stories, projectDir,
    ...(options.outDir ? { outDir: options.outDir } : {}), ...(options.feature ? { feature: options.feature } : {}), ...(options.module ? { module: options.module } : {}),
  }, config);
  const agent = await loadQaAgent(options.agent, projectDir);
  const fileName = options.out ? path.basename(options.out) : acceptanceTestFileName(prepared, options.feature);
  const target = options.out ? path.resolve(projectDir, options.out) : path.join(prepared.outDir, fileName);
  if (!/\.py$/.test(fileName)) throw new BacksmithError(`--out must name a Python file (.py), got ${options.out}.`);
  if (options.confineWrites) {
    await options.confineWrites(target, 'Test file');
    await options.confineWrites(path.join(projectDir, RUNS_DIR), 'Run records folder');
  }
  const task = testsTask(prepared, agent, fileName);
  const model = typeof options.model === 'object' ? options.model : resolveModel(options.model ?? config.model, (options.baseUrl ?? config.baseUrl) ? { baseUrl: (options.baseUrl ?? config.baseUrl)! } : {});
  const replyTokens = replyTokenBudget(model, options.maxOutputTokens);
  assertPromptFits(buildTestsPrompt(task), model, replyTokens);
  const secrets = options.secrets ?? environmentSecrets();
  const recorder = await createRunRecorder(projectDir, {
    model: { provider: model.provider, modelId: model.modelId, contextWindow: model.contextWindow },
    agent: { name: agent.name, source: agent.source, sha256: createHash('sha256').update(agent.prompt).digest('hex') },
    inputs: { design: prepared.design.fingerprint, stories: prepared.stories.fingerprint, tests: [] },
    settings: { maxRounds, candidates: 1, outDir: path.dirname(target), deliverable: fileName, ...(temperature !== undefined ? { temperature } : {}) },
  }, { secrets });
  const releaseExitGuard = finishOnExit(recorder, options.signal);
  try {
    const recording = recordTestsRun(recorder, model, 1, secrets);
    progress(`writing ${fileName} for ${task.moduleName} with ${model.provider}:${model.modelId} (agent ${agent.name})`);
    const loop = await runTestsLoop({
      model, prompt: task, design: prepared.design.spec, stories: prepared.stories.spec, maxRounds, replyTokens,
      ...(temperature !== undefined ? { temperature } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onCall: (call) => recording.onCall(call),
      onAttempt: (attempt) => progress(`${attempt.report?.usable && attempt.uncovered.length === 0 ? '✔' : '✘'} ${attempt.round === 0 ? 'first test file' : `repair round ${attempt.round}`}: ${attempt.problem ?? (attempt.uncovered.length > 0 ? `no test for ${attempt.uncovered.join(', ')}` : 'passed the test-file checks')}${attempt.stripped ? ` (${attempt.stripped})` : ''}`),
    });
    await recording.save(loop, { path: target });
    const best = loop.best;
    const chosen = best ? { round: best.round, candidate: 1, sha256: createHash('sha256').update(best.report.code).digest('hex') } : null;
    let outcome: AcceptanceTestsResult['outcome'] = 'failed';
    let backupPath: string | null = null;
    if (loop.status === 'cancelled' || options.signal?.aborted) {
      outcome = 'cancelled';
      await recorder.finish({ outcome: 'cancelled', reason: loop.reason, stopReason: 'cancelled', chosen });
    } else if (loop.status === 'usable' && best) {
      const delivery = await deliverModule(path.dirname(target), fileName, best.report.code);
      backupPath = delivery.backupPath;
      outcome = 'delivered';
      await recorder.finish({ outcome: 'delivered', reason: loop.reason, stopReason: 'passed', chosen, delivered: { path: delivery.path, backupPath } });
    } else {
      if (best) await recorder.saveFailingDraft(best.report.code);
      await recorder.finish({ outcome: 'failed', reason: loop.reason, stopReason: best ? 'max-rounds' : 'no-code', chosen });
    }
    const { record } = recorder;
    return {
      outcome, reason: loop.reason, path: target, backupPath, moduleName: task.moduleName,
      findings: best?.report.findings ?? [], coverage: best?.report.coverage ?? [], uncovered: best?.uncovered ?? [],
      attempts: loop.attempts.map(summarizeAttempt),
      model: { provider: model.provider, modelId: model.modelId }, agent: agent.name, runId: recorder.id, runDir: recorder.dir,
      usage: { inputTokens: record.usage.inputTokens, outputTokens: record.usage.outputTokens, costUsd: record.usage.costUsd },
      durationMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
    await recorder.finish(options.signal?.aborted ? { outcome: 'cancelled', reason: `cancelled (${reason})`, stopReason: 'cancelled' } : { outcome: 'error', reason });
    throw error;
  } finally {
    releaseExitGuard();
  }
}
