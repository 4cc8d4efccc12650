// Test-file checks: what reading and checking a ~40-test acceptance file adds to verify (issue 12: ≤ 50 ms).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTestFile, readDesign, readStories, verifyModule } from '../dist/index.js';
import { median, report, timeRuns } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = path.join(ROOT, 'examples', 'clinic_booking');
const RUNS = 15;

/** Median CPU time (user + system of this process, worker threads included) of `task`, in ms. */
async function cpuRuns(task, runs) {
  const durations = [];
  for (let index = 0; index < runs; index++) {
    const before = process.cpuUsage();
    await task();
    const used = process.cpuUsage(before);
    durations.push((used.user + used.system) / 1000);
  }
  return durations;
}

export default async function testFileBench() {
  const testsPath = path.join(EXAMPLE, 'test_clinic_booking_acceptance.py');
  const modulePath = path.join(EXAMPLE, 'clinic_booking_scheduler.py');
  const source = readFileSync(testsPath, 'utf8');
  const moduleSource = readFileSync(modulePath, 'utf8');
  const design = await readDesign(readFileSync(path.join(EXAMPLE, 'clinic_booking_technical_design.md'), 'utf8'), { sourceName: 'design.md' });
  const stories = readStories(readFileSync(path.join(EXAMPLE, 'clinic_booking_user_stories.md'), 'utf8'));
  const tests = (source.match(/^\s+def test_/gm) ?? []).length;
  console.log(`test file: ${path.relative(ROOT, testsPath)} (${source.split('\n').length} lines, ${tests} tests)`);

  const input = { path: testsPath, source, moduleName: 'clinic_booking_scheduler', design, stories, moduleSource };
  const first = await checkTestFile(input);
  if (first.findings.length > 0) throw new Error(`the example's tests should give no finding: ${first.findings.map((finding) => finding.checkId).join(', ')}`);
  // checkTestFile parses the module under test too (verify has it parsed already).
  const freshInput = (python) => ({ ...input, design: structuredClone(design), stories: structuredClone(stories), python });
  report('checkTestFile (tree-sitter syntax)', await timeRuns(() => checkTestFile(freshInput(null)), RUNS, 3));
  report('checkTestFile (CPython syntax through the compile server)', await timeRuns(() => checkTestFile(freshInput('python3')), RUNS, 3));
  report('checkTestFile CPU time of this process', await cpuRuns(() => checkTestFile(freshInput(null)), RUNS));

  // What --tests adds to a verify whose sandbox does not run (the run itself is the runtime bench's).
  const common = { path: modulePath, source: moduleSource, design, stories, noRun: true, python: 'python3' };
  // Fresh copies of the design and stories each run: one `verify` indexes their messages once, and so does each run here.
  const fresh = (extra = {}) => ({ ...common, design: structuredClone(design), stories: structuredClone(stories), ...extra });
  const without = await timeRuns(() => verifyModule(fresh()), RUNS, 3);
  const withTests = await timeRuns(() => verifyModule(fresh({ tests: [testsPath] })), RUNS, 3);
  report('verifyModule --no-run, no test file', without);
  report('verifyModule --no-run, with the test file', withTests);
  const cpuWithout = await cpuRuns(() => verifyModule(fresh()), RUNS);
  const cpuWith = await cpuRuns(() => verifyModule(fresh({ tests: [testsPath] })), RUNS);
  console.log(`${'added by the test-file checks (median difference)'.padEnd(58)} wall ${(median(withTests) - median(without)).toFixed(1)} ms, CPU ${(median(cpuWith) - median(cpuWithout)).toFixed(1)} ms  (budget 50 ms)`);
}
