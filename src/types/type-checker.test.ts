import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyModule } from '../verify/verify-module.js';
import { FALLBACK_PYTHON_VERSION, interpreterVersion, pyrightConfig } from './pyright-workspace.js';
import { startTypeChecker } from './type-checker.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-fixtures/types/return_type.py');
const BUILT_CHECKER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/types/type-checker.js');

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

// A separate Node process (the built checker) that checks one draft and ends without close():
// naturally, or through process.exit(); its TMPDIR must be empty afterwards.
describe.skipIf(!existsSync(BUILT_CHECKER))('a checker its caller never closes', () => {
  it.each([
    ['the process ends on its own', ''],
    ['the process calls process.exit()', 'process.exit(0);'],
  ])('leaves no temp folder behind when %s', async (_, ending) => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'backsmith-unclosed-'));
    try {
      const script = [
        `const { startTypeChecker } = await import(${JSON.stringify(pathToFileURL(BUILT_CHECKER).href)});`,
        `const { readdirSync } = await import('node:fs');`,
        `const checker = startTypeChecker({ pythonVersion: '3.11' });`,
        `const findings = await checker.check('def f() -> int:\\n    return "no"\\n', 'draft.py');`,
        `console.log(JSON.stringify({ findings: findings.map((finding) => finding.checkId), during: readdirSync(process.env.TMPDIR) }));`,
        ending,
      ].join('\n');
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TMPDIR: tmp }, encoding: 'utf8', timeout: 60_000 });
      expect(child.status, child.stderr).toBe(0);
      const seen = JSON.parse(child.stdout) as { findings: string[]; during: string[] };
      expect(seen.findings).toEqual(['types/return-type']);
      expect(seen.during).toContainEqual(expect.stringMatching(/^backsmith-types-/));
      // Ours is gone by the time the process has ended; pyright's own folder goes when pyright, which ends with its parent, does.
      expect(readdirSync(tmp).filter((name) => name.startsWith('backsmith-'))).toEqual([]);
      for (let waited = 0; waited < 10_000 && readdirSync(tmp).length > 0; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 90_000);
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
