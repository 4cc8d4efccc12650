import type { SyntaxNode as Node } from '../python/syntax-node.js';
import { namedChildren } from '../python/node-text.js';
import { unwrapDefinition } from '../python/read-function.js';
import { withPythonTree } from '../python/tree-sitter-parser.js';

/** What the sanitiser needs to know about candidate code: cheap to compute even for large modules. */
export interface PythonOutline {
  /** Places where tree-sitter could not parse (ERROR nodes and tokens it had to assume). */
  parseErrors: number;
  /** Top-level class and function names. */
  definitions: string[];
  /** Top-level imports and assignments. */
  otherStatements: number;
}

/** Iterative: a reply may nest thousands deep, and live nodes are not depth-bounded. */
function countErrors(root: Node): number {
  let count = 0;
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (!node.hasError && !node.isMissing) continue;
    if (node.isMissing) {
      count++;
      continue;
    }
    if (node.type === 'ERROR') count++;
    for (const child of node.children) if (child) pending.push(child);
  }
  return count;
}

function isStatementWorthCounting(node: Node): boolean {
  if (node.type === 'import_statement' || node.type === 'import_from_statement' || node.type === 'future_import_statement') return true;
  return node.type === 'expression_statement' && namedChildren(node)[0]?.type === 'assignment';
}

/**
 * Parses `code` and returns its outline: parse errors, top-level definitions, imports and
 * assignments. A tenth of the cost of the full module model, which matters when every block of a
 * long reply is a candidate.
 */
export function outlinePython(code: string): Promise<PythonOutline> {
  return withPythonTree(code, (root) => {
    const definitions: string[] = [];
    let otherStatements = 0;
    for (const statement of namedChildren(root)) {
      const unwrapped = unwrapDefinition(statement);
      const name = unwrapped?.definition.childForFieldName('name')?.text;
      if (name) definitions.push(name);
      else if (isStatementWorthCounting(statement)) otherStatements++;
    }
    return { parseErrors: countErrors(root), definitions, otherStatements };
  }, { partial: true });
}
