import { describe, expect, it } from 'vitest';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runAcceptanceTests } from './run-tests.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { canSandbox, FIXTURES, fixture } from './test-support/runtime-fixtures.js';

// A wrong module that reads its acceptance tests (test-fixtures/hostile/peek_tests.py) to answer
// what they assert: the tests' folder was readable to it, so its failing test passed. Reads of
// that folder (listing, direct, through /proc/self/root, relative, os.open, a symlink) are blocked;
// libc through ctypes (past the audit hook) is refused at ctypes' import, and reported; where the kernel
// has Landlock it could not read the folder anyway.
const usable = await canSandbox();
const MODULE = 'peek_tests.py';

describe.skipIf(!usable)('a module reading its acceptance tests', () => {
  it('cannot: every way is blocked and reported, and the wrong answer fails its test', async () => {
    const { result, run } = await runAcceptanceTests({
      interpreter: SYSTEM_PYTHON,
      // Libc through ctypes is tried with or without Landlock: ctypes is refused at its import either way (without
      // Landlock, libc's read of the tests had succeeded, and so would a wrong module that used it).
      module: { name: MODULE, content: fixture(FIXTURES.hostile, MODULE) },
      testFiles: [{ name: 'test_peek_tests.py', content: fixture(FIXTURES.hostile, 'test_peek_tests.py') }],
      testSeconds: 5,
      limits: DEFAULT_SANDBOX_LIMITS,
      allowUnsandboxed: false,
    });
    expect(run.leftoverProcesses).toBe(0);
    expect(result.tests.map((test) => `${test.name} ${test.outcome} ${test.message}`)).toEqual(['test_us001_ac1_adds failed AssertionError: 6 != 5']);
    const peeks = result.blocked.filter((action) => action.kind === 'peek');
    expect(peeks.map((action) => action.auditEvent).sort()).toEqual(['open', 'os.listdir']);
    expect(peeks.every((action) => action.inModule && action.symbol === 'Calculator.add')).toBe(true);
    expect(peeks.map((action) => action.detail).join('\n')).toContain('/tmp/backsmith/tests');
    expect(result.blocked.filter((action) => action.kind === 'native').map((action) => `${action.symbol} ${action.detail}`)).toEqual(['Calculator.add import ctypes']);
  });
});
