import { testCheck } from '../../test-support/check-tester.js';
import { mutate, TASK_BOARD_MODULE, withTaskBoard } from '../design/support/task-board.js';
import { messageMissing } from './message-missing.js';

testCheck(messageMissing, {
  prepare: withTaskBoard,
  valid: [
    { name: 'the task board reference (f-strings, .format, % templates, message constants)', code: TASK_BOARD_MODULE },
    { name: 'a message built with .format on a literal', code: mutate('MSG_REMOVED = "Task #{task_id} removed."', 'MSG_REMOVED = "Task #{} removed."') },
  ],
  invalid: [
    {
      name: 'a message replaced by another story\'s own message: missing, not a near miss of it',
      code: mutate('MSG_REMOVED = "Task #{task_id} removed."', 'MSG_REMOVED = MSG_ADDED'),
      findings: [{ line: 0, messageIncludes: 'no string in the module matches it' }],
    },
    {
      name: 'message dropped',
      code: mutate('MSG_EMPTY = "Nothing in {column} yet."', 'MSG_EMPTY = "Column is empty"'),
      findings: [{ line: 0, messageIncludes: 'US-103 AC2 expects "Nothing in done yet." (stories line 34); no string in the module matches it', symbol: 'US-103 AC2' }],
    },
  ],
});
