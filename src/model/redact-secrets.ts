/** Placeholder written where a secret was. */
export const REDACTED = '[redacted]';

// Key shapes that may show up in provider error bodies even when we never sent them (OpenAI echoes a
// masked key; proxies echo headers).
const KEY_PATTERNS: RegExp[] = [
  /\bsk-[A-Za-z0-9_*\-]{8,}/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=\-]{8,}/gi,
  /\b(x-api-key|api[_-]?key|authorization)(["']?\s*[:=]\s*["']?)[^\s"',}]{8,}/gi,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Options of `redactSecrets`. */
export interface RedactOptions {
  /**
   * Also remove text shaped like a key (`sk-…`, `Bearer …`, `api_key=…`), default true. Turn it off
   * for model replies and code, where `api_key = settings.value` is code, not a secret.
   */
  keyShapes?: boolean;
}

/**
 * Removes every occurrence of the given secrets (API keys we hold) and, unless told not to, anything
 * shaped like a key from `text`. Secrets shorter than 8 characters are ignored: too likely to match
 * ordinary words.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = [], options: RedactOptions = {}): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 8) result = result.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  }
  if (options.keyShapes === false) return result;
  for (const pattern of KEY_PATTERNS) {
    result = result.replace(pattern, (match, ...groups) => {
      const label = groups[0];
      if (typeof label === 'string' && /^(bearer|basic)$/i.test(label)) return `${label} ${REDACTED}`;
      if (typeof label === 'string' && typeof groups[1] === 'string') return `${label}${groups[1]}${REDACTED}`;
      return match.startsWith('sk-') ? `sk-${REDACTED}` : REDACTED;
    });
  }
  return result;
}

/** A URL without credentials, query string or fragment (keys sometimes travel as `?key=`). */
export function redactUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString();
  } catch {
    return redactSecrets(url.split(/[?#]/)[0] ?? '');
  }
}
