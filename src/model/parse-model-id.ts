import { InvalidModelIdError } from './model-configuration-error.js';

/** A model id split into provider and the provider's own model name. */
export interface ModelIdParts {
  provider: string;
  modelId: string;
}

function guessProvider(name: string): string | undefined {
  if (/^(gpt-|o\d|chatgpt)/i.test(name)) return 'openai';
  if (/^claude/i.test(name)) return 'anthropic';
  return undefined;
}

/**
 * Splits `provider:model` at the first colon (Ollama tags keep theirs: `ollama:qwen2.5-coder:7b`).
 * An id without a provider is refused with the id it probably meant.
 */
export function parseModelId(id: string): ModelIdParts {
  const trimmed = id.trim();
  const colon = trimmed.indexOf(':');
  const provider = colon > 0 ? trimmed.slice(0, colon).toLowerCase() : '';
  const modelId = colon > 0 ? trimmed.slice(colon + 1).trim() : '';
  if (provider && modelId) return { provider, modelId };
  const guess = guessProvider(trimmed);
  const suggestion = guess ? ` Did you mean --model ${guess}:${trimmed}?` : ' For example: openai:gpt-4.1, anthropic:claude-sonnet-4-20250514, ollama:qwen2.5-coder:7b.';
  throw new InvalidModelIdError(`Model id "${trimmed}" must be PROVIDER:MODEL.${suggestion}`);
}
