import { readBodyFacts } from './body-facts.js';
import { isBuiltinException } from './exception-hierarchy.js';
import { loopBindingOf } from './loop-binding.js';
import { dottedName, lineOf, namedChildren } from './node-text.js';
import type { BodyFacts, PythonFunction, PythonModule } from './python-model.js';
import type { SyntaxNode as Node } from './syntax-node.js';
import { withPythonTree } from './tree-sitter-parser.js';
import { createExpressionReader, describeValue, plainStringValue, type ExpressionReader } from './value-facts.js';

/** What one entry of a module-level table runs when called: a lambda (with its body facts) or a module function named there. */
export type TableTarget = { kind: 'lambda'; body: BodyFacts; line: number } | { kind: 'function'; name: string };

/** Value nodes of a module-level table (the values of a dict, the elements of a list, tuple or set). */
const CONTAINERS = new Set(['dictionary', 'list', 'tuple', 'set']);
/** Module-level tables larger than this are data, not dispatch tables: their calls stay unknown. */
const MAX_TABLE_ENTRIES = 512;

/** The key of a call in the map `readTableCallables` gives: its line and its callee as body facts write it. */
export function tableCallKey(line: number, callee: string): string {
  return `${line}\u0000${callee}`;
}

function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && namedChildren(current).length === 1) current = namedChildren(current)[0]!;
  return current;
}

/** Facts of a lambda met outside a call: its calls run where the table's entry is called, its value is its return. */
function lambdaFacts(lambda: Node, reader: ExpressionReader): BodyFacts {
  const facts = readBodyFacts(lambda);
  facts.isPlaceholder = false;
  facts.canFallThrough = false;
  facts.returns = [{ line: lineOf(lambda), ...describeValue(lambda.childForFieldName('body'), reader) }];
  return facts;
}

/** The module-level `NAME = [...]` / `NAME: T = {...}` tables, by name (a name bound twice is no table). */
function moduleTables(root: Node): Map<string, Node | null> {
  const tables = new Map<string, Node | null>();
  for (const statement of namedChildren(root)) {
    const assignment = statement.type === 'expression_statement' ? namedChildren(statement)[0] : null;
    const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
    const right = assignment?.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) continue;
    const value = unwrap(right);
    tables.set(left.text, tables.has(left.text) || !CONTAINERS.has(value.type) ? null : value);
  }
  return tables;
}

/** The entries of the module-level tables, each list made once and shared by every call that reaches it. */
class TableEntries {
  private readonly lists = new Map<string, Node[] | null>();
  private readonly byKey = new Map<string, Map<string, Node> | null>();

  constructor(readonly tables: ReadonlyMap<string, Node | null>) {}

  /** A table's entries: a dict's values, a sequence's elements; with `position`, that element of each entry's tuple. */
  entries(name: string, position: number | null, valuesOnly: boolean): Node[] | null {
    const key = `${name}\u0000${position}\u0000${valuesOnly}`;
    if (!this.lists.has(key)) this.lists.set(key, this.read(name, position, valuesOnly));
    return this.lists.get(key)!;
  }

  /** The value a dict table gives for a string key written as a literal (`VALIDATORS["name"]`); undefined when it has none. */
  entryFor(name: string, key: string): Node | undefined {
    if (!this.byKey.has(name)) {
      const table = this.tables.get(name);
      let values: Map<string, Node> | null = null;
      if (table?.type === 'dictionary') {
        values = new Map();
        for (const pair of namedChildren(table)) {
          const keyNode = pair.childForFieldName('key');
          const value = pair.childForFieldName('value');
          const text = keyNode ? plainStringValue(keyNode) : null;
          if (text !== null && value) values.set(text, unwrap(value));
        }
      }
      this.byKey.set(name, values);
    }
    return this.byKey.get(name)?.get(key);
  }

  private read(name: string, position: number | null, valuesOnly: boolean): Node[] | null {
    const table = this.tables.get(name);
    if (!table) return null;
    const parts = namedChildren(table);
    if (parts.length > MAX_TABLE_ENTRIES) return null;
    const entries: Node[] = [];
    for (const part of parts) {
      if (table.type === 'dictionary') {
        const value = part.type === 'pair' ? part.childForFieldName('value') : null;
        if (!value) return null;
        entries.push(unwrap(value));
      } else if (valuesOnly) return null;
      else entries.push(unwrap(part));
    }
    if (position === null) return entries;
    const picked: Node[] = [];
    for (const entry of entries) {
      const element = entry.type === 'tuple' ? namedChildren(entry)[position] : undefined;
      if (!element) return null;
      picked.push(unwrap(element));
    }
    return picked;
  }
}

/** What a call's function runs, read from the tables; null when not all of it is known. */
function tableEntries(call: Node, tables: TableEntries, assigned: ReadonlyMap<string, Node[]>): Node[] | null {
  const called = unwrap(call.childForFieldName('function') ?? call);
  const lookedUp = lookupOf(called, tables);
  if (lookedUp) return lookedUp;
  if (called.type !== 'identifier') return null;
  const name = called.text;
  const loop = loopBindingOf(call, name);
  if (loop) {
    const iterable = loop.iterable.replace(/\s+/g, '');
    if (tables.tables.get(iterable)) return tables.entries(iterable, loop.position, false);
    const dot = iterable.lastIndexOf('.');
    const tableName = dot > 0 ? iterable.slice(0, dot) : '';
    if (tables.tables.get(tableName)?.type !== 'dictionary') return null;
    const view = iterable.slice(dot);
    if ((view === '.values()' && loop.position === null) || (view === '.items()' && loop.position === 1)) return tables.entries(tableName, null, true);
    return null;
  }
  // `check = RULES[name]` (every binding of the name in the function).
  const bindings = assigned.get(name);
  if (!bindings || bindings.length === 0) return null;
  if (bindings.length === 1) return lookupOf(unwrap(bindings[0]!), tables);
  const found: Node[] = [];
  for (const binding of bindings) {
    const entries = lookupOf(unwrap(binding), tables);
    if (!entries) return null;
    found.push(...entries);
  }
  return found;
}

/**
 * `TABLE[key]` and `TABLE.get(key)`: the value of a literal key, else every value of the table;
 * a default given to `get` must be code too (a `None` default is the caller's to test, as it does).
 */
function lookupOf(node: Node, tables: TableEntries): Node[] | null {
  if (node.type === 'subscript') {
    const name = node.childForFieldName('value')?.text ?? '';
    const table = tables.tables.get(name);
    if (!table) return null;
    const subscript = node.childForFieldName('subscript');
    const key = subscript ? plainStringValue(subscript) : null;
    const picked = key === null ? undefined : tables.entryFor(name, key);
    return picked ? [picked] : tables.entries(name, null, table.type === 'dictionary');
  }
  if (node.type !== 'call') return null;
  const callee = node.childForFieldName('function');
  const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
  if (callee?.childForFieldName('attribute')?.text !== 'get' || !object || tables.tables.get(object.text)?.type !== 'dictionary') return null;
  const entries = tables.entries(object.text, null, true);
  const fallback = namedChildren(node.childForFieldName('arguments') ?? node)[1];
  return entries && fallback && fallback.type !== 'none' ? [...entries, unwrap(fallback)] : entries;
}

/**
 * The calls in functions of the module that run entries of a module-level table of callables
 * (`check(request)` over `for check, message in RULES`, `VALIDATORS[field](value)`,
 * `VALIDATORS.get(field)(value)`, `validator = VALIDATORS[field]` then `validator(value)`), by
 * `tableCallKey(line, callee)`, with what each may run: the table's lambdas, read as functions,
 * and the module functions it names. A call is listed only when every entry it may reach is one
 * of those. Parses the module only when it binds a container at module level and calls a name
 * no function, class or import of the module defines. One iterative walk.
 */
export function readTableCallables(module: PythonModule): Promise<Map<string, TableTarget[]>> {
  // Two checks ask for one module: it is read once.
  let known = tableCallablesByModule.get(module);
  if (!known) tableCallablesByModule.set(module, (known = readTables(module)));
  return known;
}

const tableCallablesByModule = new WeakMap<PythonModule, Promise<Map<string, TableTarget[]>>>();

async function readTables(module: PythonModule): Promise<Map<string, TableTarget[]>> {
  const found = new Map<string, TableTarget[]>();
  const hasTable = module.moduleBody.localAssignments.some((fact) => fact.key === null && CONTAINERS.has(fact.value.nodeType ?? ''));
  if (!hasTable || !callsUnknownCode(module)) return found;
  return withPythonTree(module.source, (root) => {
    const tables = new TableEntries(moduleTables(root));
    const reader = createExpressionReader(lambdaFacts);
    const calls: Array<{ call: Node; scope: number }> = [];
    const assigned = new Map<number, Map<string, Node[]>>();
    // Each node with the function definition whose scope it is in (-1: module or class level).
    const pending: Array<{ node: Node; scope: number }> = [{ node: root, scope: -1 }];
    while (pending.length > 0) {
      const { node, scope } = pending.pop()!;
      if (node.type === 'call' && scope >= 0) calls.push({ call: node, scope });
      else if (node.type === 'assignment' && scope >= 0 && node.childForFieldName('left')?.type === 'identifier') {
        const right = node.childForFieldName('right');
        let names = assigned.get(scope);
        if (!names) assigned.set(scope, (names = new Map()));
        const name = node.childForFieldName('left')!.text;
        const known = names.get(name);
        if (right && known) known.push(right);
        else if (right) names.set(name, [right]);
      }
      const inner = node.type === 'function_definition' ? node.id : node.type === 'class_definition' || node.type === 'lambda' ? -1 : scope;
      for (const child of namedChildren(node)) pending.push({ node: child, scope: inner });
    }
    const none = new Map<string, Node[]>();
    const functionNames = new Set(module.functions.map((fn) => fn.name));
    // A table's entry list is shared by the calls reaching it: its targets are made once.
    const targetsOf = new WeakMap<Node[], TableTarget[] | null>();
    const toTargets = (entries: Node[]): TableTarget[] | null => {
      const targets: TableTarget[] = [];
      for (const entry of entries) {
        if (entry.type === 'lambda') targets.push({ kind: 'lambda', body: reader.lambda(entry), line: lineOf(entry) });
        else if (entry.type === 'identifier' && functionNames.has(entry.text)) targets.push({ kind: 'function', name: entry.text });
        else return null;
      }
      return targets;
    };
    for (const { call, scope } of calls) {
      const entries = tableEntries(call, tables, assigned.get(scope) ?? none);
      if (!entries || entries.length === 0) continue;
      if (!targetsOf.has(entries)) targetsOf.set(entries, toTargets(entries));
      const targets = targetsOf.get(entries);
      const callee = call.childForFieldName('function');
      if (callee && targets) found.set(tableCallKey(lineOf(call), dottedName(callee)), targets);
    }
    return found;
  });
}

/** Built-in functions and types a module calls without defining them. */
const BUILTINS = new Set([
  'abs', 'aiter', 'all', 'anext', 'any', 'ascii', 'bin', 'bool', 'breakpoint', 'bytearray', 'bytes', 'callable', 'chr',
  'classmethod', 'compile', 'complex', 'delattr', 'dict', 'dir', 'divmod', 'enumerate', 'eval', 'exec', 'filter', 'float',
  'format', 'frozenset', 'getattr', 'globals', 'hasattr', 'hash', 'help', 'hex', 'id', 'input', 'int', 'isinstance',
  'issubclass', 'iter', 'len', 'list', 'locals', 'map', 'max', 'memoryview', 'min', 'next', 'object', 'oct', 'open', 'ord',
  'pow', 'print', 'property', 'range', 'repr', 'reversed', 'round', 'set', 'setattr', 'slice', 'sorted', 'staticmethod',
  'str', 'sum', 'super', 'tuple', 'type', 'vars', 'zip', '__import__',
]);

/**
 * Whether some function calls code the module's facts cannot name: a plain name that is no
 * built-in, module function, class, import, parameter or nested function, or an item of a
 * module-level binding (`TABLE[key](...)`, `TABLE.get(key)(...)`).
 */
function callsUnknownCode(module: PythonModule): boolean {
  const known = new Set<string>([...module.functions.map((fn) => fn.name), ...module.classes.map((cls) => cls.name)]);
  for (const entry of module.imports) {
    if (entry.isFrom) entry.names.forEach((name, index) => known.add(entry.nameAliases[index] ?? name));
    else known.add(entry.alias ?? entry.module.split('.')[0]!);
  }
  const tables = new Set<string>();
  for (const fact of module.moduleBody.localAssignments) {
    if (fact.key !== null) continue;
    // A module name bound to anything but a container (`Response = TypedDict(...)`) is no table.
    if (CONTAINERS.has(fact.value.nodeType ?? '')) tables.add(fact.name);
    else known.add(fact.name);
  }
  // Each function with the names its scope and the scopes around it bind as parameters or nested functions.
  const pending: Array<{ fn: PythonFunction; outer: ReadonlySet<string> }> = [...module.functions, ...module.classes.flatMap((cls) => cls.methods)]
    .map((fn) => ({ fn, outer: new Set<string>() }));
  while (pending.length > 0) {
    const { fn, outer } = pending.pop()!;
    const local = new Set([...outer, ...fn.parameters.map((parameter) => parameter.name), ...(fn.nested ?? []).map((inner) => inner.name)]);
    for (const inner of fn.nested ?? []) pending.push({ fn: inner, outer: local });
    for (const { callee } of fn.body.calls) {
      const dot = callee.search(/[.[(]/);
      const head = dot < 0 ? callee : callee.slice(0, dot);
      if (dot < 0 && !known.has(callee) && !BUILTINS.has(callee) && !isBuiltinException(callee) && !local.has(callee)) return true;
      // `TABLE[key](...)`, `TABLE.get(key)(...)`: the call is of the entry itself, not of a method of it.
      if (dot > 0 && tables.has(head) && ((callee[dot] === '[' && callee.endsWith(']')) || (callee.startsWith(`${head}.get(`) && callee.endsWith(')')))) return true;
    }
  }
  return false;
}
