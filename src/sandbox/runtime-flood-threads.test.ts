import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModuleReport } from '../verify/verify-module.js';
import { canSandbox, findingKeys, FIXTURES, fixture, inject, verifySource } from './test-support/runtime-fixtures.js';

// A module that floods stdout on every call, and one whose non-daemon thread never ends: both
// passed with no finding. Each run must stay bounded, and each is now a finding with its figure.
const usable = await canSandbox();

async function verifyWithTests(name: string, source = fixture(FIXTURES.hostile, name)): Promise<ModuleReport> {
  const report = await verifySource(name, source, { tests: [path.join(FIXTURES.hostile, `test_${name}`)] });
  expect(report.sandbox?.status).toBe('ran');
  expect(report.sandbox?.runs.every((run) => run.leftoverProcesses === 0)).toBe(true);
  return report;
}

const messageOf = (report: ModuleReport, id: string) => report.findings.filter((finding) => finding.checkId === id).map((finding) => finding.message).join('\n');

describe.skipIf(!usable)('runtime stage on floods and lingering threads', () => {
  it('a 40 MB print per call: counted in the trusted process, bounded, and runtime/output-flood with the size', async () => {
    const report = await verifyWithTests('print_flood.py');
    expect(report.sandbox?.tests).toMatchObject({ ran: 3, passed: 3 });
    expect(report.passed).toBe(false);
    const message = messageOf(report, 'runtime/output-flood');
    expect(message).toMatch(/The module printed 8\d\.\d MB during the acceptance tests \(limit 4\.0 MB, about 2\d\.\d MB per test\)/);
    expect(message).toMatch(/printed \d+\.\d MB during the contract probe/);
    // Prints and the raw 6 MB write are counted in the trusted process and dropped: none reaches the host's pipes.
    expect(report.sandbox?.runs.every((run) => run.stdoutBytes + run.stderrBytes === 0)).toBe(true);
    expect(report.sandbox?.runs.every((run) => !run.timedOut && run.durationMs < 20_000)).toBe(true);
  });

  it('a non-daemon thread that never ends: the run ends, and runtime/shutdown-blocked names the thread and its line', async () => {
    const report = await verifyWithTests('lingering_thread.py');
    expect(report.sandbox?.tests).toMatchObject({ ran: 1, passed: 1 });
    expect(findingKeys(report, 'error')).toContain('runtime/shutdown-blocked _poll');
    expect(messageOf(report, 'runtime/shutdown-blocked')).toContain("thread 'poller' (in _poll, line 13) is still running and not a daemon");
    expect(report.sandbox?.runs.every((run) => !run.timedOut && run.durationMs < 20_000)).toBe(true);
  });

  it('a module that stalls the question (a patched threading.enumerate) is still reported', async () => {
    const stall = '_POLLER.start()\n\n\ndef _stall(*args):\n    while True:\n        time.sleep(0.01)\n\n\nthreading.enumerate = _stall';
    const report = await verifySource('lingering_thread.py', inject(fixture(FIXTURES.hostile, 'lingering_thread.py'), '_POLLER.start()', stall));
    expect(messageOf(report, 'runtime/shutdown-blocked')).toContain('a thread it started or an atexit handler kept it alive');
  });

  it('a daemon thread, or one that ends, is no finding', async () => {
    const daemon = await verifyWithTests('lingering_thread.py', inject(fixture(FIXTURES.hostile, 'lingering_thread.py'), 'name="poller")', 'name="poller", daemon=True)'));
    expect(findingKeys(daemon)).not.toContain('runtime/shutdown-blocked _poll');
    const ends = await verifyWithTests('lingering_thread.py', inject(fixture(FIXTURES.hostile, 'lingering_thread.py'), 'while True:', 'for _ in range(4):'));
    expect(findingKeys(ends).filter((key) => key.startsWith('runtime/shutdown-blocked'))).toEqual([]);
  });
});
