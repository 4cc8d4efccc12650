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
  /** Called with each piece of streamed text as it arrives. */
  onText?: (delta: string) => void;
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
}

/** A language model behind one interface, whatever the provider. */
export interface LanguageModel {
  /** Provider name as in model ids: `openai`, `anthropic`, `ollama`, `openai-compatible`, `scripted`. */
  provider: string;
  modelId: string;
  /** Context window in tokens, when known; used to refuse prompts that cannot fit. */
  contextWindow: number | null;
  complete(request: CompletionRequest): Promise<CompletionResult>;
}
