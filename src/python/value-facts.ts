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
      // A leaf costs no more to read again than to look up: only nodes with parts are kept.
      if (node.childCount === 0) return summarize(node, reader);
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

/** Shared by facts with nothing in a list: facts are never changed once read, and most lists are empty. */
const NOTHING: string[] = Object.freeze([]) as unknown as string[];

const EMPTY_SUMMARY: ExpressionSummary = Object.freeze({ names: NOTHING, callees: NOTHING, strings: NOTHING });

function concatenated(parts: readonly ExpressionSummary[], list: (part: ExpressionSummary) => string[]): string[] {
  let found: string[] | null = null;
  let shared = true;
  for (const part of parts) {
    const items = list(part);
    if (items.length === 0) continue;
    if (found === null) found = items;
    else {
      if (shared) found = found.slice();
      shared = false;
      for (const item of items) found.push(item);
    }
  }
  return found ?? NOTHING;
}

function merge(parts: readonly ExpressionSummary[]): ExpressionSummary {
  let nonEmpty: ExpressionSummary | null = null;
  let count = 0;
  for (const part of parts) {
    if (part.names.length === 0 && part.callees.length === 0 && part.strings.length === 0) continue;
    nonEmpty = part;
    count++;
  }
  if (count <= 1) return nonEmpty ?? EMPTY_SUMMARY;
  return { names: concatenated(parts, namesOf), callees: concatenated(parts, calleesOf), strings: concatenated(parts, stringsOf) };
}

const namesOf = (part: ExpressionSummary): string[] => part.names;
const calleesOf = (part: ExpressionSummary): string[] => part.callees;
const stringsOf = (part: ExpressionSummary): string[] => part.strings;

function summarize(node: Node, reader: ExpressionReader): ExpressionSummary {
  if (node.type === 'lambda') return EMPTY_SUMMARY;
  const literal = plainStringValue(node);
  if (literal !== null) return { names: NOTHING, callees: NOTHING, strings: [literal] };
  if (node.type === 'identifier' || (node.type === 'attribute' && isChain(node))) return { names: [dottedName(node)], callees: NOTHING, strings: NOTHING };
  if (node.type === 'keyword_argument') {
    const value = node.childForFieldName('value');
    return value ? reader.summary(value) : EMPTY_SUMMARY;
  }
  if (node.type === 'call') {
    const callee = node.childForFieldName('function');
    const parts: ExpressionSummary[] = [callee ? { names: NOTHING, callees: [dottedName(callee)], strings: NOTHING } : EMPTY_SUMMARY];
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
  const { children } = node;
  let parts: ExpressionSummary[] | null = null;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (!child.isNamed || child.type === 'comment') continue;
    (parts ??= []).push(reader.summary(child));
  }
  return parts === null ? EMPTY_SUMMARY : merge(parts);
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
    // Shared with the summary: facts are read, never changed.
    names,
    callees,
    strings,
    lambda: value.type === 'lambda' ? reader.lambda(value) : null,
  };
}

const NO_ENTRIES: DictEntryFact[] = Object.freeze([]) as unknown as DictEntryFact[];
const NO_ARGUMENTS: CallArgumentFact[] = Object.freeze([]) as unknown as CallArgumentFact[];
const NO_VALUES: ValueFact[] = Object.freeze([]) as unknown as ValueFact[];

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
    dictKeys: NOTHING,
    dictHasDynamicKeys: false,
    dictEntries: NO_ENTRIES,
    callee: null,
    arguments: NO_ARGUMENTS,
    alternatives: NO_VALUES,
    stringValue: plainStringValue(value),
  };
  if (!value || value.type === 'none') {
    fact.kind = 'none';
  } else if (value.type === 'dictionary') {
    fact.kind = 'dict';
    fact.dictKeys = [];
    fact.dictEntries = [];
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
