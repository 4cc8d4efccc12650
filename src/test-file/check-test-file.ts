import type { DesignSpec } from '../inputs/design/design-types.js';
import type { StoriesSpec } from '../inputs/stories/story-types.js';
import { readPythonModule } from '../python/read-module.js';
import type { PythonModule } from '../python/python-model.js';
import type { CheckRequirement } from '../verify/check.js';
import { testFileChecks } from '../verify/checks/tests/index.js';
import { SEVERITY_ORDER, type Finding } from '../verify/finding.js';
import { testFileCoverage, type CriterionCoverage } from './criterion-coverage.js';
import type { TestFileCheck } from './define-test-file-check.js';
import { buildTestFileContext, type TestFileContext } from './test-file-context.js';

export type { CriterionCoverage } from './criterion-coverage.js';

/** One test file to check, and what it is checked against. */
export interface CheckTestFileInput {
  /** For messages and the report. */
  path: string;
  /** The file's text as given (may be fenced or wrapped in prose). */
  source: string;
  /** The deliverable's import name, e.g. `clinic_booking_scheduler`. */
  moduleName: string;
  /** The API the tests may call. */
  design?: DesignSpec;
  /** Criteria and messages. */
  stories?: StoriesSpec;
  /** The module under test, when known (its API counts as known too). */
  moduleSource?: string;
  /** Interpreter for CPython's syntax verdict; absent or null: tree-sitter decides. */
  python?: string | null;
}

/** The verdict on one test file. */
export interface TestFileReport {
  path: string;
  /** Every finding carries `file` = this test file's path. */
  findings: Finding[];
  /** False when an error finding means the file cannot verify the module. */
  usable: boolean;
  /** The extracted Python (fences and prose removed), to run or write. */
  code: string;
  /** Per story criterion, the tests that name it (empty without stories). */
  coverage: CriterionCoverage[];
}

/** Runs the test-file checks over prepared test files, as findings (a check that crashes is a finding too, never a pass). */
export function runTestFileChecks(files: readonly TestFileContext[], checks: readonly TestFileCheck[] = testFileChecks): Finding[] {
  const findings: Finding[] = [];
  const present = (requirement: CheckRequirement, file: TestFileContext) =>
    requirement === 'test-files' || (requirement === 'stories' && !!file.stories) || (requirement === 'design' && !!file.design);
  for (const file of files) {
    for (const check of checks) {
      if (!(check.requires ?? []).every((requirement) => present(requirement, file))) continue;
      try {
        for (const report of check.checkFile(file, files)) {
          findings.push({
            checkId: check.id, category: check.category, severity: report.severity ?? check.severity, message: report.message, line: report.line,
            ...(report.column !== undefined ? { column: report.column } : {}),
            ...(report.symbol !== undefined ? { symbol: report.symbol } : {}),
            hint: report.hint ?? check.fixHint, file: report.file ?? file.path,
          });
        }
      } catch (error) {
        findings.push({
          checkId: 'verify/internal-error', category: 'verify', severity: 'error', line: 0, file: file.path,
          message: `${check.id} could not check this test file (check crashed: ${(error as Error).message.slice(0, 200)})`,
          hint: 'Simplify the test file; if it is ordinary, report the message as a backsmith bug.',
        });
      }
    }
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line);
}

/**
 * Checks one acceptance test file before anything runs: valid Python (fences and prose removed and
 * reported), imports the module under test and defines no copy of it, calls only the API the design
 * or the module defines with fitting arguments, asserts the stories' messages verbatim, and which
 * criteria its tests name. Never throws for a bad file: that is a finding.
 */
export async function checkTestFile(input: CheckTestFileInput): Promise<TestFileReport> {
  let targetModule: PythonModule | undefined;
  if (input.moduleSource !== undefined) targetModule = await readPythonModule(input.moduleSource);
  const file = await buildTestFileContext({
    path: input.path, source: input.source, moduleName: input.moduleName,
    ...(input.design ? { design: input.design } : {}),
    ...(input.stories ? { stories: input.stories } : {}),
    ...(targetModule ? { targetModule } : {}),
    ...(input.python !== undefined ? { python: input.python } : {}),
  });
  const findings = runTestFileChecks([file]);
  return {
    path: input.path,
    findings,
    usable: !findings.some((finding) => finding.severity === 'error'),
    code: file.code,
    coverage: testFileCoverage([file]),
  };
}
