import type { SpendBudget } from '../budget/spend-budget.js';
import type { DesignSpec } from '../inputs/design/design-types.js';
import type { StoriesSpec } from '../inputs/stories/story-types.js';
import type { CompletionResult, LanguageModel } from '../model/language-model.js';
import { checkPromptFits } from '../prompt/fit-context.js';
import type { ModelPrompt } from '../prompt/model-prompt.js';
import { findingKey } from '../repair/draft.js';
import { requestReply } from '../repair/request-reply.js';
import { extractModule } from '../sanitize/extract-module.js';
import { buildTestsPrompt, buildTestsRepairPrompt, type TestsPromptInput } from './build-tests-prompt.js';
import { checkTestFile, type TestFileReport } from './test-file-checks.js';

/** One model call of the test writer, for run records and progress. */
export interface TestsCall {
  /** 0 for the first request, 1… for repair rounds. */
  round: number;
  kind: 'draft' | 'repair';
  request: number;
  prompt: ModelPrompt;
  result: CompletionResult;
}

/** One reply of the test writer and what the checks made of it. */
export interface TestsAttempt {
  round: number;
  /** What the sanitiser removed (fences, prose), empty when the reply was the file as is. */
  stripped: string;
  /** The checks' verdict; null when the reply held no code. */
  report: TestFileReport | null;
  /** Criteria (`US-001 AC2`) without a test. */
  uncovered: string[];
  /** Why the attempt cannot be used, when it cannot. */
  problem: string | null;
}

/** Everything the loop needs. */
export interface TestsLoopInput {
  model: LanguageModel;
  prompt: TestsPromptInput;
  design: DesignSpec;
  stories: StoriesSpec;
  /** Repair rounds after the first reply. */
  maxRounds: number;
  replyTokens: number;
  /** The run's spend budget (inside `generate`): every request is checked and charged. */
  budget?: SpendBudget;
  /** Sampling temperature, 0 to 2 (the run's `--temperature`); default: the provider's. */
  temperature?: number;
  signal?: AbortSignal;
  onCall?: (call: TestsCall) => void | Promise<void>;
  onAttempt?: (attempt: TestsAttempt) => void;
}

/** How the loop ended: a usable test file, the best unusable one, or nothing. */
export interface TestsLoopOutcome {
  status: 'usable' | 'unusable' | 'cancelled';
  /** One sentence for people. */
  reason: string;
  /** The attempt chosen: usable with the fewest uncovered criteria, else the fewest errors. */
  best: (TestsAttempt & { report: TestFileReport }) | null;
  attempts: TestsAttempt[];
}

type Checked = TestsAttempt & { report: TestFileReport };

function errorsOf(report: TestFileReport) {
  return report.findings.filter((finding) => finding.severity === 'error');
}

function better(current: Checked | null, next: Checked): Checked {
  if (!current) return next;
  const rank = (attempt: Checked) => [attempt.report.usable ? 0 : 1, errorsOf(attempt.report).length, attempt.uncovered.length];
  const [a, b] = [rank(current), rank(next)];
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return a[index]! < b[index]! ? current : next;
  return current;
}

/** Why a reply failed, whatever kinds of failure the reply step knows. */
function describeFailure(failure: object): string {
  const fields = failure as { kind?: string; finishReason?: string; detail?: string };
  if (fields.finishReason === 'length') return 'cut off by the output limit';
  return fields.detail ?? (fields.finishReason ? `ended with '${fields.finishReason}'` : fields.kind ?? 'no reply');
}

function uncoveredOf(report: TestFileReport): string[] {
  return report.coverage.filter((entry) => entry.tests.length === 0).map((entry) => `${entry.storyId} ${entry.criterionId}`);
}

/**
 * The test writer's own bounded loop: prompt → reply → extract (src/sanitize) → test-file checks →
 * a repair prompt naming each finding and uncovered criterion → again, at most `maxRounds` times,
 * stopping early when a round fixes nothing. Never throws for expected failures; provider errors
 * after retries propagate (they are fatal).
 */
export async function runTestsLoop(input: TestsLoopInput): Promise<TestsLoopOutcome> {
  const attempts: TestsAttempt[] = [];
  let best: Checked | null = null;
  let prompt = buildTestsPrompt(input.prompt);
  const finish = (status: TestsLoopOutcome['status'], reason: string): TestsLoopOutcome => ({ status, reason, best, attempts });
  for (let round = 0; round <= input.maxRounds; round++) {
    const kind = round === 0 ? 'draft' : 'repair';
    const reply = await requestReply(input.model, prompt, {
      maxOutputTokens: input.replyTokens,
      ...(input.budget ? { budget: input.budget } : {}),
      ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
      onResult: (result, request) => input.onCall?.({ round, kind, request, prompt, result }),
    });
    if (!reply.ok) {
      if (reply.error.kind === 'cancelled') return finish('cancelled', 'cancelled while writing the acceptance tests');
      return finish(best?.report.usable ? 'usable' : 'unusable', `the test writer's reply could not be used (${describeFailure(reply.error)}); incomplete tests are never used`);
    }
    const extracted = await extractModule(reply.value.text);
    if (!extracted.ok) {
      const attempt: TestsAttempt = { round, stripped: '', report: null, uncovered: [], problem: `the reply held no test file: ${extracted.error.reason}` };
      attempts.push(attempt);
      input.onAttempt?.(attempt);
      prompt = best ? buildTestsRepairPrompt(input.prompt, best.report.code, best.report.findings, best.uncovered) : buildTestsPrompt(input.prompt);
      continue;
    }
    // The checks see the reply as sent: they strip fences and prose themselves and report them.
    const report = await checkTestFile({
      path: input.prompt.fileName, source: reply.value.text, moduleName: input.prompt.moduleName, design: input.design, stories: input.stories,
    });
    const uncovered = uncoveredOf(report);
    const errors = errorsOf(report);
    const problem = !report.usable ? `${errors.length} error finding(s): ${[...new Set(errors.map((finding) => finding.checkId))].join(', ')}` : null;
    const attempt: Checked = { round, stripped: extracted.value.summary, report, uncovered, problem };
    attempts.push(attempt);
    input.onAttempt?.(attempt);
    const previous = best;
    best = better(best, attempt);
    if (report.usable && uncovered.length === 0) return finish('usable', `${round === 0 ? 'the first test file' : `repair round ${round}`} passed the test-file checks`);
    if (previous && !report.usable && errors.every((finding) => errorsOf(previous.report).some((old) => findingKey(old) === findingKey(finding))) && errors.length >= errorsOf(previous.report).length) {
      return finish(best.report.usable ? 'usable' : 'unusable', `repair round ${round} fixed none of the test file's ${errors.length} error(s); stopped early`);
    }
    const next = buildTestsRepairPrompt(input.prompt, best.report.code, best.report.findings, best.uncovered);
    const fits = checkPromptFits(next, input.model, input.replyTokens);
    if (!fits.ok) return finish(best.report.usable ? 'usable' : 'unusable', `the test file's repair prompt cannot be sent: ${fits.error}`);
    prompt = next;
  }
  if (best?.report.usable) return finish('usable', `usable after ${input.maxRounds} repair round(s), but ${best.uncovered.length} criterion/criteria still have no test: ${best.uncovered.join(', ')}`);
  return finish('unusable', best ? `${input.maxRounds} repair round(s) used; the best test file still has ${errorsOf(best.report).length} error(s)` : 'no reply held a test file');
}
