import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/** Largest message the server may send; a pyright reply is far smaller. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * JSON-RPC over a child's stdio with LSP framing (`Content-Length` headers): requests,
 * notifications, and the server's notifications handed to `onNotification`. Requests the server
 * makes (e.g. `workspace/configuration`) are answered with null, which pyright reads as "defaults".
 */
export class LspConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;

  constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly onNotification: (method: string, params: unknown) => void,
    private readonly onFailure: (error: Error) => void,
  ) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stdin.on('error', (error) => this.fail(error));
  }

  /** Sends a request and resolves with its result (rejects on an error reply or a dead server). */
  request(method: string, params: unknown): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Sends a notification (no reply). */
  notify(method: string, params: unknown): void {
    if (!this.failure) this.send({ jsonrpc: '2.0', method, params });
  }

  /** Rejects every pending request and refuses new ones. */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.onFailure(error);
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const lengthLine = header.split('\r\n').find((line) => line.toLowerCase().startsWith('content-length:'));
      const length = lengthLine ? Number(lengthLine.slice('content-length:'.length).trim()) : NaN;
      if (!Number.isInteger(length) || length < 0 || length > MAX_MESSAGE_BYTES) {
        this.fail(new Error(`pyright sent a malformed message header: ${header.slice(0, 80)}`));
        return;
      }
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(body);
    }
  }

  private dispatch(body: string): void {
    let message: { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { message?: string } };
    try {
      message = JSON.parse(body);
    } catch {
      this.fail(new Error('pyright sent a message that is not JSON'));
      return;
    }
    if (message.method !== undefined && message.id !== undefined) {
      const items = (message.params as { items?: unknown[] } | undefined)?.items;
      this.send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' && Array.isArray(items) ? items.map(() => null) : null });
    } else if (message.method !== undefined) {
      this.onNotification(message.method, message.params);
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.error) pending.reject(new Error(`pyright: ${message.error.message ?? 'request failed'}`));
      else pending.resolve(message.result);
    }
  }
}
