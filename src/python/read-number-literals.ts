import type { SyntaxNode as Node } from './syntax-node.js';
import { dottedName } from './node-text.js';
import type { NumberLiteral, NumberRole } from './python-model.js';
import { createScopeFinder, type Scope } from './walk-scopes.js';

const COLLECTIONS = new Set(['list', 'tuple', 'set', 'dictionary', 'pair', 'expression_list']);
/** Nodes that end the search for an enclosing annotation. */
const STATEMENT_LIKE = new Set(['block', 'module', 'function_definition', 'class_definition', 'expression_statement']);

type RoleFacts = Pick<NumberLiteral, 'role' | 'operator' | 'callee' | 'keyword' | 'target'>;

function facts(role: NumberRole, extra: Partial<RoleFacts> | null = null): RoleFacts {
  return { role, operator: extra?.operator ?? null, callee: extra?.callee ?? null, keyword: extra?.keyword ?? null, target: extra?.target ?? null };
}

function skipParentheses(node: Node): Node {
  let current = node;
  while (current.parent?.type === 'parenthesized_expression') current = current.parent;
  return current;
}

/** The operator token next to `node` in a comparison (`<`, `==`, `in`, `not in`). */
function comparisonOperator(node: Node): string | null {
  const before = node.previousSibling;
  if (before && !before.isNamed) return before.previousSibling && !before.previousSibling.isNamed ? `${before.previousSibling.text} ${before.text}` : before.text;
  const after = node.nextSibling;
  if (after && !after.isNamed) return after.nextSibling && !after.nextSibling.isNamed ? `${after.text} ${after.nextSibling.text}` : after.text;
  return null;
}

/** Where a literal sits: inside an annotation, and the nearest statement-like node above it. */
interface Placement {
  inAnnotation: boolean;
  /** Inside a lambda's body (or its defaults): code, even at module level. */
  inLambda: boolean;
  statement: Node | null;
}

function placementOf(literal: Node): Placement {
  let inAnnotation = false;
  let inLambda = false;
  let current = literal.parent;
  for (; current && !STATEMENT_LIKE.has(current.type); current = current.parent) {
    if (current.type === 'type') inAnnotation = true;
    else if (current.type === 'lambda') inLambda = true;
  }
  return { inAnnotation, inLambda, statement: current };
}

function roleOf(literal: Node, inAnnotation: boolean): RoleFacts {
  if (inAnnotation) return facts('annotation');
  let current = skipParentheses(literal);
  let parent = current.parent;
  if (parent && COLLECTIONS.has(parent.type)) {
    const collection = skipParentheses(parent.type === 'pair' && parent.parent ? parent.parent : parent);
    if (collection.parent?.type === 'comparison_operator') return facts('comparison', { operator: comparisonOperator(collection) });
    return facts('collection');
  }
  if (!parent) return facts('other');
  switch (parent.type) {
    case 'comparison_operator':
      return facts('comparison', { operator: comparisonOperator(current) });
    case 'binary_operator':
      return facts('arithmetic', { operator: parent.childForFieldName('operator')?.text ?? null });
    case 'augmented_assignment':
      return parent.childForFieldName('right')?.id === current.id
        ? facts('arithmetic', { operator: parent.childForFieldName('operator')?.text ?? null })
        : facts('other');
    case 'argument_list': {
      const callee = parent.parent?.type === 'call' ? parent.parent.childForFieldName('function') : null;
      return facts('call-argument', { callee: callee ? dottedName(callee) : null });
    }
    case 'keyword_argument': {
      const list = parent.parent;
      const callee = list?.type === 'argument_list' && list.parent?.type === 'call' ? list.parent.childForFieldName('function') : null;
      return facts('call-argument', { callee: callee ? dottedName(callee) : null, keyword: parent.childForFieldName('name')?.text ?? null });
    }
    case 'subscript':
      return facts('subscript');
    case 'slice':
      return facts('slice');
    case 'default_parameter':
    case 'typed_default_parameter':
      return facts('default');
    case 'assignment':
      current = parent;
      parent = current.childForFieldName('left');
      return facts('assignment', { target: parent ? parent.text : null });
    case 'return_statement':
      return facts('return');
    default:
      return facts('other');
  }
}

function numericValue(text: string): number {
  const plain = text.replace(/_/g, '');
  if (/[jJ]$/.test(plain)) return Number.NaN;
  const negative = plain.startsWith('-');
  const magnitude = Number(plain.replace(/^[-+]/, ''));
  return negative ? -magnitude : magnitude;
}

/**
 * Two lists of one tree's nodes, each in source order, merged by preorder number: one list per
 * type and a merge cost less than asking for both types at once, which sorts them together.
 */
function inSourceOrder(first: readonly Node[], second: readonly Node[]): Node[] {
  if (second.length === 0) return first as Node[];
  if (first.length === 0) return second as Node[];
  const merged: Node[] = new Array(first.length + second.length);
  let left = 0;
  let right = 0;
  for (let index = 0; index < merged.length; index++) {
    merged[index] = right >= second.length || (left < first.length && first[left]!.id < second[right]!.id) ? first[left++]! : second[right++]!;
  }
  return merged;
}

/** Every numeric literal of the module with its role and enclosing function. */
export function readNumberLiterals(root: Node): NumberLiteral[] {
  const scopeOf = createScopeFinder(root);
  // The literals of one statement share its scope: the walk above the statement is made once.
  const statementScopes = new Map<number, Scope>();
  const scopeAbove = (node: Node, statement: Node | null): Scope => {
    if (!statement || statement.type === 'function_definition' || statement.type === 'class_definition') return scopeOf(statement ?? node);
    let scope = statementScopes.get(statement.id);
    if (!scope) {
      scope = scopeOf(statement);
      statementScopes.set(statement.id, scope);
    }
    return scope;
  };
  return inSourceOrder(root.descendantsOfType('integer'), root.descendantsOfType('float')).map((node) => {
    const parent = node.parent;
    // A unary operator's first child is its operator token.
    const sign = parent?.type === 'unary_operator' ? parent.child(0)?.type : undefined;
    const signed = sign === '-' || sign === '+' ? parent! : node;
    const text = signed === node ? node.text : signed.text.replace(/\s+/g, '');
    const start = signed.startPosition;
    const { inAnnotation, inLambda, statement } = placementOf(signed);
    const scope = scopeAbove(node, statement);
    const { role, operator, callee, keyword, target } = roleOf(signed, inAnnotation);
    return {
      text,
      value: numericValue(text),
      line: start.row + 1,
      column: start.column + 1,
      role, operator, callee, keyword, target,
      functionName: scope.ownerKind === 'function' ? scope.owner : null,
      ...(inLambda ? { inLambda } : {}),
    };
  });
}
