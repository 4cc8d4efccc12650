import { readDesign } from '../../../inputs/design/read-design.js';
import type { CheckContext } from '../../check-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { noApi } from './no-api.js';
import { TASK_BOARD_MODULE, withTaskBoard } from './support/task-board.js';

const MODULE = 'class Account:\n    def deposit(self, amount: float) -> None:\n        pass\n';

/** A design that talks about the product but gives no signature anywhere. */
const PROSE_ONLY = '# Accounts\n\n## Overview\n\nThe module keeps a balance and lets users deposit and withdraw money.\n\n## Exceptions\n\n- `InsufficientFundsError`: raised when a withdrawal exceeds the balance.\n';

/** The same design with a line that looks like a signature but cannot be read as Python parameters. */
const UNREADABLE = `${PROSE_ONLY}\n## Class: Account\n\n- \`deposit(amount: float, ???)\`: adds money.\n`;

function withDesign(text: string) {
  return async (context: CheckContext): Promise<CheckContext> => ({ ...context, design: await readDesign(text, { sourceName: 'accounts_design.md' }) });
}

testCheck(noApi, {
  prepare: withTaskBoard,
  valid: [{ name: 'the task board design has an API', code: TASK_BOARD_MODULE }],
  invalid: [],
});

testCheck(noApi, {
  prepare: withDesign(PROSE_ONLY),
  valid: [],
  invalid: [{ name: 'a design of prose only', code: MODULE, findings: [{ line: 0, messageIncludes: 'found no API in the design accounts_design.md', severity: 'error' }] }],
});

testCheck(noApi, {
  prepare: withDesign(UNREADABLE),
  valid: [],
  invalid: [{ name: 'a design whose only signature cannot be read', code: MODULE, findings: [{ line: 0, messageIncludes: '1 could not be placed' }] }],
});

testCheck(noApi, {
  prepare: withDesign('```markdown\n# Accounts\n\n### Class: Account\n\n#### `deposit(self, amount: float) -> None`\n\n```python\ndef withdraw(self, amount: float) -> None: ...\n```\n\n```\n'),
  valid: [{ name: 'a design wrapped in a markdown fence whose inner fence breaks it', code: MODULE }],
  invalid: [],
});
