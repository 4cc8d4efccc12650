import type { Check, CheckMeta, CheckReport } from '../verify/check.js';
import type { TestFileContext } from './test-file-context.js';

/** A check of an acceptance test file: registered like every check, run once per test file. */
export interface TestFileCheck extends Check {
  /** Reports on one test file; `all` holds every test file of the run (coverage is judged over all of them). */
  checkFile(file: TestFileContext, all: readonly TestFileContext[]): CheckReport[];
}

/** What a test-file check definition gives: metadata and the per-file function. */
export interface TestFileCheckDefinition extends Omit<CheckMeta, 'requires' | 'category'> {
  /** Besides the test files themselves (e.g. `stories` for the message and coverage checks). */
  alsoRequires?: CheckMeta['requires'];
  /** Runs even on a file that is not valid Python (only the check that says so). */
  readsInvalidFiles?: boolean;
  checkFile(file: TestFileContext, all: readonly TestFileContext[]): CheckReport[];
}

/**
 * Defines a check of test files. In `verifyModule` it runs over `context.testFiles` and every
 * report carries its test file's path; `checkTestFile` runs `checkFile` directly.
 */
export function defineTestFileCheck(definition: TestFileCheckDefinition): TestFileCheck {
  const { alsoRequires, readsInvalidFiles, checkFile, ...meta } = definition;
  const guarded = (file: TestFileContext, all: readonly TestFileContext[]): CheckReport[] =>
    file.invalid && !readsInvalidFiles ? [] : checkFile(file, all).map((report) => ({ ...report, file: report.file ?? file.path }));
  return {
    ...meta,
    category: 'tests',
    requires: ['test-files', ...(alsoRequires ?? [])],
    checkFile: guarded,
    run(context) {
      const files = context.testFiles ?? [];
      return files.flatMap((file) => guarded(file, files));
    },
  };
}
