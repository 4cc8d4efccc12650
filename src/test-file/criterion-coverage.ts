import type { StoriesSpec } from '../inputs/stories/story-types.js';
import { findMethod } from '../python/callables.js';
import type { PythonFunction, PythonModule } from '../python/python-model.js';
import { countModuleTests } from '../sandbox/count-tests.js';
import { storyIdsOf } from '../sandbox/run-tests.js';
import type { TestFileContext } from './test-file-context.js';

/** Which tests cover one acceptance criterion of the stories. */
export interface CriterionCoverage {
  storyId: string;
  criterionId: string;
  /** Test ids as the runner keys them: `test_x.py::Class::test_method` or `test_x.py::test_function`. */
  tests: string[];
}

/** A criterion named by a test: story and criterion numbers. */
interface Mention {
  story: number;
  criterion: number;
}

const numberOf = (id: string | null): number | null => {
  const digits = id === null ? null : /(\d+)/.exec(id);
  return digits ? Number(digits[1]) : null;
};

// Mentions in prose: "US-001 AC2", "US 3 / AC-1", "Story 2, scenario 4", "AC2 and AC3".
const PROSE_MENTION = /(?<![\p{L}\p{N}])(?:(US|user story|story)|(AC|acceptance criterion|criterion|scenario))[\s_#:.-]*(\d+)(?![\p{N}])/giu;

const STORY_MENTION = /(?<![\p{L}\p{N}])(?:US|user story|story)[\s_#:.-]*(\d+)/iu;

/** Criteria a text names; a criterion number without a story belongs to the last story named (or `story`). */
export function mentionsIn(text: string, story: number | null): Mention[] {
  const mentions: Mention[] = [];
  let current = story;
  for (const match of text.matchAll(PROSE_MENTION)) {
    const value = Number(match[3]);
    if (match[1]) current = value;
    else if (current !== null) mentions.push({ story: current, criterion: value });
  }
  return mentions;
}

/** Comments inside a test and in the block right above it (its decorators included). */
function commentsOf(fn: PythonFunction, module: PythonModule, commentLines: ReadonlyMap<number, string>): string[] {
  const above = new Set<number>();
  const firstLine = fn.line - fn.decorators.length;
  for (let line = firstLine - 1; commentLines.has(line); line--) above.add(line);
  const texts = [...above].sort((a, b) => a - b).map((line) => commentLines.get(line)!);
  // Comments are in source order: find the first inside the test by bisection, so many tests with many comments stay linear.
  const { comments } = module;
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (comments[middle]!.line < fn.line) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < comments.length && comments[index]!.line <= fn.endLine; index++) texts.push(comments[index]!.text);
  return texts;
}

/** The criteria one test names: in its name, its class's name, its docstring and its comments. */
function testMentions(testName: string, className: string | null, fn: PythonFunction | undefined, module: PythonModule, classText: string, commentLines: ReadonlyMap<number, string>): Mention[] {
  const fromName = storyIdsOf(testName);
  const classStory = className ? numberOf(storyIdsOf(className).story) ?? numberOf(STORY_MENTION.exec(classText)?.[1] ?? null) : null;
  const story = numberOf(fromName.story) ?? classStory;
  const mentions: Mention[] = [];
  const criterion = numberOf(fromName.criterion) ?? numberOf(/(?:^|_)ac_?(\d+)(?:_|$)/i.exec(testName)?.[1] ?? null);
  if (story !== null && criterion !== null) mentions.push({ story, criterion });
  const texts = [fn?.docstring?.text ?? '', ...(fn ? commentsOf(fn, module, commentLines) : [])];
  for (const text of texts) mentions.push(...mentionsIn(text, story));
  return mentions;
}

const mentionsByModule = new WeakMap<PythonModule, Map<string, Array<{ id: string; mentions: Mention[] }>>>();

/** The test ids a parsed test file defines, each with the criteria it names (read once per file: the check and the traceability table share it). */
export function testsWithMentions(fileName: string, module: PythonModule): Array<{ id: string; mentions: Mention[] }> {
  const byName = mentionsByModule.get(module) ?? new Map<string, Array<{ id: string; mentions: Mention[] }>>();
  mentionsByModule.set(module, byName);
  const known = byName.get(fileName);
  if (known) return known;
  const read = readTestsWithMentions(fileName, module);
  byName.set(fileName, read);
  return read;
}

function readTestsWithMentions(fileName: string, module: PythonModule): Array<{ id: string; mentions: Mention[] }> {
  const counted = countModuleTests(fileName, module);
  const classes = new Map(module.classes.map((cls) => [cls.name, cls]));
  const commentLines = new Map(module.comments.map((comment) => [comment.line, comment.text]));
  return [...counted.unittest, ...counted.pytestOnly].map((id) => {
    const parts = id.split('::');
    const testName = parts[parts.length - 1]!;
    const cls = parts.length === 3 ? classes.get(parts[1]!) : undefined;
    const fn = cls ? findMethod(module, cls, testName) : module.functions.find((candidate) => candidate.name === testName);
    const classText = cls ? `${cls.name}\n${cls.docstring?.text ?? ''}` : '';
    return { id, mentions: testMentions(testName, cls?.name ?? null, fn, module, classText, commentLines) };
  });
}

/** For every criterion of the stories, the tests of these files that name it (none: the criterion has no test). */
export function criterionCoverage(stories: StoriesSpec, files: Array<{ fileName: string; module: PythonModule }>): CriterionCoverage[] {
  const tests = files.flatMap((file) => testsWithMentions(file.fileName, file.module));
  const byKey = new Map<string, string[]>();
  for (const test of tests) {
    for (const mention of test.mentions) {
      const key = `${mention.story}:${mention.criterion}`;
      const list = byKey.get(key) ?? [];
      if (!list.includes(test.id)) list.push(test.id);
      byKey.set(key, list);
    }
  }
  return stories.stories.flatMap((story, storyIndex) => story.criteria.map((criterion, criterionIndex) => {
    const key = `${numberOf(story.id) ?? storyIndex + 1}:${numberOf(criterion.id) ?? criterionIndex + 1}`;
    return { storyId: story.id, criterionId: criterion.id, tests: byKey.get(key) ?? [] };
  }));
}

/** Per story criterion, the tests of these test files (the valid ones) that name it; empty without stories. */
export function testFileCoverage(files: readonly TestFileContext[]): CriterionCoverage[] {
  const stories = files[0]?.stories;
  if (!stories) return [];
  return criterionCoverage(stories, files.filter((file) => !file.invalid).map((file) => ({ fileName: file.fileName, module: file.module })));
}
