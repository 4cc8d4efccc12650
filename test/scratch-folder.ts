import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** A temporary folder for one test file's tests. */
export interface ScratchFolder {
  /** A path inside the folder. */
  join(...parts: string[]): string;
  /** Writes a file in the folder and returns its path. */
  file(name: string, content: string | Buffer): string;
}

/** Makes a temporary folder before the test file's tests and removes it after them. */
export function useScratchFolder(prefix: string): ScratchFolder {
  let folder = '';
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), prefix));
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });
  const join = (...parts: string[]) => path.join(folder, ...parts);
  return {
    join,
    file(name, content) {
      const file = join(name);
      writeFileSync(file, content);
      return file;
    },
  };
}
