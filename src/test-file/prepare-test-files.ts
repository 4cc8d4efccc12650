import path from 'node:path';
import { readTextFile } from '../inputs/read-text-file.js';
import type { CheckContext } from '../verify/check-context.js';
import { buildTestFileContext, type TestFileContext } from './test-file-context.js';

/** Largest acceptance test file read (the sandbox refuses larger ones too). */
const MAX_TEST_FILE_BYTES = 1024 * 1024;

/**
 * Reads the acceptance test files given to `verify` (a file given twice is read once) and
 * prepares them for the test-file checks, against the module under verification and the
 * design and stories of the context. Throws `BacksmithError` for an unreadable file.
 */
export async function prepareTestFiles(paths: readonly string[], context: CheckContext, python: string | null): Promise<TestFileContext[]> {
  const seen = new Set<string>();
  const unique = paths.filter((file) => {
    const resolved = path.resolve(file);
    if (seen.has(resolved)) return false;
    seen.add(resolved);
    return true;
  });
  const moduleName = context.fileName.replace(/\.py$/, '');
  const targetModule = (context.codeOnly ?? context).module;
  return Promise.all(unique.map(async (file) => buildTestFileContext({
    path: file,
    source: await readTextFile(file, { maxBytes: MAX_TEST_FILE_BYTES, label: 'test file' }),
    moduleName, targetModule, python,
    ...(context.design ? { design: context.design } : {}),
    ...(context.stories ? { stories: context.stories } : {}),
  })));
}
