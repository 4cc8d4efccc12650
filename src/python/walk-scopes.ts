import type { SyntaxNode as Node } from './syntax-node.js';
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

/**
 * Finds the scope of a node: the function or class definitions around it, innermost last in the
 * name. A definition node itself, and everything inside it (parameters, body), belongs to its own
 * scope. Walking up the ancestors of the few nodes a collector needs is cheaper than visiting every
 * node; the scope of each definition is worked out once (its placeholder test reads its whole body).
 */
export function createScopeFinder(root: Node): (node: Node) => Scope {
  const known = new Map<number, Scope>();
  return (node) => {
    let innermost: Node | null = null;
    for (let current: Node | null = node; current && current.id !== root.id; current = current.parent) {
      if (current.type === 'function_definition' || current.type === 'class_definition') {
        innermost = current;
        break;
      }
    }
    const key = innermost ? innermost.id : root.id;
    let scope = known.get(key);
    if (!scope) {
      scope = innermost ? definitionScope(innermost, root) : { owner: null, ownerKind: 'module', bodyId: root.id, bodyIsPlaceholder: false };
      known.set(key, scope);
    }
    return scope;
  };
}

function definitionScope(innermost: Node, root: Node): Scope {
  const names: string[] = [];
  for (let current: Node | null = innermost; current && current.id !== root.id; current = current.parent) {
    if (current.type === 'function_definition' || current.type === 'class_definition') names.push(current.childForFieldName('name')?.text ?? '?');
  }
  const body = innermost.childForFieldName('body');
  return {
    owner: names.reverse().join('.'),
    ownerKind: innermost.type === 'class_definition' ? 'class' : 'function',
    bodyId: body?.id ?? -1,
    bodyIsPlaceholder: body ? isPlaceholderBlock(body) : true,
  };
}

/** The scope of one node (see `createScopeFinder`, which is cheaper for many nodes of one tree). */
export function scopeOf(node: Node, root: Node): Scope {
  return createScopeFinder(root)(node);
}

/** The nodes of the given types under `root`, in source order. */
export function nodesOfType(root: Node, types: string[]): Node[] {
  return root.descendantsOfType(types).filter((node): node is Node => node !== null);
}
