import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ModuleReport } from '../verify/verify-module.js';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runSandboxed } from './run-sandboxed.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { canSandbox, FIXTURES, fixture, inject, verifySource } from './test-support/runtime-fixtures.js';

// Modules that attack the result channel at import: each must FAIL with an error finding that
// names what happened, never PASS, never crash the host ("Maximum call stack size exceeded").
const usable = await canSandbox();
const MODULE = 'forge_results.py';
const tests = [path.join(FIXTURES.hostile, 'test_forge_results.py')];

function attack(variant: string): Promise<ModuleReport> {
  return verifySource(MODULE, inject(fixture(FIXTURES.hostile, MODULE), 'ATTACK = "none"', `ATTACK = "${variant}"`), { tests });
}

const ATTACKS = [
  ['deep-open', 'nested more than 32 levels'],
  ['deep-valid', 'nested more than 32 levels'],
  ['deep-object', 'nested more than 32 levels'],
  ['dup-forged', "lacks the run's secret"],
  ['fd4-forged', "lacks the run's secret"],
  ['forged-done-exit', "lacks the run's secret"],
  ['wrong-secret', 'carries a wrong secret'],
  ['torn', 'was cut off'],
];

/** The wrong sum is visible: its test failed, or it is named as never having reported. */
const failingTestShown = (report: ModuleReport) =>
  messages(report, 'tests/failed').includes('test_adds') || messages(report, 'tests/unreported').includes('test_forge_results.py::AddTests::test_adds');

const errorIds = (report: ModuleReport) => [...new Set(report.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.checkId))];
const messages = (report: ModuleReport, id: string) => report.findings.filter((finding) => finding.checkId === id).map((finding) => finding.message).join('\n');

describe.skipIf(!usable)('runtime stage on modules that forge or break their results', () => {
  it('an honest run of the wrong module fails its acceptance test (the baseline)', async () => {
    const report = await attack('none');
    expect(report.passed).toBe(false);
    expect(errorIds(report)).toContain('tests/failed');
    expect(errorIds(report)).not.toContain('runtime/bad-results');
  });

  // Records that reach the host (the module shares the channel's process): rejected, and FAIL.
  // Where the module runs in a process of its own, its writes never reach the host (fd 3 may
  // not even be open there): the failing test is then reported, or named as unreported.
  it.each(ATTACKS)('%s: FAIL (runtime/bad-results when the records reach the host, else the failing test)', async (variant, problem) => {
    const report = await attack(variant);
    expect(report.passed).toBe(false);
    if (errorIds(report).includes('runtime/bad-results')) {
      expect(messages(report, 'runtime/bad-results')).toContain(problem);
      expect(messages(report, 'runtime/bad-results')).toContain('forged or corrupted');
    } else {
      expect(failingTestShown(report)).toBe(true);
    }
  });

  // Where the module runs in a process of its own, its fd 3 is not the runner's: the tests then
  // run and the wrong result is caught; otherwise the silenced tests are named as unreported.
  it.each(['close', 'redirect'])('%s fd 3 at import: FAIL, the failing test reported or named as unreported', async (variant) => {
    const report = await attack(variant);
    expect(report.passed).toBe(false);
    expect(failingTestShown(report)).toBe(true);
  });

  it.each(['forged-done-exit', 'vanish'])('%s: the tests that never reported are named (tests/unreported)', async (variant) => {
    const report = await attack(variant);
    expect(report.passed).toBe(false);
    expect(messages(report, 'tests/unreported')).toContain('test_forge_results.py::AddTests::test_adds');
    expect(report.sandbox?.tests?.passed ?? 0).toBe(0);
  });
});

// The host's reading alone: the attack runs in the same process as the channel (run_script.py),
// so its records do reach the host, which must reject each one and never crash.
describe.skipIf(!usable)('records written to fd 3 by code sharing the channel', () => {
  it.each(ATTACKS)('%s: rejected as a record problem; only signed records kept', async (variant, problem) => {
    const content = inject(fixture(FIXTURES.hostile, MODULE), 'ATTACK = "none"', `ATTACK = "${variant}"`);
    const run = await runSandboxed({
      interpreter: SYSTEM_PYTHON, files: [{ name: MODULE, content }], script: 'run_script.py', config: { target: MODULE, args: [] },
      limits: { ...DEFAULT_SANDBOX_LIMITS, wallMs: 10_000 }, allowUnsandboxed: false,
    });
    expect(run.recordProblems.join('\n')).toContain(problem);
    expect(run.records[0]).toMatchObject({ event: 'start' });
    expect(run.records.some((record) => record.event === 'test' || 'secret' in record)).toBe(false);
  });
});

describe.skipIf(!usable)('an interpreter the sandbox cannot use', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'backsmith-bad-python-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each([
    ['a script that is not Python', () => {
      const file = path.join(folder, 'python');
      writeFileSync(file, '#!/bin/sh\nexit 1\n');
      chmodSync(file, 0o755);
      return file;
    }],
    ['a missing file', () => path.join(folder, 'no-such-python')],
  ])('%s with a broken module and tests: FAIL, never PASS', async (_label, make) => {
    const report = await verifySource(MODULE, fixture(FIXTURES.hostile, MODULE), { tests, python: make() });
    expect(report.passed).toBe(false);
    expect(errorIds(report)).toEqual(expect.arrayContaining(['runtime/not-run', 'tests/not-run']));
  });

  it('a real interpreter behind a folder only root may enter: FAIL either way (not run, or run and caught)', async () => {
    const locked = path.join(folder, 'locked');
    mkdirSync(locked, { mode: 0o700 });
    const link = path.join(locked, 'python3');
    symlinkSync(SYSTEM_PYTHON, link);
    const report = await verifySource(MODULE, fixture(FIXTURES.hostile, MODULE), { tests, python: link });
    expect(report.passed).toBe(false);
    const ids = errorIds(report);
    if (report.sandbox?.status === 'ran') expect(ids).toContain('tests/failed');
    else expect(ids).toEqual(expect.arrayContaining(['runtime/not-run', 'tests/not-run']));
  });
});
