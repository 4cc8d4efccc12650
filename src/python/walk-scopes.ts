import type { Node } from 'web-tree-sitter';
import { namedChildren } from './node-text.js';

/** The definition that encloses a node, by qualified name (`Service.add`, `outer.inner`). */
export interface Scope {
  /** Qualified name of the enclosing function or class; null at module level. */
  owner: string | null;
  ownerKind: 'module' | 'class' | 'function';
  /** Node id of the owner's body block (the module node at module level). */
  bodyId: number;
  /** True when the owner's body holds nothing but a docstring and/or `pass` / `...`. */
  bodyIsPlaceholder: boolean;
}

function isDocstringStatement(node: Node): boolean {
  const expression = node.type === 'expression_statement' ? namedChildren(node)[0] : undefined;
  return !!expression && (expression.type === 'string' || expression.type === 'concatenated_string');
}

/** Whether a statement is `pass` or a bare `...` expression statement. */
export function placeholderKind(node: Node): 'pass' | 'ellipsis' | null {
  if (node.type === 'pass_statement') return 'pass';
  if (node.type !== 'expression_statement') return null;
  const parts = namedChildren(node);
  return parts.length === 1 && parts[0]?.type === 'ellipsis' ? 'ellipsis' : null;
}

/** Whether a block holds only a docstring and/or `pass` / `...` statements (or nothing). */
export function isPlaceholderBlock(block: Node): boolean {
  return namedChildren(block)
    .filter((statement, index) => !(index === 0 && isDocstringStatement(statement)))
    .every((statement) => placeholderKind(statement) !== null);
}

function enter(definition: Node, outer: Scope): Scope {
  const name = definition.childForFieldName('name')?.text ?? '?';
  const body = definition.childForFieldName('body');
  return {
    owner: outer.owner ? `${outer.owner}.${name}` : name,
    ownerKind: definition.type === 'class_definition' ? 'class' : 'function',
    bodyId: body?.id ?? -1,
    bodyIsPlaceholder: body ? isPlaceholderBlock(body) : true,
  };
}

/**
 * Visits every named node (comments included) with the scope that encloses it. A function or
 * class definition node itself, and everything inside it (parameters, body), gets its own scope.
 * `visit` returns false to skip a node's children.
 */
export function walkScopes(root: Node, visit: (node: Node, scope: Scope) => boolean | void): void {
  const moduleScope: Scope = { owner: null, ownerKind: 'module', bodyId: root.id, bodyIsPlaceholder: false };
  const walk = (node: Node, scope: Scope): void => {
    const inner = node.type === 'function_definition' || node.type === 'class_definition' ? enter(node, scope) : scope;
    if (visit(node, inner) === false) return;
    for (let index = 0; index < node.namedChildCount; index++) {
      const child = node.namedChild(index);
      if (child) walk(child, inner);
    }
  };
  for (let index = 0; index < root.namedChildCount; index++) {
    const child = root.namedChild(index);
    if (child) walk(child, moduleScope);
  }
}
