import type { CompletionRequest, CompletionResult, FinishReason, LanguageModel, TokenUsage } from './language-model.js';

/** One scripted reply: plain text (a complete reply), or the full result fields to return. */
export type ScriptedReply =
  | string
  | {
      text: string;
      finishReason?: FinishReason;
      usage?: Partial<TokenUsage>;
      /** Thrown instead of replying (e.g. a ProviderError), to test fatal paths. */
      error?: Error;
    };

/** Settings of a scripted model. */
export interface ScriptedModelSettings {
  modelId?: string;
  contextWindow?: number | null;
  /**
   * What to do once the list is used up: `'repeat-last'` replays the last reply (a model that never
   * fixes anything), `'throw'` (the default) fails the test loudly.
   */
  whenExhausted?: 'repeat-last' | 'throw';
  /** Split each reply into this many `onText` deltas (default 4), to exercise streaming consumers. */
  deltas?: number;
}

/** A LanguageModel that replays a list of replies and records every request it received. */
export interface ScriptedModel extends LanguageModel {
  /** Requests received, in order (copies: later mutation by the caller does not change them). */
  readonly requests: CompletionRequest[];
  /** Replies not yet used. */
  remaining(): number;
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function copyRequest(request: CompletionRequest): CompletionRequest {
  return { ...request, messages: request.messages.map((message) => ({ ...message })) };
}

function splitDeltas(text: string, count: number): string[] {
  if (text.length === 0) return [];
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, count)));
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

/** Creates a scripted model for loop tests: each `complete` call takes the next reply of `replies`. */
export function createScriptedModel(replies: readonly ScriptedReply[], settings: ScriptedModelSettings = {}): ScriptedModel {
  const requests: CompletionRequest[] = [];
  let next = 0;
  return {
    provider: 'scripted',
    modelId: settings.modelId ?? 'scripted',
    contextWindow: settings.contextWindow === undefined ? 128_000 : settings.contextWindow,
    requests,
    remaining: () => Math.max(0, replies.length - next),
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      const started = performance.now();
      requests.push(copyRequest(request));
      let reply = replies[next];
      if (reply === undefined) {
        if (settings.whenExhausted !== 'repeat-last' || replies.length === 0) {
          throw new Error(`scripted model: no reply left for request ${requests.length} (${replies.length} scripted)`);
        }
        reply = replies[replies.length - 1]!;
      } else {
        next++;
      }
      const scripted = typeof reply === 'string' ? { text: reply } : reply;
      if (scripted.error) throw scripted.error;
      if (request.signal?.aborted) {
        return { text: '', finishReason: 'aborted', usage: { inputTokens: null, outputTokens: null }, durationMs: 0, attempts: 1 };
      }
      for (const delta of splitDeltas(scripted.text, settings.deltas ?? 4)) request.onText?.(delta);
      const prompt = request.system + request.messages.map((message) => message.content).join('');
      return {
        text: scripted.text,
        finishReason: scripted.finishReason ?? 'stop',
        usage: {
          inputTokens: scripted.usage?.inputTokens ?? estimateTokens(prompt),
          outputTokens: scripted.usage?.outputTokens ?? estimateTokens(scripted.text),
        },
        durationMs: performance.now() - started,
        attempts: 1,
      };
    },
  };
}
