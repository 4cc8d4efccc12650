import type { SyntaxNode as Node } from './syntax-node.js';
import { blockCanComplete } from './control-flow.js';
import { dottedName, lineOf, endLineOf, namedChildren } from './node-text.js';
import type {
  AttributeMutationFact,
  BodyFacts,
  EnclosingHandlers,
  ExceptHandlerFact,
  ReturnFact,
  TryFact,
  ValueFact,
} from './python-model.js';
import { createExpressionReader, describeArguments, describeExpression, describeValue, plainStringValue, type ExpressionReader } from './value-facts.js';

/** Methods that change a list, dict, set or deque in place. */
const MUTATING_METHODS = new Set([
  'append', 'extend', 'insert', 'remove', 'pop', 'popitem', 'clear', 'update', 'setdefault',
  'add', 'discard', 'sort', 'reverse', 'appendleft', 'extendleft', 'popleft', 'difference_update',
  'intersection_update', 'symmetric_difference_update',
]);

interface WalkState {
  handlers: EnclosingHandlers;
  /** The `try` statements behind `handlers`, innermost first. */
  tries: TryFact[];
  inExceptClause: boolean;
  /** Never changed once made (facts share it): an inner `with` makes a longer copy. */
  heldContexts: string[];
  reader: ExpressionReader;
}

/** Names of the exception types an `except` clause catches. */
function handlerTypes(clause: Node): string[] {
  const value = clause.childForFieldName('value');
  if (!value) {
    const first = namedChildren(clause).find((child) => child.type !== 'block');
    if (!first) return ['BaseException'];
    return typesOf(first);
  }
  return typesOf(value);
}

function typesOf(node: Node): string[] {
  if (node.type === 'as_pattern') {
    const inner = namedChildren(node)[0];
    return inner ? typesOf(inner) : ['BaseException'];
  }
  if (node.type === 'tuple' || node.type === 'parenthesized_expression') {
    return namedChildren(node).flatMap(typesOf);
  }
  return [dottedName(node)];
}

function containsRaise(node: Node): boolean {
  if (node.type === 'raise_statement') return true;
  if (node.type === 'function_definition' || node.type === 'class_definition') return false;
  return namedChildren(node).some(containsRaise);
}

/** The attribute path or name at the root of a subscript chain, e.g. `self._items`, `_REGISTRY`. */
function attributeRoot(node: Node): string | null {
  let current: Node | null = node;
  while (current && current.type === 'subscript') current = current.childForFieldName('value');
  if (!current || (current.type !== 'attribute' && current.type !== 'identifier')) return null;
  return dottedName(current);
}

function describeReturn(node: Node, state: WalkState): ReturnFact {
  const value = namedChildren(node)[0] ?? null;
  return { line: lineOf(node), ...describeValue(value, state.reader) };
}

function describeTry(node: Node): TryFact {
  const handlers: ExceptHandlerFact[] = [];
  let hasFinally = false;
  for (const child of namedChildren(node)) {
    if (child.type === 'except_clause' || child.type === 'except_group_clause') {
      handlers.push({ line: lineOf(child), endLine: endLineOf(child), types: handlerTypes(child), reraises: containsRaise(child) });
    } else if (child.type === 'finally_clause') hasFinally = true;
  }
  return { line: lineOf(node), endLine: endLineOf(node), handlers, hasFinally };
}

function recordMutation(facts: BodyFacts, state: WalkState, target: Node, operation: AttributeMutationFact['operation'], method: string | null, line: number, value: ValueFact | null = null): void {
  const root = (target.type === 'attribute' || target.type === 'identifier') && operation !== 'subscript-assign' ? dottedName(target) : attributeRoot(target);
  if (!root) return;
  facts.attributeMutations.push({ line, target: root, operation, method, heldContexts: state.heldContexts, value });
}

/** The object of a method call (`x` in `x.write_text(...)`), described; null for plain function calls. */
function receiverOf(callee: Node, reader: ExpressionReader) {
  const object = callee.type === 'attribute' ? callee.childForFieldName('object') : null;
  return object ? describeExpression(object, null, reader) : null;
}

/** Records `name = value` and `name["key"] = value` bindings of local names. */
function recordLocalAssignment(facts: BodyFacts, state: WalkState, target: Node, right: Node, line: number): void {
  if (target.type === 'identifier') {
    facts.localAssignments.push({ line, name: target.text, key: null, dynamicKey: false, via: 'assign', value: describeValue(right, state.reader), heldContexts: state.heldContexts });
    return;
  }
  const object = target.type === 'subscript' ? target.childForFieldName('value') : null;
  if (object?.type !== 'identifier') return;
  const key = plainStringValue(target.childForFieldName('subscript'));
  facts.localAssignments.push({ line, name: object.text, key, dynamicKey: key === null, via: 'assign', value: describeValue(right, state.reader), heldContexts: state.heldContexts });
}

function assignmentTargets(left: Node): Node[] {
  if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern') {
    return namedChildren(left).flatMap(assignmentTargets);
  }
  return [left];
}

function visit(node: Node, facts: BodyFacts, state: WalkState): void {
  switch (node.type) {
    case 'function_definition':
    case 'class_definition':
    case 'lambda':
      return;
    case 'yield':
      facts.yields = true;
      break;
    case 'global_statement':
      facts.globalNames.push(...namedChildren(node).filter((child) => child.type === 'identifier').map((child) => child.text));
      break;
    case 'return_statement':
      facts.returns.push(describeReturn(node, state));
      break;
    case 'raise_statement': {
      const raised = namedChildren(node)[0];
      const typeNode = raised?.type === 'call' ? raised.childForFieldName('function') : raised;
      facts.raises.push({
        line: lineOf(node),
        exception: typeNode ? dottedName(typeNode) : null,
        inExceptClause: state.inExceptClause,
        handlers: state.handlers,
        enclosingTries: state.tries,
      });
      break;
    }
    case 'call': {
      const callee = node.childForFieldName('function');
      const argumentsNode = node.childForFieldName('arguments');
      if (callee) {
        const calleeText = dottedName(callee);
        facts.calls.push({
          line: lineOf(node),
          callee: calleeText,
          argumentsText: argumentsNode?.text ?? '()',
          handlers: state.handlers,
          enclosingTries: state.tries,
          arguments: describeArguments(argumentsNode, state.reader),
          heldContexts: state.heldContexts,
          receiver: receiverOf(callee, state.reader),
        });
        const method = calleeText.slice(calleeText.lastIndexOf('.') + 1);
        if (callee.type === 'attribute' && MUTATING_METHODS.has(method)) {
          const object = callee.childForFieldName('object');
          if (object) recordMutation(facts, state, object, 'method-call', method, lineOf(node));
        }
      }
      break;
    }
    case 'assignment': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left && right) {
        const targets = assignmentTargets(left);
        // `a = b = value` nests assignments; the value described is the right-hand side as written.
        const single = targets.length === 1 && right.type !== 'assignment';
        for (const target of targets) {
          if (target.type === 'attribute') recordMutation(facts, state, target, 'assign', null, lineOf(node), single ? describeValue(right, state.reader) : null);
          else if (target.type === 'subscript') recordMutation(facts, state, target, 'subscript-assign', null, lineOf(node));
          if (single) recordLocalAssignment(facts, state, target, right, lineOf(node));
        }
      }
      break;
    }
    case 'augmented_assignment': {
      const left = node.childForFieldName('left');
      if (left?.type === 'attribute' || left?.type === 'identifier') recordMutation(facts, state, left, 'augmented-assign', null, lineOf(node));
      else if (left?.type === 'subscript') recordMutation(facts, state, left, 'subscript-assign', null, lineOf(node));
      break;
    }
    case 'delete_statement':
      for (const target of namedChildren(node).flatMap((child) => (child.type === 'expression_list' ? namedChildren(child) : [child]))) {
        if (target.type === 'subscript' || target.type === 'attribute') recordMutation(facts, state, target, 'delete', null, lineOf(node));
      }
      break;
    case 'try_statement': {
      const tryFact = describeTry(node);
      facts.tries.push(tryFact);
      const caught = tryFact.handlers.flatMap((handler) => handler.types);
      for (const child of namedChildren(node)) {
        if (child.type === 'block') {
          // Only the try body is protected by this statement's handlers.
          const inner = caught.length > 0 ? { ...state, handlers: [caught, ...state.handlers], tries: [tryFact, ...state.tries] } : state;
          visitChildren(child, facts, inner);
        } else if (child.type === 'except_clause' || child.type === 'except_group_clause') {
          visitChildren(child, facts, { ...state, inExceptClause: true });
        } else visitChildren(child, facts, state);
      }
      return;
    }
    case 'with_statement': {
      const items: string[] = [];
      const clause = namedChildren(node).find((child) => child.type === 'with_clause');
      for (const item of clause ? namedChildren(clause) : []) {
        const value = item.childForFieldName('value') ?? namedChildren(item)[0];
        const expression = value?.type === 'as_pattern' ? namedChildren(value)[0] : value;
        if (expression?.text) items.push(expression.text);
        const alias = value?.type === 'as_pattern' ? value.childForFieldName('alias') : null;
        const aliasName = alias ? namedChildren(alias)[0] : null;
        if (expression && aliasName?.type === 'identifier') {
          facts.localAssignments.push({
            line: lineOf(item), name: aliasName.text, key: null, dynamicKey: false, via: 'with', value: describeValue(expression, state.reader), heldContexts: state.heldContexts,
          });
        }
      }
      facts.withItems.push(...items);
      if (clause) visitChildren(clause, facts, state);
      const body = node.childForFieldName('body');
      if (body) visitChildren(body, facts, { ...state, heldContexts: [...state.heldContexts, ...items] });
      return;
    }
    default:
      break;
  }
  visitChildren(node, facts, state);
}

function visitChildren(node: Node, facts: BodyFacts, state: WalkState): void {
  const { children } = node;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.isNamed && child.type !== 'comment') visit(child, facts, state);
  }
}

function isDocstringStatement(node: Node): boolean {
  const expression = node.type === 'expression_statement' ? namedChildren(node)[0] : null;
  return !!expression && (expression.type === 'string' || expression.type === 'concatenated_string');
}

function isPlaceholderStatement(node: Node): boolean {
  if (node.type === 'pass_statement') return true;
  if (node.type !== 'expression_statement') return false;
  const expression = namedChildren(node)[0];
  return expression?.type === 'ellipsis';
}

/** Body facts with nothing in them (a function without a body). */
export function emptyBodyFacts(): BodyFacts {
  return {
    returns: [],
    raises: [],
    tries: [],
    calls: [],
    attributeMutations: [],
    withItems: [],
    isPlaceholder: true,
    yields: false,
    canFallThrough: true,
    localAssignments: [],
    globalNames: [],
  };
}

/** Facts of a lambda: its value is its one return; its calls run wherever the lambda is called. */
function readLambdaFacts(lambda: Node, reader: ExpressionReader): BodyFacts {
  const facts = emptyBodyFacts();
  facts.isPlaceholder = false;
  facts.canFallThrough = false;
  const body = lambda.childForFieldName('body');
  facts.returns.push({ line: lineOf(lambda), ...describeValue(body, reader) });
  if (body) visit(body, facts, { handlers: [], tries: [], inExceptClause: false, heldContexts: [], reader });
  return facts;
}

/** Gathers body facts for a function's `block` node (or the module node, for module-level statements). */
export function readBodyFacts(block: Node): BodyFacts {
  const facts = emptyBodyFacts();
  const statements = namedChildren(block);
  const meaningful = statements.filter((statement, index) => !(index === 0 && isDocstringStatement(statement)));
  facts.isPlaceholder = meaningful.length === 0 || meaningful.every(isPlaceholderStatement);
  facts.canFallThrough = blockCanComplete(block);
  visitChildren(block, facts, { handlers: [], tries: [], inExceptClause: false, heldContexts: [], reader: createExpressionReader(readLambdaFacts) });
  return facts;
}
