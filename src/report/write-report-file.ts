import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../deliver/write-atomic.js';
import { BacksmithError } from '../errors.js';
import { fileErrorReason } from '../deliver/file-error-reason.js';

/**
 * Writes a report file (`--sarif`, `--html`) atomically, creating its folder first; a file that
 * cannot be written is a fatal error (exit 2) saying why in words.
 */
export async function writeReportFile(file: string, content: string, what: string): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFileAtomic(file, content, { durable: false });
  } catch (error) {
    throw new BacksmithError(`Cannot write the ${what} to ${file}: ${fileErrorReason(error)}.`);
  }
}
