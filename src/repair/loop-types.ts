import type { BudgetName } from '../budget/spend-budget.js';
import type { CompletionResult, FinishReason } from '../model/language-model.js';
import type { ModelPrompt } from '../prompt/model-prompt.js';
import type { Result } from '../result.js';
import type { ExtractedModule, ExtractionFailure } from '../sanitize/module-expectation.js';
import type { ModuleReport } from '../verify/verify-module.js';
import type { Draft } from './draft.js';

/** Which draft a step works on: round 0 holds the first drafts (`candidate` 1…N), rounds 1… repairs. */
export interface DraftPosition {
  round: number;
  candidate: number;
}

/** A reply that cannot become a draft. */
export type ReplyFailure =
  | { kind: 'cancelled' }
  /** Cut by the output limit, aborted mid-stream, filtered…: never verified, never delivered. */
  | { kind: 'incomplete'; finishReason: FinishReason; requests: number; /** The reply limit asked for, when cut by it. */ maxOutputTokens?: number }
  /**
   * A spend budget refused the next request: the run stops (`detail` says which, what was spent, what to
   * change). `finishReason` ('other') and `requests` keep code written before budgets compiling.
   */
  | { kind: 'budget'; budget: BudgetName; detail: string; finishReason: FinishReason; requests: number };

/** The loop's steps; each can be replaced (tests, other verifiers, other models). */
export interface LoopSteps {
  /** Sends a prompt and returns the complete reply, or why there is none. Throws only for fatal provider errors. */
  reply(prompt: ModelPrompt, at: DraftPosition): Promise<Result<CompletionResult, ReplyFailure>>;
  extract(reply: string): Promise<Result<ExtractedModule, ExtractionFailure>>;
  verify(code: string): Promise<ModuleReport>;
  /**
   * The prompt that asks to repair `draft`, or why it cannot be sent (too large for the model).
   * `rejected`: the previous round's draft, when it was worse than `draft` and so is not repaired.
   */
  repairPrompt(draft: Draft, rejected?: Draft): Result<ModelPrompt, string>;
}

/** Bounds of the loop. */
export interface LoopLimits {
  /** Repair rounds after the first drafts. */
  maxRounds: number;
  /** First drafts drawn; repair starts from the best verified one. */
  candidates: number;
}

/** Why the loop stopped. */
export type StopReason =
  | 'passed'
  | 'max-rounds'
  | 'no-progress'
  | 'incomplete-reply'
  | 'no-code'
  | 'prompt-too-large'
  | 'cancelled'
  /** A spend budget (requests, tokens, cost) was used up. */
  | 'budget';

/** Something that happened in the loop, for progress displays and the run record. */
export type LoopEvent =
  | { type: 'attempt'; at: DraftPosition; kind: 'draft' | 'repair'; prompt: ModelPrompt }
  | { type: 'extraction-failed'; at: DraftPosition; reason: string }
  | { type: 'verifying'; at: DraftPosition }
  | { type: 'draft'; draft: Draft }
  | { type: 'no-draft'; at: DraftPosition; stop: StopReason; detail: string };

/** What the loop produced. */
export interface LoopOutcome {
  /** The best draft by score (it passed when `stopReason` is 'passed'). */
  best: Draft | null;
  drafts: Draft[];
  stopReason: StopReason;
  /** One sentence for people: why the loop stopped. */
  detail: string;
  /** Repair rounds run (not counting the first drafts). */
  repairRounds: number;
  /** The budget that stopped the loop, when `stopReason` is 'budget'. */
  stoppedBy?: BudgetName;
}
