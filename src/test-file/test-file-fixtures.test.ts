import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDesignFile } from '../inputs/design/read-design-file.js';
import { readStoriesFile } from '../inputs/stories/read-stories-file.js';
import type { DesignSpec } from '../inputs/design/design-types.js';
import type { StoriesSpec } from '../inputs/stories/story-types.js';
import { checkTestFile, type TestFileReport } from './check-test-file.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-fixtures/test-files');

/** Each defect class: a fixture, and the findings (`checkId line`) it must give, among the checks `only` names. */
const TABLE: Array<{ file: string; only?: string[]; findings: string[]; usable: boolean }> = [
  { file: 'test_pantry_good.py', findings: [], usable: true },
  { file: 'test_pantry_dynamic.py', findings: [], usable: true },
  { file: 'test_pantry_not_python.py', findings: ['tests/file-not-python 8'], usable: false },
  { file: 'test_pantry_literal_newlines.py', findings: ['tests/file-not-python 1'], usable: false },
  { file: 'test_pantry_fenced.md', only: ['tests/file-wrapped', 'tests/file-not-python', 'tests/module-not-imported'], findings: ['tests/file-wrapped 1'], usable: true },
  { file: 'test_pantry_no_import.py', only: ['tests/module-not-imported', 'tests/unknown-api'], findings: ['tests/module-not-imported 0'], usable: false },
  { file: 'test_pantry_embedded_copy.py', only: ['tests/embedded-copy', 'tests/module-not-imported'], findings: ['tests/module-not-imported 0', 'tests/embedded-copy 4', 'tests/embedded-copy 15'], usable: false },
  {
    file: 'test_pantry_unknown_api.py', only: ['tests/unknown-api', 'tests/call-arity'],
    findings: ['tests/unknown-api 4', 'tests/unknown-api 13', 'tests/unknown-api 17', 'tests/unknown-api 18'], usable: false,
  },
  {
    file: 'test_pantry_arity.py', only: ['tests/unknown-api', 'tests/call-arity'],
    findings: ['tests/call-arity 8', 'tests/call-arity 12', 'tests/call-arity 13', 'tests/call-arity 14', 'tests/call-arity 15'], usable: false,
  },
  {
    file: 'test_pantry_reworded.py', only: ['tests/message-reworded'],
    findings: ['tests/message-reworded 9', 'tests/message-reworded 13', 'tests/message-reworded 18', 'tests/message-reworded 21'], usable: false,
  },
  { file: 'test_pantry_untested.py', findings: ['tests/criterion-untested 0', 'tests/criterion-untested 0'], usable: true },
];

describe('test-file checks over the defect fixtures', () => {
  let design: DesignSpec;
  let stories: StoriesSpec;
  let moduleSource: string;
  beforeAll(async () => {
    design = await readDesignFile(path.join(FIXTURES, 'pantry_tracker_technical_design.md'));
    stories = await readStoriesFile(path.join(FIXTURES, 'pantry_tracker_user_stories.md'));
    moduleSource = await readFile(path.join(FIXTURES, 'pantry_tracker.py'), 'utf8');
  });
  const check = async (file: string, withModule: boolean): Promise<TestFileReport> => checkTestFile({
    path: file, source: await readFile(path.join(FIXTURES, file), 'utf8'), moduleName: 'pantry_tracker', design, stories,
    ...(withModule ? { moduleSource } : {}),
  });

  for (const row of TABLE) {
    for (const withModule of [true, false]) {
      it(`${row.file}${withModule ? ' (design and module)' : ' (design only)'}`, async () => {
        const report = await check(row.file, withModule);
        const shown = report.findings.filter((finding) => !row.only || row.only.includes(finding.checkId));
        expect(shown.map((finding) => `${finding.checkId} ${finding.line}`), report.findings.map((finding) => `${finding.checkId} ${finding.line}: ${finding.message}`).join('\n')).toEqual(row.findings);
        expect(report.usable).toBe(row.usable);
        expect(report.findings.every((finding) => finding.file === row.file)).toBe(true);
      });
    }
  }
});
