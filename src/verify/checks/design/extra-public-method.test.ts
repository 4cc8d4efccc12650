import { testCheck } from '../../test-support/check-tester.js';
import { extraPublicMethod } from './extra-public-method.js';
import { lineOf, mutate, TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

const property = mutate('    def _find(self, task_id: int) -> Task:', '    @property\n    def count(self) -> int:\n        """Number of tasks."""\n        return 0\n\n    def _find(self, task_id: int) -> Task:');
const code = mutate('    def _find(self, task_id: int) -> Task:', '    def clear(self) -> Dict[str, Any]:\n        """Remove every task."""\n        return {}\n\n    def _find(self, task_id: int) -> Task:');

testCheck(extraPublicMethod, {
  prepare: withTaskBoard,
  valid: [
    { name: 'the task board reference (private helpers are fine)', code: TASK_BOARD_MODULE },
    { name: 'a read-only @property is an attribute, not an extra method', code: property },
  ],
  invalid: [{ name: 'a public method the design does not have', code, findings: [{ line: lineOf(code, 'def clear'), messageIncludes: '`TaskBoard.clear` is public but not in the design' }] }],
});
