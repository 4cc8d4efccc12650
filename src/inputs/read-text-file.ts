import { open, stat } from 'node:fs/promises';
import { BacksmithError } from '../errors.js';

/** Limits for a text input file. */
export interface TextFileLimits {
  /** Largest accepted size in bytes. */
  maxBytes: number;
  /** What the file is, for messages: "Python module", "design document". */
  label: string;
  /** Whether an empty (or whitespace-only) file is accepted. */
  allowEmpty?: boolean;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${bytes} bytes`;
}

/** "is 1.1 MB; the limit is 1.0 MB", in exact bytes when rounding would show the same figure twice. */
function sizeAgainstLimit(size: number, limit: number): string {
  const [shown, shownLimit] = [formatBytes(size), formatBytes(limit)];
  if (shown !== shownLimit) return `is ${shown}; the limit is ${shownLimit}`;
  return `is ${size.toLocaleString('en-US')} bytes; the limit is ${limit.toLocaleString('en-US')} bytes (${shownLimit})`;
}

/** The Unicode encoding other than UTF-8 that the bytes are in, told by their byte order mark or by ASCII text with a NUL beside every character; null when neither. */
function wideEncoding(bytes: Buffer): string | null {
  if (bytes.length >= 4 && ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff))) return 'UTF-32';
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'UTF-16';
  const sample = bytes.subarray(0, 512 - (Math.min(bytes.length, 512) % 2));
  if (sample.length < 4) return null;
  for (const zeroAt of [0, 1]) {
    let matches = true;
    for (let index = 0; index < sample.length && matches; index++) matches = (index % 2 === zeroAt) === (sample[index] === 0);
    if (matches) return 'UTF-16';
  }
  return null;
}

const CHUNK_BYTES = 65_536;

/**
 * The file's bytes, up to one past `maxBytes` (then `over`). The size `stat` gives is 0 for a pipe
 * or a device (`<(…)`, /dev/stdin, /dev/zero), and a file may grow while it is read: the limit
 * holds for what is read, not for what was announced.
 */
async function readAtMost(file: string, maxBytes: number): Promise<{ bytes: Buffer; over: boolean }> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return { bytes: Buffer.concat(chunks, Math.min(total, maxBytes)), over: total > maxBytes };
  } finally {
    await handle.close();
  }
}

/**
 * Reads a UTF-8 text file, refusing with an actionable `BacksmithError` anything that is not
 * a readable, non-empty, reasonably sized text file.
 */
export async function readTextFile(file: string, limits: TextFileLimits): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new BacksmithError(`${limits.label} ${file} is a directory, not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof BacksmithError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BacksmithError(`${limits.label} not found: ${file}. Check the path.`);
    if (code === 'EACCES') throw new BacksmithError(`${limits.label} ${file} cannot be read: permission denied.`);
    throw new BacksmithError(`${limits.label} ${file} cannot be read: ${(error as Error).message}`);
  }
  if (size > limits.maxBytes) {
    throw new BacksmithError(
      `${limits.label} ${file} ${sizeAgainstLimit(size, limits.maxBytes)}. Is this the right file?`,
    );
  }
  let bytes: Buffer;
  try {
    const read = await readAtMost(file, limits.maxBytes);
    if (read.over) throw new BacksmithError(`${limits.label} ${file} is more than the limit of ${formatBytes(limits.maxBytes)} (reading stopped there). Is this the right file?`);
    bytes = read.bytes;
  } catch (error) {
    if (error instanceof BacksmithError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES') throw new BacksmithError(`${limits.label} ${file} cannot be read: permission denied.`);
    throw new BacksmithError(`${limits.label} ${file} cannot be read: ${(error as Error).message}`);
  }
  const encoding = wideEncoding(bytes);
  if (encoding) throw new BacksmithError(`${limits.label} ${file} is ${encoding} text, not UTF-8: save it as UTF-8 and try again.`);
  if (bytes.includes(0)) throw new BacksmithError(`${limits.label} ${file} is a binary file (it contains NUL bytes), not text.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BacksmithError(`${limits.label} ${file} is not valid UTF-8 text. Save it as UTF-8 and try again.`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!limits.allowEmpty && text.trim() === '') throw new BacksmithError(`${limits.label} ${file} is empty.`);
  return text;
}
