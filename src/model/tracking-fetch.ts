/** The fetch signature the SDK providers accept. */
export type FetchFunction = typeof globalThis.fetch;

/** What came back for one request: status, content type and the start of the body (kept to judge a reply that is not a stream). */
export interface ReceivedReply {
  status: number;
  contentType: string;
  url: string;
  /** The first bytes of the body, decoded as UTF-8 (at most HEAD_BYTES). */
  head: string;
  /**
   * The whole body of a 2xx JSON reply (at most WHOLE_JSON_BYTES; undefined past that or for any
   * other reply): a gateway that ignores `stream: true` sends its whole answer so.
   */
  wholeJson?: string;
}

/** Most bytes of a JSON reply kept whole: a reply of a 1 MB module, escaped, with room to spare. */
export const WHOLE_JSON_BYTES = 8 * 1024 * 1024;

/** Bytes of each reply kept in `ReceivedReply.head`: enough for a page's title, little enough to hold always. */
const HEAD_BYTES = 4096;

/**
 * Wraps fetch so every received chunk calls `onBytes` (the idle timer) — the SDK's stream parts do not
 * show keep-alive pings or partial events, so silence is measured on bytes, not on parts. When
 * `received` is given, the last response's status, content type and first bytes are kept there.
 */
export function trackingFetch(onBytes: () => void, baseFetch: FetchFunction = globalThis.fetch, received?: { last?: ReceivedReply }): FetchFunction {
  return async (input, init) => {
    const response = await baseFetch(input, init);
    onBytes();
    const reply: ReceivedReply = { status: response.status, contentType: response.headers.get('content-type') ?? '', url: response.url, head: '' };
    if (received) received.last = reply;
    if (!response.body) return response;
    const decoder = new TextDecoder();
    let kept = 0;
    const json = response.ok && /\bjson\b/i.test(reply.contentType) && !/event-stream/i.test(reply.contentType);
    const whole: Uint8Array[] = [];
    let wholeBytes = 0;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          onBytes();
          if (kept < HEAD_BYTES) {
            const part = chunk.subarray(0, HEAD_BYTES - kept);
            kept += part.length;
            reply.head += decoder.decode(part, { stream: kept < HEAD_BYTES });
          }
          if (json && wholeBytes <= WHOLE_JSON_BYTES) {
            wholeBytes += chunk.length;
            if (wholeBytes <= WHOLE_JSON_BYTES) whole.push(chunk.slice());
          }
          controller.enqueue(chunk);
        },
        flush() {
          if (json && wholeBytes <= WHOLE_JSON_BYTES) reply.wholeJson = Buffer.concat(whole).toString('utf8');
        },
      }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
