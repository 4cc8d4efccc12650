import type { SyntaxNode as Node } from '../../python/syntax-node.js';
import { namedChildren, stringValue } from '../../python/node-text.js';
import { withPythonTree } from '../../python/tree-sitter-parser.js';
import type { DesignResponseFormat } from './design-types.js';

/** Headings of sections that prescribe the response shape. */
export const RESPONSE_HEADING = /response (format|shape|structure|contract|envelope|schema)|return (format|shape|value|structure)s?|responses\b/i;

/** A snippet of the design that shows a response: a code block, a JSON sample, an inline dict. */
export interface ResponseSample {
  text: string;
  /** Design line of the snippet's first line. */
  line: number;
  /** The text that introduces it, for people. */
  summary: string;
}

/** What one response dict of a sample says. */
interface SampleDict {
  keys: string[];
  outcome: 'success' | 'failure' | null;
  /** Keys of `data` when `data` is a dict literal; null when it is something else. */
  dataKeys: string[] | null;
}

const IS_TRUE = /^(True|true)$/;
const IS_FALSE = /^(False|false)$/;

function keyOf(pair: Node): string | null {
  const key = pair.childForFieldName('key');
  if (!key || key.type !== 'string') return null;
  const text = stringValue(key);
  return /^\w+$/.test(text) ? text : null;
}

function pairsOf(dict: Node): Node[] {
  // Error recovery may leave a dict's pairs under ERROR nodes: gather pairs through those only.
  const pairs: Node[] = [];
  const stack = [...namedChildren(dict)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'pair') pairs.push(node);
    else if (node.type === 'ERROR') stack.push(...namedChildren(node));
  }
  return pairs.reverse();
}

function readDict(dict: Node): SampleDict {
  const keys: string[] = [];
  let outcome: SampleDict['outcome'] = null;
  let dataKeys: string[] | null = null;
  for (const pair of pairsOf(dict)) {
    const key = keyOf(pair);
    if (!key) continue;
    if (!keys.includes(key)) keys.push(key);
    const value = pair.childForFieldName('value');
    // `ok` is the other common name of the outcome flag (`{"ok": false, "message": …, "error": …}`).
    if ((key === 'success' || key === 'ok') && value) outcome = IS_TRUE.test(value.text) ? 'success' : IS_FALSE.test(value.text) ? 'failure' : null;
    if (key === 'data' && value?.type === 'dictionary') dataKeys = pairsOf(value).map(keyOf).filter((name): name is string => name !== null);
  }
  return { keys, outcome, dataKeys };
}

/** Response dicts of a snippet: the outermost dict literals, those with a `success` key when any has one. Iterative. */
function responseDicts(root: Node): SampleDict[] {
  const found: SampleDict[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'dictionary') {
      found.push(readDict(node));
      continue;
    }
    const children = namedChildren(node);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  const responses = found.filter((dict) => dict.keys.includes('success'));
  return (responses.length > 0 ? responses : found).filter((dict) => dict.keys.length > 0);
}

/**
 * The response shape the design's samples prescribe: the top-level keys (`success`, `message`,
 * `data`), and the keys it puts inside `data` on success (`"success": True`) and on failure
 * (`"success": False`) — `{"success": False, "message": ..., "data": {"error_code": ...}}` has
 * `error_code` inside `data`, never at the top. Placeholders like `<payload>` break the Python,
 * but tree-sitter keeps the pairs it could read.
 */
export async function readResponseFormat(samples: ResponseSample[]): Promise<DesignResponseFormat | null> {
  let format: DesignResponseFormat | null = null;
  const add = (into: string[], keys: readonly string[]) => {
    for (const key of keys) if (!into.includes(key)) into.push(key);
  };
  for (const sample of samples) {
    const dicts = await withPythonTree(sample.text, responseDicts, { partial: true });
    if (dicts.length === 0) continue;
    format ??= { keys: [], dataOnSuccess: [], dataOnFailure: [], summary: sample.summary.replace(/\s+/g, ' ').trim().slice(0, 200), line: sample.line };
    for (const dict of dicts) {
      add(format.keys, dict.keys);
      if (!dict.dataKeys) continue;
      // A sample that does not say which outcome it shows (`"success": bool`) describes both.
      if (dict.outcome !== 'failure') add(format.dataOnSuccess, dict.dataKeys);
      if (dict.outcome !== 'success') add(format.dataOnFailure, dict.dataKeys);
    }
  }
  return format;
}

/** The keys of the first dict literal in a Python expression such as `{"error_code": code}`. */
export function dictLiteralKeys(expression: string): Promise<string[]> {
  return withPythonTree(expression, (root) => {
    const dicts = responseDicts(root);
    return dicts[0]?.keys ?? [];
  }, { partial: true });
}
