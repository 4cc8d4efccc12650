import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCheckContext } from '../../build-context.js';
import { runChecks } from '../../verify-module.js';
import { formatChecks } from '../format/index.js';
import { qualityChecks } from './index.js';

/** Realistic bad model outputs (test-fixtures/generated) and the check ids each must trip. */
const CASES: Array<{ file: string; errors: string[]; warnings: string[] }> = [
  {
    file: 'fenced-module-with-prose.py',
    errors: ['format/code-fence', 'format/module-start', 'format/surrounding-prose'],
    warnings: [],
  },
  {
    file: 'unfenced-prose-around-code.py',
    errors: ['format/module-start', 'format/surrounding-prose'],
    warnings: [],
  },
  {
    file: 'todo-and-pass-bodies.py',
    errors: ['quality/missing-docstring', 'quality/placeholder'],
    warnings: [],
  },
  {
    file: 'missing-hints-and-docstrings.py',
    errors: ['quality/missing-docstring', 'quality/missing-type-hints'],
    warnings: ['quality/docstring-sections', 'quality/magic-number', 'quality/module-example'],
  },
];

describe('format/ and quality/ checks on generated bad outputs', () => {
  for (const { file, errors, warnings } of CASES) {
    it(`flags ${file}`, async () => {
      const source = readFileSync(new URL(`../../../../test-fixtures/generated/${file}`, import.meta.url), 'utf8');
      const context = await buildCheckContext({ source, path: file });
      const { findings } = await runChecks(context, [...formatChecks, ...qualityChecks], {});
      const ids = (severity: string): string[] => [...new Set(findings.filter((finding) => finding.severity === severity).map((finding) => finding.checkId))].sort();
      expect(ids('error')).toEqual(errors);
      expect(ids('warning')).toEqual(warnings);
    });
  }
});
