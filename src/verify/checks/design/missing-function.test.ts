import { testCheck } from '../../test-support/check-tester.js';
import { missingFunction } from './missing-function.js';
import { mutate, TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

testCheck(missingFunction, {
  prepare: withTaskBoard,
  valid: [{ name: 'the task board reference', code: TASK_BOARD_MODULE }],
  invalid: [
    { name: 'helper renamed', code: mutate('def normalize_title(raw: str) -> str:', 'def clean_title(raw: str) -> str:'), findings: [{ line: 0, messageIncludes: 'function `normalize_title` (design line 62) is not defined', symbol: 'normalize_title' }] },
    {
      name: 'helper made a method',
      code: mutate('    def _find(self, task_id: int) -> Task:', '    def normalize_title(self, raw: str) -> str:\n        return raw\n\n    def _find(self, task_id: int) -> Task:', mutate('def normalize_title(raw: str) -> str:', 'def clean_title(raw: str) -> str:')),
      findings: [{ line: 0, messageIncludes: '`TaskBoard.normalize_title` is a method instead' }],
    },
  ],
});
