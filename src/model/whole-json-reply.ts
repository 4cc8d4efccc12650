import type { FinishReason, TokenUsage } from './language-model.js';

/** A complete answer read from one JSON body instead of a stream. */
export interface WholeJsonReply {
  text: string;
  finishReason: FinishReason;
  providerFinishReason: string;
  usage: TokenUsage;
}

const FINISH: Record<string, FinishReason> = {
  stop: 'stop',
  end_turn: 'stop',
  stop_sequence: 'stop',
  length: 'length',
  max_tokens: 'length',
  content_filter: 'content-filter',
  refusal: 'content-filter',
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** Text of a content value: a string, or parts `{type: 'text', text}` (Anthropic's blocks, some gateways' OpenAI parts). */
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  let text = '';
  for (const part of content) if (isObject(part) && part.type === 'text' && typeof part.text === 'string') text += part.text;
  return text;
}

/** An OpenAI chat completion (`object: chat.completion`, `choices[0].message.content`). */
function chatCompletion(body: Json): WholeJsonReply | undefined {
  const choice = Array.isArray(body.choices) ? body.choices[0] : undefined;
  if (!isObject(choice) || !isObject(choice.message)) return undefined;
  const text = contentText(choice.message.content ?? '');
  if (text === undefined) return undefined;
  const reason = typeof choice.finish_reason === 'string' ? choice.finish_reason : 'unknown';
  const usage = isObject(body.usage) ? body.usage : {};
  return { text, finishReason: FINISH[reason] ?? 'other', providerFinishReason: reason, usage: { inputTokens: count(usage.prompt_tokens), outputTokens: count(usage.completion_tokens) } };
}

/** An Anthropic message (`type: message`, `content` blocks). */
function anthropicMessage(body: Json): WholeJsonReply | undefined {
  if (body.type !== 'message' || !Array.isArray(body.content)) return undefined;
  const text = contentText(body.content)!;
  const reason = typeof body.stop_reason === 'string' ? body.stop_reason : 'unknown';
  const usage = isObject(body.usage) ? body.usage : {};
  return { text, finishReason: FINISH[reason] ?? 'other', providerFinishReason: reason, usage: { inputTokens: count(usage.input_tokens), outputTokens: count(usage.output_tokens) } };
}

/**
 * The answer in a whole JSON body, as a gateway that ignores `stream: true` sends it: an OpenAI chat
 * completion or an Anthropic message, whichever the body is. Undefined for anything else (an error
 * object with status 200, a page, malformed JSON), which is then reported as what came back.
 */
export function readWholeJsonReply(body: string | undefined): WholeJsonReply | undefined {
  if (body === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || parsed.error !== undefined) return undefined;
  return chatCompletion(parsed) ?? anthropicMessage(parsed);
}
