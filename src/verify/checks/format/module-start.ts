import type { TopLevelStatement } from '../../../python/python-model.js';
import { defineCheck } from '../../check.js';
import { proseRegions } from './support/prose-lines.js';

const QUOTE_LIMIT = 60;

/** What a statement is, in a few words, for the message. */
const STATEMENT_KINDS: Record<string, string> = {
  class_definition: 'a class definition',
  function_definition: 'a function definition',
  decorated_definition: 'a decorated definition',
  if_statement: 'an `if` statement',
  try_statement: 'a `try` statement',
  for_statement: 'a `for` loop',
  while_statement: 'a `while` loop',
  with_statement: 'a `with` statement',
  match_statement: 'a `match` statement',
  global_statement: 'a `global` statement',
  assert_statement: 'an `assert` statement',
  pass_statement: 'a `pass` statement',
  raise_statement: 'a `raise` statement',
  return_statement: 'a `return` statement',
  delete_statement: 'a `del` statement',
};

/** Line `line` (1-based) of `text` without its newline, or '' past the end; without splitting the whole text. */
function lineText(text: string, line: number): string {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return '';
    start = newline + 1;
  }
  const end = text.indexOf('\n', start);
  return end < 0 ? text.slice(start) : text.slice(start, end);
}

function isAllowedStart(statement: TopLevelStatement): boolean {
  if (statement.hasError) return false;
  if (['import_statement', 'import_from_statement', 'future_import_statement'].includes(statement.type)) return true;
  return statement.type === 'expression_statement' && (statement.expression === 'string' || statement.expression === 'concatenated_string');
}

function describe(statement: TopLevelStatement, firstLine: string, isProse: boolean): string {
  const quoted = JSON.stringify(firstLine.length > QUOTE_LIMIT ? `${firstLine.slice(0, QUOTE_LIMIT)}…` : firstLine);
  if (isProse) return `explanatory text, ${quoted}`;
  if (statement.hasError) return `text that is not Python, ${quoted}`;
  if (statement.type === 'expression_statement') {
    if (statement.expression === 'assignment' || statement.expression === 'augmented_assignment') return `an assignment, ${quoted}`;
    return `an expression statement, ${quoted}`;
  }
  return `${STATEMENT_KINDS[statement.type] ?? `a ${statement.type.replace(/_/g, ' ')}`}, ${quoted}`;
}

/**
 * `format/module-start`: the file starts with the module docstring or an import. Comments before
 * it (a shebang, an encoding line, a licence header) are fine.
 */
export const moduleStart = defineCheck({
  id: 'format/module-start',
  category: 'format',
  severity: 'error',
  description: 'The brief asks for output that starts directly with the module docstring or an import; anything else first usually means prose, markup or a missing docstring.',
  fixHint: 'Start the file with the module docstring ("""…""") followed by the imports.',
  run({ module, source, syntax }) {
    const first = module.statements[0];
    if (!first) return [{ message: 'The module has no statements: it must start with a module docstring or an import', line: 1 }];
    if (isAllowedStart(first)) return [];
    const firstLine = lineText(source, first.line).trim();
    const isProse = proseRegions(module, syntax.error?.line ?? null).some((region) => region.where === 'before' && region.proseLines.includes(first.line));
    return [{
      message: `The module starts with ${describe(first, firstLine, isProse)} instead of a module docstring or an import`,
      line: first.line,
    }];
  },
});
