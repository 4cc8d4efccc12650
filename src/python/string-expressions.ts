import type { SyntaxNode as Node } from './syntax-node.js';
import { endLineOf, isFString, lineOf, stringValue } from './node-text.js';
import type { PythonConstant, PythonString, StringExpressionFacts } from './python-model.js';

/** A `+` chain longer than this is arithmetic or generated code, not a message. */
const MAX_PIECES = 64;
/** Assembled texts longer than this are not messages. */
const MAX_TEXT = 2000;
/** A dynamic part of an assembled string, written as a `.format` field so that it reads as a placeholder. */
const FIELD = '{}';

function isPlus(node: Node): boolean {
  // The operator is a token, whose type is its text: no slice of the source per operator.
  return node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '+';
}

function isString(node: Node): boolean {
  return node.type === 'string' || node.type === 'concatenated_string';
}

/** The operands of a `+` chain, left to right, read without recursion. */
function chainOperands(top: Node): Node[] | null {
  const operands: Node[] = [];
  const pending: Node[] = [top];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (isPlus(node)) {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (!left || !right) return null;
      pending.push(right, left);
    } else operands.push(node);
    if (operands.length + pending.length > MAX_PIECES) return null;
  }
  return operands;
}

/**
 * The text of a `+` chain that joins strings: literal parts as they are, names of module string
 * constants by their value, anything else (`str(poll_id)`, a parameter) as a `{}` field; null when
 * no part is a string or the chain is too long to be a message.
 */
function assembledText(operands: Node[], constants: ReadonlyMap<string, string>): { text: string; formatted: boolean } | null {
  let text = '';
  let literal = false;
  let formatted = false;
  for (const operand of operands) {
    if (isString(operand)) {
      text += stringValue(operand);
      literal = true;
      formatted ||= operand.type === 'string' ? isFString(operand) : operand.namedChildren.some(isFString);
    } else if (operand.type === 'identifier' && constants.has(operand.text)) {
      text += constants.get(operand.text)!;
      literal = true;
    } else if (!text.endsWith(FIELD)) text += FIELD;
    if (text.length > MAX_TEXT) return null;
  }
  return literal ? { text, formatted } : null;
}

/**
 * Strings assembled with `+` (`"Poll " + str(poll_id) + " not found."`, `PREFIX + "{} missing"`)
 * and the positions of string literals used as dict keys; every `+` node is visited once.
 */
export function readStringExpressions(root: Node, constants: readonly PythonConstant[]): StringExpressionFacts {
  const values = new Map<string, string>();
  for (const constant of constants) if (constant.stringValue !== null) values.set(constant.name, constant.stringValue);
  const assembled: PythonString[] = [];
  for (const node of root.descendantsOfType('binary_operator')) {
    if (!isPlus(node) || (node.parent && isPlus(node.parent))) continue;
    const operands = chainOperands(node);
    const result = operands ? assembledText(operands, values) : null;
    if (!result) continue;
    assembled.push({ text: result.text, isFString: result.formatted, isDocstring: false, line: lineOf(node), column: node.startPosition.column + 1, endLine: endLineOf(node) });
    // `MESSAGE = PREFIX + "..."` at module level: later chains may use it as a constant.
    const statement = node.parent?.type === 'assignment' ? node.parent : null;
    const target = statement?.childForFieldName('left');
    if (target?.type === 'identifier' && statement?.parent?.parent?.type === 'module') values.set(target.text, result.text);
  }
  const dictKeys = root.descendantsOfType('pair')
    .map((pair) => pair.childForFieldName('key'))
    .filter((key): key is Node => !!key && isString(key))
    .map((key) => ({ line: lineOf(key), column: key.startPosition.column + 1 }));
  return { assembled, dictKeys };
}
