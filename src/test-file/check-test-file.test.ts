import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDesignFile } from '../inputs/design/read-design-file.js';
import { readStoriesFile } from '../inputs/stories/read-stories-file.js';
import { checkTestFile } from './check-test-file.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLINIC = path.join(ROOT, 'examples/clinic_booking');

describe('checkTestFile on the bundled example', () => {
  it('finds nothing in examples/clinic_booking test file', async () => {
    const [design, stories, source, moduleSource] = await Promise.all([
      readDesignFile(path.join(CLINIC, 'clinic_booking_technical_design.md')),
      readStoriesFile(path.join(CLINIC, 'clinic_booking_user_stories.md')),
      readFile(path.join(CLINIC, 'test_clinic_booking_acceptance.py'), 'utf8'),
      readFile(path.join(CLINIC, 'clinic_booking_scheduler.py'), 'utf8'),
    ]);
    const report = await checkTestFile({ path: 'test_clinic_booking_acceptance.py', source, moduleName: 'clinic_booking_scheduler', design, stories, moduleSource });
    expect(report.findings.map((finding) => `${finding.checkId} ${finding.line}: ${finding.message}`)).toEqual([]);
    expect(report.usable).toBe(true);
    expect(report.coverage.every((entry) => entry.tests.length > 0)).toBe(true);
    const designOnly = await checkTestFile({ path: 'test_clinic_booking_acceptance.py', source, moduleName: 'clinic_booking_scheduler', design, stories });
    expect(designOnly.findings.map((finding) => `${finding.checkId} ${finding.line}: ${finding.message}`)).toEqual([]);
  });
});

const SHARED = path.resolve(ROOT, '../shared/examples');
const SHARED_CASES = [
  { folder: 'expense_splitter', module: 'expense_splitter_ledger' },
  { folder: 'library_lending', module: 'library_lending_service' },
];

describe('checkTestFile on the shared examples', () => {
  for (const { folder, module } of SHARED_CASES) {
    const base = path.join(SHARED, folder);
    it.skipIf(!existsSync(base))(`finds nothing in ${folder}'s acceptance tests`, async () => {
      const feature = folder;
      const [design, stories, source, moduleSource] = await Promise.all([
        readDesignFile(path.join(base, `${feature}_technical_design.md`)),
        readStoriesFile(path.join(base, `${feature}_user_stories.md`)),
        readFile(path.join(base, `test_${feature}_acceptance.py`), 'utf8'),
        readFile(path.join(base, `${module}.py`), 'utf8'),
      ]);
      const report = await checkTestFile({ path: `test_${feature}_acceptance.py`, source, moduleName: module, design, stories, moduleSource });
      expect(report.findings.map((finding) => `${finding.checkId} ${finding.line}: ${finding.message}`)).toEqual([]);
      const designOnly = await checkTestFile({ path: `test_${feature}_acceptance.py`, source, moduleName: module, design, stories });
      expect(designOnly.findings.map((finding) => `${finding.checkId} ${finding.line}: ${finding.message}`)).toEqual([]);
    });
  }
});
