import { criterionCoverage } from '../../../test-file/criterion-coverage.js';
import { defineTestFileCheck } from '../../../test-file/define-test-file-check.js';

const MAX_CRITERION_TEXT = 90;

/** `tests/criterion-untested`: an acceptance criterion of the stories that no test names is a promise nobody checks. */
export const criterionUntested = defineTestFileCheck({
  id: 'tests/criterion-untested',
  severity: 'warning',
  description: 'Every acceptance criterion of the user stories should have a test that names it (`test_us001_ac2_…`, or "US-001 AC2" in its docstring or a comment): a criterion without one is never checked.',
  fixHint: 'Add a test per listed criterion, named test_usNNN_acN_<what it checks>, that sets up the criterion\'s Given, does its When and asserts its Then.',
  alsoRequires: ['stories'],
  checkFile(file, all) {
    const stories = file.stories;
    // Judged once over every test file of the run: a criterion another file tests is covered.
    const valid = all.filter((candidate) => !candidate.invalid);
    if (!stories || valid[0] !== file) return [];
    const coverage = criterionCoverage(stories, valid.map((candidate) => ({ fileName: candidate.fileName, module: candidate.module })));
    return coverage.filter((entry) => entry.tests.length === 0).map((entry) => {
      const criterion = stories.stories.find((story) => story.id === entry.storyId)?.criteria.find((candidate) => candidate.id === entry.criterionId);
      const text = criterion ? criterion.text.replace(/\s+/g, ' ').trim() : '';
      const shown = text.length > MAX_CRITERION_TEXT ? `${text.slice(0, MAX_CRITERION_TEXT - 1)}…` : text;
      return { line: 0, symbol: `${entry.storyId} ${entry.criterionId}`, message: `${entry.storyId} ${entry.criterionId} has no test${shown ? ` ("${shown}")` : ''}` };
    });
  },
});
