import type { SyntaxNode as Node } from './syntax-node.js';
import { emptyBodyFacts, readBodyFacts } from './body-facts.js';
import { endLineOf, lineOf, namedChildren, stringValue } from './node-text.js';
import type { ParameterKind, PythonDocstring, PythonFunction, PythonParameter } from './python-model.js';

/** The docstring of a `block` (its first statement, when that is a string), if any. */
export function readDocstring(block: Node | null): PythonDocstring | null {
  const first = block ? namedChildren(block)[0] : undefined;
  if (!first || first.type !== 'expression_statement') return null;
  const expression = namedChildren(first)[0];
  if (!expression || (expression.type !== 'string' && expression.type !== 'concatenated_string')) return null;
  return { text: stringValue(expression), line: lineOf(expression), endLine: endLineOf(expression) };
}

function parameterName(node: Node): string {
  if (node.type === 'identifier') return node.text;
  const named = node.childForFieldName('name');
  if (named) return parameterName(named);
  const inner = namedChildren(node).find((child) => child.type !== 'type');
  return inner ? parameterName(inner) : node.text;
}

function splatKind(node: Node): ParameterKind | null {
  const target = node.type === 'typed_parameter' ? namedChildren(node)[0] : node;
  if (target?.type === 'list_splat_pattern') return 'var-positional';
  if (target?.type === 'dictionary_splat_pattern') return 'var-keyword';
  return null;
}

/** Reads a `parameters` node into parameters with their kinds, annotations and defaults. */
export function readParameters(parametersNode: Node | null): PythonParameter[] {
  if (!parametersNode) return [];
  const children = namedChildren(parametersNode);
  const positionalOnlyEnd = children.findIndex((child) => child.type === 'positional_separator');
  const parameters: PythonParameter[] = [];
  let afterStar = false;
  children.forEach((child, index) => {
    if (child.type === 'positional_separator') return;
    if (child.type === 'keyword_separator') {
      afterStar = true;
      return;
    }
    const splat = splatKind(child);
    let kind: ParameterKind;
    if (splat) {
      kind = splat;
      if (splat === 'var-positional') afterStar = true;
    } else if (index < positionalOnlyEnd) kind = 'positional-only';
    else kind = afterStar ? 'keyword-only' : 'positional-or-keyword';
    const typeNode = child.childForFieldName('type');
    const valueNode = child.childForFieldName('value');
    parameters.push({
      name: parameterName(child),
      kind,
      annotation: typeNode ? typeNode.text : null,
      defaultValue: valueNode ? valueNode.text : null,
      line: lineOf(child),
    });
  });
  return parameters;
}

/**
 * How many levels of functions defined in function bodies are read: a decorator factory's
 * `decorator` and its `wrapper` are two, a helper nested in a helper nested in a method three.
 * Deeper ones are not read, so nesting costs a bounded recursion; each body is read once.
 */
const MAX_NESTED_LEVELS = 3;

/** The functions defined by statements of a body block (a decorator's `wrapper`), `levels` levels deep. */
function readNestedFunctions(body: Node, levels: number): PythonFunction[] {
  const nested: PythonFunction[] = [];
  for (const statement of namedChildren(body)) {
    const unwrapped = unwrapDefinition(statement);
    if (unwrapped?.definition.type === 'function_definition') nested.push(readFunction(unwrapped.definition, unwrapped.decorators, null, levels - 1));
  }
  return nested;
}

/** Reads a `function_definition` node (with the decorators of its `decorated_definition`), and the functions it defines. */
export function readFunction(node: Node, decorators: string[], className: string | null, nestedLevels = MAX_NESTED_LEVELS): PythonFunction {
  const body = node.childForFieldName('body');
  const returnType = node.childForFieldName('return_type');
  const nested = nestedLevels > 0 && body ? readNestedFunctions(body, nestedLevels) : [];
  return {
    ...(nested.length > 0 ? { nested } : {}),
    name: node.childForFieldName('name')?.text ?? '',
    line: lineOf(node),
    endLine: endLineOf(node),
    isAsync: node.child(0)?.type === 'async',
    decorators,
    parameters: readParameters(node.childForFieldName('parameters')),
    returnAnnotation: returnType ? returnType.text : null,
    docstring: readDocstring(body),
    body: body ? readBodyFacts(body) : emptyBodyFacts(),
    className,
  };
}

/** Splits a definition (possibly wrapped in `decorated_definition`) into its decorators and node. */
export function unwrapDefinition(node: Node): { definition: Node; decorators: string[] } | null {
  if (node.type === 'function_definition' || node.type === 'class_definition') return { definition: node, decorators: [] };
  if (node.type !== 'decorated_definition') return null;
  const definition = node.childForFieldName('definition');
  if (!definition) return null;
  const decorators = namedChildren(node)
    .filter((child) => child.type === 'decorator')
    .map((decorator) => decorator.text.replace(/^@\s*/, ''));
  return { definition, decorators };
}
