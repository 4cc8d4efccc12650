/** The fetch signature the SDK providers accept. */
export type FetchFunction = typeof globalThis.fetch;

/** What came back for one request: status, content type and the start of the body (kept to judge a reply that is not a stream). */
export interface ReceivedReply {
  status: number;
  contentType: string;
  url: string;
  /** The first bytes of the body, decoded as UTF-8 (at most HEAD_BYTES). */
  head: string;
}

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
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          onBytes();
          if (kept < HEAD_BYTES) {
            const part = chunk.subarray(0, HEAD_BYTES - kept);
            kept += part.length;
            reply.head += decoder.decode(part, { stream: kept < HEAD_BYTES });
          }
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
