import type { SyntaxNode as Node } from './syntax-node.js';

/** Where a name used in an expression comes from when a `for` loop or a comprehension binds it. */
export interface LoopBinding {
  /** Source text of what the loop walks (`changes.items()`, `fields(self)`). */
  iterable: string;
  /** The name's place in a tuple target (`key` is 0 in `for key, value in ...`); null for a plain target. */
  position: number | null;
}

const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
const SCOPE_ENDS = new Set(['function_definition', 'class_definition', 'lambda', 'module']);
/** Loops deeper than this around one expression are not looked through (the walk up stays bounded). */
const MAX_ANCESTORS = 64;

/** The place of `name` in a loop target: a plain identifier, or one element of a flat tuple. */
function positionIn(target: Node | null, name: string): number | null | undefined {
  if (!target) return undefined;
  if (target.type === 'identifier') return target.text === name ? null : undefined;
  if (target.type !== 'pattern_list' && target.type !== 'tuple_pattern') return undefined;
  const elements = target.namedChildren;
  const index = elements.findIndex((element) => element.type === 'identifier' && element.text === name);
  return index < 0 ? undefined : index;
}

/**
 * The innermost `for` statement or comprehension clause, in the same function, that binds `name`
 * around `node` (only where the loop body or the comprehension's result holds it), or null.
 */
export function loopBindingOf(node: Node, name: string): LoopBinding | null {
  let child = node;
  let parent = node.parent;
  for (let steps = 0; parent && steps < MAX_ANCESTORS && !SCOPE_ENDS.has(parent.type); steps++) {
    if (parent.type === 'for_statement' && parent.childForFieldName('body')?.id === child.id) {
      const position = positionIn(parent.childForFieldName('left'), name);
      const iterable = parent.childForFieldName('right');
      if (position !== undefined && iterable) return { iterable: iterable.text, position };
    }
    if (COMPREHENSIONS.has(parent.type) && child.type !== 'for_in_clause') {
      for (const clause of parent.namedChildren) {
        if (clause.type !== 'for_in_clause') continue;
        const position = positionIn(clause.childForFieldName('left'), name);
        const iterable = clause.childForFieldName('right');
        if (position !== undefined && iterable) return { iterable: iterable.text, position };
      }
    }
    child = parent;
    parent = parent.parent;
  }
  return null;
}
