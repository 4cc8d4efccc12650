import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readStories } from './read-stories.js';
import type { StoriesSpec } from './story-types.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-fixtures/designs');

function stories(name: string): StoriesSpec {
  return readStories(readFileSync(path.join(FIXTURES, name, `${name}_user_stories.md`), 'utf8'), { sourceName: `${name}_user_stories.md` });
}

const messages = (spec: StoriesSpec) => spec.stories.flatMap((story) => story.messages.map((message) => `${story.id} ${message.criterionId} ${message.kind ?? '-'}: ${message.template}`));

describe('readStories', () => {
  it('reads numbered Given/When/Then lines, stated kinds and <x> / [x] placeholders (task_board)', () => {
    const spec = stories('task_board');
    expect(spec.stories.map((story) => `${story.id}: ${story.title} (${story.role} | ${story.goal} | ${story.benefit})`)).toEqual([
      'US-101: Add a task (team lead | put a task on the board | nobody forgets it)',
      'US-102: Move a task (team lead | move a task across columns | the board shows progress)',
      'US-103: Clear and review the board (team lead | remove finished work and look at one column | the board stays short)',
    ]);
    expect(spec.stories[0]!.criteria[0]).toMatchObject({ id: 'AC1', given: 'an empty board', when: 'I add "Write release notes"', line: 12 });
    expect(spec.stories[0]!.criteria[0]!.then).toBe('a success message "Task #1 \'Write release notes\' added to todo." is shown');
    expect(messages(spec)).toEqual([
      "US-101 AC1 success: Task #1 'Write release notes' added to todo.",
      'US-101 AC2 error: A task needs a title.',
      'US-101 AC3 error: Titles are limited to 80 characters.',
      'US-101 AC4 error: Priority must be 1, 2 or 3.',
      'US-101 AC5 -: The board already holds 200 tasks.',
      'US-102 AC1 -: Task #{task_id} moved to {column}.',
      'US-102 AC2 error: There is no task #{task_id}.',
      "US-102 AC3 -: Unknown column 'later'. Use todo, doing or done.",
      'US-103 AC1 -: Task #1 removed.',
      'US-103 AC2 info: Nothing in done yet.',
      'US-103 AC3 -: 2 task(s) in todo.',
    ]);
    const moved = spec.stories[1]!.messages[0]!;
    expect(moved).toMatchObject({ text: 'Task #<task_id> moved to <column>.', placeholders: ['task_id', 'column'], line: 25 });
    expect(spec.warnings).toEqual([]);
  });

  it('reads bold-paragraph stories, Gherkin scenarios and "Scenario n:" bullets (recipe_box)', () => {
    const spec = stories('recipe_box');
    expect(spec.stories.map((story) => `${story.id} ${story.title} [${story.criteria.map((criterion) => criterion.id).join(', ')}]`)).toEqual([
      'RB-1 Save a recipe [Scenario 1, Scenario 2]',
      'RB-2 Scale a recipe [Scenario 1, Scenario 2, Scenario 3]',
    ]);
    expect(spec.stories[0]!.criteria[1]).toMatchObject({ given: '"Lentil soup" is saved', when: 'I save it again without overwrite', line: 13 });
    expect(messages(spec)).toEqual([
      "RB-1 Scenario 1 -: Saved 'Lentil soup' (5 ingredients).",
      "RB-1 Scenario 2 -: A recipe called 'Lentil soup' is already saved.",
      'RB-2 Scenario 2 error: Servings must be between 1 and 24.',
      "RB-2 Scenario 3 -: No recipe called '{title}'.",
    ]);
  });

  it('reads criteria under an "Acceptance criteria" heading and AC-n ids, with warning and success kinds (gym_booking)', () => {
    const spec = stories('gym_booking');
    expect(spec.stories.map((story) => `${story.id} [${story.criteria.map((criterion) => criterion.id).join(', ')}]`)).toEqual(['GYM-1 [AC1, AC2]', 'GYM-2 [AC-1, AC-2]']);
    expect(messages(spec)).toEqual([
      'GYM-1 AC1 -: Ana booked into spin-1800.',
      'GYM-1 AC2 warning: spin-1800 is full; Ben is on the wait list.',
      'GYM-2 AC-1 success: Ana cancelled; Ben moved up from the wait list.',
      'GYM-2 AC-2 error: Ana has no booking for spin-1800.',
    ]);
  });

  it('numbers stories without ids and reads task-list criteria (plant_watering)', () => {
    const spec = stories('plant_watering');
    expect(spec.stories.map((story) => `${story.id} ${story.title} (${story.role})`)).toEqual(['US-001 Remember a plant (plant owner)', 'US-002 Morning check (plant owner)']);
    expect(spec.warnings.map((warning) => `${warning.kind}@${warning.line}`)).toEqual(['missing-id@3', 'missing-id@10']);
    expect(spec.stories[0]!.criteria[0]!.given).toBe('a fern watered every 5 days');
    expect(messages(spec)).toContain('US-002 AC1 info: No plant needs water today.');
  });

  it('ignores quoted values that are not messages, and the As-a sentence', () => {
    const spec = readStories([
      '## US-9 Search', '',
      'As a volunteer, I want to search so that I can answer "what do I have out?" quickly.', '',
      '- Given the title "The Quiet Orchard" and ISBN "9780306406157", when I pick "9780306406157 | The Quiet Orchard (2 available)", then I see "Found 1 book(s)."',
      '- Given "include returned" is ticked, then the status is "Overdue".',
    ].join('\n'));
    expect(messages(spec)).toEqual(['US-9 AC1 -: Found 1 book(s).']);
    expect(spec.stories[0]!.benefit).toBe('I can answer "what do I have out?" quickly');
  });

  it('warns about a document without stories, duplicate ids and stories without criteria', () => {
    expect(readStories('Just some notes.\n').warnings.map((warning) => warning.kind)).toEqual(['no-stories']);
    const spec = readStories('## US-1 A\n\nAs a user, I want x so that y.\n\n## US-1 B\n\n- Given a, then "Done here."\n');
    expect(spec.warnings.map((warning) => `${warning.kind}@${warning.line}`)).toEqual(['no-criteria@1', 'duplicate-id@5']);
  });
});
