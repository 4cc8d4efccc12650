import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../verify/registry.js';
import { canSandbox, findingKeys, FIXTURES, fixture, inject, runtimeFindings, verifySource } from './test-support/runtime-fixtures.js';

// The reference modules of ../shared/examples must pass every runtime check and their own
// acceptance tests; a defect injected into one is caught by its real acceptance tests.
const usable = (await canSandbox()) && existsSync(FIXTURES.shared);
const CASES = usable
  ? readdirSync(FIXTURES.shared).flatMap((name) => {
      const folder = path.join(FIXTURES.shared, name);
      const files = readdirSync(folder);
      const module = files.find((file) => file.endsWith('.py') && !file.startsWith('test_'));
      const tests = files.filter((file) => /^test_.*_acceptance\.py$/.test(file));
      return module && tests.length ? [{ name, folder, module, tests: tests.map((file) => path.join(folder, file)) }] : [];
    })
  : [];

describe.skipIf(!usable)('runtime stage on the shared reference modules', () => {
  it.each(CASES)('$name passes every runtime check and its acceptance tests', async ({ folder, module, tests }) => {
    const report = await verifySource(module, fixture(folder, module), { tests });
    expect(runtimeFindings(report).filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(report.sandbox?.status).toBe('ran');
    expect(report.sandbox?.tests).toMatchObject({ failed: 0, errors: 0, completed: true });
    expect(report.sandbox?.tests?.ran).toBeGreaterThanOrEqual(40);
    expect(report.sandbox?.probe).toMatchObject({ completed: true, restarts: 0 });
    // Every check that runs without stories must pass; the two that compare with the stories are skipped here.
    const needsStories = new Set(ALL_CHECKS.filter((check) => check.requires?.includes('stories')).map((check) => check.id));
    const outcomes = report.checks.filter((check) => /^(runtime|tests)\/|^contract\/(response-shape|exception-escapes)$|^safety\/network-or-fs$/.test(check.id) && !needsStories.has(check.id));
    expect(outcomes.map((check) => `${check.id} ${check.status}`)).toEqual(outcomes.map((check) => `${check.id} passed`));
  });

  it('catches a wrong loan period in the library module with the acceptance test of US-003', async () => {
    const library = CASES.find((entry) => entry.module === 'library_lending_service.py');
    if (!library) return;
    const source = inject(fixture(library.folder, library.module), 'LOAN_PERIOD_DAYS = 14', 'LOAN_PERIOD_DAYS = 15');
    const report = await verifySource(library.module, source, { tests: library.tests });
    const failed = report.findings.filter((finding) => finding.checkId === 'tests/failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.some((finding) => finding.message.includes('(US-003 AC1'))).toBe(true);
    expect(findingKeys(report)).toContain('runtime/doctest <module>');
  });
});
