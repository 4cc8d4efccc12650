import { testCheck } from '../../test-support/check-tester.js';
import { lineOf, mutate, TASK_BOARD_MODULE, withTaskBoard } from '../design/support/task-board.js';
import { messageMismatch } from './message-mismatch.js';

const reworded = mutate('"TITLE_REQUIRED": "A task needs a title."', '"TITLE_REQUIRED": "A task needs a name."');
const repunctuated = mutate('MSG_REMOVED = "Task #{task_id} removed."', 'MSG_REMOVED = "Task #{task_id} was removed!"');

testCheck(messageMismatch, {
  prepare: withTaskBoard,
  valid: [{ name: 'the task board reference', code: TASK_BOARD_MODULE }],
  invalid: [
    {
      name: 'reworded message',
      code: reworded,
      findings: [{ line: lineOf(reworded, 'A task needs a name.'), messageIncludes: 'US-101 AC2 expects "A task needs a title." (stories line 16) but the module says "A task needs a name."; story → module: "title" → "name"' }],
    },
    {
      name: 'words and punctuation changed',
      code: repunctuated,
      findings: [{ line: lineOf(repunctuated, 'was removed!'), messageIncludes: 'story → module: added "was", "." → "!"' }],
    },
  ],
});
