import { testCheck } from '../../test-support/check-tester.js';
import { extraPublicMethod } from './extra-public-method.js';
import { lineOf, mutate, TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

const code = mutate('    def _find(self, task_id: int) -> Task:', '    def clear(self) -> Dict[str, Any]:\n        """Remove every task."""\n        return {}\n\n    def _find(self, task_id: int) -> Task:');

testCheck(extraPublicMethod, {
  prepare: withTaskBoard,
  valid: [{ name: 'the task board reference (private helpers are fine)', code: TASK_BOARD_MODULE }],
  invalid: [{ name: 'a public method the design does not have', code, findings: [{ line: lineOf(code, 'def clear'), messageIncludes: '`TaskBoard.clear` is public but not in the design' }] }],
});
