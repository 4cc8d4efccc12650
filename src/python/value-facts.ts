import type { SyntaxNode as Node } from './syntax-node.js';
import { dottedName, isFString, namedChildren, stringValue } from './node-text.js';
import type { BodyFacts, CallArgumentFact, DictEntryFact, ValueFact } from './python-model.js';

/** What an expression reads: names and dotted chains, callees, plain string literals (source order). */
interface ExpressionSummary {
  names: string[];
  callees: string[];
  strings: string[];
}

/**
 * Reads lambdas and summarises expressions for one walk, caching both by node: nested calls
 * (`f(g(h(x)))`, `a.b(x).c(y)`) would otherwise be summarised once per enclosing call.
 */
export interface ExpressionReader {
  lambda(node: Node): BodyFacts;
  summary(node: Node): ExpressionSummary;
  /** The arguments of an `argument_list` node (a call's value is often described twice: as a call and as a return). */
  arguments(node: Node): CallArgumentFact[];
}

/** Creates a reader whose lambdas are read by `readLambdaBody` (given the reader, for nested lambdas). */
export function createExpressionReader(readLambdaBody: (lambda: Node, reader: ExpressionReader) => BodyFacts): ExpressionReader {
  const lambdas = new Map<number, BodyFacts>();
  const summaries = new Map<number, ExpressionSummary>();
  const argumentLists = new Map<number, CallArgumentFact[]>();
  const reader: ExpressionReader = {
    arguments(node) {
      let facts = argumentLists.get(node.id);
      if (!facts) {
        facts = readArguments(node, reader);
        argumentLists.set(node.id, facts);
      }
      return facts;
    },
    lambda(node) {
      let facts = lambdas.get(node.id);
      if (!facts) {
        facts = readLambdaBody(node, reader);
        lambdas.set(node.id, facts);
      }
      return facts;
    },
    summary(node) {
      let summary = summaries.get(node.id);
      if (!summary) {
        summary = summarize(node, reader);
        summaries.set(node.id, summary);
      }
      return summary;
    },
  };
  return reader;
}

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

function merge(parts: ExpressionSummary[]): ExpressionSummary {
  if (parts.length === 1) return parts[0]!;
  return { names: parts.flatMap((part) => part.names), callees: parts.flatMap((part) => part.callees), strings: parts.flatMap((part) => part.strings) };
}

const EMPTY_SUMMARY: ExpressionSummary = { names: [], callees: [], strings: [] };

function summarize(node: Node, reader: ExpressionReader): ExpressionSummary {
  if (node.type === 'lambda') return EMPTY_SUMMARY;
  const literal = plainStringValue(node);
  if (literal !== null) return { names: [], callees: [], strings: [literal] };
  if (node.type === 'identifier' || (node.type === 'attribute' && isChain(node))) return { names: [dottedName(node)], callees: [], strings: [] };
  if (node.type === 'keyword_argument') {
    const value = node.childForFieldName('value');
    return value ? reader.summary(value) : EMPTY_SUMMARY;
  }
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    const parts: ExpressionSummary[] = [{ names: [], callees: callee ? [dottedName(callee)] : [], strings: [] }];
    // The callee is not a value read by the expression, but `Path(x).open` still reads `x`.
    const calleeObject = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
    if (calleeObject && !isChain(calleeObject)) parts.push(reader.summary(calleeObject));
    const argumentsNode = node.childForFieldName('arguments');
    if (argumentsNode) parts.push(reader.summary(argumentsNode));
    return merge(parts);
  }
  if (node.type === 'attribute') {
    // `Path(x).parent`: only the object carries names; the attribute name is not a variable.
    const object = node.childForFieldName('object');
    return object ? reader.summary(object) : EMPTY_SUMMARY;
  }
  const children = namedChildren(node);
  return children.length === 0 ? EMPTY_SUMMARY : merge(children.map((child) => reader.summary(child)));
}

/** The arguments of a call's `argument_list` (or generator expression) one by one. */
export function describeArguments(argumentsNode: Node | null, reader: ExpressionReader): CallArgumentFact[] {
  return argumentsNode ? reader.arguments(argumentsNode) : [];
}

function readArguments(argumentsNode: Node, reader: ExpressionReader): CallArgumentFact[] {
  const entries = argumentsNode.type === 'argument_list' ? namedChildren(argumentsNode) : [argumentsNode];
  return entries.map((entry) => {
    const keyword = entry.type === 'keyword_argument' ? entry.childForFieldName('name')?.text ?? null : null;
    const value = entry.type === 'keyword_argument' ? entry.childForFieldName('value') ?? entry : entry;
    return describeExpression(value, keyword, reader);
  });
}

/** Describes one expression the way call arguments are described (names, callees, literals, lambda). */
export function describeExpression(value: Node, keyword: string | null, reader: ExpressionReader): CallArgumentFact {
  const { names, callees, strings } = reader.summary(value);
  return {
    keyword,
    text: value.text,
    nodeType: value.type,
    stringValue: plainStringValue(value),
    names: [...names],
    callees: [...callees],
    strings: [...strings],
    lambda: value.type === 'lambda' ? reader.lambda(value) : null,
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
export function describeValue(node: Node | null, reader: ExpressionReader): ValueFact {
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
    fact.arguments = describeArguments(value.childForFieldName('arguments'), reader);
  } else if (value.type === 'identifier' || value.type === 'attribute') {
    fact.kind = 'name';
  } else if (value.type === 'conditional_expression') {
    const [whenTrue, , whenFalse] = namedChildren(value);
    fact.alternatives = [whenTrue, whenFalse].filter((part): part is Node => !!part).map((part) => describeValue(part, reader));
  } else if (value.type === 'await') {
    const inner = namedChildren(value)[0];
    if (inner) return { ...describeValue(inner, reader), expression: value.text };
  }
  return fact;
}
