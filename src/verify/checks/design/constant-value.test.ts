import { readDesign } from '../../../inputs/design/read-design.js';
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
