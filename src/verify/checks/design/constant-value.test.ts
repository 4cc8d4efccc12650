import { describe, expect, it } from 'vitest';
import { CHECK_EXAMPLES } from '../../../cli/check-examples.js';
import { readDesign } from '../../../inputs/design/read-design.js';
import { buildCheckContext } from '../../build-context.js';
import { testCheck } from '../../test-support/check-tester.js';
import { constantValue } from './constant-value.js';

const DESIGN = readDesign(`# Habits

\`\`\`python
MAX_HABITS = 20
FINE = Decimal("0.25")
DEFAULT_PRIORITY = "normal"
PRIORITIES = ("low", "normal", "high")
ID_PREFIX = 'H'


class HabitLog:
    def add_habit(self, name: str) -> dict[str, Any]: ...
\`\`\`
`);

testCheck(constantValue, {
  prepare: async (context) => ({ ...context, design: await DESIGN }),
  valid: [
    { name: 'the same values, spelled differently (quotes, spacing, a digit separator-free number)', code: 'MAX_HABITS = 20\nFINE = Decimal(\'0.25\')\nDEFAULT_PRIORITY = \'normal\'\nPRIORITIES = ("low","normal","high")\nID_PREFIX = "H"\n' },
    { name: 'values computed from names are not judged', code: 'class Priority(str, Enum):\n    NORMAL = "normal"\n\n\nDEFAULT_PRIORITY = Priority.NORMAL.value\nPRIORITIES = tuple(p.value for p in Priority)\nMAX_HABITS = LIMITS["habits"]\n' },
    { name: 'a constant the module leaves out is design/missing-constant\'s to report', code: 'OTHER = 1\n' },
    { name: 'redefined: one definition with the design\'s value is enough', code: 'MAX_HABITS = 10\nMAX_HABITS = 20\n' },
  ],
  invalid: [
    { name: 'a limit changed', code: 'MAX_HABITS = 25\n', findings: [{ line: 1, messageIncludes: 'constant `MAX_HABITS` is `25`; the design says `20`', symbol: 'MAX_HABITS' }] },
    {
      name: 'a Decimal rate, a default string and a tuple changed',
      code: 'FINE = Decimal("0.50")\nDEFAULT_PRIORITY = "medium"\nPRIORITIES = ("low", "high")\n',
      findings: [{ line: 1, messageIncludes: '`FINE` is `Decimal("0.50")`' }, { line: 2, messageIncludes: '`DEFAULT_PRIORITY`' }, { line: 3, messageIncludes: '`PRIORITIES`' }],
    },
  ],
});

describe('the example `backsmith checks design/constant-value` shows', () => {
  it('is flagged with the design it names, and its fix is not', async () => {
    const example = CHECK_EXAMPLES['design/constant-value']!;
    const design = await readDesign('# Lending desk\n\n## Constants\n\n```python\nMAX_LOANS = 5\n```\n');
    const run = async (source: string) => constantValue.run({ ...(await buildCheckContext({ source: `${source}\n`, path: 'lending_desk.py', python: null })), design });
    expect((await run(example.flagged)).map((report) => report.message)).toEqual(['constant `MAX_LOANS` is `3`; the design says `5` (design line 6)']);
    expect(await run(example.fixed)).toEqual([]);
  });
});
