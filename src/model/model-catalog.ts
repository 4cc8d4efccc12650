/** Known facts about one model. Prices are estimates: list prices in USD per million tokens. */
export interface ModelInfo {
  contextWindow: number;
  maxOutputTokens: number;
  inputPerMillion: number;
  outputPerMillion: number;
}

/** When the list prices below were copied from the providers' pricing pages; they change. */
export const PRICES_AS_OF = '2025-08';

const OPENAI: Record<string, ModelInfo> = {
  'gpt-5': { contextWindow: 400_000, maxOutputTokens: 128_000, inputPerMillion: 1.25, outputPerMillion: 10 },
  'gpt-5-mini': { contextWindow: 400_000, maxOutputTokens: 128_000, inputPerMillion: 0.25, outputPerMillion: 2 },
  'gpt-5-nano': { contextWindow: 400_000, maxOutputTokens: 128_000, inputPerMillion: 0.05, outputPerMillion: 0.4 },
  'gpt-4.1': { contextWindow: 1_047_576, maxOutputTokens: 32_768, inputPerMillion: 2, outputPerMillion: 8 },
  'gpt-4.1-mini': { contextWindow: 1_047_576, maxOutputTokens: 32_768, inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'gpt-4.1-nano': { contextWindow: 1_047_576, maxOutputTokens: 32_768, inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'gpt-4o': { contextWindow: 128_000, maxOutputTokens: 16_384, inputPerMillion: 2.5, outputPerMillion: 10 },
  'gpt-4o-mini': { contextWindow: 128_000, maxOutputTokens: 16_384, inputPerMillion: 0.15, outputPerMillion: 0.6 },
  o3: { contextWindow: 200_000, maxOutputTokens: 100_000, inputPerMillion: 2, outputPerMillion: 8 },
  'o4-mini': { contextWindow: 200_000, maxOutputTokens: 100_000, inputPerMillion: 1.1, outputPerMillion: 4.4 },
};

const ANTHROPIC: Record<string, ModelInfo> = {
  'claude-opus-4-1': { contextWindow: 200_000, maxOutputTokens: 32_000, inputPerMillion: 15, outputPerMillion: 75 },
  'claude-opus-4': { contextWindow: 200_000, maxOutputTokens: 32_000, inputPerMillion: 15, outputPerMillion: 75 },
  'claude-sonnet-4-5': { contextWindow: 200_000, maxOutputTokens: 64_000, inputPerMillion: 3, outputPerMillion: 15 },
  'claude-sonnet-4': { contextWindow: 200_000, maxOutputTokens: 64_000, inputPerMillion: 3, outputPerMillion: 15 },
  'claude-3-7-sonnet': { contextWindow: 200_000, maxOutputTokens: 64_000, inputPerMillion: 3, outputPerMillion: 15 },
  'claude-haiku-4-5': { contextWindow: 200_000, maxOutputTokens: 64_000, inputPerMillion: 1, outputPerMillion: 5 },
  'claude-3-5-haiku': { contextWindow: 200_000, maxOutputTokens: 8_192, inputPerMillion: 0.8, outputPerMillion: 4 },
};

const CATALOG: Record<string, Record<string, ModelInfo>> = { openai: OPENAI, anthropic: ANTHROPIC };

/** Names a model id may be listed under: itself, without a date snapshot, `-latest` or a `-0` alias. */
function candidates(modelId: string): string[] {
  const id = modelId.toLowerCase();
  return [id, id.replace(/-(\d{4}-\d{2}-\d{2}|\d{8})$/, ''), id.replace(/-latest$/, ''), id.replace(/-0$/, '')];
}

/**
 * Context window, output limit and list price of a known hosted model, or undefined. Local and
 * self-hosted models are unknown: their context depends on how the server was started.
 */
export function lookupModelInfo(provider: string, modelId: string): ModelInfo | undefined {
  const table = CATALOG[provider];
  if (!table) return undefined;
  for (const name of candidates(modelId)) {
    const info = table[name];
    if (info) return info;
  }
  return undefined;
}
