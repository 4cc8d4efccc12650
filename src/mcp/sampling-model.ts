import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { CreateMessageResult } from '@modelcontextprotocol/sdk/types.js';
import type { CompletionRequest, CompletionResult, FinishReason, LanguageModel } from '../model/language-model.js';
import { ProviderError } from '../model/provider-error.js';
import { DEFAULT_REPLY_TOKENS } from '../prompt/fit-context.js';

/** Provider name of the client's own model, as run records and summaries show it. */
export const SAMPLING_PROVIDER = 'mcp-sampling';

/** A drafting reply from a human-approved client model can take minutes; the SDK's default is 60 s. */
const SAMPLING_TIMEOUT_MS = 15 * 60 * 1000;

/** Settings of the sampling model. */
export interface SamplingModelSettings {
  /** The client's name (`vscode`, `claude-code`…), shown as the model id until a reply names the model. */
  clientName?: string;
  timeoutMs?: number;
}

function finishReason(stopReason: string | undefined): FinishReason {
  if (stopReason === undefined || stopReason === 'endTurn' || stopReason === 'stopSequence') return 'stop';
  if (stopReason === 'maxTokens') return 'length';
  return 'other';
}

function replyText(result: CreateMessageResult): string | null {
  const blocks: unknown[] = Array.isArray(result.content) ? result.content : [result.content];
  const texts = blocks.filter((block): block is { type: 'text'; text: string } => (block as { type?: string }).type === 'text');
  return texts.length === 0 ? null : texts.map((block) => block.text).join('');
}

function abortedResult(started: number): CompletionResult {
  return { text: '', finishReason: 'aborted', usage: { inputTokens: null, outputTokens: null }, durationMs: performance.now() - started, attempts: 1 };
}

/**
 * A LanguageModel that asks the MCP client's own model through `sampling/createMessage`, so
 * nothing inside the editor needs an API key. The client (and its user) may decline a request:
 * that is a ProviderError, fatal for the run like a provider that is down.
 */
export function createSamplingModel(server: Server, settings: SamplingModelSettings = {}): LanguageModel {
  const model: LanguageModel = {
    provider: SAMPLING_PROVIDER,
    modelId: settings.clientName ?? 'client',
    contextWindow: null,
    maxOutputTokens: null,
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      const started = performance.now();
      if (request.signal?.aborted) return abortedResult(started);
      let result: CreateMessageResult;
      try {
        result = await server.createMessage(
          {
            systemPrompt: request.system,
            messages: request.messages.map((message) => ({ role: message.role, content: { type: 'text' as const, text: message.content } })),
            maxTokens: request.maxOutputTokens ?? DEFAULT_REPLY_TOKENS,
            ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
            includeContext: 'none',
            modelPreferences: { intelligencePriority: 0.9, speedPriority: 0.3, costPriority: 0.2 },
          },
          { timeout: settings.timeoutMs ?? SAMPLING_TIMEOUT_MS, ...(request.signal ? { signal: request.signal } : {}) },
        );
      } catch (error) {
        if (request.signal?.aborted) return abortedResult(started);
        const reason = (error as Error).message.split('\n')[0]!.slice(0, 300);
        throw new ProviderError(`The MCP client's model did not answer (sampling/createMessage): ${reason}`, {
          kind: /timed out/i.test(reason) ? 'timeout' : 'response', provider: SAMPLING_PROVIDER, modelId: model.modelId, isRetryable: false,
        });
      }
      const text = replyText(result);
      if (text === null) {
        throw new ProviderError("The MCP client's model replied without text (sampling/createMessage); backsmith needs the module as text.", {
          kind: 'response', provider: SAMPLING_PROVIDER, modelId: model.modelId, isRetryable: false,
        });
      }
      request.onText?.(text);
      return {
        text,
        finishReason: finishReason(result.stopReason),
        usage: { inputTokens: null, outputTokens: null },
        durationMs: performance.now() - started,
        attempts: 1,
        ...(result.stopReason ? { providerFinishReason: result.stopReason } : {}),
      };
    },
  };
  return model;
}
