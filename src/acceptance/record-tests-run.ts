import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../deliver/write-atomic.js';
import { estimateCost } from '../model/estimate-cost.js';
import type { LanguageModel } from '../model/language-model.js';
import { redactSecrets } from '../model/redact-secrets.js';
import type { RunRecorder } from '../runs/run-recorder.js';
import type { TestsCall, TestsLoopOutcome } from './write-tests-loop.js';

/** File in a run folder holding the test writer's attempts, findings and coverage. */
export const ACCEPTANCE_RECORD_FILE = 'acceptance-tests.json';

/** How the test writer's work lands in a run record. */
export interface TestsRecording {
  onCall(call: TestsCall): Promise<void>;
  /** Saves every attempt's file under `drafts/` and the summary as `acceptance-tests.json`; returns the summary. */
  save(outcome: TestsLoopOutcome, extra?: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/**
 * Records the test writer's calls in `recorder` (role `test-writer`; as candidate `candidate`: 1 for
 * `backsmith tests`, 0 inside `generate`, where 1… are the module's drafts) and its attempts beside
 * them, secrets removed.
 */
export function recordTestsRun(recorder: RunRecorder, model: Pick<LanguageModel, 'provider' | 'modelId'>, candidate: number, secrets: string[]): TestsRecording {
  const clean = (text: string) => redactSecrets(text, secrets);
  return {
    async onCall(call) {
      const cost = estimateCost(model.provider, model.modelId, call.result.usage);
      await recorder.recordCall({ role: 'test-writer', round: call.round, candidate, kind: call.kind, request: call.request, prompt: call.prompt, result: call.result, costUsd: cost?.usd ?? null });
      if (cost && !recorder.record.usage.costBasis) await recorder.update({ usage: { ...recorder.record.usage, costBasis: `${cost.basis}, prices as of ${cost.pricesAsOf}` } });
    },
    async save(outcome, extra = {}) {
      const attempts = [];
      for (const attempt of outcome.attempts) {
        const file = attempt.report ? `drafts/tests-round${attempt.round}.py` : null;
        if (file && attempt.report) await writeFile(path.join(recorder.dir, file), clean(attempt.report.code));
        attempts.push({
          round: attempt.round, file, stripped: attempt.stripped, usable: attempt.report?.usable ?? false, problem: attempt.problem,
          uncovered: attempt.uncovered, findings: attempt.report?.findings ?? [], coverage: attempt.report?.coverage ?? [],
        });
      }
      const summary = { status: outcome.status, reason: outcome.reason, chosenRound: outcome.best?.round ?? null, ...extra, attempts };
      await writeFileAtomic(path.join(recorder.dir, ACCEPTANCE_RECORD_FILE), clean(`${JSON.stringify(summary, null, 2)}\n`), { durable: false });
      return summary;
    },
  };
}
