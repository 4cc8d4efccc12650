import { testCheck } from '../../test-support/check-tester.js';
import { missingConstant } from './missing-constant.js';
import { mutate, TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

testCheck(missingConstant, {
  prepare: withTaskBoard,
  valid: [{ name: 'the task board reference', code: TASK_BOARD_MODULE }],
  invalid: [{ name: 'constant renamed', code: mutate('MAX_TASKS = 200\n', 'BOARD_CAPACITY = 200\n'), findings: [{ line: 0, messageIncludes: 'constant `MAX_TASKS` = 200 (design line 13) is not defined at module level' }] }],
});
