import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DesignSpec } from '../../../../inputs/design/design-types.js';
import { readDesign } from '../../../../inputs/design/read-design.js';
import { readStories } from '../../../../inputs/stories/read-stories.js';
import type { StoriesSpec } from '../../../../inputs/stories/story-types.js';
import type { CheckContext } from '../../../check-context.js';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../test-fixtures/designs/task_board');

/** The task board reference module: conforms to its design and stories (test-fixtures/designs/task_board). */
export const TASK_BOARD_MODULE = readFileSync(path.join(FIXTURE, 'task_board_service.py'), 'utf8');

let design: Promise<DesignSpec> | null = null;
let stories: StoriesSpec | null = null;

/** The task board design and stories, read once, added to a check context (the testCheck `prepare` hook). */
export async function withTaskBoard(context: CheckContext): Promise<CheckContext> {
  design ??= readDesign(readFileSync(path.join(FIXTURE, 'task_board_technical_design.md'), 'utf8'), { sourceName: 'task_board_technical_design.md' });
  stories ??= readStories(readFileSync(path.join(FIXTURE, 'task_board_user_stories.md'), 'utf8'), { sourceName: 'task_board_user_stories.md' });
  return { ...context, design: await design, stories };
}

/** The reference module with one piece of text replaced; fails loudly when the text is not there. */
export function mutate(from: string, to: string, source = TASK_BOARD_MODULE): string {
  if (!source.includes(from)) throw new Error(`mutation target not found: ${from}`);
  return source.replace(from, to);
}

/** 1-based line of the first occurrence of `needle` in `source`. */
export function lineOf(source: string, needle: string): number {
  const index = source.indexOf(needle);
  if (index < 0) throw new Error(`not found: ${needle}`);
  return source.slice(0, index).split('\n').length;
}
