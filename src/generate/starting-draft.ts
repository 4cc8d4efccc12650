import path from 'node:path';
import type { CompletionResult } from '../model/language-model.js';
import type { LoopSteps } from '../repair/loop-types.js';
import { success } from '../result.js';
import type { ConcurrentDrafts } from './concurrent-drafts.js';
import type { ProgressEvent } from './progress-events.js';

/**
 * The reply step of a run `--from-draft`: the first draft is the given file, as if the model had
 * sent it (no request, nothing spent or recorded as a call); it is then verified and extracted as
 * any reply is, and repairs go to the model.
 */
export function startingDraft(draft: { path: string; text: string }, reply: LoopSteps['reply'], emit: (event: ProgressEvent) => void): ConcurrentDrafts {
  const given: CompletionResult = { text: draft.text, finishReason: 'stop', usage: { inputTokens: 0, outputTokens: 0 }, durationMs: 0, attempts: 0 };
  return {
    async reply(prompt, at) {
      if (at.round !== 0) return reply(prompt, at);
      emit({ type: 'note', message: `first draft: ${path.relative(process.cwd(), draft.path) || draft.path} (--from-draft; no model call)` });
      return success(given);
    },
    settle: async () => undefined,
  };
}
