import { BacksmithError } from '../errors.js';
import type { TokenUsage } from './language-model.js';

/** What went wrong talking to a provider. */
export type ProviderErrorKind =
  /** The server answered with an error status (401, 404, 429, 5xx…). */
  | 'http'
  /** No connection (refused, DNS), or it dropped before the reply was complete. */
  | 'connection'
  /** The request or idle timeout fired. */
  | 'timeout'
  /** The reply could not be understood (bad JSON, unexpected shape). */
  | 'response';

/** Structured fields of a provider error; every string is already free of secrets. */
export interface ProviderErrorFields {
  kind: ProviderErrorKind;
  provider: string;
  modelId: string;
  statusCode?: number | null;
  isRetryable: boolean;
  /** Endpoint URL without query string or credentials. */
  url?: string | null;
  /** Error body from the provider, redacted and cut to 2,000 characters. */
  responseBody?: string | null;
  /** What the server asked us to wait (Retry-After), in ms. */
  retryAfterMs?: number;
  /** Characters of reply received before the failure (discarded: the attempt is retried whole). */
  partialTextLength?: number;
}

/** A wait as people say it: `90 s`, `60 min`, `3 h`. */
function formatWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  return seconds < 7200 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;
}

/**
 * A provider failure after the retry policy gave up (or a failure it must not retry). Fatal for the
 * run: exit code 2, printed without a stack. Never holds an API key: messages, bodies and URLs are
 * redacted before construction, and `toJSON` lists exactly the fields below.
 */

export class ProviderError extends BacksmithError {
  readonly kind: ProviderErrorKind;
  readonly provider: string;
  readonly modelId: string;
  readonly statusCode: number | null;
  readonly isRetryable: boolean;
  readonly url: string | null;
  readonly responseBody: string | null;
  readonly retryAfterMs: number | undefined;
  readonly partialTextLength: number;
  /** HTTP attempts made when the error was finally reported (set by the retry policy). */
  attempts = 1;
  /** Token counts the server reported for the failed attempts (rarely any), so that runs count them. */
  usage: TokenUsage | null = null;
  /** True when retries stopped at the caller's `maxAttempts` (a spend budget), not the retry policy's own limit. */
  attemptsCapped = false;
  /** Set once the attempt count is part of the message. */
  private countedInMessage = false;
  /** Set once the message says the requested wait was too long to wait for. */
  private waitInMessage = false;

  constructor(message: string, fields: ProviderErrorFields) {
    super(message);
    this.name = 'ProviderError';
    this.kind = fields.kind;
    this.provider = fields.provider;
    this.modelId = fields.modelId;
    this.statusCode = fields.statusCode ?? null;
    this.isRetryable = fields.isRetryable;
    this.url = fields.url ?? null;
    this.responseBody = fields.responseBody ?? null;
    this.retryAfterMs = fields.retryAfterMs;
    this.partialTextLength = fields.partialTextLength ?? 0;
  }

  /** Records the attempts made and, after retries, says in the message how many requests the server got. */
  noteAttempts(attempts: number): void {
    this.attempts = attempts;
    if (attempts > 1 && !this.countedInMessage) {
      // Inside a closing full stop ("… reached (gave up …)."), not after it.
      const sentence = this.message.endsWith('.');
      const count = `(gave up after ${attempts} requests: the first and ${attempts - 1} retr${attempts === 2 ? 'y' : 'ies'})`;
      this.message = sentence ? `${this.message.slice(0, -1)} ${count}.` : `${this.message} ${count}`;
      this.countedInMessage = true;
    }
  }

  /**
   * Says in the message that the server's Retry-After was longer than backsmith waits (`limitMs`), so
   * it was not retried: without it, a 429 for a spent quota reads like a plain failure.
   */
  noteWaitTooLong(limitMs: number): void {
    if (this.waitInMessage || this.retryAfterMs === undefined) return;
    const sentence = this.message.endsWith('.');
    const base = sentence ? this.message.slice(0, -1) : this.message;
    const wait = `(not retried: the server asks to wait ${formatWait(this.retryAfterMs)}, longer than the ${formatWait(limitMs)} backsmith waits; try again later, or raise retry.maxRetryAfterMs in the configuration)`;
    this.message = `${base} ${wait}${sentence ? '.' : ''}`;
    this.waitInMessage = true;
  }

  /** The message with the attempt count and any requested wait, as the CLI prints it. */
  describe(): string {
    const notes: string[] = [];
    if (this.attempts > 1 && !this.countedInMessage) notes.push(`after ${this.attempts} attempts`);
    if (this.retryAfterMs !== undefined && !this.waitInMessage) notes.push(`the server asks to retry in ${Math.ceil(this.retryAfterMs / 1000)} s`);
    return notes.length > 0 ? `${this.message} (${notes.join('; ')})` : this.message;
  }

  /** A plain, secret-free record of the error (for run records and `--json`). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      kind: this.kind,
      provider: this.provider,
      modelId: this.modelId,
      statusCode: this.statusCode,
      isRetryable: this.isRetryable,
      url: this.url,
      responseBody: this.responseBody,
      retryAfterMs: this.retryAfterMs ?? null,
      partialTextLength: this.partialTextLength,
      attempts: this.attempts,
      usage: this.usage,
    };
  }
}
