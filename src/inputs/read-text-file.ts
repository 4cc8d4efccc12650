import { readFile, stat } from 'node:fs/promises';
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
      `${limits.label} ${file} is ${formatBytes(size)}; the limit is ${formatBytes(limits.maxBytes)}. Is this the right file?`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES') throw new BacksmithError(`${limits.label} ${file} cannot be read: permission denied.`);
    throw new BacksmithError(`${limits.label} ${file} cannot be read: ${(error as Error).message}`);
  }
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
