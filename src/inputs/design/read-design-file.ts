import path from 'node:path';
import { readTextFile } from '../read-text-file.js';
import type { DesignSpec } from './design-types.js';
import { readDesign } from './read-design.js';

/**
 * Largest design or stories document accepted. Real designs are 10–60 KB; a megabyte of markdown
 * is a wrong file (a log, a dump) and would only cost parse time before failing to say anything.
 */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** Reads and parses a design file; unreadable, binary, empty or oversized files are a `BacksmithError`. */
export async function readDesignFile(file: string): Promise<DesignSpec> {
  const text = await readTextFile(file, { maxBytes: MAX_DOCUMENT_BYTES, label: 'Design document' });
  return readDesign(text, { sourceName: path.basename(file) });
}
