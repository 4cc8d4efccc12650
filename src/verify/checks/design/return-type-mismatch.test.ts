import { testCheck } from '../../test-support/check-tester.js';
import { returnTypeMismatch } from './return-type-mismatch.js';
import { lineOf, mutate, TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

const REMOVE = '    def remove_task(self, task_id: int) -> Dict[str, Any]:';

testCheck(returnTypeMismatch, {
  prepare: withTaskBoard,
  valid: [
    { name: 'the task board reference', code: TASK_BOARD_MODULE },
    { name: 'dict[str, Any] for Dict[str, Any]', code: mutate(REMOVE, '    def remove_task(self, task_id: int) -> dict[str, Any]:') },
    { name: '__init__ without -> None', code: mutate('    def __init__(self) -> None:\n        self._tasks', '    def __init__(self):\n        self._tasks') },
    { name: 'a functional TypedDict of the module for Dict[str, Any]', code: `${mutate(REMOVE, '    def remove_task(self, task_id: int) -> Response:')}\n\nfrom typing import TypedDict\n\nResponse = TypedDict("Response", {"success": bool, "message": str, "data": Any})\n` },
    { name: 'a TypedDict of the module for Dict[str, Any]', code: `${mutate(REMOVE, '    def remove_task(self, task_id: int) -> "Response":')}\n\nclass Response(TypedDict):\n    success: bool\n    message: str\n    data: Any\n` },
  ],
  invalid: [
    (() => {
      const code = mutate(REMOVE, '    def remove_task(self, task_id: int) -> list:');
      return { name: 'changed return type', code, findings: [{ line: lineOf(code, 'def remove_task'), messageIncludes: '`TaskBoard.remove_task` returns `list`; the design says `-> Dict[str, Any]`' }] };
    })(),
    (() => {
      const code = `${mutate(REMOVE, '    def remove_task(self, task_id: int) -> Response:')}\n\nclass Response:\n    success: bool\n`;
      return { name: 'a plain class of the module is not the designed dict', code, findings: [{ line: lineOf(code, 'def remove_task'), messageIncludes: 'returns `Response`' }] };
    })(),
    (() => {
      const code = `${mutate(REMOVE, '    def remove_task(self, task_id: int) -> Response:')}\n\nfrom typing import NamedTuple\n\nResponse = NamedTuple("Response", [("success", bool)])\n`;
      return { name: 'a functional NamedTuple is no dict', code, findings: [{ line: lineOf(code, 'def remove_task'), messageIncludes: 'returns `Response`' }] };
    })(),
    (() => {
      const code = mutate('def normalize_title(raw: str) -> str:', 'def normalize_title(raw: str):');
      return { name: 'missing return annotation', code, findings: [{ line: lineOf(code, 'def normalize_title'), messageIncludes: 'has no return annotation' }] };
    })(),
  ],
});
