/**
 * Characters per token used for estimates. Tokenisers give ~4 for English prose and ~3.5 for
 * Python; the lower figure errs toward refusing a prompt that would not fit rather than sending it.
 */
export const CHARACTERS_PER_TOKEN = 3.5;

/** Tokens a chat message costs beyond its text (role markers, separators). */
export const MESSAGE_OVERHEAD_TOKENS = 4;

/** Estimates the tokens of a text without a tokenizer (providers differ; this is deliberately conservative). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARACTERS_PER_TOKEN);
}
