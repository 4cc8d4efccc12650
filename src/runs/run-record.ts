import type { BudgetLimits, BudgetName, Spending } from '../budget/spend-budget.js';
import type { FinishReason } from '../model/language-model.js';
import type { StopReason } from '../repair/loop-types.js';
import type { Finding } from '../verify/finding.js';
import type { TraceabilityRow } from '../report/traceability.js';

/** How a run ended. `running` stays in the record of a run that was killed before it could finish. */
export type RunOutcome = 'running' | 'delivered' | 'failed' | 'cancelled' | 'error' | 'dry-run';

/** An input file, identified by content. */
export interface InputFingerprint {
  path: string;
  sha256: string;
  bytes: number;
}

/** Who made a model call: the module's writer (the drafts) or the acceptance-test writer (the QA agent). */
export type CallRole = 'module-writer' | 'test-writer';

/** One request to the model. */
export interface CallRecord {
  /** 1-based order of the call in the run. */
  index: number;
  /** Whose call it was (absent in records written before roles were recorded). */
  role?: CallRole;
  round: number;
  candidate: number;
  kind: 'draft' | 'repair';
  /** 1 for the first request of a draft, 2… when an incomplete reply was requested again. */
  request: number;
  /** Files in the run folder, relative to it. */
  promptFile: string;
  replyFile: string;
  finishReason: FinishReason;
  estimatedInputTokens: number;
  inputTokens: number | null;
  outputTokens: number | null;
  durationMs: number;
  attempts: number;
  continuations: number;
  costUsd: number | null;
}

/** One verified draft. */
export interface DraftRecord {
  round: number;
  candidate: number;
  file: string;
  sha256: string;
  lines: number;
  /** How the code was taken from the reply and what was stripped. */
  origin: string;
  stripped: string;
  passed: boolean;
  errors: number;
  warnings: number;
  infos: number;
  findings: Finding[];
  /** Story → criterion → tests → outcome for this draft, when stories and tests were given. */
  traceability?: TraceabilityRow[];
  verifyMs: number;
}

/** What `generate --dry-run` would have sent: the prompt's file and its token estimate. */
export interface DryRunRecord {
  /** The first prompt as it would be sent, relative to the run folder. */
  promptFile: string;
  estimatedTokens: number;
  /** The estimate by section (agent, task, design, stories…). */
  sections: Array<{ name: string; tokens: number }>;
  /** Whether it fits the model's context window; null when no model or window is known. */
  fits: { ok: true; contextWindow: number; replyTokens: number } | { ok: false; reason: string } | null;
}

/** Everything a run leaves in `.backsmith/runs/<id>/run.json`. */
export interface RunRecord {
  schema: 1;
  id: string;
  backsmithVersion: string;
  startedAt: string;
  finishedAt: string | null;
  outcome: RunOutcome;
  /** One sentence: why the run ended as it did. */
  reason: string | null;
  /** The process that ran it: a record still 'running' whose process is gone was interrupted (killed, crashed). */
  pid?: number;
  stopReason: StopReason | null;
  model: { provider: string; modelId: string; contextWindow: number | null } | null;
  agent: { name: string; source: string; sha256: string } | null;
  inputs: { design: InputFingerprint | null; stories: InputFingerprint | null; tests: InputFingerprint[]; requirements?: InputFingerprint | null; /** The module the run started from (`--from-draft`). */ fromDraft?: InputFingerprint };
  settings: {
    maxRounds: number; candidates: number; outDir: string; deliverable: string | null;
    /** Spend limits in force, and the sampling temperature when one was set. */
    budget?: BudgetLimits; temperature?: number;
  };
  calls: CallRecord[];
  drafts: DraftRecord[];
  /** The draft that was delivered or, on failure, saved as the best draft. */
  chosen: { round: number; candidate: number; sha256: string } | null;
  delivered: { path: string; backupPath: string | null; unchanged?: boolean } | null;
  /** The best failing draft, relative to the run folder (never at the deliverable path). */
  failingDraftFile: string | null;
  usage: { inputTokens: number | null; outputTokens: number | null; costUsd: number | null; costBasis: string | null };
  /** Everything the run spent, failed attempts and unrecorded continuations included (the budget's count). */
  spent?: Spending;
  /** The budget that stopped the run (with stopReason 'budget'), else null. */
  stoppedBy?: BudgetName | null;
  timings: { totalMs: number; modelMs: number; verifyMs: number; backsmithMs: number };
  /** Set for `generate --dry-run` (outcome `dry-run`): the prompt that was not sent and its estimate. */
  dryRun?: DryRunRecord;
}
