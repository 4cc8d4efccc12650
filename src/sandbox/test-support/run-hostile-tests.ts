import { expect } from 'vitest';
import { SYSTEM_PYTHON } from '../resolve-interpreter.js';
import { runAcceptanceTests } from '../run-tests.js';
import type { TestRunResult } from '../runtime-types.js';
import { DEFAULT_SANDBOX_LIMITS } from '../sandbox-types.js';
import { FIXTURES, fixture } from './runtime-fixtures.js';

/**
 * Runs a hostile module of test-fixtures/hostile against one of its test files through the real
 * sandbox and trusted runner; the run must complete and leave no process behind.
 */
export async function runHostileTests(module: string, testFile: string, interpreter = SYSTEM_PYTHON): Promise<TestRunResult> {
  const { result, run } = await runAcceptanceTests({
    interpreter,
    module: { name: module, content: fixture(FIXTURES.hostile, module) },
    testFiles: [{ name: testFile, content: fixture(FIXTURES.hostile, testFile) }],
    testSeconds: 5,
    limits: DEFAULT_SANDBOX_LIMITS,
    allowUnsandboxed: false,
  });
  expect(run.leftoverProcesses).toBe(0);
  expect(result.completed).toBe(true);
  return result;
}

/** Each test's outcome and message, by test name. */
export function outcomesByName(result: TestRunResult): Record<string, string> {
  return Object.fromEntries(result.tests.map((test) => [test.name, `${test.outcome}: ${test.message}`]));
}
