import { testCheck } from '../../test-support/check-tester.js';
import { missingException } from './missing-exception.js';
import { mutate, TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

testCheck(missingException, {
  prepare: withTaskBoard,
  valid: [{ name: 'the task board reference', code: TASK_BOARD_MODULE }],
  invalid: [
    {
      name: 'exception class removed',
      code: mutate('class BoardFullError(BoardError):\n    """The board is at capacity."""\n', ''),
      findings: [{ line: 0, messageIncludes: 'exception `BoardFullError`(BoardError) (design line 36) is not defined; it carries BOARD_FULL', symbol: 'BoardFullError' }],
    },
  ],
});
