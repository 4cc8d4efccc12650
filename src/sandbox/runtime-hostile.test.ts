import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModuleReport } from '../verify/verify-module.js';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { runAcceptanceTests } from './run-tests.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox-types.js';
import { useConnectionCounter } from './test-support/connection-counter.js';
import { canSandbox, findingKeys, FIXTURES, fixture, inject, verifySource } from './test-support/runtime-fixtures.js';

// The hostile fixtures through the whole runtime stage (probe harness with audit hooks):
// each is contained, reported under the right id, and leaves no process behind.
const usable = await canSandbox();

async function verifyHostile(name: string, source = fixture(FIXTURES.hostile, name)): Promise<ModuleReport> {
  const report = await verifySource(name, source);
  expect(report.sandbox?.status).toBe('ran');
  expect(report.sandbox?.runs.every((run) => run.leftoverProcesses === 0)).toBe(true);
  return report;
}

const messageOf = (report: ModuleReport, id: string) => report.findings.filter((finding) => finding.checkId === id).map((finding) => finding.message).join('\n');

describe.skipIf(!usable)('runtime stage on hostile modules', () => {
  const listener = useConnectionCounter();

  it('blocks and reports a socket connection to 127.0.0.1, naming the method', async () => {
    const report = await verifyHostile('socket_connect.py', inject(fixture(FIXTURES.hostile, 'socket_connect.py'), 'PORT = 0', `PORT = ${listener.port}`));
    expect(findingKeys(report, 'error')).toContain('safety/network-or-fs PingService.ping');
    expect(messageOf(report, 'safety/network-or-fs')).toContain(`127.0.0.1', ${listener.port}`);
    expect(listener.connections).toBe(0);
  });

  it('blocks and reports writes to ~ and to /tmp outside its folder', async () => {
    const marker = `backsmith-hostile-${process.pid}-${Date.now()}`;
    const report = await verifyHostile('write_outside.py', inject(fixture(FIXTURES.hostile, 'write_outside.py'), 'MARKER = "backsmith-hostile-marker"', `MARKER = "${marker}"`));
    expect(findingKeys(report, 'error')).toEqual(expect.arrayContaining(['safety/network-or-fs NotesService.save_home', 'safety/network-or-fs NotesService.save_tmp']));
    expect(existsSync(path.join('/tmp', marker))).toBe(false);
    expect(existsSync(path.join(process.env.HOME ?? '/root', marker))).toBe(false);
  });

  it('blocks a bounded fork loop at its first fork, naming the entry method and the function', async () => {
    const report = await verifyHostile('fork_loop.py');
    expect(findingKeys(report, 'error')).toContain('safety/network-or-fs SpawnService.spawn');
    expect(messageOf(report, 'safety/network-or-fs')).toContain('(in fork_children): os.fork');
  });

  it('reports an interruptible infinite loop as a hang, and still probes the rest', async () => {
    const report = await verifyHostile('infinite_loop.py');
    expect(findingKeys(report, 'error')).toEqual(expect.arrayContaining(['runtime/hang LoopService.spin', 'contract/exception-escapes LoopService.shout']));
  });

  it('cuts a hang no alarm in the module can interrupt (the trusted probe kills the module process), with where it was stuck', async () => {
    const report = await verifyHostile('stuck_in_c.py');
    expect(findingKeys(report, 'error')).toEqual(expect.arrayContaining(['runtime/hang CrunchService.crunch', 'contract/exception-escapes CrunchService.shout']));
    expect(messageOf(report, 'runtime/hang')).toMatch(/did not return within 1\.\d s; it was stuck in crunch \(line \d+\)/);
    expect(report.sandbox?.runs.filter((run) => run.purpose === 'probe')).toHaveLength(1);
  });

  it('stops a 4 GB allocation at import (runtime/import-error: MemoryError)', async () => {
    const report = await verifyHostile('allocate_4gb.py');
    expect(messageOf(report, 'runtime/import-error')).toContain('MemoryError');
  });

  it('captures and caps a 100 MB stdout flood at import and reports it', async () => {
    const report = await verifyHostile('stdout_flood.py');
    expect(messageOf(report, 'runtime/import-error')).toContain('printed 100.0 MB while importing');
    expect(report.sandbox?.runs[0]?.stdoutBytes).toBeLessThan(1024 * 1024);
  });

  it('reports sys.exit at import (runtime/import-error: SystemExit)', async () => {
    const report = await verifyHostile('exit_at_import.py');
    const finding = report.findings.find((item) => item.checkId === 'runtime/import-error');
    expect(finding?.message).toContain('SystemExit: sys.exit(3) was called');
    expect(finding?.line).toBe(4);
  });

  it('blocks and reports an attempt to kill its parent', async () => {
    const report = await verifyHostile('kill_parent.py');
    expect(findingKeys(report, 'error')).toContain('safety/network-or-fs ReaperService.reap');
    expect(messageOf(report, 'safety/network-or-fs')).toContain('os.kill');
  });
});

describe.skipIf(!usable)('acceptance tests stuck where no alarm reaches', () => {
  it('kills the run soon after the test limit, keeps earlier results and claims nothing after', async () => {
    const { result, run } = await runAcceptanceTests({
      interpreter: SYSTEM_PYTHON,
      module: { name: 'tally_service.py', content: fixture(FIXTURES.runtime, 'tally_service.py') },
      testFiles: [{ name: 'test_tally_stuck.py', content: fixture(FIXTURES.runtime, 'test_tally_stuck.py') }],
      testSeconds: 1,
      limits: DEFAULT_SANDBOX_LIMITS,
      allowUnsandboxed: false,
    });
    expect(run.stalled).toBe(true);
    expect(run.durationMs).toBeLessThan(8_000);
    expect(run.leftoverProcesses).toBe(0);
    expect(result.completed).toBe(false);
    expect(result.tests.map((test) => `${test.name} ${test.outcome}`)).toEqual(['test_us001_ac1_first passed', 'test_us001_ac2_stuck_in_c error']);
  });
});
