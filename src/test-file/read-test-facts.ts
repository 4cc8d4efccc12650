import { dottedName, lineOf, namedChildren, stringValue } from '../python/node-text.js';
import type { SyntaxNode as Node } from '../python/syntax-node.js';

/** What a name is bound to in one place: an import from the deliverable, a value, or anything else. */
export type BindingValue =
  | { kind: 'api'; name: string }
  | { kind: 'module' }
  | { kind: 'value'; node: Node; scope: number }
  | { kind: 'other' };

/** A function, class, comprehension or the module: where names are bound. */
export interface FactScope {
  kind: 'module' | 'function' | 'class';
  parent: number | null;
  bindings: Map<string, BindingValue[]>;
}

/** A call, as written, with the scope it sits in. */
export interface CallSite {
  node: Node;
  callee: Node;
  scope: number;
  line: number;
  column: number;
  positional: number;
  keywords: string[];
  /** `*args` or `**kwargs` among the arguments: the arity cannot be told. */
  splat: boolean;
}

/** How an asserted string is compared: equal to a message, or contained in one. */
export type AssertedRole = 'equal' | 'contained';

/** A string literal an assertion compares a result with. */
export interface AssertedString {
  text: string;
  line: number;
  column: number;
  role: AssertedRole;
}

/** What the walk over a test file found. */
export interface TestFacts {
  scopes: FactScope[];
  calls: CallSite[];
  /** `name.attribute` reads whose object is a plain name, with their scope. */
  attributes: Array<{ node: Node; object: string; attribute: string; scope: number }>;
  /** Writes to `self.x` / `cls.x` anywhere in the file, by attribute name (null value: not a plain assignment). */
  selfAttributes: Map<string, Array<{ node: Node | null; scope: number }>>;
  /** Names declared `global`/`nonlocal`: their bindings are not all visible. */
  dynamicNames: Set<string>;
  /** `exec`, `eval`, `globals()`, `locals()`: any name may be bound anywhere. */
  dynamicScopes: boolean;
  /** `setattr`, `__dict__`, `vars()`: attributes may be set without being written. */
  dynamicAttributes: boolean;
  asserted: AssertedString[];
  /** `importlib.import_module("x")` / `__import__("x")` targets. */
  dynamicImports: string[];
  /** Member names the file replaces on some object (`obj.name = …`, `patch.object(obj, "name")`, `monkeypatch.setattr(obj, "name", …)`). */
  replacedMembers: Set<string>;
}

const PATTERN_TYPES = new Set(['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'parenthesized_expression', 'list_splat_pattern', 'as_pattern_target', 'expression_list']);
const COLLECTION_TYPES = new Set(['list', 'tuple', 'set', 'parenthesized_expression', 'expression_list']);
/** unittest assertions that compare their first two arguments (the third is the failure text). */
const COMPARING = new Set(['assertEqual', 'assertEquals', 'assertMultiLineEqual', 'assertListEqual', 'assertTupleEqual', 'assertDictEqual', 'assertSetEqual', 'assertSequenceEqual', 'assertCountEqual', 'assertIn', 'assertIs']);
/** Assertions whose string arguments are not messages the module returns (negations, patterns, types, truth tests). */
const NOT_COMPARING = /^assert(Not|IsNot|Raises|Warns|Logs|NoLogs|Regex|True|False|IsNone|IsNotNone|IsInstance|NotIsInstance|AlmostEqual|Greater|Less)/;
const MAX_COLLECTION_DEPTH = 4;

/** Identifier nodes a binding target names; `self.x`-style attributes go to `attributes`. */
function targetsOf(target: Node): { names: Node[]; attributes: Node[] } {
  const names: Node[] = [];
  const attributes: Node[] = [];
  const pending = [target];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'identifier') names.push(node);
    else if (node.type === 'attribute') attributes.push(node);
    else if (PATTERN_TYPES.has(node.type)) pending.push(...namedChildren(node));
  }
  return { names, attributes };
}

function parameterNames(parameters: Node): string[] {
  const names: string[] = [];
  for (const child of namedChildren(parameters)) {
    if (child.type === 'identifier') names.push(child.text);
    else {
      const name = child.childForFieldName('name') ?? namedChildren(child).find((part) => part.type === 'identifier');
      if (name?.type === 'identifier') names.push(name.text);
    }
  }
  return names;
}

/** String literals a compared value holds directly or in a list, tuple, set or dict value. */
function comparedStrings(node: Node, role: AssertedRole, into: AssertedString[]): void {
  const pending: Array<{ node: Node; depth: number; role: AssertedRole }> = [{ node, depth: 0, role }];
  while (pending.length > 0) {
    const { node: current, depth, role: currentRole } = pending.pop()!;
    if (current.type === 'string' || current.type === 'concatenated_string') {
      into.push({ text: stringValue(current), line: lineOf(current), column: current.startPosition.column + 1, role: currentRole });
    } else if (depth < MAX_COLLECTION_DEPTH && (COLLECTION_TYPES.has(current.type) || current.type === 'dictionary')) {
      for (const child of namedChildren(current)) {
        const value = child.type === 'pair' ? child.childForFieldName('value') : child;
        if (value) pending.push({ node: value, depth: depth + 1, role: 'equal' });
      }
    }
  }
}

function readAssertCall(call: Node, name: string, into: AssertedString[]): void {
  if (NOT_COMPARING.test(name)) return;
  const values = namedChildren(call.childForFieldName('arguments') ?? call).filter((argument) => argument.type !== 'keyword_argument' && argument.type !== 'list_splat' && argument.type !== 'dictionary_splat');
  // Known comparisons: the first two arguments; a helper of the test file (`assertFailure(result, "…")`): every positional one.
  const compared = COMPARING.has(name) ? values.slice(0, 2) : values;
  compared.forEach((value, index) => comparedStrings(value, name === 'assertIn' && index === 0 ? 'contained' : 'equal', into));
}

function readAssertStatement(statement: Node, into: AssertedString[]): void {
  const pending = namedChildren(statement).slice(0, 1);
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'boolean_operator' && node.child(1)?.type === 'and') {
      pending.push(...namedChildren(node));
      continue;
    }
    if (node.type !== 'comparison_operator') continue;
    const operands = namedChildren(node);
    const operators = node.childrenForFieldName('operators').map((operator) => operator.type);
    if (operands.length !== 2 || operators.length !== 1) continue;
    if (operators[0] === '==') operands.forEach((operand) => comparedStrings(operand, 'equal', into));
    else if (operators[0] === 'in') {
      if (operands[0]!.type === 'string') comparedStrings(operands[0]!, 'contained', into);
      if (COLLECTION_TYPES.has(operands[1]!.type)) comparedStrings(operands[1]!, 'equal', into);
    }
  }
}

/**
 * Walks a test file's tree once (iteratively): the names each scope binds and to what, the
 * calls and attribute reads, writes to `self.x`, and the strings its assertions compare.
 */
export function readTestFacts(root: Node, moduleName: string): TestFacts {
  const facts: TestFacts = {
    scopes: [{ kind: 'module', parent: null, bindings: new Map() }], calls: [], attributes: [], selfAttributes: new Map(),
    dynamicNames: new Set(), dynamicScopes: false, dynamicAttributes: false, asserted: [], dynamicImports: [], replacedMembers: new Set(),
  };
  const bind = (scope: number, name: string, value: BindingValue) => {
    const bindings = facts.scopes[scope]!.bindings;
    const list = bindings.get(name);
    if (list) list.push(value);
    else bindings.set(name, [value]);
  };
  const bindSelf = (attribute: Node, value: Node | null, scope: number) => {
    const object = attribute.childForFieldName('object');
    const name = attribute.childForFieldName('attribute')?.text;
    if (name) facts.replacedMembers.add(name);
    if (!name || (object?.text !== 'self' && object?.text !== 'cls')) return;
    const list = facts.selfAttributes.get(name) ?? [];
    list.push({ node: value, scope });
    facts.selfAttributes.set(name, list);
  };
  const bindTarget = (target: Node, value: Node | null, scope: number) => {
    const { names, attributes } = targetsOf(target);
    const single = target.type === 'identifier' || target.type === 'attribute';
    for (const name of names) bind(scope, name.text, single && value ? { kind: 'value', node: value, scope } : { kind: 'other' });
    for (const attribute of attributes) bindSelf(attribute, single ? value : null, scope);
  };
  const newScope = (kind: FactScope['kind'], parent: number) => {
    facts.scopes.push({ kind, parent, bindings: new Map() });
    return facts.scopes.length - 1;
  };
  const pending: Array<{ node: Node; scope: number }> = [{ node: root, scope: 0 }];
  while (pending.length > 0) {
    const { node, scope: outer } = pending.pop()!;
    let scope = outer;
    switch (node.type) {
      case 'function_definition':
      case 'class_definition': {
        const name = node.childForFieldName('name');
        if (name) bind(outer, name.text, { kind: 'other' });
        scope = newScope(node.type === 'class_definition' ? 'class' : 'function', outer);
        const parameters = node.childForFieldName('parameters');
        if (parameters) for (const parameter of parameterNames(parameters)) bind(scope, parameter, { kind: 'other' });
        break;
      }
      case 'lambda':
      case 'list_comprehension':
      case 'dictionary_comprehension':
      case 'set_comprehension':
      case 'generator_expression': {
        scope = newScope('function', outer);
        const parameters = node.childForFieldName('parameters');
        if (parameters) for (const parameter of parameterNames(parameters)) bind(scope, parameter, { kind: 'other' });
        break;
      }
      case 'assignment': {
        const left = node.childForFieldName('left');
        let right = node.childForFieldName('right');
        while (right?.type === 'assignment') right = right.childForFieldName('right');
        if (left && right) bindTarget(left, right, scope);
        break;
      }
      case 'augmented_assignment':
      case 'for_statement':
      case 'for_in_clause': {
        const left = node.childForFieldName('left');
        if (left) bindTarget(left, null, scope);
        break;
      }
      case 'as_pattern': {
        const alias = node.childForFieldName('alias');
        if (alias) bindTarget(alias, null, scope);
        break;
      }
      case 'named_expression': {
        const name = node.childForFieldName('name');
        const value = node.childForFieldName('value');
        if (name && value) bind(scope, name.text, { kind: 'value', node: value, scope });
        break;
      }
      case 'delete_statement':
        for (const target of namedChildren(node)) bindTarget(target, null, scope);
        break;
      case 'global_statement':
      case 'nonlocal_statement':
        for (const name of namedChildren(node)) facts.dynamicNames.add(name.text);
        break;
      case 'import_statement':
        for (const entry of namedChildren(node)) {
          const dotted = entry.type === 'aliased_import' ? entry.childForFieldName('name') : entry;
          const alias = entry.type === 'aliased_import' ? entry.childForFieldName('alias')?.text : undefined;
          const full = dotted?.text.replace(/\s+/g, '') ?? '';
          if (alias) bind(scope, alias, full === moduleName ? { kind: 'module' } : { kind: 'other' });
          else bind(scope, full.split('.')[0]!, full === moduleName ? { kind: 'module' } : { kind: 'other' });
        }
        break;
      case 'import_from_statement': {
        const source = node.childForFieldName('module_name')?.text.replace(/\s+/g, '');
        const fromDeliverable = source === moduleName;
        for (const entry of node.childrenForFieldName('name')) {
          const name = (entry.type === 'aliased_import' ? entry.childForFieldName('name') : entry)?.text ?? '';
          const alias = entry.type === 'aliased_import' ? entry.childForFieldName('alias')?.text ?? name : name;
          bind(scope, alias, fromDeliverable ? { kind: 'api', name } : source === '.' && name === moduleName ? { kind: 'module' } : { kind: 'other' });
        }
        break;
      }
      case 'call': {
        const callee = node.childForFieldName('function');
        const argumentsNode = node.childForFieldName('arguments');
        if (!callee) break;
        const values = argumentsNode?.type === 'argument_list' ? namedChildren(argumentsNode) : argumentsNode ? [argumentsNode] : [];
        facts.calls.push({
          node, callee, scope, line: lineOf(node), column: node.startPosition.column + 1,
          positional: values.filter((value) => value.type !== 'keyword_argument' && value.type !== 'list_splat' && value.type !== 'dictionary_splat').length,
          keywords: values.filter((value) => value.type === 'keyword_argument').map((value) => value.childForFieldName('name')?.text ?? ''),
          splat: values.some((value) => value.type === 'list_splat' || value.type === 'dictionary_splat'),
        });
        const name = callee.type === 'identifier' ? callee.text : callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : '';
        if (/^assert[A-Z]/.test(name)) readAssertCall(node, name, facts.asserted);
        if (['exec', 'eval', 'globals', 'locals'].includes(name) && callee.type === 'identifier') facts.dynamicScopes = true;
        if (['setattr', 'vars'].includes(name) && callee.type === 'identifier') facts.dynamicAttributes = true;
        const dotted = dottedName(callee);
        if (/(^|\.)(patch\.object|setattr)$/.test(dotted) && values[1]?.type === 'string') facts.replacedMembers.add(stringValue(values[1]));
        if (dotted === 'importlib.import_module' || dotted === '__import__' || dotted === 'import_module') {
          const first = values[0];
          if (first?.type === 'string') facts.dynamicImports.push(stringValue(first));
        }
        break;
      }
      case 'attribute': {
        const object = node.childForFieldName('object');
        const attribute = node.childForFieldName('attribute')?.text;
        if (attribute === '__dict__') facts.dynamicAttributes = true;
        if (object?.type === 'identifier' && attribute) facts.attributes.push({ node, object: object.text, attribute, scope });
        break;
      }
      case 'assert_statement':
        readAssertStatement(node, facts.asserted);
        break;
      default:
        break;
    }
    // Defaults and decorators are read in the new scope too: it sees the outer names.
    const children = node.children;
    for (let index = children.length - 1; index >= 0; index--) pending.push({ node: children[index]!, scope });
  }
  return facts;
}
