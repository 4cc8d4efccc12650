import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyModule } from '../../verify-module.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const MODULE = path.join(ROOT, 'test-fixtures/modules/clean_counter.py');
// Debian's interpreter without pytest: the case the hint is about.
const PLAIN_PYTHON = '/usr/bin/python3';
const hasPlainPython = existsSync(PLAIN_PYTHON) && spawnSync(PLAIN_PYTHON, ['-c', 'import pytest']).status === 1;

describe('tests/none-ran hint', () => {
  it.skipIf(!hasPlainPython)('names the interpreter and how to install pytest when pytest-style tests meet an interpreter without it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'backsmith-none-ran-'));
    try {
      const tests = path.join(dir, 'test_counter_plain.py');
      await writeFile(tests, 'import clean_counter\n\n\ndef test_module_loads():\n    assert clean_counter is not None\n');
      const report = await verifyModule({ path: MODULE, tests: [tests], python: PLAIN_PYTHON });
      const finding = report.findings.find((entry) => entry.checkId === 'tests/none-ran');
      expect(finding, JSON.stringify(report.findings.map((entry) => entry.checkId))).toBeDefined();
      expect(finding!.hint).toMatch(/^The test files hold 1 pytest-style test, but \S*python3\S* has no pytest: install it for that interpreter \(`\S*python3\S* -m pip install pytest`\)/);
      expect(finding!.hint).not.toContain('Give files with');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
