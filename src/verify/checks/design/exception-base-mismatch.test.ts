import { testCheck } from '../../test-support/check-tester.js';
import { exceptionBaseMismatch } from './exception-base-mismatch.js';
import { lineOf, mutate, TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

const code = mutate('class TaskNotFoundError(BoardError):', 'class TaskNotFoundError(LookupError):');

testCheck(exceptionBaseMismatch, {
  prepare: withTaskBoard,
  valid: [
    { name: 'the task board reference', code: TASK_BOARD_MODULE },
    { name: 'the base written with a module prefix', code: mutate('class TaskNotFoundError(BoardError):', 'class TaskNotFoundError(errors.BoardError):') },
  ],
  invalid: [{ name: 'wrong base', code, findings: [{ line: lineOf(code, 'class TaskNotFoundError'), messageIncludes: '`TaskNotFoundError` derives from `LookupError`; the design derives it from `BoardError`' }] }],
});
