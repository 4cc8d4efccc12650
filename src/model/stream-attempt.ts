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
