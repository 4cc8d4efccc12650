import type { BacksmithConfig } from '../config/config-schema.js';
import type { AgentDefinition } from '../inputs/agents/agent-definition.js';
import type { LanguageModel } from '../model/language-model.js';
import type { BudgetName, Spending } from '../budget/spend-budget.js';
import type { LoopSteps, StopReason } from '../repair/loop-types.js';
import type { Finding } from '../verify/finding.js';
import type { ProgressEvent } from './progress-events.js';
import type { GeneratedTestsSummary } from '../acceptance/tests-for-generate.js';

/** What `generateModule` needs: the two documents and a model; everything else has a default. */
export interface GenerateModuleOptions {
  /** The Engineering Lead's technical design (markdown file). */
  design: string;
  /** The Product Manager's user stories (markdown file); give these, `requirements`, or both. */
  stories?: string;
  /** Free-form requirements (plain text or markdown, no story structure), in place of or beside the stories. */
  requirements?: string;
  /** A LanguageModel, or a model id (`openai:gpt-4.1`); default: `model` from the configuration. */
  model?: LanguageModel | string;
  /** Base URL for an OpenAI-compatible server (with a model id). */
  baseUrl?: string;
  /** The project the module is delivered into (default: the current directory). */
  projectDir?: string;
  /** Where the module goes (default: `outDir` from the configuration, else `src/copilot_genereated/engineering`). */
  outDir?: string;
  /** Override the design's feature and module names: the file is `[feature]_[module].py`. */
  feature?: string;
  module?: string;
  /** Acceptance test files run against each draft in the sandbox. */
  tests?: string[];
  /** Without `tests`, do not write acceptance tests first (the default writes and checks them). */
  noTests?: boolean;
  /** An agent, an `.agent.md` path or an agent name (default: the built-in agent). */
  agent?: AgentDefinition | string;
  /** Repair rounds after the first drafts (default 3). */
  maxRounds?: number;
  /** First drafts drawn; repair starts from the best (default 1). */
  candidates?: number;
  /**
   * A module to start from instead of asking the model for a first draft (a run's
   * `best-draft.FAILING.py`, or an existing module to bring up to a changed design): it is verified
   * as the first draft, without a model call, then repaired. Not with `candidates` above 1.
   */
  fromDraft?: string;
  /** First drafts requested at once (default min(candidates, 2)); results keep the sequential order. */
  jobs?: number;
  config?: BacksmithConfig;
  /** Python interpreter for the verifier; null forces the tree-sitter syntax fallback. */
  python?: string | null;
  /** Skip the sandboxed run of each draft. */
  noRun?: boolean;
  /** pyright on every draft: true always, false never (`--no-types`); default: when `typesMaxFiles` in the configuration is at least 1. */
  types?: boolean;
  /** How `types: false` was asked for, in the caller's words, for the skipped checks' reason (default `--no-types given`). */
  typesOffReason?: string;
  /** Tokens asked for the reply (default: the model's maximum, capped; see `replyTokenBudget`). */
  maxOutputTokens?: number;
  /** Spend budgets of the run (default: `budget` from the configuration, else 4 requests per draft; no token or cost limit). */
  maxRequests?: number;
  /** Input plus output tokens. */
  maxTokens?: number;
  /** Estimated US dollars, where the model's price is known. */
  maxCost?: number;
  /** Sampling temperature, 0 to 2 (default: `temperature` from the configuration, else the provider's). */
  temperature?: number;
  /** Cancels the run (Ctrl-C): nothing is delivered and the run is recorded as cancelled. */
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /** Secrets to keep out of records (default: secret-looking environment variables). */
  secrets?: string[];
  /**
   * Checked for every path the run will write (the deliverable, the generated tests, the run
   * records folder) before any model call; throws to refuse. The MCP server confines them to the
   * client's roots, so a link there cannot lead a write, a backup or a record outside.
   */
  confineWrites?: (file: string, label: string) => Promise<unknown>;
  /** Replace loop steps (tests, benchmarks, other verifiers). */
  steps?: Partial<LoopSteps>;
}

/** How a generation ended. */
export type GenerateOutcome = 'delivered' | 'failed' | 'cancelled';

/** Summary of one verified draft. */
export interface DraftSummary {
  round: number;
  candidate: number;
  passed: boolean;
  errors: number;
  warnings: number;
}

/** What `generateModule` returns (fatal problems are thrown as BacksmithError instead). */
export interface GenerateResult {
  outcome: GenerateOutcome;
  /** One sentence: why it ended so. */
  reason: string;
  stopReason: StopReason;
  /** The deliverable's file name and where it goes (or went). */
  deliverable: { fileName: string; path: string; nameSource: string };
  /** What could not be checked and why (e.g. no story messages without --stories). */
  notChecked?: string[];
  /** Set when delivered: the previous file's backup, if there was one. */
  backupPath: string | null;
  /** The best draft when not delivered, saved beside the run record and marked FAILING. */
  failingDraftPath: string | null;
  drafts: DraftSummary[];
  /** Error findings of the best draft (empty when delivered). */
  remainingErrors: Finding[];
  model: { provider: string; modelId: string };
  agent: string;
  runId: string;
  runDir: string;
  /** The report page of the chosen draft (`report.html` in the run folder), when it was written. */
  reportPage?: string;
  usage: { inputTokens: number | null; outputTokens: number | null; costUsd: number | null };
  /** What the run spent by the budget's count: every request, failed attempts included. */
  spent?: Spending;
  /** The budget that stopped the run (stopReason 'budget'). */
  stoppedBy?: BudgetName;
  durationMs: number;
  /** The acceptance tests generate wrote itself (no `tests` given): status, suspect tests, draft ranking. */
  acceptanceTests?: GeneratedTestsSummary;
}
