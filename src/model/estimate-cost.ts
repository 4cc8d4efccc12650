import type { TokenUsage } from './language-model.js';
import { lookupModelInfo, PRICES_AS_OF } from './model-catalog.js';

/** A cost estimate in US dollars from list prices; `estimate` is always true, to keep it honest. */
export interface CostEstimate {
  usd: number;
  estimate: true;
  /** When the prices were taken. */
  pricesAsOf: string;
  /** `local` when the model runs on the user's machine (no charge). */
  basis: 'list-price' | 'local';
}

/** Whether `provider:modelId` runs on the user's machine at no charge (Ollama): its cost is shown as none, not as $0.0000. */
export function isFreeModel(provider: string, modelId: string): boolean {
  return estimateCost(provider, modelId, { inputTokens: 1, outputTokens: 1 })?.basis === 'local';
}

/** How a run's cost reads: `no cost (local model)`, `~$0.0123 (estimate)` or `cost unknown`. */
export function describeCost(costUsd: number | null, free: boolean): string {
  if (free) return 'no cost (local model)';
  return costUsd === null ? 'cost unknown' : `~$${costUsd.toFixed(4)} (estimate)`;
}

/**
 * Estimates the cost of `usage` on `provider:modelId`, or null when the price is unknown or the
 * provider reported no token counts. Ollama is local: 0.
 */
export function estimateCost(provider: string, modelId: string, usage: TokenUsage): CostEstimate | null {
  if (provider === 'ollama') return { usd: 0, estimate: true, pricesAsOf: PRICES_AS_OF, basis: 'local' };
  const info = lookupModelInfo(provider, modelId);
  if (!info || usage.inputTokens === null || usage.outputTokens === null) return null;
  const usd = (usage.inputTokens * info.inputPerMillion + usage.outputTokens * info.outputPerMillion) / 1_000_000;
  return { usd: Math.round(usd * 1_000_000) / 1_000_000, estimate: true, pricesAsOf: PRICES_AS_OF, basis: 'list-price' };
}
