import { readDesign } from '../../../inputs/design/read-design.js';
import type { CheckContext } from '../../check-context.js';
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

/** A design with its own helper and a price function it says is provided by the host application. */
const EXTERNAL_DESIGN = [
  '# Portfolio', '', '## Class: Portfolio', '', '- `value(self) -> float`: total value.', '',
  '## Functions', '', '- `round_money(amount: float) -> float`: rounds to cents.', '',
  '## External dependencies (mocked)', '', '- `get_share_price(symbol: str) -> float`: provided by the host application.', '',
].join('\n');
const PORTFOLIO = 'class Portfolio:\n    def value(self) -> float:\n        return 0.0\n';

async function withExternal(context: CheckContext): Promise<CheckContext> {
  return { ...context, design: await readDesign(EXTERNAL_DESIGN, { sourceName: 'portfolio_design.md' }) };
}

testCheck(missingFunction, {
  prepare: withExternal,
  valid: [
    { name: 'the external function left out', code: `${PORTFOLIO}\n\ndef round_money(amount: float) -> float:\n    return round(amount, 2)\n` },
    { name: 'the external function imported', code: `from prices import get_share_price\n\n${PORTFOLIO}\n\ndef round_money(amount: float) -> float:\n    return round(amount, 2)\n` },
  ],
  invalid: [
    { name: 'the design\'s own helper left out', code: PORTFOLIO, findings: [{ line: 0, messageIncludes: 'function `round_money` (design line 9) is not defined', symbol: 'round_money' }] },
  ],
});
