import { streamText, type LanguageModel as SdkLanguageModel } from 'ai';
import type { CompletionRequest, FinishReason, TokenUsage } from './language-model.js';

/** What one streamed attempt produced, before the retry policy judges it. */
export interface AttemptOutcome {
  text: string;
  /** The SDK's finish part, or undefined when the stream never reached one. */
  finish?: { reason: FinishReason; providerReason: string | undefined; usage: TokenUsage };
  /** An error part or a thrown error (a drop mid-stream throws from the iterator). */
  error?: unknown;
  /** The SDK saw the abort signal (it then ends the stream silently, with partial text). */
  aborted: boolean;
  /**
   * Token counts the server sent in the stream itself (Anthropic's message_start, OpenAI's usage chunk),
   * kept for attempts that fail before the finish event: the server charged them all the same.
   */
  reportedUsage?: TokenUsage;
  warnings: string[];
}

const SDK_FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  'content-filter': 'content-filter',
  error: 'error',
  'tool-calls': 'other',
  other: 'other',
};

/** Token counts in one raw provider chunk (`usage` or `message.usage`, either vendor's field names), if any. */
function rawUsage(raw: unknown): Partial<TokenUsage> | null {
  if (!raw || typeof raw !== 'object') return null;
  const value = raw as { usage?: unknown; message?: { usage?: unknown } };
  const usage = (value.usage ?? value.message?.usage) as Record<string, unknown> | null | undefined;
  if (!usage || typeof usage !== 'object') return null;
  const number = (field: unknown): number | undefined => (typeof field === 'number' && Number.isFinite(field) ? field : undefined);
  const input = number(usage.input_tokens) ?? number(usage.prompt_tokens);
  const output = number(usage.output_tokens) ?? number(usage.completion_tokens);
  return { ...(input === undefined ? {} : { inputTokens: input }), ...(output === undefined ? {} : { outputTokens: output }) };
}

function count(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Streams one completion with the SDK's own retries off (`maxRetries: 0`: retrying is the policy's
 * job), collecting text, finish reason, usage and the first error — never throwing.
 */
export async function streamAttempt(model: SdkLanguageModel, request: CompletionRequest, signal: AbortSignal): Promise<AttemptOutcome> {
  const outcome: AttemptOutcome = { text: '', aborted: false, warnings: [] };
  try {
    const result = streamText({
      model,
      system: request.system,
      messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
      maxRetries: 0,
      abortSignal: signal,
      includeRawChunks: true,
      ...(request.maxOutputTokens === undefined ? {} : { maxOutputTokens: request.maxOutputTokens }),
      ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      onError: () => {}, // errors arrive as stream parts below; the default handler prints them
    });
    for await (const part of result.fullStream) {
      switch (part.type) {
        case 'text-delta':
          outcome.text += part.text;
          request.onText?.(part.text);
          break;
        case 'start-step':
          for (const warning of part.warnings) outcome.warnings.push(JSON.stringify(warning));
          break;
        case 'finish':
          outcome.finish = {
            reason: SDK_FINISH[part.finishReason] ?? 'other',
            providerReason: part.rawFinishReason,
            usage: { inputTokens: count(part.totalUsage.inputTokens), outputTokens: count(part.totalUsage.outputTokens) },
          };
          break;
        case 'abort':
          outcome.aborted = true;
          break;
        case 'raw': {
          const usage = rawUsage(part.rawValue);
          // Later chunks carry the running totals (Anthropic's message_delta): the last count wins.
          if (usage) outcome.reportedUsage = { inputTokens: null, outputTokens: null, ...outcome.reportedUsage, ...usage };
          break;
        }
        case 'error':
          outcome.error ??= part.error;
          break;
      }
    }
  } catch (error) {
    outcome.error ??= error;
  }
  return outcome;
}
