import type { BacksmithConfig } from '../config/config-schema.js';
import { BacksmithError } from '../errors.js';
import { defaultBudgetLimits, type BudgetLimits } from './spend-budget.js';

/** Budgets a caller asked for (flags or library options); unset ones come from the configuration, then the defaults. */
export interface BudgetRequest {
  maxRequests?: number;
  maxTokens?: number;
  maxCost?: number;
}

/** Most requests a run may be allowed, whatever is asked: a mistyped flag must not run up a bill. */
const MAX_REQUESTS_LIMIT = 1000;

function check(value: number | undefined, flag: string, valid: (value: number) => boolean, expected: string): number | undefined {
  if (value === undefined) return undefined;
  if (!valid(value)) throw new BacksmithError(`${flag} must be ${expected} (got ${value}).`);
  return value;
}

/**
 * The spend limits of a run: flags over the configuration's `budget` over the defaults (4 requests per
 * draft for every draft the loop may draw). Bad values are a BacksmithError (exit 2) naming the flag.
 */
export function resolveBudgetLimits(request: BudgetRequest, config: BacksmithConfig['budget'], drafts: { maxRounds: number; candidates: number }): BudgetLimits {
  const defaults = defaultBudgetLimits(drafts);
  const wholeNumber = (maximum: number) => (value: number) => Number.isInteger(value) && value >= 1 && value <= maximum;
  const maxRequests = check(request.maxRequests, '--max-requests', wholeNumber(MAX_REQUESTS_LIMIT), `a whole number from 1 to ${MAX_REQUESTS_LIMIT}`);
  const maxTokens = check(request.maxTokens, '--max-tokens', wholeNumber(Number.MAX_SAFE_INTEGER), 'a whole number of tokens ≥ 1');
  const maxCost = check(request.maxCost, '--max-cost', (value) => Number.isFinite(value) && value > 0, 'an amount in US dollars above 0, e.g. 0.50');
  return {
    maxRequests: maxRequests ?? config?.maxRequests ?? defaults.maxRequests,
    maxTokens: maxTokens ?? config?.maxTokens ?? defaults.maxTokens,
    maxCostUsd: maxCost ?? config?.maxCost ?? defaults.maxCostUsd,
    maxRequestsPerDraft: config?.maxRequestsPerDraft ?? defaults.maxRequestsPerDraft,
  };
}

/** A sampling temperature from 0 to 2, or a BacksmithError (exit 2) naming the flag. */
export function checkTemperature(value: number | undefined): number | undefined {
  return check(value, '--temperature', (number) => Number.isFinite(number) && number >= 0 && number <= 2, 'a number from 0 to 2');
}
