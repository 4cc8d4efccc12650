import type { SyntaxNode as Node } from './syntax-node.js';
import { namedChildren } from './node-text.js';

/** Whether a `break` inside `node` leaves the loop `node` belongs to (nested loops and definitions keep theirs). */
function containsLoopBreak(node: Node): boolean {
  for (const child of namedChildren(node)) {
    if (child.type === 'break_statement') return true;
    if (['for_statement', 'while_statement', 'function_definition', 'class_definition', 'decorated_definition', 'lambda'].includes(child.type)) {
      // A loop's own `else` clause is not part of its body: a `break` there leaves *our* loop.
      if (child.type === 'for_statement' || child.type === 'while_statement') {
        const alternative = child.childForFieldName('alternative');
        if (alternative && containsLoopBreak(alternative)) return true;
      }
      continue;
    }
    if (containsLoopBreak(child)) return true;
  }
  return false;
}

function isAlwaysTrue(condition: Node | null): boolean {
  if (!condition) return false;
  if (condition.type === 'true') return true;
  return condition.type === 'integer' && Number(condition.text) !== 0;
}

function clauseBlock(clause: Node | null): Node | null {
  if (!clause) return null;
  return clause.childForFieldName('body') ?? clause.childForFieldName('consequence') ?? namedChildren(clause).filter((child) => child.type === 'block').pop() ?? null;
}

function tryCanComplete(node: Node): boolean {
  let body: Node | null = null;
  let elseBlock: Node | null = null;
  let finallyBlock: Node | null = null;
  const handlers: Node[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'block') body = child;
    else if (child.type === 'else_clause') elseBlock = clauseBlock(child);
    else if (child.type === 'finally_clause') finallyBlock = clauseBlock(child);
    else if (child.type === 'except_clause' || child.type === 'except_group_clause') {
      const block = clauseBlock(child);
      if (block) handlers.push(block);
    }
  }
  const bodyCompletes = (!body || blockCanComplete(body)) && (!elseBlock || blockCanComplete(elseBlock));
  const completes = bodyCompletes || handlers.some(blockCanComplete);
  return completes && (!finallyBlock || blockCanComplete(finallyBlock));
}

function isIrrefutableCase(clause: Node): boolean {
  if (clause.childForFieldName('guard')) return false;
  const pattern = namedChildren(clause).find((child) => child.type === 'case_pattern');
  if (!pattern) return false;
  const text = pattern.text.trim();
  return text === '_' || /^[A-Za-z_][A-Za-z0-9_]*$/.test(text);
}

/** Whether running `statement` can be followed by the next statement (it does not always leave the block). */
export function statementCanComplete(statement: Node): boolean {
  switch (statement.type) {
    case 'return_statement':
    case 'raise_statement':
    case 'break_statement':
    case 'continue_statement':
      return false;
    case 'block':
      return blockCanComplete(statement);
    case 'if_statement': {
      const consequence = statement.childForFieldName('consequence');
      const branches: Node[] = consequence ? [consequence] : [];
      let hasElse = false;
      for (const alternative of statement.childrenForFieldName('alternative')) {
        if (!alternative) continue;
        if (alternative.type === 'else_clause') hasElse = true;
        const block = clauseBlock(alternative);
        if (block) branches.push(block);
      }
      return !hasElse || branches.some(blockCanComplete);
    }
    case 'while_statement':
      return !isAlwaysTrue(statement.childForFieldName('condition')) || containsLoopBreak(statement.childForFieldName('body') ?? statement);
    case 'with_statement': {
      const body = statement.childForFieldName('body');
      return !body || blockCanComplete(body);
    }
    case 'try_statement':
      return tryCanComplete(statement);
    case 'match_statement': {
      const body = statement.childForFieldName('body');
      const cases = body ? namedChildren(body).filter((child) => child.type === 'case_clause') : [];
      if (!cases.some(isIrrefutableCase)) return true;
      return cases.some((clause) => {
        const block = clause.childForFieldName('consequence');
        return !block || blockCanComplete(block);
      });
    }
    default:
      return true;
  }
}

/**
 * Whether control can run off the end of a block. Conservative in the "can complete" direction:
 * calls are assumed to return, `for` loops may run zero times, context managers never swallow.
 */
export function blockCanComplete(block: Node): boolean {
  return namedChildren(block).every(statementCanComplete);
}
