import { loadPythonNormalizer } from '../../../python/normalize-annotation.js';
import type { SyntaxNode } from '../../../python/syntax-node.js';
import { withPythonTree } from '../../../python/tree-sitter-parser.js';
import { defineCheck, type CheckReport } from '../../check.js';

/** Nodes of a plain literal value: numbers, strings without interpolation, booleans, None, signs, tuples and lists of them. */
const LITERAL_NODES = new Set([
  'module', 'expression_statement', 'parenthesized_expression', 'tuple', 'list', 'integer', 'float', 'true', 'false', 'none',
  'string', 'string_start', 'string_content', 'string_end', 'escape_sequence', 'unary_operator', 'concatenated_string',
  '(', ')', '[', ']', ',', '-', '+', '"', "'",
]);
/** Constructors of exact values written from a literal: `Decimal("0.25")`. */
const VALUE_CONSTRUCTORS = new Set(['Decimal', 'decimal.Decimal', 'Fraction', 'fractions.Fraction']);
/** Larger values are data tables, not limits; they are not compared. */
const MAX_VALUE_NODES = 400;

/** Whether a node is `Decimal(<literal>)`; its children are then checked as literals. */
function isValueConstructor(node: SyntaxNode): boolean {
  return node.type === 'call' && VALUE_CONSTRUCTORS.has(node.childForFieldName('function')?.text ?? '');
}

/** Whether the text is one plain literal value, read by the parser (never a name, call or expression to evaluate). */
async function isLiteral(text: string): Promise<boolean> {
  return withPythonTree(`${text}\n`, (root) => {
    if (root.hasError || root.namedChildCount !== 1) return false;
    const pending: SyntaxNode[] = [root];
    for (let seen = 0; pending.length > 0; seen++) {
      if (seen > MAX_VALUE_NODES) return false;
      const node = pending.pop()!;
      if (isValueConstructor(node)) {
        const [argument, ...more] = node.childForFieldName('arguments')?.namedChildren ?? [];
        if (!argument || more.length > 0) return false;
        pending.push(argument);
        continue;
      }
      if (!LITERAL_NODES.has(node.type)) return false;
      if (node.type === 'string' && node.children.some((child) => child.type === 'interpolation')) return false;
      pending.push(...node.children);
    }
    return true;
  }, { partial: true });
}

/** `design/constant-value`: a designed constant defined with another literal value (a warning). */
export const constantValue = defineCheck({
  id: 'design/constant-value',
  category: 'design',
  severity: 'warning',
  description: 'A constant the design gives a value (a limit, a rate, a default) should keep that value: `MAX_HABITS = 25` where the design says 20 changes what the stories test. Only plain literals are compared (numbers, strings, booleans, `Decimal("…")`, tuples and lists of them); values computed from names are not judged.',
  fixHint: 'Give the constant the value the design states, or change the design first if the value must change.',
  requires: ['design'],
  async run(context) {
    const normalizer = await loadPythonNormalizer();
    const reports: CheckReport[] = [];
    for (const designed of context.design!.constants) {
      if (designed.value === null) continue;
      const defined = context.module.constants.filter((constant) => constant.name === designed.name);
      if (defined.length === 0) continue;
      const wanted = normalizer.expression(designed.value);
      if (wanted === null || defined.some((constant) => normalizer.expression(constant.value) === wanted)) continue;
      // The last definition is the value the module ends with.
      const actual = defined[defined.length - 1]!;
      if (!(await isLiteral(designed.value)) || !(await isLiteral(actual.value))) continue;
      reports.push({
        message: `constant \`${designed.name}\` is \`${actual.value}\`; the design says \`${designed.value}\` (design line ${designed.line})`,
        line: actual.line,
        symbol: designed.name,
      });
    }
    return reports;
  },
});
