import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs the built binary (bin/backsmith.js over dist/) as a user would. */
function runBacksmith(args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'backsmith.js'), ...args], { cwd: REPO_ROOT, input: '', encoding: 'utf8', timeout: 80_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const FIXTURES = path.join(REPO_ROOT, 'test-fixtures', 'test-files');
const fixture = (name: string) => path.join(FIXTURES, name);
const INPUTS = ['--design', fixture('pantry_tracker_technical_design.md'), '--stories', fixture('pantry_tracker_user_stories.md')];

describe('backsmith verify --tests (built binary): the test-file checks', () => {
  it('reports a test file\'s findings at the test file, in JSON with `file`, with a traceability table', () => {
    const run = runBacksmith(['verify', fixture('pantry_tracker.py'), ...INPUTS, '--tests', fixture('test_pantry_reworded.py'), fixture('test_pantry_untested.py'), '--json']);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { modules: Array<{ findings: Array<{ checkId: string; file?: string; line: number }>; traceability: Array<{ storyId: string; criterionId: string; outcome: string; tests: string[] }> }> };
    const [module] = report.modules;
    const reworded = module!.findings.filter((finding) => finding.checkId === 'tests/message-reworded');
    expect(reworded.map((finding) => `${path.basename(finding.file ?? '')}:${finding.line}`)).toEqual(['test_pantry_reworded.py:9', 'test_pantry_reworded.py:13', 'test_pantry_reworded.py:18', 'test_pantry_reworded.py:21']);
    expect(module!.traceability.map((row) => `${row.storyId} ${row.criterionId}`)).toEqual(['US-001 AC1', 'US-001 AC2', 'US-002 AC1', 'US-002 AC2']);
    expect(module!.traceability.every((row) => ['passed', 'failed', 'error', 'not-run'].includes(row.outcome) && row.tests.length > 0)).toBe(true);
  }, 90_000);

  it('fails a module whose only test file is not Python, pointing at the test file\'s line', () => {
    const broken = fixture('test_pantry_not_python.py');
    const run = runBacksmith(['verify', fixture('pantry_tracker.py'), ...INPUTS, '--tests', broken]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(8|13)(:\\d+)?  The test file is not valid Python`));
    expect(run.stdout).toContain('(tests/file-not-python)');
    // Tests of a file that is not Python test nothing.
    expect(run.stdout).toContain('Traceability (4 criteria: 4 no-test):');
  }, 90_000);
});
