import { testCheck } from '../../test-support/check-tester.js';
import { missingModelField } from './missing-model-field.js';
import { lineOf, mutate, TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

const code = mutate('    assignee: Optional[str] = None\n', '');

testCheck(missingModelField, {
  prepare: withTaskBoard,
  valid: [
    { name: 'the task board reference', code: TASK_BOARD_MODULE },
    { name: 'a plain class that sets the field in __init__', code: mutate('@dataclass\nclass Task:\n    """One task on the board."""\n\n    task_id: int\n    title: str\n    column: str = "todo"\n    priority: int = DEFAULT_PRIORITY\n    assignee: Optional[str] = None\n', 'class Task:\n    def __init__(self, task_id, title, column="todo", priority=2, assignee=None):\n        self.task_id = task_id\n        self.title = title\n        self.column = column\n        self.priority = priority\n        self.assignee = assignee\n') },
  ],
  invalid: [{ name: 'field removed', code, findings: [{ line: lineOf(code, 'class Task:'), messageIncludes: '`Task` has no field `assignee`: Optional[str] (design line 27)', symbol: 'Task.assignee' }] }],
});
