import { coversEnum, enumMembers } from '../../../../python/enum-matches.js';
import { lineOf, namedChildren } from '../../../../python/node-text.js';
import type { PythonModule } from '../../../../python/python-model.js';
import type { SyntaxNode as Node } from '../../../../python/syntax-node.js';
import { withPythonTree } from '../../../../python/tree-sitter-parser.js';

type Enums = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Statements that hold other statements where definitions may sit (the walk to a function stops at expressions). */
const HOLDERS = new Set([
  'module', 'block', 'class_definition', 'function_definition', 'decorated_definition', 'if_statement', 'elif_clause',
  'else_clause', 'for_statement', 'while_statement', 'try_statement', 'except_clause', 'except_group_clause',
  'finally_clause', 'with_statement', 'match_statement', 'case_clause',
]);
const LOOPS = new Set(['for_statement', 'while_statement']);
const SCOPES = new Set(['function_definition', 'class_definition', 'decorated_definition', 'lambda']);

function clauseBlock(clause: Node): Node | null {
  return clause.childForFieldName('body') ?? clause.childForFieldName('consequence') ?? namedChildren(clause).filter((child) => child.type === 'block').pop() ?? null;
}

function isAlwaysTrue(condition: Node | null): boolean {
  return !!condition && (condition.type === 'true' || (condition.type === 'integer' && Number(condition.text) !== 0));
}

/** A `case _:` or `case name:` without a guard: it takes every value. */
function isIrrefutable(clause: Node): boolean {
  if (clause.childForFieldName('guard')) return false;
  const pattern = namedChildren(clause).find((child) => child.type === 'case_pattern');
  if (!pattern) return false;
  if (pattern.text.trim() === '_') return true;
  const parts = namedChildren(pattern);
  return parts.length === 1 && parts[0]!.type === 'dotted_name' && namedChildren(parts[0]!).length === 1;
}

/** Whether a `break` in the loop's body leaves this loop (nested loops keep their own, but not in their `else`). */
function breaksOut(loop: Node): boolean {
  const body = loop.childForFieldName('body');
  const pending: Node[] = body ? [body] : [];
  while (pending.length > 0) {
    const node = pending.pop()!;
    for (const child of namedChildren(node)) {
      if (child.type === 'break_statement') return true;
      if (LOOPS.has(child.type)) {
        const alternative = child.childForFieldName('alternative');
        if (alternative) pending.push(alternative);
      } else if (!SCOPES.has(child.type)) pending.push(child);
    }
  }
  return false;
}

/** The blocks and statements whose verdicts decide `node`'s (none for simple statements). */
function partsOf(node: Node): Node[] {
  switch (node.type) {
    case 'block':
      return [...namedChildren(node)];
    case 'if_statement':
      return [node.childForFieldName('consequence'), ...node.childrenForFieldName('alternative').map((clause) => (clause ? clauseBlock(clause) : null))].filter((part): part is Node => !!part);
    case 'with_statement':
      return [node.childForFieldName('body')].filter((part): part is Node => !!part);
    case 'try_statement':
      return namedChildren(node).map((child) => (child.type === 'block' ? child : clauseBlock(child))).filter((part): part is Node => !!part);
    case 'match_statement': {
      const body = node.childForFieldName('body');
      return (body ? namedChildren(body) : []).filter((clause) => clause.type === 'case_clause').map((clause) => clause.childForFieldName('consequence')).filter((part): part is Node => !!part);
    }
    default:
      return [];
  }
}

/** `node`'s verdict from its parts' (all known by then): whether the next statement can run after it. */
function verdictOf(node: Node, known: ReadonlyMap<number, boolean>, enums: Enums): boolean {
  const completes = (part: Node | null) => !part || known.get(part.id) !== false;
  switch (node.type) {
    case 'return_statement': case 'raise_statement': case 'break_statement': case 'continue_statement':
      return false;
    case 'block':
      return namedChildren(node).every(completes);
    case 'if_statement': {
      const hasElse = node.childrenForFieldName('alternative').some((clause) => clause?.type === 'else_clause');
      return !hasElse || partsOf(node).some(completes);
    }
    case 'while_statement':
      return !isAlwaysTrue(node.childForFieldName('condition')) || breaksOut(node);
    case 'with_statement':
      return completes(node.childForFieldName('body'));
    case 'try_statement': {
      let bodyCompletes = true;
      let handlerCompletes = false;
      let finallyCompletes = true;
      for (const child of namedChildren(node)) {
        if (child.type === 'block' || child.type === 'else_clause') bodyCompletes &&= completes(child.type === 'block' ? child : clauseBlock(child));
        else if (child.type === 'finally_clause') finallyCompletes = completes(clauseBlock(child));
        else if (child.type === 'except_clause' || child.type === 'except_group_clause') handlerCompletes ||= completes(clauseBlock(child));
      }
      return (bodyCompletes || handlerCompletes) && finallyCompletes;
    }
    case 'match_statement': {
      const body = node.childForFieldName('body');
      const clauses = (body ? namedChildren(body) : []).filter((clause) => clause.type === 'case_clause');
      if (!clauses.some(isIrrefutable) && !coversEnum(node, enums)) return true;
      return clauses.some((clause) => completes(clause.childForFieldName('consequence')));
    }
    default:
      return true;
  }
}

/**
 * Whether control can run off the end of a block, as body facts' `canFallThrough` says, but with
 * a `match` over every member of an Enum of the module counted as exhaustive. Iterative, each
 * statement judged once.
 */
export function blockFallsThrough(block: Node, enums: Enums): boolean {
  const known = new Map<number, boolean>();
  const stack: Array<{ node: Node; expanded: boolean }> = [{ node: block, expanded: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (!top.expanded) {
      top.expanded = true;
      for (const part of partsOf(top.node)) stack.push({ node: part, expanded: false });
      continue;
    }
    stack.pop();
    known.set(top.node.id, verdictOf(top.node, known, enums));
  }
  return known.get(block.id) !== false;
}

/**
 * Of the functions starting at `lines` (their `def` line) whose body facts say they can fall
 * through, those that cannot once a `match` over every member of a module Enum counts as
 * exhaustive. Parses the module only when it has an Enum with members and a line to judge.
 */
export async function exhaustiveEnumMatchFunctions(module: PythonModule, lines: ReadonlySet<number>): Promise<Set<number>> {
  const cleared = new Set<number>();
  const enums = enumMembers(module);
  if (lines.size === 0 || ![...enums.values()].some((members) => members.size > 0)) return cleared;
  return withPythonTree(module.source, (root) => {
    const pending: Node[] = [root];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node.type === 'function_definition' && lines.has(lineOf(node))) {
        const body = node.childForFieldName('body');
        if (body && !blockFallsThrough(body, enums)) cleared.add(lineOf(node));
      }
      for (const child of namedChildren(node)) if (HOLDERS.has(child.type)) pending.push(child);
    }
    return cleared;
  }, { partial: true });
}
