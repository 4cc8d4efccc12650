import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/default-config.js';
import { verifyModule } from '../verify/verify-module.js';
import { verifyModules } from '../verify/verify-modules.js';
import { startTypeChecker, type TypeChecker } from './type-checker.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = path.resolve(ROOT, '../shared');
const fixture = (name: string) => path.join(ROOT, 'test-fixtures/types', name);

let checker: TypeChecker | null = null;
const typeChecker = () => (checker ??= startTypeChecker({ pythonVersion: '3.11' }));
afterAll(async () => checker?.close());

const verifyTyped = (file: string) => verifyModule({ path: file, source: readFileSync(file, 'utf8'), noRun: true, typeChecker: typeChecker() });
const typeFindings = (report: Awaited<ReturnType<typeof verifyModule>>) => report.findings.filter((finding) => finding.category === 'types').map((finding) => `${finding.line} ${finding.checkId}`);

describe('types/ in verifyModule', () => {
  it('a shadowed field, a wrong-typed argument, an unchecked optional and a contradicted return: one finding each', async () => {
    const report = await verifyTyped(fixture('four_mistakes.py'));
    expect(typeFindings(report)).toEqual(['18 types/attribute-access', '32 types/optional-access', '36 types/return-type', '42 types/argument-type']);
    expect(report.findings.find((finding) => finding.checkId === 'types/attribute-access')?.message).toContain('field `lockers` (line 12) is shadowed by the method `lockers()` (line 18)');
    // Ruff's F811 on the same shadowing is merged into the type finding.
    expect(report.findings.filter((finding) => finding.message.startsWith('F811'))).toEqual([]);
    expect(report.passed).toBe(false);
  });

  it('an undefined name is one finding: types/undefined-name, not also Ruff\'s F821', async () => {
    const report = await verifyTyped(fixture('undefined_name.py'));
    expect(typeFindings(report)).toEqual(['13 types/undefined-name']);
    expect(report.findings.filter((finding) => finding.message.startsWith('F821'))).toEqual([]);
  });

  it('without a type checker the types/ checks are skipped with the reason, and Ruff\'s F821 stays', async () => {
    const file = fixture('undefined_name.py');
    const report = await verifyModule({ path: file, source: readFileSync(file, 'utf8'), noRun: true, typesSkipReason: 'types not checked: --no-types given' });
    const types = report.checks.filter((check) => check.id.startsWith('types/'));
    expect(types.length).toBe(7);
    expect(types.every((check) => check.status === 'skipped' && check.reason === 'types not checked: --no-types given')).toBe(true);
    expect(report.findings.filter((finding) => finding.message.startsWith('F821')).map((finding) => finding.line)).toEqual([13]);
  });

  it("a user's `# type: ignore` hides a type error from pyright, and the report lists it as a waiver", async () => {
    const source = '"""Doc."""\n\n\ndef count() -> int:\n    """Count."""\n    return "0"  # type: ignore[return-value]\n';
    const report = await verifyModule({ path: 'm.py', source, noRun: true, typeChecker: typeChecker() });
    expect(typeFindings(report)).toEqual([]);
    expect(report.suppressed?.map((entry) => `${entry.line} ${entry.checkId} ${entry.suppressedBy.text}`)).toEqual(['6 types/other # type: ignore[return-value]']);
    const unchecked = await verifyModule({ path: 'm.py', source, noRun: true, typesSkipReason: '--no-types given' });
    expect(unchecked.suppressed ?? []).toEqual([]);
  });

  it('config severity applies to a types/ check like to any other', async () => {
    const file = fixture('return_type.py');
    const { defaultConfig } = await import('../config/config-schema.js');
    const config = { ...defaultConfig(), severity: { 'types/return-type': 'warning' as const } };
    const report = await verifyModule({ path: file, source: readFileSync(file, 'utf8'), noRun: true, config, typeChecker: typeChecker() });
    expect(report.findings.filter((finding) => finding.checkId === 'types/return-type').map((finding) => finding.severity)).toEqual(['warning', 'warning']);
  });
});

const references = [
  path.join(ROOT, 'examples/clinic_booking/clinic_booking_scheduler.py'),
  ...(existsSync(path.join(SHARED, 'examples'))
    ? readdirSync(path.join(SHARED, 'examples')).flatMap((name) => {
      const folder = path.join(SHARED, 'examples', name);
      return existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.py') && !file.startsWith('test_')).map((file) => path.join(folder, file)) : [];
    })
    : []),
];

describe('reference modules give no types/ finding', () => {
  for (const file of references) {
    it(path.relative(path.dirname(ROOT), file), async () => {
      const report = await verifyTyped(file);
      expect(typeFindings(report), report.findings.filter((finding) => finding.category === 'types').map((finding) => finding.message).join('\n')).toEqual([]);
      expect(report.checks.filter((check) => check.id.startsWith('types/')).every((check) => check.status === 'passed')).toBe(true);
    });
  }
});

describe('verifyModules: when types are checked', () => {
  const small = 'def add(left: int, right: int) -> int:\n    """Return the sum."""\n    return left + right\n';
  it('more modules than typesMaxFiles: skipped with the reason (no pyright started); --no-types says so', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'backsmith-types-batch-'));
    try {
      for (let index = 0; index < 6; index++) writeFileSync(path.join(folder, `module_${index}.py`), small);
      const many = await verifyModules({ paths: [folder], noRun: true });
      expect(new Set(many.modules.flatMap((module) => module.checks.filter((check) => check.id.startsWith('types/')).map((check) => check.reason)))).toEqual(
        new Set(['types not checked: 6 modules, more than the 5 checked by default (pass --types to check them in one pyright run)']),
      );
      const off = await verifyModules({ paths: [path.join(folder, 'module_0.py')], noRun: true, types: false });
      expect(off.modules[0]!.checks.find((check) => check.id === 'types/other')?.reason).toBe('types not checked: --no-types given');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a module larger than typesMaxKb: skipped with the reason, and pyright is never given it; types: true checks it', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'backsmith-types-size-'));
    try {
      const large = path.join(folder, 'large_module.py');
      writeFileSync(large, small.repeat(20));
      const checked: string[] = [];
      const recording = { check: async (_source: string, file: string) => (checked.push(path.basename(file)), []) };
      const config = { ...defaultConfig(), typesMaxKb: 1 };
      const report = await verifyModules({ paths: [large], noRun: true, config, typeChecker: recording });
      expect(report.modules[0]!.checks.find((check) => check.id === 'types/other')?.reason).toBe(
        'types not checked: the module is 2 KB, more than the 1 KB type-checked by default (typesMaxKb in the configuration; pass --types to check it anyway)',
      );
      expect(checked).toEqual([]);
      // Without a checker of the caller's, none is started: the reason is the same.
      const own = await verifyModules({ paths: [large], noRun: true, config });
      expect(own.modules[0]!.checks.find((check) => check.id === 'types/other')?.reason).toMatch(/^types not checked: the module is 2 KB, more than the 1 KB/);
      const forced = await verifyModules({ paths: [large], noRun: true, config, typeChecker: recording, types: true });
      expect(forced.modules[0]!.checks.find((check) => check.id === 'types/other')?.status).toBe('passed');
      expect(checked).toEqual(['large_module.py']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('types: true checks every module of the batch with one pyright', async () => {
    const report = await verifyModules({ paths: [fixture('return_type.py'), fixture('optional_access.py'), fixture('clean_module.py')], noRun: true, types: true, python: null });
    expect(report.modules.map((module) => module.findings.filter((finding) => finding.category === 'types').length)).toEqual([2, 2, 0]);
  }, 60_000);
});
