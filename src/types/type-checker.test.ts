import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyModule } from '../verify/verify-module.js';
import { FALLBACK_PYTHON_VERSION, interpreterVersion, pyrightConfig } from './pyright-workspace.js';
import { startTypeChecker } from './type-checker.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-fixtures/types/return_type.py');

describe('startTypeChecker', () => {
  it('a pyright that gives no answer in time is a types/not-checked finding, not a pass; a closed checker refuses', async () => {
    const checker = startTypeChecker({ pythonVersion: '3.11', timeoutMs: 1 });
    try {
      const report = await verifyModule({ path: FIXTURE, source: readFileSync(FIXTURE, 'utf8'), noRun: true, typeChecker: checker });
      const notChecked = report.findings.filter((finding) => finding.checkId === 'types/not-checked');
      expect(notChecked.map((finding) => finding.message)).toEqual(['pyright could not type-check this module: pyright gave no diagnostics within 0.001 s']);
      expect(report.passed).toBe(false);
    } finally {
      await checker.close();
    }
    await expect(checker.check('x = 1\n', 'late.py')).rejects.toThrow('closed');
  }, 60_000);

  it('the same text is answered from memory; a changed text is checked again', async () => {
    const checker = startTypeChecker({ pythonVersion: '3.11' });
    try {
      const first = await checker.check('def f() -> int:\n    return "no"\n', 'draft.py');
      expect(first.map((finding) => `${finding.line} ${finding.checkId}`)).toEqual(['2 types/return-type']);
      expect(await checker.check('def f() -> int:\n    return "no"\n', 'draft.py')).toBe(first);
      expect(await checker.check('def f() -> int:\n    return 1\n', 'draft.py')).toEqual([]);
    } finally {
      await checker.close();
    }
  }, 60_000);
});

describe('pyright settings', () => {
  it('basic mode, no site-packages, missing imports not reported, type: ignore as asked', () => {
    expect(pyrightConfig({ pythonVersion: '3.12', honorTypeIgnore: false })).toMatchObject({
      typeCheckingMode: 'basic', pythonVersion: '3.12', venv: 'empty-venv', reportMissingImports: 'none', reportMissingModuleSource: 'none', enableTypeIgnoreComments: false,
    });
  });

  it('the Python version comes from the interpreter, 3.11 when there is none', async () => {
    expect(await interpreterVersion(null)).toBe(FALLBACK_PYTHON_VERSION);
    expect(await interpreterVersion('/no/such/python3')).toBe(FALLBACK_PYTHON_VERSION);
    expect(await interpreterVersion('python3')).toMatch(/^3\.\d+$/);
  }, 30_000);
});
