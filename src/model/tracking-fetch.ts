/** The fetch signature the SDK providers accept. */
export type FetchFunction = typeof globalThis.fetch;

/**
 * Wraps fetch so every received chunk calls `onBytes` (the idle timer) — the SDK's stream parts do not
 * show keep-alive pings or partial events, so silence is measured on bytes, not on parts.
 */
export function trackingFetch(onBytes: () => void, baseFetch: FetchFunction = globalThis.fetch): FetchFunction {
  return async (input, init) => {
    const response = await baseFetch(input, init);
    onBytes();
    if (!response.body) return response;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          onBytes();
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
