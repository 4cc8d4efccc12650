import { createHash } from 'node:crypto';
import path from 'node:path';
import { deliverModule } from '../deliver/deliver-module.js';
import { writeFileAtomic } from '../deliver/write-atomic.js';
import type { StepContext } from '../generate/generation-steps.js';
import type { GenerateModuleOptions } from '../generate/generate-types.js';
import { checkPromptFits } from '../prompt/fit-context.js';
import { readPythonModule } from '../python/read-module.js';
import type { LoopSteps } from '../repair/loop-types.js';
import { environmentSecrets } from '../runs/environment-secrets.js';
import type { InputFingerprint } from '../runs/run-record.js';
import { withTestAgreement, type AgreementSteps } from './agreement-steps.js';
import { buildTestsPrompt } from './build-tests-prompt.js';
import { loadQaAgent } from './load-qa-agent.js';
import type { RankedDraft } from './rank-drafts.js';
import { recordTestsRun, type TestsRecording } from './record-tests-run.js';
import { acceptanceTestFileName, testsTask } from './tests-task.js';
import { runTestsLoop, type TestsLoopOutcome } from './write-tests-loop.js';

/** What `generate` reports about the acceptance tests it wrote for itself. */
export interface GeneratedTestsSummary {
  /** `usable`: drafts were verified against them; otherwise why there were none. */
  status: 'usable' | 'unusable' | 'cancelled' | 'skipped';
  reason: string;
  fileName: string;
  /** Test methods in the file. */
  tests: string[];
  /** Where they were delivered next to the module (only with the module), else null. */
  deliveredPath: string | null;
  /** Tests the independent drafts agreed against: reported, never blocking delivery alone. */
  suspectTests: string[];
  /** First drafts ranked by agreement on the tests (CodeT), best first. */
  ranking: RankedDraft[];
  /** The first draft repairs started from when the ranking chose it over the one with the fewest findings. */
  repairBase: string | null;
}

/** What the generate pipeline works with once the tests are written. */
export interface GeneratedTests {
  summary: GeneratedTestsSummary;
  /** The file in the run folder the drafts are verified against (null when unusable). */
  fingerprint: InputFingerprint | null;
  code: string | null;
  /** Wraps the loop's steps so the tests are judged by the drafts' agreement. */
  wrap(steps: LoopSteps): LoopSteps;
  /** Delivers the tests next to the delivered module and saves the summary in the run folder. */
  finish(delivered: boolean): Promise<GeneratedTestsSummary>;
}

/** What `generate` hands over: its steps' context; the spend budget and temperature apply to the test writer's requests too. */
export type GenerateTestsContext = Pick<StepContext, 'model' | 'prepared' | 'options' | 'recorder' | 'replyTokens' | 'emit' | 'budget' | 'temperature'>;

/** Why `generate` writes no tests of its own, or null when it should. */
function skipReason(options: Pick<GenerateModuleOptions, 'tests' | 'noTests' | 'noRun'>): string | null {
  if ((options.tests ?? []).length > 0) return 'acceptance tests were given (--tests)';
  if (options.noTests) return '--no-tests';
  if (options.noRun) return 'the sandbox that runs tests is skipped (--no-run)';
  return null;
}

/** Test-writer replies a generate run may ask for (first file and repairs), for the default request budget. */
export const TEST_WRITER_DRAFTS = 3;

/** Drafts the test writer adds to a generate run: none when it writes no tests. */
export function testWriterDrafts(options: Pick<GenerateModuleOptions, 'tests' | 'noTests' | 'noRun'>): number {
  return skipReason(options) ? 0 : TEST_WRITER_DRAFTS;
}

async function testNames(code: string): Promise<string[]> {
  const module = await readPythonModule(code);
  return module.classes.flatMap((entry) => entry.methods.map((method) => method.name)).filter((name) => name.startsWith('test'));
}

/**
 * `generate` without `--tests`: the QA agent writes acceptance tests first (calls recorded in the
 * generate run with role `test-writer`, as candidate 0, rounds of their own), the test-file checks and repair loop make
 * them usable, and every draft is then verified against them, as evidence rather than gospel
 * (see withTestAgreement). Returns null when generate should write none (--tests, --no-tests,
 * --no-run). Unusable tests are a note and a record, never a silent pass: drafts are then
 * verified without acceptance tests, as before this step existed. A usable file joins `prepared.tests`.
 */
export async function writeTestsForGeneration(context: GenerateTestsContext): Promise<GeneratedTests | null> {
  const { model, prepared, options, recorder, replyTokens, emit } = context;
  const skipped = skipReason(options);
  if (skipped) {
    if (options.noRun && !options.noTests && (options.tests ?? []).length === 0) emit({ type: 'note', message: `no acceptance tests written: ${skipped}` });
    return null;
  }
  const agent = await loadQaAgent(undefined, prepared.projectDir);
  const fileName = acceptanceTestFileName(prepared, options.feature);
  const task = testsTask(prepared, agent, fileName);
  const recording: TestsRecording = recordTestsRun(recorder, model, 0, options.secrets ?? environmentSecrets());
  let agreement: AgreementSteps | null = null;
  const summary: GeneratedTestsSummary = { status: 'skipped', reason: '', fileName, tests: [], deliveredPath: null, suspectTests: [], ranking: [], repairBase: null };
  const fits = checkPromptFits(buildTestsPrompt(task), model, replyTokens);
  let loop: TestsLoopOutcome = { status: 'unusable', reason: fits.ok ? '' : `the test writer's prompt does not fit: ${fits.error}`, best: null, attempts: [] };
  if (fits.ok) {
    emit({ type: 'note', message: `writing acceptance tests (${fileName}) with agent ${agent.name}` });
    loop = await runTestsLoop({
      model, prompt: task, design: prepared.design.spec, stories: prepared.stories.spec, maxRounds: TEST_WRITER_DRAFTS - 1, replyTokens,
      ...(context.budget ? { budget: context.budget } : {}),
      ...(context.temperature !== undefined ? { temperature: context.temperature } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onCall: (call) => recording.onCall(call),
      onAttempt: (attempt) => emit({ type: 'note', message: `acceptance tests ${attempt.round === 0 ? 'first draft' : `repair ${attempt.round}`}: ${attempt.problem ?? (attempt.uncovered.length > 0 ? `no test for ${attempt.uncovered.join(', ')}` : 'usable')}` }),
    });
  }
  summary.status = loop.status;
  summary.reason = loop.reason;
  let fingerprint: InputFingerprint | null = null;
  const code = loop.status === 'usable' && loop.best ? loop.best.report.code : null;
  if (code) {
    const file = path.join(recorder.dir, fileName);
    await writeFileAtomic(file, code, { durable: false });
    fingerprint = { path: file, sha256: createHash('sha256').update(code).digest('hex'), bytes: Buffer.byteLength(code) };
    summary.tests = await testNames(code);
    prepared.tests.push(fingerprint);
    await recorder.update({ inputs: { ...recorder.record.inputs, tests: [...prepared.tests] } });
    emit({ type: 'note', message: `acceptance tests: ${summary.tests.length} test(s); every draft is verified against them` });
  } else if (loop.status !== 'cancelled') {
    emit({ type: 'note', message: `no usable acceptance tests (${loop.reason}); drafts are verified without them` });
  }
  return {
    summary, fingerprint, code,
    wrap(steps) {
      if (!code) return steps;
      agreement = withTestAgreement(steps, summary.tests, (message) => emit({ type: 'note', message }));
      return agreement.steps;
    },
    async finish(delivered) {
      if (agreement) {
        const ranking = agreement.ranking();
        summary.ranking = ranking.order;
        summary.suspectTests = ranking.suspectTests;
        summary.repairBase = agreement.rankedBase();
      }
      if (delivered && code) summary.deliveredPath = (await deliverModule(prepared.outDir, fileName, code)).path;
      await recording.save(loop, { ranking: summary.ranking, suspectTests: summary.suspectTests, repairBase: summary.repairBase, deliveredPath: summary.deliveredPath });
      return summary;
    },
  };
}
