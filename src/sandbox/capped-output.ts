import type { Readable } from 'node:stream';
import { readRecords, RECORD_LIMITS } from './read-records.js';
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

  /** `recordSecret`: when set, `lastRecord` only answers records that carry it. */
  constructor(private readonly capBytes: number, private readonly recordSecret: string | null = null) {}

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
    // An endless line is rejected anyway: keep no more of it than a record may hold, so each chunk costs its own size.
    this.partialLine = (lines.pop() ?? '').slice(0, RECORD_LIMITS.maxRecordChars + 1);
    const last = lines.filter((line) => line.trim()).pop();
    if (last !== undefined) this.completeLine = last;
  }

  /** The last complete JSON-lines record received so far, or null. */
  lastRecord(): Record<string, unknown> | null {
    return readRecords(`${this.completeLine}\n`, this.recordSecret).records[0] ?? null;
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

/** Parses JSON lines without a secret, dropping lines that are not bounded JSON objects (see `readRecords`). */
export function parseJsonLines(text: string): Array<Record<string, unknown>> {
  return readRecords(text.endsWith('\n') ? text : `${text}\n`, null).records;
}
