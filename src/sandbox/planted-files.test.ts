import { describe, expect, it } from 'vitest';
import { resolveSandboxInterpreter, SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runAcceptanceTests } from './run-tests.js';
import type { TestRunResult } from './runtime-types.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { canSandbox, FIXTURES, fixture, inject } from './test-support/runtime-fixtures.js';

// The module writes files the trusted runner could read after the module ran: its test file
// rewritten, a conftest.py or pytest.ini, a statistics.py that the tests' `import statistics`
// would find first. The runner reads the tests from its own read-only folder, never imports
// from work/, and pytest reads no ini file or conftest.py outside that folder: every test still fails.
const usable = await canSandbox();
const pytestPython = await resolveSandboxInterpreter('python3', false, false);
const withPytest = usable && pytestPython.ok && pytestPython.interpreter.hasPytest;
const MODULE = 'plant_files.py';
const ATTACKS = ['none', 'rewrite-test', 'conftest', 'shadow', 'move-folder'];
/** A file each attack writes in work/ with Python's own calls: blocked and reported as planted. */
const PLANTED: Record<string, string> = { 'rewrite-test': '/work/test_plant_files.py', conftest: '/work/conftest.py', shadow: '/work/statistics.py' };

async function runAttack(attack: string, style: 'unittest' | 'pytest'): Promise<TestRunResult> {
  const source = inject(fixture(FIXTURES.hostile, MODULE), 'ATTACK = "none"', `ATTACK = "${attack}"`);
  const name = style === 'pytest' ? 'test_plant_files_pytest.py' : 'test_plant_files.py';
  const { result, run } = await runAcceptanceTests({
    interpreter: style === 'pytest' && pytestPython.ok ? pytestPython.interpreter.executable : SYSTEM_PYTHON,
    module: { name: MODULE, content: source },
    testFiles: [{ name, content: fixture(FIXTURES.hostile, name) }],
    runner: style,
    testSeconds: 5,
    limits: DEFAULT_SANDBOX_LIMITS,
    allowUnsandboxed: false,
  });
  expect(run.leftoverProcesses).toBe(0);
  return result;
}

const outcomes = (result: TestRunResult) => result.tests.map((test) => `${test.name} ${test.outcome}`);

describe.skipIf(!usable)('files the module writes never reach the trusted runner (unittest)', () => {
  it.each(ATTACKS)('%s: both tests still fail', { timeout: 30_000 }, async (attack) => {
    const result = await runAttack(attack, 'unittest');
    expect(result.completed).toBe(true);
    expect(outcomes(result)).toEqual(['test_us001_ac1_adds failed', 'test_us001_ac2_mean failed']);
    // The writes the audit hook sees are blocked and reported even inside work/ (an error finding).
    const planted = result.blocked.filter((action) => action.kind === 'planted' && action.inModule).map((action) => action.detail);
    if (PLANTED[attack]) expect(planted.join('\n')).toContain(PLANTED[attack]);
    else expect(planted).toEqual([]);
  });
});

describe.skipIf(!withPytest)('files the module writes never reach the trusted runner (pytest)', () => {
  it.each(ATTACKS)('%s: both tests still fail', { timeout: 30_000 }, async (attack) => {
    const result = await runAttack(attack, 'pytest');
    expect(result.runner).toBe('pytest');
    expect(outcomes(result)).toEqual(['test_us001_ac1_adds failed', 'test_us001_ac2_mean failed']);
  });
});
