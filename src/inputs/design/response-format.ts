import type { SyntaxNode as Node } from '../../python/syntax-node.js';
import { namedChildren, stringValue } from '../../python/node-text.js';
import { withPythonTree } from '../../python/tree-sitter-parser.js';

/** Headings of sections that prescribe the response shape. */
export const RESPONSE_HEADING = /response (format|shape|structure|contract|envelope|schema)|return (format|shape|value|structure)s?|responses\b/i;

function collectKeys(node: Node, into: string[]): void {
  if (node.type === 'pair') {
    const key = node.childForFieldName('key');
    if (key && key.type === 'string') {
      const text = stringValue(key);
      if (/^\w+$/.test(text) && !into.includes(text)) into.push(text);
    }
  }
  // Error recovery may leave pairs under ERROR nodes, which namedChildren still reaches.
  for (const child of namedChildren(node)) collectKeys(child, into);
}

/**
 * String keys of the dict literals in a snippet such as `{"success": bool, "message": str, "data": ...}`.
 * Placeholders like `<payload>` break the Python, but tree-sitter keeps the pairs it could read.
 */
export function responseKeys(snippet: string): Promise<string[]> {
  return withPythonTree(snippet, (root) => {
    const keys: string[] = [];
    collectKeys(root, keys);
    return keys;
  }, { partial: true });
}
