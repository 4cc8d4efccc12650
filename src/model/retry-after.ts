/** Response headers as a plain lower-case map (what the SDK's APICallError carries). */
export type ResponseHeaders = Record<string, string | undefined>;

function header(headers: ResponseHeaders, name: string): string | undefined {
  const direct = headers[name];
  if (direct !== undefined) return direct;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * How long the server asks us to wait, in ms, or undefined when it does not say: `retry-after-ms`
 * (OpenAI, fractional ms) wins over `retry-after` (delta-seconds or an HTTP date, RFC 9110 §10.2.3).
 * A date in the past means "now" (0).
 */
export function parseRetryAfter(headers: ResponseHeaders | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const milliseconds = header(headers, 'retry-after-ms')?.trim();
  if (milliseconds && /^\d+(\.\d+)?$/.test(milliseconds)) return Math.ceil(Number(milliseconds));
  const value = header(headers, 'retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  if (!/[a-z]/i.test(value)) return undefined; // neither delta-seconds nor an HTTP date (`-3`)
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
