import { describe, expect, it } from 'vitest';
import { resolveSandboxInterpreter, SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runAcceptanceTests } from './run-tests.js';
import type { TestRunResult } from './runtime-types.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { distIsFresh, regularUser, runChildAs } from './test-support/run-as-user.js';
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
const FOUND: Record<string, string[]> = {
  'rewrite-test': ['/tmp/backsmith/work/test_plant_files.py appeared (written past the audit hook)', '/tmp/backsmith/work/test_plant_files_pytest.py appeared (written past the audit hook)'],
  conftest: ['/tmp/backsmith/work/conftest.py appeared (written past the audit hook)', '/tmp/backsmith/work/pytest.ini appeared (written past the audit hook)'],
  shadow: ['/tmp/backsmith/work/_pytest_shadow.pth appeared (written past the audit hook)', '/tmp/backsmith/work/sitecustomize.py appeared (written past the audit hook)', '/tmp/backsmith/work/statistics.py appeared (written past the audit hook)'],
};

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
    // What is tested is the wall behind the hook: the module writes and renames through libc (ctypes).
    allowNativeCode: true,
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
    const planted = result.blocked.filter((action) => action.kind === 'planted' && action.inModule);
    const seen = planted.filter((action) => action.auditEvent !== 'write').map((action) => action.detail);
    if (PLANTED[attack]) expect(seen.join('\n')).toContain(PLANTED[attack]);
    else expect(seen).toEqual([]);
    // Those written through libc are found in work/ after the tests (the runner lists names only).
    const found = planted.filter((action) => action.auditEvent === 'write').map((action) => action.detail);
    expect(found).toEqual(FOUND[attack] ?? []);
  });
});

describe.skipIf(!usable)('the trusted runner reads nothing the module can write', () => {
  it('its import path and working folder are the read-only tests/ and lib/ and the interpreter\'s own folders', { timeout: 30_000 }, async () => {
    const test = 'import os\nimport sys\nimport unittest\n\nimport plant_files\n\n\nclass T(unittest.TestCase):\n    def test_path(self):\n        self.fail(repr([os.getcwd(), *sys.path]))\n';
    const { result } = await runAcceptanceTests({
      interpreter: SYSTEM_PYTHON, module: { name: MODULE, content: fixture(FIXTURES.hostile, MODULE) }, testFiles: [{ name: 'test_path.py', content: test }],
      runner: 'unittest', limits: DEFAULT_SANDBOX_LIMITS, allowUnsandboxed: false, allowNativeCode: true,
    });
    const [cwd, ...importPath] = JSON.parse((/AssertionError: (\[.*\])/.exec(result.tests[0]?.message ?? '')?.[1] ?? '[]').replaceAll("'", '"')) as string[];
    expect(cwd).toBe('/tmp/backsmith/tests');
    expect(importPath.slice(0, 2)).toEqual(['/tmp/backsmith/tests', '/tmp/backsmith/lib']);
    expect(importPath.filter((entry) => !entry.startsWith('/usr/')).slice(2)).toEqual([]);
  });
});

describe.skipIf(!withPytest)('files the module writes never reach the trusted runner (pytest)', () => {
  it.each(ATTACKS)('%s: both tests still fail', { timeout: 30_000 }, async (attack) => {
    const result = await runAttack(attack, 'pytest');
    expect(result.runner).toBe('pytest');
    expect(outcomes(result)).toEqual(['test_us001_ac1_adds failed', 'test_us001_ac2_mean failed']);
  });
});

// Not root, the code under test owns the whole tmpfs (namespace root without capabilities): it
// could rename /tmp/backsmith and put a forged tests/ at that path, unless the path is a mount point.
const user = process.getuid?.() === 0 ? regularUser() : null;
const nonRoot = usable && user !== null && distIsFresh(['src/sandbox/filesystem-view.ts', 'src/sandbox/run-sandboxed.ts', 'src/sandbox/run-tests.ts']);

describe.skipIf(!nonRoot)('files the module writes never reach the trusted runner (non-root, through dist/)', () => {
  it.each(ATTACKS)('%s: both tests still fail', { timeout: 60_000 }, async (attack) => {
    const result = await runChildAs(user!, { fixture: MODULE, tests: ['test_plant_files.py'], replace: ['ATTACK = "none"', `ATTACK = "${attack}"`], allowNativeCode: true });
    expect(result.missing).toBeUndefined();
    expect(outcomes(result as unknown as TestRunResult)).toEqual(['test_us001_ac1_adds failed', 'test_us001_ac2_mean failed']);
  });
});
