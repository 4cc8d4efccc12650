import { BacksmithError } from '../errors.js';
import type { LanguageModel } from '../model/language-model.js';
import { failure, success, type Result } from '../result.js';
import type { ModelPrompt } from './model-prompt.js';

/** Reply room asked for when neither the caller nor the model says: an ~800-line module is ~9,000 tokens. */
export const DEFAULT_REPLY_TOKENS = 16_384;

/** Tokens to keep free for the reply: the requested figure, else the model's maximum, capped at half the window. */
export function replyTokenBudget(model: Pick<LanguageModel, 'contextWindow'> & { maxOutputTokens?: number | null }, requested?: number): number {
  const wanted = requested ?? model.maxOutputTokens ?? DEFAULT_REPLY_TOKENS;
  return model.contextWindow ? Math.min(wanted, Math.floor(model.contextWindow / 2)) : wanted;
}

function thousands(count: number): string {
  return count.toLocaleString('en-US');
}

/** Whether a prompt leaves `replyTokens` free in the model's context window; an explanation when not. */
export function checkPromptFits(prompt: ModelPrompt, model: Pick<LanguageModel, 'provider' | 'modelId' | 'contextWindow'>, replyTokens: number): Result<void, string> {
  if (!model.contextWindow) return success(undefined);
  const available = model.contextWindow - replyTokens;
  if (prompt.estimatedTokens <= available) return success(undefined);
  const largest = [...prompt.sections].sort((a, b) => b.tokens - a.tokens).slice(0, 4);
  return failure(
    `the prompt needs about ${thousands(prompt.estimatedTokens)} tokens (${largest.map((section) => `${section.name} ${thousands(section.tokens)}`).join(', ')}), ` +
      `but ${model.provider}:${model.modelId} has a ${thousands(model.contextWindow)}-token context window and ${thousands(replyTokens)} are kept for the reply`,
  );
}

/** Throws a `BacksmithError` (exit 2) saying what to change when the first prompt cannot fit. */
export function assertPromptFits(prompt: ModelPrompt, model: Pick<LanguageModel, 'provider' | 'modelId' | 'contextWindow'>, replyTokens: number): void {
  const fits = checkPromptFits(prompt, model, replyTokens);
  if (fits.ok) return;
  throw new BacksmithError(
    `The input does not fit the model: ${fits.error}. Use a model with a larger context window, shorten the design or the ` +
      'stories, or pick a shorter agent prompt with --agent.',
  );
}
