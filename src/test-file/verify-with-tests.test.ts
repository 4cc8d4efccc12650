import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDesignFile } from '../inputs/design/read-design-file.js';
import { readStoriesFile } from '../inputs/stories/read-stories-file.js';
import type { DesignSpec } from '../inputs/design/design-types.js';
import type { StoriesSpec } from '../inputs/stories/story-types.js';
import { formatHumanReport } from '../report/format-human.js';
import { formatSarifReport } from '../report/format-sarif.js';
import { verifyModule } from '../verify/verify-module.js';
import type { VerifyReport } from '../verify/verify-report.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-fixtures/test-files');
const fixture = (name: string) => path.join(FIXTURES, name);

describe('verifyModule with test files', () => {
  let design: DesignSpec;
  let stories: StoriesSpec;
  beforeAll(async () => {
    design = await readDesignFile(fixture('pantry_tracker_technical_design.md'));
    stories = await readStoriesFile(fixture('pantry_tracker_user_stories.md'));
  });

  it('reports the test files\' findings with their file, before anything runs, and a traceability table', async () => {
    const report = await verifyModule({
      path: fixture('pantry_tracker.py'), design, stories, noRun: true, python: null,
      tests: [fixture('test_pantry_reworded.py'), fixture('test_pantry_untested.py')],
    });
    const fromTests = report.findings.filter((finding) => finding.file !== undefined);
    expect(fromTests.map((finding) => `${finding.checkId} ${path.basename(finding.file!)}:${finding.line}`)).toEqual([
      'tests/message-reworded test_pantry_reworded.py:9',
      'tests/message-reworded test_pantry_reworded.py:13',
      'tests/message-reworded test_pantry_reworded.py:18',
      'tests/message-reworded test_pantry_reworded.py:21',
    ]);
    // Coverage is judged over both files: the reworded file names every criterion.
    expect(report.findings.some((finding) => finding.checkId === 'tests/criterion-untested')).toBe(false);
    expect(report.passed).toBe(false);
    expect(report.checks.find((check) => check.id === 'tests/call-arity')?.status).toBe('passed');
    expect(report.traceability?.map((row) => `${row.storyId} ${row.criterionId} ${row.outcome} ${row.tests.length}`)).toEqual([
      'US-001 AC1 not-run 2', 'US-001 AC2 not-run 2', 'US-002 AC1 not-run 1', 'US-002 AC2 not-run 1',
    ]);
    const verifyReport: VerifyReport = { tool: { name: 'backsmith', version: '0.0.0' }, passed: false, modules: [report] } as unknown as VerifyReport;
    const human = formatHumanReport(verifyReport);
    expect(human).toContain(`${fixture('test_pantry_reworded.py')}:9:45`);
    expect(human).toContain('Traceability (4 criteria: 4 not-run):');
    expect(human).toMatch(/US-001 AC1 {2}not-run {2}test_us001_ac1_add, test_us001_ac1_add/);
    const sarif = JSON.parse(formatSarifReport(verifyReport)) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const reworded = sarif.runs[0]!.results.find((result) => result.ruleId === 'tests/message-reworded')!;
    expect(reworded.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/test_pantry_reworded\.py$/);
  });

  it('skips the test-file checks without --tests, saying why', async () => {
    const report = await verifyModule({ path: fixture('pantry_tracker.py'), design, stories, noRun: true, python: null });
    expect(report.checks.find((check) => check.id === 'tests/embedded-copy')).toMatchObject({ status: 'skipped', reason: 'no --tests given' });
    expect(report.traceability).toBeUndefined();
  });
});
