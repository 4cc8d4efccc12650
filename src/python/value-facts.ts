import type { Node } from 'web-tree-sitter';
import { dottedName, isFString, namedChildren, stringValue } from './node-text.js';
import type { BodyFacts, CallArgumentFact, DictEntryFact, ValueFact } from './python-model.js';

/** Reads the body facts of a lambda (cached, so a lambda is read once however often it is described). */
export type LambdaReader = (lambda: Node) => BodyFacts;

/** Decoded text of a plain string literal node, or null for f-strings and anything else. */
export function plainStringValue(node: Node | null): string | null {
  if (!node) return null;
  if (node.type === 'string') return isFString(node) ? null : stringValue(node);
  if (node.type === 'concatenated_string') return namedChildren(node).some(isFString) ? null : stringValue(node);
  return null;
}

function isChain(node: Node): boolean {
  if (node.type === 'identifier') return true;
  if (node.type !== 'attribute') return false;
  const object = node.childForFieldName('object');
  return !!object && isChain(object);
}

function collectNamesAndCallees(node: Node, names: string[], callees: string[], strings: string[]): void {
  if (node.type === 'lambda') return;
  const literal = plainStringValue(node);
  if (literal !== null) {
    strings.push(literal);
    return;
  }
  if (node.type === 'identifier' || (node.type === 'attribute' && isChain(node))) {
    names.push(dottedName(node));
    return;
  }
  if (node.type === 'keyword_argument') {
    const value = node.childForFieldName('value');
    if (value) collectNamesAndCallees(value, names, callees, strings);
    return;
  }
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    if (callee) callees.push(dottedName(callee));
    // The callee is not a value read by the argument, but `Path(x).open` still reads `x`.
    const calleeObject = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
    if (calleeObject && !isChain(calleeObject)) collectNamesAndCallees(calleeObject, names, callees, strings);
    const argumentsNode = node.childForFieldName('arguments');
    if (argumentsNode) collectNamesAndCallees(argumentsNode, names, callees, strings);
    return;
  }
  if (node.type === 'attribute') {
    // `Path(x).parent`: only the object carries names; the attribute name is not a variable.
    const object = node.childForFieldName('object');
    if (object) collectNamesAndCallees(object, names, callees, strings);
    return;
  }
  for (const child of namedChildren(node)) collectNamesAndCallees(child, names, callees, strings);
}

/** The arguments of a call's `argument_list` (or generator expression) one by one. */
export function describeArguments(argumentsNode: Node | null, readLambda: LambdaReader): CallArgumentFact[] {
  if (!argumentsNode) return [];
  const entries = argumentsNode.type === 'argument_list' ? namedChildren(argumentsNode) : [argumentsNode];
  return entries.map((entry) => {
    const keyword = entry.type === 'keyword_argument' ? entry.childForFieldName('name')?.text ?? null : null;
    const value = entry.type === 'keyword_argument' ? entry.childForFieldName('value') ?? entry : entry;
    return describeExpression(value, keyword, readLambda);
  });
}

/** Describes one expression the way call arguments are described (names, callees, literals, lambda). */
export function describeExpression(value: Node, keyword: string | null, readLambda: LambdaReader): CallArgumentFact {
  const names: string[] = [];
  const callees: string[] = [];
  const strings: string[] = [];
  collectNamesAndCallees(value, names, callees, strings);
  return {
    keyword,
    text: value.text,
    nodeType: value.type,
    stringValue: plainStringValue(value),
    names,
    callees,
    strings,
    lambda: value.type === 'lambda' ? readLambda(value) : null,
  };
}

function unwrapParentheses(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression') {
    const inner = namedChildren(current)[0];
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** Describes an expression: its kind, dict keys and entries, callee and arguments, alternatives. */
export function describeValue(node: Node | null, readLambda: LambdaReader): ValueFact {
  const value = node ? unwrapParentheses(node) : null;
  const fact: ValueFact = {
    expression: node ? node.text : null,
    kind: 'other',
    nodeType: value ? value.type : null,
    dictKeys: [],
    dictHasDynamicKeys: false,
    dictEntries: [],
    callee: null,
    arguments: [],
    alternatives: [],
    stringValue: plainStringValue(value),
  };
  if (!value || value.type === 'none') {
    fact.kind = 'none';
  } else if (value.type === 'dictionary') {
    fact.kind = 'dict';
    for (const entry of namedChildren(value)) {
      const key = entry.type === 'pair' ? entry.childForFieldName('key') : null;
      const keyText = plainStringValue(key);
      const entryValue = entry.type === 'pair' ? entry.childForFieldName('value') : null;
      if (key && keyText !== null) {
        fact.dictKeys.push(keyText);
        if (entryValue) {
          const inner = unwrapParentheses(entryValue);
          const item: DictEntryFact = { key: keyText, valueType: inner.type, valueText: entryValue.text };
          fact.dictEntries.push(item);
        }
      } else fact.dictHasDynamicKeys = true;
    }
  } else if (value.type === 'call') {
    fact.kind = 'call';
    const callee = value.childForFieldName('function');
    fact.callee = callee ? dottedName(callee) : null;
    fact.arguments = describeArguments(value.childForFieldName('arguments'), readLambda);
  } else if (value.type === 'identifier' || value.type === 'attribute') {
    fact.kind = 'name';
  } else if (value.type === 'conditional_expression') {
    const [whenTrue, , whenFalse] = namedChildren(value);
    fact.alternatives = [whenTrue, whenFalse].filter((part): part is Node => !!part).map((part) => describeValue(part, readLambda));
  } else if (value.type === 'await') {
    const inner = namedChildren(value)[0];
    if (inner) return { ...describeValue(inner, readLambda), expression: value.text };
  }
  return fact;
}
