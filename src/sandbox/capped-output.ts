import type { Readable } from 'node:stream';
import type { CapturedOutput } from './sandbox-types.js';

/**
 * Reads a stream to its end, keeping only the first `capBytes` bytes: a flood is drained
 * (so the writer never blocks) but cannot fill our memory.
 */
export class CappedOutput {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private total = 0;
  private partialLine = '';
  private completeLine = '';

  constructor(private readonly capBytes: number) {}

  /** Starts reading `stream`. */
  attach(stream: Readable | null | undefined): this {
    stream?.on('data', (chunk: Buffer) => this.add(chunk));
    stream?.on('error', () => undefined);
    return this;
  }

  /** Counts a chunk and keeps what fits under the cap. */
  add(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.kept >= this.capBytes) return;
    const part = chunk.subarray(0, this.capBytes - this.kept);
    this.chunks.push(Buffer.from(part));
    this.kept += part.length;
    const lines = (this.partialLine + part.toString('utf8')).split('\n');
    this.partialLine = lines.pop() ?? '';
    const last = lines.filter((line) => line.trim()).pop();
    if (last !== undefined) this.completeLine = last;
  }

  /** The last complete JSON-lines record received so far, or null. */
  lastRecord(): Record<string, unknown> | null {
    return parseJsonLines(this.completeLine)[0] ?? null;
  }

  /** The kept bytes as raw data. */
  buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }

  /** What was captured, as text. */
  result(): CapturedOutput {
    return { text: this.buffer().toString('utf8'), totalBytes: this.total, truncated: this.total > this.kept };
  }
}

/** Parses JSON lines, dropping lines that are not JSON objects (a torn last line, noise). */
export function parseJsonLines(text: string): Array<Record<string, unknown>> {
  const records: Array<Record<string, unknown>> = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === 'object' && !Array.isArray(value)) records.push(value as Record<string, unknown>);
    } catch {
      // not a record
    }
  }
  return records;
}
