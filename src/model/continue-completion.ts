import type { CompletionRequest, CompletionResult, LanguageModel } from './language-model.js';

/** The request sent after a reply was cut by the output limit. */
export const CONTINUE_PROMPT =
  'Your previous reply was cut off by the output limit. Continue exactly where it stopped: output only ' +
  'the rest, starting with the very next character. Do not repeat anything, add no preamble and do not open a new code fence.';

const FENCE_LINE = /^\s*(```|~~~)/;

function hasOpenFence(text: string): boolean {
  return text.split('\n').filter((line) => FENCE_LINE.test(line)).length % 2 === 1;
}

/**
 * Joins a continuation to the text it continues: drops a code fence the model reopened and the part
 * it repeated (the longest suffix of `previous` the continuation starts with, at least 8 characters,
 * or the cut-off last line when the continuation restarts it).
 */
export function stitchContinuation(previous: string, continuation: string): string {
  let next = continuation;
  const reopened = hasOpenFence(previous) ? /^\s*(```|~~~)([\w+-]*)[^\S\n]*\n/.exec(next) : null;
  // "```python" reopens; a bare "```" reopens only if another fence closes later, else it is the close.
  if (reopened && (reopened[2] || hasOpenFence(next.slice(reopened[0].length)))) next = next.slice(reopened[0].length);
  const limit = Math.min(previous.length, next.length, 4000);
  for (let length = limit; length >= 8; length--) {
    if (previous.endsWith(next.slice(0, length))) return previous + next.slice(length);
  }
  const lastBreak = previous.lastIndexOf('\n');
  const partialLine = previous.slice(lastBreak + 1);
  if (partialLine.trim().length > 0 && next.startsWith(partialLine.trimEnd())) return previous.slice(0, lastBreak + 1) + next;
  return previous + next;
}

/** Options of `completeWithContinuation`. */
export interface ContinuationOptions {
  /** Continuation requests allowed after the first reply (default 2). */
  maxContinuations?: number;
}

/**
 * Completes `request`, and while the reply stops at the output limit ('length'), asks the model to
 * continue and stitches the parts. The result's finishReason is that of the last part: still 'length'
 * when the limit was hit every time (never save it), 'aborted' when cancelled. Usage, durations and
 * attempts are summed; `continuations` counts the extra requests.
 */
export async function completeWithContinuation(model: LanguageModel, request: CompletionRequest, options: ContinuationOptions = {}): Promise<CompletionResult> {
  const maxContinuations = options.maxContinuations ?? 2;
  let result = await model.complete(request);
  let continuations = 0;
  while (result.finishReason === 'length' && continuations < maxContinuations && !request.signal?.aborted) {
    continuations++;
    const next = await model.complete({
      ...request,
      messages: [...request.messages, { role: 'assistant', content: result.text }, { role: 'user', content: CONTINUE_PROMPT }],
    });
    const add = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);
    result = {
      ...next,
      text: stitchContinuation(result.text, next.text),
      usage: { inputTokens: add(result.usage.inputTokens, next.usage.inputTokens), outputTokens: add(result.usage.outputTokens, next.usage.outputTokens) },
      durationMs: result.durationMs + next.durationMs,
      attempts: result.attempts + next.attempts,
    };
  }
  return { ...result, continuations };
}
