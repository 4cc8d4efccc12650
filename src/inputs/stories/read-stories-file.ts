import path from 'node:path';
import { MAX_DOCUMENT_BYTES } from '../design/read-design-file.js';
import { readTextFile } from '../read-text-file.js';
import { readStories } from './read-stories.js';
import type { StoriesSpec } from './story-types.js';

/** Reads and parses a user stories file; unreadable, binary, empty or oversized files are a `BacksmithError`. */
export async function readStoriesFile(file: string): Promise<StoriesSpec> {
  const text = await readTextFile(file, { maxBytes: MAX_DOCUMENT_BYTES, label: 'User stories document' });
  return readStories(text, { sourceName: path.basename(file) });
}
