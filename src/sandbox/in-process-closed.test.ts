import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runAcceptanceTests } from './run-tests.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { canSandbox, FIXTURES, fixture, inject, verifySource } from './test-support/runtime-fixtures.js';

// A test file that patches the module runs in the module's own process, where the module can
// forge its results (type.__setattr__ on TestCase, "passed" records on every descriptor): such a
// run fails closed (tests/in-process is an error), whatever the forged records say.
const usable = await canSandbox();
const folder = mkdtempSync(path.join(os.tmpdir(), 'backsmith-in-process-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.skipIf(!usable)('in-process test runs fail closed', () => {
  it.each(['none', 'setattr', 'records'])('%s: the verdict is FAIL with a tests/in-process error', { timeout: 60_000 }, async (attack) => {
    const tests = path.join(folder, 'test_forge_in_process.py');
    writeFileSync(tests, fixture(FIXTURES.hostile, 'test_forge_in_process.py'));
    const source = inject(fixture(FIXTURES.hostile, 'forge_in_process.py'), 'ATTACK = "none"', `ATTACK = "${attack}"`);
    const report = await verifySource('forge_in_process.py', source, { tests: [tests], python: SYSTEM_PYTHON });
    expect(report.sandbox?.status).toBe('ran');
    expect(report.passed).toBe(false);
    const inProcess = report.findings.filter((finding) => finding.checkId === 'tests/in-process');
    expect(inProcess.map((finding) => finding.severity)).toEqual(['error']);
    expect(inProcess[0]?.message).toContain('patch.object(Calculator, ...) patches the module');
  });
});

describe.skipIf(!usable)('copies of the module\'s objects stay proxied', () => {
  it('copy.copy and copy.deepcopy of a handle copy it in the module\'s process', { timeout: 30_000 }, async () => {
    const module = 'class Box:\n    def __init__(self):\n        self.items = [1]\n        self.name = "a"\n\n\ndef make():\n    return Box()\n';
    const tests = [
      'import copy', 'import unittest', '', 'from box import make', '', '',
      'class BoxTest(unittest.TestCase):',
      '    def test_deep(self):', '        box = make()', '        clone = copy.deepcopy(box)', '        clone.name = "b"', '        self.assertEqual((box.name, clone.name, clone.items), ("a", "b", [1]))',
      '    def test_shallow(self):', '        self.assertEqual(copy.copy(make()).items, [1])',
      '    def test_plain(self):', '        self.assertEqual(copy.deepcopy(make().items), [1])', '',
    ].join('\n');
    const { result } = await runAcceptanceTests({
      interpreter: SYSTEM_PYTHON, module: { name: 'box.py', content: module }, testFiles: [{ name: 'test_box.py', content: tests }],
      runner: 'unittest', limits: DEFAULT_SANDBOX_LIMITS, allowUnsandboxed: false,
    });
    expect(result.inProcess).toEqual([]);
    expect(result.tests.map((test) => `${test.name} ${test.outcome} ${test.message}`.trim())).toEqual(['test_deep passed', 'test_plain passed', 'test_shallow passed']);
  });
});
