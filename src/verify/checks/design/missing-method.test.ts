import { testCheck } from '../../test-support/check-tester.js';
import { missingMethod } from './missing-method.js';
import { lineOf, mutate, TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

const withoutRemove = mutate('    def remove_task(self, task_id: int) -> Dict[str, Any]:', '    def delete_task(self, task_id: int) -> Dict[str, Any]:');
const inheritedInit = mutate('    def __init__(self) -> None:\n        self._tasks', '    def setup(self) -> None:\n        self._tasks', mutate('class TaskBoard:', 'class _Base:\n    def __init__(self) -> None:\n        pass\n\n\nclass TaskBoard(_Base):'));

const implicitInit = mutate('    def __init__(self) -> None:\n        self._tasks', '    def setup(self) -> None:\n        self._tasks');

const movedOut = mutate('def normalize_title(raw: str) -> str:', 'def list_column(column: str = "todo") -> Dict[str, Any]:\n    return {}\n\n\ndef normalize_title(raw: str) -> str:', mutate('    def list_column(self, column: str = "todo") -> Dict[str, Any]:', '    def columns(self, column: str = "todo") -> Dict[str, Any]:'));

testCheck(missingMethod, {
  prepare: withTaskBoard,
  valid: [
    { name: 'the task board reference', code: TASK_BOARD_MODULE },
    { name: '__init__ inherited from a base class of the module', code: inheritedInit },
    { name: "a designed __init__(self) is the one every class has without writing it", code: implicitInit },
  ],
  invalid: [
    { name: 'method missing (renamed)', code: withoutRemove, findings: [{ line: lineOf(withoutRemove, 'class TaskBoard'), messageIncludes: '`TaskBoard.remove_task` (design line 57) is missing', symbol: 'TaskBoard.remove_task' }] },
    { name: 'method moved to module level', code: movedOut, findings: [{ line: lineOf(movedOut, 'class TaskBoard'), messageIncludes: 'a module-level function `list_column` exists' }] },
  ],
});
