/**
 * The one place this folder reaches issue 12 part 1's test-file checks. TEMPORARY stub with the
 * agreed signature until `src/test-file/check-test-file.ts` lands; then this re-exports it.
 */
import type { DesignSpec } from '../inputs/design/design-types.js';
import type { StoriesSpec } from '../inputs/stories/story-types.js';
import { readPythonModule } from '../python/read-module.js';
import type { Finding } from '../verify/finding.js';

/** What the test-file checks read. */
export interface CheckTestFileInput {
  path: string;
  source: string;
  moduleName: string;
  design?: DesignSpec;
  stories?: StoriesSpec;
  moduleSource?: string;
}

/** Which tests cover one story criterion. */
export interface CriterionCoverage {
  storyId: string;
  criterionId: string;
  tests: string[];
}

/** The verdict on one test file. */
export interface TestFileReport {
  path: string;
  findings: Finding[];
  usable: boolean;
  code: string;
  coverage: CriterionCoverage[];
}

function finding(checkId: string, message: string, line: number, hint: string): Finding {
  return { checkId, category: 'tests', severity: 'error', message, line, hint };
}

/** Stub of the test-file checks: parses, imports the module, defines no copy of the design's names. */
export async function checkTestFile(input: CheckTestFileInput): Promise<TestFileReport> {
  const module = await readPythonModule(input.source);
  const findings: Finding[] = [];
  if (module.parseErrors.length > 0) findings.push(finding('tests/file-not-python', `the test file is not valid Python (line ${module.parseErrors[0]!.line})`, module.parseErrors[0]!.line, 'Reply with raw Python only.'));
  if (!module.imports.some((entry) => entry.module === input.moduleName)) {
    findings.push(finding('tests/no-module-import', `the test file never imports the module \`${input.moduleName}\``, 0, `Import the module under test: \`from ${input.moduleName} import ...\`.`));
  }
  const designNames = new Set([...(input.design?.classes ?? []).map((entry) => entry.name), ...(input.design?.functions ?? []).map((entry) => entry.name), ...(input.design?.exceptions ?? []).map((entry) => entry.name)]);
  for (const definition of [...module.classes, ...module.functions]) {
    if (designNames.has(definition.name)) findings.push(finding('tests/embedded-module-copy', `the test file defines its own \`${definition.name}\``, definition.line, 'Delete the copy and import the name from the module under test.'));
  }
  const names = module.classes.flatMap((entry) => entry.methods.map((method) => method.name));
  const coverage = (input.stories?.stories ?? []).flatMap((story) => story.criteria.map((criterion) => {
    const prefix = `test_us${story.id.replace(/\D/g, '').padStart(3, '0')}_ac${criterion.id.replace(/\D/g, '')}_`;
    return { storyId: story.id, criterionId: criterion.id, tests: names.filter((name) => name.startsWith(prefix)) };
  }));
  return { path: input.path, findings, usable: findings.length === 0, code: input.source, coverage };
}
