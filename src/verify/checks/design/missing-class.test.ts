import { testCheck } from '../../test-support/check-tester.js';
import { missingClass } from './missing-class.js';
import { mutate, TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

testCheck(missingClass, {
  prepare: withTaskBoard,
  valid: [{ name: 'the task board reference', code: TASK_BOARD_MODULE }],
  invalid: [
    { name: 'primary class renamed', code: mutate('class TaskBoard:', 'class Board:'), findings: [{ line: 0, messageIncludes: 'primary class `TaskBoard`', symbol: 'TaskBoard' }] },
    { name: 'model class missing', code: mutate('@dataclass\nclass Task:', '@dataclass\nclass Todo:'), findings: [{ line: 0, messageIncludes: 'data model `Task` (design line 21)' }] },
  ],
});
