import type { TimeoutKind } from './attempt-watchdog.js';
import type { FinishReason, TokenUsage } from './language-model.js';
import { mapProviderError, type ProviderCallContext } from './map-provider-error.js';
import { ProviderError } from './provider-error.js';
import { redactUrl } from './redact-secrets.js';
import type { RetrySettings } from './retry-policy.js';
import type { AttemptOutcome } from './stream-attempt.js';
import type { ReceivedReply } from './tracking-fetch.js';
import { describeUnexpectedReply } from './unexpected-reply.js';
import { readWholeJsonReply } from './whole-json-reply.js';

/** A usable answer of one attempt: complete, cut by a limit, or cancelled by the caller. */
export interface AttemptReply {
  text: string;
  finishReason: FinishReason;
  providerFinishReason?: string;
  usage: TokenUsage;
  warnings: string[];
  /** Read from one whole JSON body: the server ignored `stream: true`. */
  unstreamed?: true;
}

const NO_USAGE: TokenUsage = { inputTokens: null, outputTokens: null };

/** Keeps the token counts a failed attempt was charged, when the server reported them before failing. */
function withUsage(error: ProviderError, outcome: AttemptOutcome): ProviderError {
  const finished = outcome.finish?.usage;
  const usage = finished && (finished.inputTokens !== null || finished.outputTokens !== null) ? finished : outcome.reportedUsage;
  if (usage && (usage.inputTokens !== null || usage.outputTokens !== null)) error.usage = usage;
  return error;
}

/**
 * Decides what a streamed attempt means, in this order: the caller cancelled ('aborted', partial text
 * kept); a timeout fired; the SDK reported an error; the stream ended without the provider's finish
 * event (the SDK ends such streams silently — a connection closed early, or, when what was `received`
 * is no event stream at all, a wrong base URL, not retried). Failures are thrown as
 * ProviderErrors for the retry policy; everything else is returned with the provider's finish reason.
 */
export function judgeAttempt(
  outcome: AttemptOutcome,
  state: { callerAborted: boolean; timedOut: TimeoutKind | null; received?: ReceivedReply },
  context: ProviderCallContext,
  limits: Pick<RetrySettings, 'idleTimeoutMs' | 'requestTimeoutMs'>,
): AttemptReply {
  const usage = outcome.finish?.usage ?? NO_USAGE;
  if (state.callerAborted) return { text: outcome.text, finishReason: 'aborted', usage, warnings: outcome.warnings };
  const failed = { ...context, partialTextLength: outcome.text.length };
  const label = `${context.provider}:${context.modelId}`;
  if (state.timedOut) {
    const limit = state.timedOut === 'idle' ? `no data for ${limits.idleTimeoutMs} ms` : `no complete reply within ${limits.requestTimeoutMs} ms`;
    throw withUsage(new ProviderError(`${label}: ${state.timedOut} timeout (${limit}).`, { ...failed, kind: 'timeout', isRetryable: true }), outcome);
  }
  const finish = outcome.finish;
  // A gateway that ignores `stream: true` answers with the whole completion as one JSON body: the SDK's
  // stream parser finds no event in it, but the answer is all there.
  const whole = outcome.text === '' && finish?.reason !== 'stop' && !outcome.aborted ? readWholeJsonReply(state.received?.wholeJson) : undefined;
  if (whole) {
    return { ...whole, warnings: outcome.warnings, unstreamed: true };
  }
  // Whatever the SDK made of a body that was no event stream at all (nothing, or its own parse error), the body says more.
  const unexpected = outcome.text === '' && finish?.reason !== 'stop' ? describeUnexpectedReply(state.received, label, context.secrets) : undefined;
  if (unexpected) {
    throw withUsage(
      new ProviderError(unexpected, { ...failed, kind: 'response', isRetryable: false, statusCode: state.received!.status, url: redactUrl(state.received!.url) }),
      outcome,
    );
  }
  if (outcome.error !== undefined) throw withUsage(mapProviderError(outcome.error, failed), outcome);
  if (outcome.aborted || !finish || (finish.reason === 'other' && finish.providerReason === undefined)) {
    throw withUsage(new ProviderError(`${label}: the reply ended before the provider's finish event (connection closed early).`, {
      ...failed,
      kind: 'connection',
      isRetryable: true,
    }), outcome);
  }
  return {
    text: outcome.text,
    finishReason: finish.reason,
    ...(finish.providerReason === undefined ? {} : { providerFinishReason: finish.providerReason }),
    usage: finish.usage,
    warnings: outcome.warnings,
  };
}
