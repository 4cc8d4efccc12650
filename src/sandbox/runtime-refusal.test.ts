import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { ALL_CHECKS } from '../verify/registry.js';
import { SYSTEM_PYTHON } from './resolve-interpreter.js';
import { REQUIRED_PROTECTIONS } from './sandbox-types.js';
import { FIXTURES, fixture, runtimeFindings, verifySource } from './test-support/runtime-fixtures.js';

// A host without namespaces (no user namespaces, macOS): runtime checks must refuse to run,
// loudly, unless --allow-unsandboxed is given; then the report says what was missing.
vi.mock('./host-capabilities.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./host-capabilities.js')>();
  const real = await actual.hostCapabilities();
  const simulated = { ...real, namespaces: false, privateTmp: false, notes: ['simulated host without namespaces'] };
  return { ...actual, hostCapabilities: async () => simulated };
});

const actual = await vi.importActual<typeof import('./host-capabilities.js')>('./host-capabilities.js');
// Running unsandboxed for real is only done where the real host could have sandboxed it.
const usable = actual.missingProtections(actual.protectionsFor(await actual.hostCapabilities()), REQUIRED_PROTECTIONS).length === 0 && existsSync(SYSTEM_PYTHON);
const MODULE = 'tally_service.py';
const tests = [path.join(FIXTURES.runtime, 'test_tally_acceptance.py')];

describe.skipIf(!usable)('runtime stage on a host lacking a required protection', () => {
  it('refuses: the module fails (runtime/not-run, tests/not-run), every other runtime and tests check is skipped with the reason', async () => {
    const report = await verifySource(MODULE, fixture(FIXTURES.runtime, MODULE), { tests });
    expect(report.sandbox).toMatchObject({ status: 'refused', unsandboxed: false, missing: ['networkNamespace', 'filesystemView', 'ipcNamespace'] });
    expect(report.sandbox?.reason).toContain('--allow-unsandboxed');
    // Gated: what needs the sandbox run (runtime or tests), plus the fail-closed ids that report it did not run.
    // The test-file checks (requirement 'test-files') read the files without running anything, so they still run.
    const failClosed = ['runtime/not-run', 'runtime/bad-results', 'tests/not-run'];
    const needsRun = new Set(ALL_CHECKS.filter((check) => check.requires?.some((need) => need === 'runtime' || need === 'tests')).map((check) => check.id));
    const isGated = (id: string) => needsRun.has(id) || failClosed.includes(id);
    const gated = report.checks.filter((check) => isGated(check.id));
    expect(gated.length).toBe(ALL_CHECKS.filter((check) => isGated(check.id)).length);
    expect(gated.filter((check) => !failClosed.includes(check.id)).every((check) => check.status === 'skipped' && check.reason?.includes('networkNamespace'))).toBe(true);
    expect(report.passed).toBe(false);
    const notRun = report.findings.filter((finding) => finding.checkId.endsWith('/not-run'));
    expect(notRun.map((finding) => finding.checkId)).toEqual(['runtime/not-run', 'tests/not-run']);
    expect(notRun.every((finding) => finding.severity === 'error' && finding.message.includes('networkNamespace'))).toBe(true);
  });

  it('runs with allowUnsandboxed, and the report says it ran without the missing protection', async () => {
    const report = await verifySource(MODULE, fixture(FIXTURES.runtime, MODULE), { tests, allowUnsandboxed: true });
    expect(report.sandbox?.reason ?? null).toBe(null);
    expect(report.sandbox).toMatchObject({ status: 'ran', unsandboxed: true, missing: ['networkNamespace', 'filesystemView', 'ipcNamespace'] });
    expect(report.sandbox?.protections.networkNamespace).toBe(false);
    expect(report.sandbox?.protections.unprivilegedUser).toBe(true);
    expect(report.sandbox?.runs.every((run) => run.leftoverProcesses === 0)).toBe(true);
    expect(runtimeFindings(report)).toEqual([]);
    expect(report.sandbox?.tests?.ran).toBe(4);
  });
});
