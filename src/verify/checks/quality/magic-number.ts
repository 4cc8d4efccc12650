import type { NumberLiteral } from '../../../python/python-model.js';
import { defineCheck } from '../../check.js';

/** Roles where a literal is logic: compared, computed with, passed, or used to index or slice. */
const LOGIC_ROLES = new Set<NumberLiteral['role']>(['comparison', 'arithmetic', 'call-argument', 'subscript', 'slice']);
/** Values that are idioms, not magic: zero, one, two (halves, pairs, parity, two decimals), a half. */
const IDIOMATIC_VALUES = new Set([0, 1, -1, 2, -2, 0.5]);
/** A hundred is an idiom in percentages (`ratio * 100`, `part / 100`). */
const PERCENT = 100;
const PERCENT_OPERATORS = new Set(['*', '/', '*=', '/=']);
/** Keyword arguments whose small numbers are formatting or plumbing, not business rules. */
const PLUMBING_KEYWORDS = new Set(['indent', 'stacklevel', 'base', 'maxsplit', 'protocol']);
/** Radixes of `int(text, base)`. */
const RADIXES = new Set([2, 8, 10, 16]);

function isExempt(number: NumberLiteral): boolean {
  if (Number.isNaN(number.value) || IDIOMATIC_VALUES.has(number.value)) return true;
  if (number.value === PERCENT && number.operator !== null && PERCENT_OPERATORS.has(number.operator)) return true;
  if (number.keyword !== null && PLUMBING_KEYWORDS.has(number.keyword)) return true;
  return number.role === 'call-argument' && number.callee === 'int' && RADIXES.has(number.value);
}

function usage(number: NumberLiteral): string {
  switch (number.role) {
    case 'comparison': return `a comparison (\`${number.operator ?? '?'}\`)`;
    case 'arithmetic': return `arithmetic (\`${number.operator ?? '?'}\`)`;
    case 'call-argument': return number.keyword ? `the \`${number.keyword}=\` argument of \`${number.callee ?? '?'}()\`` : `an argument of \`${number.callee ?? '?'}()\``;
    case 'slice': return 'a slice bound';
    default: return 'an index';
  }
}

/**
 * `quality/magic-number`: numeric literals in the logic of a function body (comparisons, arithmetic,
 * call arguments, indexes and slice bounds; lambdas anywhere) where the brief wants a named constant. Not flagged:
 * 0, ±1, ±2 and 0.5; 100 in `*`/`/` (percentages); literals assigned to a name (module, class or
 * local: the name documents them), returned, collected in literals, used as parameter defaults or in
 * annotations; `indent=`/`stacklevel=`-style keyword arguments; the radix of `int(text, 16)`.
 */
export const magicNumber = defineCheck({
  id: 'quality/magic-number',
  category: 'quality',
  severity: 'warning',
  description: 'The brief asks for constants or configuration instead of hard-coded values: a number in the logic of a function or lambda (a limit, a period, a rate) belongs in a named module-level constant.',
  fixHint: 'Define a module-level UPPER_CASE constant (e.g. `MAX_ACTIVE_LOANS = 3`) and use it instead of the literal.',
  run({ module }) {
    // A lambda is logic wherever it stands (a table of validator lambdas at module level).
    const flagged = module.numbers.filter((number) => (number.functionName !== null || number.inLambda === true) && LOGIC_ROLES.has(number.role) && !isExempt(number));
    // One finding per line: `datetime(2024, 3, 9)` is one hard-coded value, not three.
    const byLine = new Map<number, NumberLiteral[]>();
    for (const number of flagged) byLine.set(number.line, [...(byLine.get(number.line) ?? []), number]);
    return [...byLine.values()].map((numbers) => {
      const first = numbers[0] as NumberLiteral;
      const values = [...new Set(numbers.map((number) => number.text))];
      const label = values.length === 1 ? `Magic number ${values[0]}` : `Magic numbers ${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
      return {
        message: `${label} in ${usage(first)} in \`${first.functionName ?? 'a module-level lambda'}\``,
        line: first.line,
        column: first.column,
        symbol: first.functionName ?? undefined,
      };
    });
  },
});
