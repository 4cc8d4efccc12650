import type { TokenUsage } from '../model/language-model.js';

/** The budgets a run can be stopped by (the names of their flags, as the run record keeps them). */
export type BudgetName = 'max-requests' | 'max-tokens' | 'max-cost' | 'max-requests-per-draft';

/** Spend limits of one run. */
export interface BudgetLimits {
  /** HTTP requests to the model in the whole run, retries and continuations included. */
  maxRequests: number;
  /** Input plus output tokens in the whole run; null: no limit beyond the request budget. */
  maxTokens: number | null;
  /** Estimated cost in US dollars (where the model's price is known); null: no limit. */
  maxCostUsd: number | null;
  /** HTTP requests for one draft, retries and continuations included. */
  maxRequestsPerDraft: number;
}

/** Requests one draft may take: the first, a continuation, and retries. */
export const DEFAULT_REQUESTS_PER_DRAFT = 4;

/** What a run has spent so far, failed attempts included. */
export interface Spending {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** Estimated cost; null when the model's price is unknown. */
  costUsd: number | null;
  /** Some token counts were estimated from text length (the provider reported none). */
  tokensEstimated: boolean;
  /** The model costs nothing (a local model): the cost reads as none, not as $0.0000. */
  free?: boolean;
}

/** The requests of one draft, counted against the per-draft limit. */
export interface DraftSpend {
  requests: number;
}

/** A request the budget allows: how many attempts, and which limit set that number. */
export interface Allowance {
  attempts: number;
  binding: BudgetName;
}

/** Thrown (and caught by the reply step) when a budget refuses a request: the run stops, exit 1. */
export class BudgetExhaustedError extends Error {
  readonly budget: BudgetName;
  readonly spent: Spending;

  constructor(message: string, budget: BudgetName, spent: Spending) {
    super(message);
    this.name = 'BudgetExhaustedError';
    this.budget = budget;
    this.spent = spent;
  }
}

/** Default budgets: at most `DEFAULT_REQUESTS_PER_DRAFT` requests for each draft the loop may draw. */
export function defaultBudgetLimits(drafts: { maxRounds: number; candidates: number }): BudgetLimits {
  return {
    maxRequests: DEFAULT_REQUESTS_PER_DRAFT * (drafts.candidates + drafts.maxRounds),
    maxTokens: null,
    maxCostUsd: null,
    maxRequestsPerDraft: DEFAULT_REQUESTS_PER_DRAFT,
  };
}

function formatTokens(count: number): string {
  return count.toLocaleString('en-US');
}

/** `12 requests, 98,000 tokens in / 20,000 out, ~$0.3560`: what was spent, in one phrase. */
export function describeSpending(spent: Spending): string {
  const cost = spent.free ? 'no cost (local model)' : spent.costUsd === null ? 'cost unknown' : `~$${spent.costUsd.toFixed(4)}`;
  const tokens = `${spent.tokensEstimated ? '~' : ''}${formatTokens(spent.inputTokens)} tokens in / ${formatTokens(spent.outputTokens)} out`;
  return `${spent.requests} request${spent.requests === 1 ? '' : 's'}, ${tokens}, ${cost}`;
}

/** The one-line message of a budget stop: which budget, what was spent, what to change. */
export function budgetStopMessage(budget: BudgetName, limits: BudgetLimits, spent: Spending, why = ''): string {
  const used = `spent ${describeSpending(spent)}`;
  const because = why ? ` (${why})` : '';
  switch (budget) {
    case 'max-requests':
      return `Stopped by the request budget (--max-requests ${limits.maxRequests})${because}: ${used}; raise --max-requests, or lower --max-rounds or --candidates.`;
    case 'max-tokens':
      return `Stopped by the token budget (--max-tokens ${formatTokens(limits.maxTokens ?? 0)}, input and output together)${because}: ${used}; raise --max-tokens, or lower --max-rounds or --candidates.`;
    case 'max-cost':
      return `Stopped by the cost budget (--max-cost ${limits.maxCostUsd ?? 0} USD, list-price estimate)${because}: ${used}; raise --max-cost, lower --max-rounds, or choose a cheaper model.`;
    case 'max-requests-per-draft':
      return `Stopped by the per-draft request limit (${limits.maxRequestsPerDraft} requests per draft, continuations and retries included)${because}: ${used}; check the provider, or raise budget.maxRequestsPerDraft in the configuration.`;
  }
}

/** Prices a token count in US dollars, or null when the model's price is unknown. */
export type PriceFunction = (usage: TokenUsage) => number | null;

/** Keeps a run's spending and refuses requests past its limits. */
export interface SpendBudget {
  readonly limits: BudgetLimits;
  spent(): Spending;
  /** The budget that stopped the run, once one has. */
  stoppedBy(): BudgetName | null;
  startDraft(): DraftSpend;
  /**
   * Checks a request of about `estimatedInputTokens` before it is sent: the attempts it may make, or a
   * BudgetExhaustedError when a budget is used up (or the request alone would pass the token or cost
   * budget). The cost budget counts the reply too, at `maxOutputTokens` (its most) when given.
   */
  allow(draft: DraftSpend, estimatedInputTokens: number, maxOutputTokens?: number): Allowance;
  /** Counts a finished request (or the failed attempts of one): attempts, tokens (estimated when unreported), cost. */
  charge(draft: DraftSpend, attempts: number, usage: TokenUsage, estimate: { inputTokens: number; outputTokens: number }): void;
  /** The error for a stop by `budget`, recorded as the run's stop. */
  exhausted(budget: BudgetName, why?: string): BudgetExhaustedError;
}

/** What the last request charged cost, in US dollars: what it sent and what it got back. */
interface RequestCost {
  input: number;
  output: number;
}

function dollars(amount: number): string {
  return `$${amount.toFixed(4)}`;
}

/**
 * Why the cost budget refuses the next request, naming the part that passes it, or null when it
 * fits: what was spent already (the real usage of the replies so far), then the next request's
 * input, then its input with its reply at `maxOutputTokens`, the most it can cost.
 */
function costOverrun(limit: number, spentUsd: number, price: PriceFunction, inputTokens: number, maxOutputTokens: number | undefined, last: RequestCost | null): string | null {
  if (spentUsd > limit) {
    const split = last ? `: the last request cost ${dollars(last.input)} to send and ${dollars(last.output)} for its reply` : '';
    return `the real usage of the replies so far passed it${split}`;
  }
  const left = limit - spentUsd;
  const input = price({ inputTokens, outputTokens: 0 });
  if (input === null) return null;
  if (input > left) return `sending the next request would cost about ${dollars(input)}, more than the ${dollars(left)} left`;
  const output = maxOutputTokens ? price({ inputTokens: 0, outputTokens: maxOutputTokens }) : 0;
  if (output === null || input + output <= left) return null;
  return `the next request costs about ${dollars(input)} to send, and its reply up to ${dollars(output)} (at most ${formatTokens(maxOutputTokens!)} tokens): ${dollars(input + output)}, more than the ${dollars(left)} left; lower --max-output-tokens to send it`;
}

/** Creates a run's budget; `price` turns token counts into dollars (null when unknown). */
export function createSpendBudget(limits: BudgetLimits, price: PriceFunction): SpendBudget {
  const spent: Spending = { requests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, tokensEstimated: false };
  if (price({ inputTokens: 1_000_000, outputTokens: 1_000_000 }) === 0) spent.free = true;
  let stopped: BudgetName | null = null;
  let lastCost: RequestCost | null = null;
  const exhausted = (budget: BudgetName, why = ''): BudgetExhaustedError => {
    stopped ??= budget;
    return new BudgetExhaustedError(budgetStopMessage(budget, limits, { ...spent }, why), budget, { ...spent });
  };
  return {
    limits,
    spent: () => ({ ...spent }),
    stoppedBy: () => stopped,
    startDraft: () => ({ requests: 0 }),
    allow(draft, estimatedInputTokens, maxOutputTokens) {
      const runLeft = limits.maxRequests - spent.requests;
      const draftLeft = limits.maxRequestsPerDraft - draft.requests;
      if (runLeft <= 0) throw exhausted('max-requests');
      if (draftLeft <= 0) throw exhausted('max-requests-per-draft');
      if (limits.maxTokens !== null && spent.inputTokens + spent.outputTokens + estimatedInputTokens > limits.maxTokens) {
        throw exhausted('max-tokens', `the next request needs about ${formatTokens(estimatedInputTokens)} input tokens`);
      }
      const overCost = limits.maxCostUsd !== null && spent.costUsd !== null ? costOverrun(limits.maxCostUsd, spent.costUsd, price, estimatedInputTokens, maxOutputTokens, lastCost) : null;
      if (overCost) throw exhausted('max-cost', overCost);
      return runLeft <= draftLeft ? { attempts: runLeft, binding: 'max-requests' } : { attempts: draftLeft, binding: 'max-requests-per-draft' };
    },
    charge(draft, attempts, usage, estimate) {
      draft.requests += attempts;
      spent.requests += attempts;
      if (usage.inputTokens === null || usage.outputTokens === null) spent.tokensEstimated = true;
      const counted = { inputTokens: usage.inputTokens ?? estimate.inputTokens, outputTokens: usage.outputTokens ?? estimate.outputTokens };
      spent.inputTokens += counted.inputTokens;
      spent.outputTokens += counted.outputTokens;
      const cost = price(counted);
      const inputCost = price({ inputTokens: counted.inputTokens, outputTokens: 0 });
      lastCost = cost === null || inputCost === null ? null : { input: inputCost, output: cost - inputCost };
      spent.costUsd = spent.costUsd === null || cost === null ? null : Math.round((spent.costUsd + cost) * 1_000_000) / 1_000_000;
    },
    exhausted,
  };
}
