import type { SyntaxNode as Node } from './syntax-node.js';
import { endLineOf, lineOf, namedChildren } from './node-text.js';
import type { PlaceholderStatement, PythonComment, TopLevelStatement } from './python-model.js';
import { createScopeFinder, nodesOfType, placeholderKind } from './walk-scopes.js';

const STATEMENT_TEXT_LIMIT = 80;

/**
 * Whether tree-sitter read `name:` and an expression on a later line as an annotated assignment,
 * which CPython rejects; it is how a prose heading such as `Explanation:` above a docstring parses.
 */
function isSplitAnnotation(statement: Node): boolean {
  const assignment = statement.type === 'expression_statement' ? namedChildren(statement)[0] : undefined;
  const annotation = assignment?.type === 'assignment' ? assignment.childForFieldName('type') : null;
  const target = assignment?.childForFieldName('left');
  return !!annotation && !!target && annotation.startPosition.row > target.endPosition.row;
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

/** The top-level statements of a module (ERROR nodes included, comments left out). */
export function readTopLevelStatements(root: Node): TopLevelStatement[] {
  return namedChildren(root).map((node) => ({
    type: node.type,
    line: lineOf(node),
    column: node.startPosition.column + 1,
    endLine: endLineOf(node),
    hasError: node.type === 'ERROR' || node.hasError || isSplitAnnotation(node),
    expression: node.type === 'expression_statement' ? namedChildren(node)[0]?.type ?? null : null,
    text: firstLine(node.text).trim().slice(0, STATEMENT_TEXT_LIMIT),
  }));
}

/** Every `#` comment and every `pass` / bare `...` statement of the module, in source order. */
export function readCommentsAndPlaceholders(root: Node): { comments: PythonComment[]; placeholders: PlaceholderStatement[] } {
  const comments = nodesOfType(root, ['comment']).map((node) => ({ text: node.text, line: lineOf(node), column: node.startPosition.column + 1 }));
  const placeholders: PlaceholderStatement[] = [];
  const candidates = nodesOfType(root, ['pass_statement', 'ellipsis'])
    .map((node) => (node.type === 'ellipsis' ? node.parent : node))
    .filter((node): node is Node => node !== null);
  const scopeOf = createScopeFinder(root);
  for (const node of candidates) {
    const kind = placeholderKind(node);
    if (!kind) continue;
    const scope = scopeOf(node);
    placeholders.push({
      kind,
      line: lineOf(node),
      owner: scope.owner,
      ownerKind: scope.ownerKind,
      inOwnerBody: node.parent?.id === scope.bodyId,
      ownerBodyIsPlaceholder: scope.bodyIsPlaceholder,
    });
  }
  return { comments, placeholders };
}
