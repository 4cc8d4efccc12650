/** One message of a chat conversation. */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** A request for one completion. */
export interface CompletionRequest {
  /** The system prompt (the agent definition). */
  system: string;
  messages: ChatMessage[];
  maxOutputTokens?: number;
  temperature?: number;
  /** Cancels the request (Ctrl-C); the result then has finishReason 'aborted'. */
  signal?: AbortSignal;
  /**
   * Most HTTP attempts for this request, retries included (a spend budget's allowance); the model's own
   * retry policy may allow fewer. Models that make one attempt per call may ignore it.
   */
  maxAttempts?: number;
  /** Called with each piece of streamed text as it arrives. */
  onText?: (delta: string) => void;
  /**
   * Called before a retry. When `discardedText` is true, text already passed to `onText` is void: the
   * reply restarts from its beginning (a progress line should reset its counters).
   */
  onRetry?: (event: RetryEvent) => void;
}

/** A retry about to happen, after a failed attempt (secret-free: safe to log and record). */
export interface RetryEvent {
  /** The attempt that failed (1 = the first). */
  attempt: number;
  /** Wait before the next attempt (Retry-After or backoff). */
  delayMs: number;
  /** Why the attempt failed. */
  reason: string;
  statusCode: number | null;
  /** Part of the reply had been streamed and is now discarded. */
  discardedText: boolean;
  /** Attempts allowed in all, the first included: this is retry `attempt` of `maxAttempts - 1`. */
  maxAttempts?: number;
}

/** Why the model stopped: only 'stop' means the reply is complete. */
export type FinishReason = 'stop' | 'length' | 'aborted' | 'content-filter' | 'error' | 'other';

/** Token counts reported by the provider (null when it reports none). */
export interface TokenUsage {
  inputTokens: number | null;
  outputTokens: number | null;
}

/** The outcome of one completion, after the retry policy has done its work. */
export interface CompletionResult {
  text: string;
  finishReason: FinishReason;
  usage: TokenUsage;
  durationMs: number;
  /** HTTP attempts made, retries included. */
  attempts: number;
  /** Token counts of failed attempts (when the server reported them), already included in `usage`. */
  failedAttemptsUsage?: TokenUsage;
  /** The provider's own finish reason (`end_turn`, `max_tokens`, `stop`…), when it sent one. */
  providerFinishReason?: string;
  /** Continuation requests stitched into `text` (set by `completeWithContinuation`). */
  continuations?: number;
  /** Provider warnings (unsupported settings…), instead of the SDK printing them to the console. */
  warnings?: string[];
  /**
   * The server ignored `stream: true` and sent the whole reply as one JSON body (some gateways do):
   * it was read whole, and `onText` got it at once.
   */
  unstreamed?: boolean;
}

/** A language model behind one interface, whatever the provider. */
export interface LanguageModel {
  /** Provider name as in model ids: `openai`, `anthropic`, `ollama`, `openai-compatible`, `scripted`. */
  provider: string;
  modelId: string;
  /** Context window in tokens, when known; used to refuse prompts that cannot fit. */
  contextWindow: number | null;
  /** Largest reply the model can produce, in tokens, when known. */
  maxOutputTokens?: number | null;
  complete(request: CompletionRequest): Promise<CompletionResult>;
}
