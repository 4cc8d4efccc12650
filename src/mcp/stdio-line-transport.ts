import type { Readable, Writable } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage, type RequestId } from '@modelcontextprotocol/sdk/types.js';

/** The SDK's own limit for one message on stdio. */
const DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024;

type Reply = { code: number; message: string; id?: RequestId };

/**
 * The MCP stdio transport (one JSON-RPC message per line), answering what it cannot read: a line
 * that is not JSON gets `-32700 Parse error`, and JSON that is not a JSON-RPC message (or a line
 * over the size limit) `-32600 Invalid Request`, with the request's id when it has one — the
 * SDK's `StdioServerTransport` only reports such lines to `onerror`, so the client waits forever.
 * The line is also reported to `onerror`, and the next lines are read as usual.
 */
export class StdioLineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  // Chunks of the line being read, joined once at its newline: a long line costs its length, not its square.
  private chunks: Buffer[] = [];
  private size = 0;
  private discarding = false;
  private started = false;
  private closed = false;

  constructor(
    private readonly input: Readable,
    private readonly output: Pick<Writable, 'write' | 'once'>,
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {}

  /** Starts reading lines from the input. */
  async start(): Promise<void> {
    if (this.started) throw new Error('StdioLineTransport already started');
    this.started = true;
    this.input.on('data', this.onData);
    this.input.on('error', this.onInputError);
  }

  /** Writes one message as one line. */
  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.output.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.output.once('drain', resolve);
    });
  }

  /** Stops reading and reports the transport closed (once). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.input.off('data', this.onData);
    this.input.off('error', this.onInputError);
    if (this.input.listenerCount('data') === 0) this.input.pause();
    this.chunks = [];
    this.size = 0;
    this.onclose?.();
  }

  private readonly onInputError = (error: Error): void => {
    this.onerror?.(error);
  };

  private readonly onData = (chunk: Buffer | string): void => {
    let rest = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    while (!this.closed) {
      const newline = rest.indexOf(0x0a);
      if (newline === -1) {
        this.keep(rest);
        return;
      }
      this.keep(rest.subarray(0, newline));
      rest = rest.subarray(newline + 1);
      const line = this.discarding ? undefined : Buffer.concat(this.chunks, this.size).toString('utf8');
      this.chunks = [];
      this.size = 0;
      this.discarding = false;
      if (line !== undefined) this.readLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
  };

  /** Keeps part of the current line; past the limit the line is answered at once and its rest dropped. */
  private keep(part: Buffer): void {
    if (this.discarding || part.length === 0) return;
    if (this.size + part.length > this.maxLineBytes) {
      this.chunks = [];
      this.size = 0;
      this.discarding = true;
      this.refuse({ code: ErrorCode.InvalidRequest, message: `Invalid Request: a message is longer than ${this.maxLineBytes} bytes` });
      return;
    }
    this.chunks.push(part);
    this.size += part.length;
  }

  private readLine(line: string): void {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      this.refuse({ code: ErrorCode.ParseError, message: `Parse error: ${(error as Error).message}` });
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (parsed.success) {
      this.onmessage?.(parsed.data);
      return;
    }
    // An invalid response is not answered: a reply to a reply would start a ping-pong.
    const fields = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    if ('result' in fields || ('error' in fields && !('method' in fields))) {
      this.onerror?.(new Error('Invalid JSON-RPC response received (ignored)'));
      return;
    }
    const id = typeof fields.id === 'string' || (typeof fields.id === 'number' && Number.isInteger(fields.id)) ? (fields.id as RequestId) : undefined;
    const what = Array.isArray(value) ? 'batches are not supported' : 'not a JSON-RPC 2.0 request or notification';
    this.refuse({ code: ErrorCode.InvalidRequest, message: `Invalid Request: ${what}`, ...(id !== undefined ? { id } : {}) });
  }

  private refuse(reply: Reply): void {
    this.onerror?.(new Error(reply.message));
    // JSON-RPC 2.0 asks for `"id": null` when the request's id could not be read.
    const response = { jsonrpc: '2.0', id: reply.id ?? null, error: { code: reply.code, message: reply.message } };
    this.output.write(`${JSON.stringify(response)}\n`);
  }
}
