import { statSync } from 'node:fs';

/**
 * The size of each path when there is at least one and every one is a regular file larger than
 * `bytes`; null otherwise. An unreadable path (gone, a file used as a folder: ENOTDIR, which
 * `statSync` throws even with `throwIfNoEntry: false`) is not known to be large: reading it later
 * says what is wrong with it in the reader's own words.
 */
export function sizesIfAllLarger(paths: readonly string[], bytes: number): number[] | null {
  if (paths.length === 0) return null;
  const sizes: number[] = [];
  for (const file of paths) {
    try {
      const stats = statSync(file);
      if (!stats.isFile() || stats.size <= bytes) return null;
      sizes.push(stats.size);
    } catch {
      return null;
    }
  }
  return sizes;
}
