import { testCheck } from '../../test-support/check-tester.js';
import { signatureMismatch } from './signature-mismatch.js';
import { lineOf, mutate, TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

const MOVE = '    def move_task(self, task_id: int, column: str) -> Dict[str, Any]:';
const ADD = '    def add_task(self, title: str, *, priority: int = DEFAULT_PRIORITY,\n                 assignee: Optional[str] = None) -> Dict[str, Any]:';
const case_ = (name: string, from: string, to: string, messageIncludes: string, base = TASK_BOARD_MODULE) => {
  const code = mutate(from, to, base);
  return { name, code, findings: [{ line: lineOf(code, to.trim().split('\n')[0]!), messageIncludes }] };
};

testCheck(signatureMismatch, {
  prepare: withTaskBoard,
  valid: [
    { name: 'the task board reference', code: TASK_BOARD_MODULE },
    { name: 'equivalent annotations (X | None, dict, typing. prefix)', code: mutate(ADD, '    def add_task(self, title: "str", *, priority: int = DEFAULT_PRIORITY,\n                 assignee: str | None = None) -> dict[str, typing.Any]:') },
    { name: 'a TypedDict key qualifier (NotRequired, ReadOnly) around the designed type', code: mutate('    task_id: int\n', '    task_id: NotRequired[ReadOnly[int]]\n') },
    { name: 'the default written as the constant\'s value', code: mutate(ADD, '    def add_task(self, title: str, *, priority: int = 2,\n                 assignee: Optional[str] = None) -> Dict[str, Any]:') },
  ],
  invalid: [
    case_('renamed parameter', MOVE, '    def move_task(self, task_id: int, target: str) -> Dict[str, Any]:', 'parameter 2 is `target`; the design calls it `column`'),
    case_('reordered parameters', MOVE, '    def move_task(self, column: str, task_id: int) -> Dict[str, Any]:', 'parameters are in the order (column, task_id); the design has (task_id, column)'),
    case_('changed annotation', '    def remove_task(self, task_id: int) -> Dict[str, Any]:', '    def remove_task(self, task_id: str) -> Dict[str, Any]:', '`task_id` is annotated `str`; the design says `int`'),
    (() => {
      const code = mutate(ADD, '    def add_task(self, title: str, priority: int = DEFAULT_PRIORITY,\n                 assignee: Optional[str] = None) -> Dict[str, Any]:');
      const line = lineOf(code, 'def add_task');
      return { name: 'keyword-only made positional', code, findings: [{ line, messageIncludes: '`priority` is positional-or-keyword; the design makes it keyword-only' }, { line, messageIncludes: '`assignee` is positional-or-keyword' }] };
    })(),
    case_('changed default', '    def list_column(self, column: str = "todo")', '    def list_column(self, column: str = "done")', '`column` defaults to `"done"`; the design gives `"todo"`'),
    case_('missing parameter', MOVE, '    def move_task(self, task_id: int) -> Dict[str, Any]:', 'parameter `column` is missing'),
    case_('model field retyped', '    task_id: int\n', '    task_id: str\n', 'field `Task.task_id` is annotated `str`; the design says `int`'),
    case_('model field retyped inside NotRequired', '    task_id: int\n', '    task_id: NotRequired[str]\n', 'field `Task.task_id` is annotated `NotRequired[str]`; the design says `int`'),
  ],
});
