import { APICallError } from 'ai';
import { ProviderError } from './provider-error.js';
import { redactSecrets, redactUrl } from './redact-secrets.js';
import { parseRetryAfter } from './retry-after.js';

/** Who was being called, to word the error and redact it. */
export interface ProviderCallContext {
  provider: string;
  modelId: string;
  /** Secrets to scrub from anything reported (the API key). */
  secrets: readonly (string | undefined)[];
  /** The env var that holds this provider's key, named in 401/403 hints. */
  apiKeyEnv?: string;
  /** Characters of text received in the failed attempt. */
  partialTextLength?: number;
  now?: number;
}

const RETRYABLE_STATUS = new Set([408, 409, 429]);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);

/** Whether an HTTP status is worth retrying: 408, 409, 429 and every 5xx (Anthropic's 529 included). */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status) || status >= 500;
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const message = (current as { message?: unknown }).message;
    const match = typeof message === 'string' ? /\b(E[A-Z_]{4,})\b/.exec(message) : null;
    if (match) return match[1];
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function providerMessage(error: APICallError): string {
  const body = error.responseBody;
  if (body) {
    try {
      const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
      const nested = typeof parsed.error === 'object' ? parsed.error?.message : parsed.error;
      if (typeof nested === 'string') return nested;
      if (typeof parsed.message === 'string') return parsed.message;
    } catch {
      // not JSON: fall back to the SDK's message
    }
  }
  return error.message;
}

/** A 400 that names the context window: the prompt and the reply asked for do not fit together. */
const CONTEXT_TOO_SMALL = /context length|context window|maximum context|prompt is too long|too many tokens/i;
/** A 400 that names the reply's token limit (Anthropic's `max_tokens: 16384 > 4096`, OpenAI's `max_tokens is too large`). */
const OUTPUT_LIMIT = /max_tokens|max_completion_tokens|max_new_tokens|output tokens|completion tokens/i;

function statusHint(status: number, context: ProviderCallContext, url: string | null, message: string): string {
  if (status === 400 && CONTEXT_TOO_SMALL.test(message)) {
    return ' Pass a smaller --max-output-tokens, or start the server with a larger context (llama.cpp -c, vLLM --max-model-len, Ollama OLLAMA_CONTEXT_LENGTH).';
  }
  if (status === 400 && OUTPUT_LIMIT.test(message)) return " Pass --max-output-tokens within the model's output limit.";
  if (status === 401 || status === 403) {
    return context.apiKeyEnv ? ` Check ${context.apiKeyEnv}.` : ' Check the API key for this server.';
  }
  const endpoint = url ? new URL(url) : undefined;
  if (status === 404 && endpoint?.pathname === '/chat/completions') {
    // OpenAI-style base URLs are used as given, and most servers (vLLM, LM Studio, Ollama, OpenAI) serve under /v1.
    return ` The base URL has no path: OpenAI-compatible servers usually serve the API under /v1 (--base-url ${endpoint.origin}/v1).`;
  }
  if (status === 404) return ' Check the model id and the base URL (a local server may need `ollama pull <model>` first).';
  return '';
}

/** Error types a provider streams for a passing condition (Anthropic's overloaded_error, OpenAI's server_error…). */
const RETRYABLE_STREAM_ERRORS = /^(overloaded_error|api_error|rate_limit_error|timeout_error|server_error|rate_limit_exceeded)$/;

/** An error the provider sent as a stream event, which the SDK passes on as a plain object. */
function streamedError(error: unknown): { type?: string; message: string } | null {
  if (!error || typeof error !== 'object' || error instanceof Error) return null;
  const value = error as { type?: unknown; code?: unknown; message?: unknown; error?: unknown };
  const inner = value.error && typeof value.error === 'object' ? (value.error as typeof value) : value;
  const type = typeof inner.type === 'string' ? inner.type : typeof inner.code === 'string' ? inner.code : undefined;
  const message = typeof inner.message === 'string' ? inner.message : JSON.stringify(error).slice(0, 500);
  return { ...(type ? { type } : {}), message };
}

/** Turns whatever the SDK threw or streamed into a ProviderError with secret-free fields. */
export function mapProviderError(error: unknown, context: ProviderCallContext): ProviderError {
  if (error instanceof ProviderError) return error;
  const clean = (text: string): string => redactSecrets(text, context.secrets);
  const base = {
    provider: context.provider,
    modelId: context.modelId,
    partialTextLength: context.partialTextLength ?? 0,
  };
  const label = `${context.provider}:${context.modelId}`;
  if (APICallError.isInstance(error)) {
    const url = redactUrl(error.url);
    const status = error.statusCode;
    if (status !== undefined && status >= 400) {
      const retryAfterMs = parseRetryAfter(error.responseHeaders, context.now);
      const said = providerMessage(error);
      return new ProviderError(clean(`${label}: HTTP ${status} from ${url}: ${said.replace(/[.!?]+$/, '')}.${statusHint(status, context, url, said)}`), {
        ...base,
        kind: 'http',
        statusCode: status,
        isRetryable: isRetryableStatus(status),
        url,
        responseBody: error.responseBody ? clean(error.responseBody).slice(0, 2000) : null,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    const code = errorCode(error.cause);
    if (status === undefined && UNREACHABLE.has(code ?? '')) {
      return new ProviderError(clean(`${label}: cannot connect to ${url} (${code}). Is the server running and the base URL right?`), {
        ...base,
        kind: 'connection',
        isRetryable: false,
        url,
      });
    }
    const causeMessage = (error.cause as Error | undefined)?.message ?? '';
    // Neither can succeed on a retry: an https:// base URL at a plain-http port, and a port fetch refuses outright.
    if (status === undefined && (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(causeMessage))) {
      return new ProviderError(clean(`${label}: ${url} does not answer in TLS (ERR_SSL_WRONG_VERSION_NUMBER): the base URL probably wants http://, not https://.`), { ...base, kind: 'connection', isRetryable: false, url });
    }
    if (status === undefined && causeMessage === 'bad port') {
      const port = url ? new URL(url).port : '';
      return new ProviderError(clean(`${label}: Node's fetch refuses port ${port} (${url}), one of the ports browsers block: run the server on another port.`), { ...base, kind: 'connection', isRetryable: false, url });
    }
    const what = status === undefined ? 'the connection failed' : 'the connection dropped mid-reply';
    return new ProviderError(clean(`${label}: ${what} (${code ?? (error.cause as Error | undefined)?.message ?? error.message}) at ${url}.`), {
      ...base,
      kind: 'connection',
      statusCode: status ?? null,
      isRetryable: true,
      url,
    });
  }
  const streamed = streamedError(error);
  if (streamed) {
    return new ProviderError(clean(`${label}: the provider reported an error mid-reply: ${streamed.type ? `${streamed.type}: ` : ''}${streamed.message}`), {
      ...base,
      kind: 'http',
      isRetryable: RETRYABLE_STREAM_ERRORS.test(streamed.type ?? ''),
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  if (code?.startsWith('UND_ERR') || code === 'ECONNRESET' || /terminated|socket hang up|other side closed/i.test(message)) {
    return new ProviderError(clean(`${label}: the connection dropped (${code ?? message}).`), { ...base, kind: 'connection', isRetryable: true });
  }
  return new ProviderError(clean(`${label}: unexpected reply: ${message}`), { ...base, kind: 'response', isRetryable: false });
}
