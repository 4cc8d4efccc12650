import type { BodyFacts, CallArgumentFact, PythonClass, PythonFunction, PythonModule } from './python-model.js';

/** Callables bound to a function's parameters at one call site (`operation` → the lambda passed in). */
export type Bindings = ReadonlyMap<string, Callable>;

/**
 * Code that a call may run: a function or method of the module, or a lambda passed as an argument.
 * `owner` is the function whose locals the code sees (the lambda's enclosing function).
 */
export type Callable =
  | { kind: 'function'; fn: PythonFunction; owner: PythonFunction; body: BodyFacts; bindings: Bindings }
  | { kind: 'lambda'; owner: PythonFunction; body: BodyFacts; bindings: Bindings; line: number };

/** How deep analyses follow calls; deeper chains are treated as unknown. */
export const MAX_CALL_DEPTH = 8;

const NO_BINDINGS: Bindings = new Map();

/** A callable for a function with no bound parameters. */
export function functionCallable(fn: PythonFunction, bindings: Bindings = NO_BINDINGS): Callable {
  return { kind: 'function', fn, owner: fn, body: fn.body, bindings };
}

/** A short name for messages: `_run`, `helper`, or `lambda (line 12)`. */
export function callableName(callable: Callable): string {
  return callable.kind === 'function' ? callable.fn.name : `lambda (line ${callable.line})`;
}

/** The finding symbol for code of a callable: `Class.method`, `function`, or its enclosing function's for a lambda. */
export function callableSymbol(callable: Callable): string {
  const fn = callable.kind === 'function' ? callable.fn : callable.owner;
  return fn.className ? `${fn.className}.${fn.name}` : fn.name;
}

// A lambda is known by its facts' object (one per lambda node, see value-facts.ts): two lambdas on one line share a line.
const lambdaNumbers = new WeakMap<BodyFacts, number>();
let lambdasNumbered = 0;

function lambdaNumber(body: BodyFacts): number {
  let number = lambdaNumbers.get(body);
  if (number === undefined) {
    number = ++lambdasNumbered;
    lambdaNumbers.set(body, number);
  }
  return number;
}

/** A stable identity for cycle guards and memoisation. */
export function callableKey(callable: Callable): string {
  const base = callable.kind === 'function' ? `${callable.fn.className ?? ''}.${callable.fn.name}:${callable.fn.line}` : `lambda:${callable.line}#${lambdaNumber(callable.body)}`;
  if (callable.bindings.size === 0) return base;
  return `${base}(${[...callable.bindings].map(([name, bound]) => `${name}=${callableKey(bound)}`).join(',')})`;
}

/**
 * Per-callable results of an analysis that follows calls: each callable is computed once, and a
 * callable already on the call chain (recursion) or one past `MAX_CALL_DEPTH` gives no results.
 */
export class CallableMemo<T> {
  private readonly memo = new Map<string, T[]>();
  private readonly active = new Set<string>();

  /** The memoised results for `callable`, computing them with `compute` the first time. */
  resultsOf(callable: Callable, depth: number, compute: () => T[]): T[] {
    const key = callableKey(callable);
    const known = this.memo.get(key);
    if (known) return known;
    if (this.active.has(key) || depth > MAX_CALL_DEPTH) return [];
    this.active.add(key);
    try {
      const results = compute();
      this.memo.set(key, results);
      return results;
    } finally {
      this.active.delete(key);
    }
  }
}

/** The first of `items` with each name (as `find` would return it), by name. */
function firstByName<T extends { name: string }>(items: readonly T[]): Map<string, T> {
  const byName = new Map<string, T>();
  for (const item of items) if (!byName.has(item.name)) byName.set(item.name, item);
  return byName;
}

interface ModuleIndex {
  classes: Map<string, PythonClass>;
  functions: Map<string, PythonFunction>;
  methods: WeakMap<PythonClass, Map<string, PythonFunction>>;
  attributeClasses: WeakMap<PythonClass, Map<string, PythonClass>>;
}

/** Made once per module: a lookup per call must not scan every class (3,000 calls over 3,000 classes took 2 s). */
const indexes = new WeakMap<PythonModule, ModuleIndex>();

function indexOf(module: PythonModule): ModuleIndex {
  let index = indexes.get(module);
  if (!index) {
    index = { classes: firstByName(module.classes), functions: firstByName(module.functions), methods: new WeakMap(), attributeClasses: new WeakMap() };
    indexes.set(module, index);
  }
  return index;
}

function classOf(module: PythonModule, name: string | null): PythonClass | undefined {
  return name === null ? undefined : indexOf(module).classes.get(name);
}

function methodOf(module: PythonModule, cls: PythonClass, name: string): PythonFunction | undefined {
  const { methods } = indexOf(module);
  let byName = methods.get(cls);
  if (!byName) {
    byName = firstByName(cls.methods);
    methods.set(cls, byName);
  }
  return byName.get(name);
}

/**
 * The module classes that attributes of `cls` are made from: `self._store = _Store()` in any of its
 * methods names `_store` an instance of `_Store`. An attribute also bound to anything else is left out.
 */
function attributeClassesOf(module: PythonModule, cls: PythonClass): Map<string, PythonClass> {
  const { attributeClasses } = indexOf(module);
  let byName = attributeClasses.get(cls);
  if (byName) return byName;
  byName = new Map();
  const other = new Set<string>();
  for (const method of cls.methods) {
    for (const mutation of method.body.attributeMutations) {
      if (mutation.operation !== 'assign' || !mutation.target.startsWith('self.') || mutation.target.indexOf('.', 5) >= 0) continue;
      const name = mutation.target.slice(5);
      const made = mutation.value?.kind === 'call' ? classOf(module, mutation.value.callee) : undefined;
      if (!made || (byName.has(name) && byName.get(name) !== made)) other.add(name);
      else byName.set(name, made);
    }
  }
  for (const name of other) byName.delete(name);
  attributeClasses.set(cls, byName);
  return byName;
}

/** A method of a class or, failing that, of its base classes defined in the module. */
export function findMethod(module: PythonModule, cls: PythonClass | undefined, name: string, seen = new Set<string>()): PythonFunction | undefined {
  if (!cls || seen.has(cls.name)) return undefined;
  seen.add(cls.name);
  const own = methodOf(module, cls, name);
  if (own) return own;
  for (const base of cls.bases) {
    const found = findMethod(module, classOf(module, base.split('.').pop() ?? base), name, seen);
    if (found) return found;
  }
  return undefined;
}

function isStatic(fn: PythonFunction): boolean {
  return fn.decorators.some((decorator) => decorator === 'staticmethod');
}

function isClassMethod(fn: PythonFunction): boolean {
  return fn.decorators.some((decorator) => decorator === 'classmethod');
}

/** Resolves a callee's text, as seen from `owner`, to a function of the module or a bound callable. */
export function resolveCallee(callee: string, owner: PythonFunction, bindings: Bindings, module: PythonModule): { fn: PythonFunction; skipsFirst: boolean } | Callable | null {
  const bound = bindings.get(callee);
  if (bound) return bound;
  const parts = callee.split('.');
  if (parts.length === 1) {
    // A helper the function defines in its own body comes before a module function of that name.
    const inner = owner.nested?.find((candidate) => candidate.name === callee);
    if (inner) return { fn: inner, skipsFirst: false };
    const fn = indexOf(module).functions.get(callee);
    return fn ? { fn, skipsFirst: false } : null;
  }
  const ownClass = classOf(module, owner.className);
  if (parts.length === 3 && parts[0] === 'self' && ownClass) {
    // `self._store.create(...)`: a method of the module class the attribute is made from.
    const fn = findMethod(module, attributeClassesOf(module, ownClass).get(parts[1]!), parts[2]!);
    return fn ? { fn, skipsFirst: !isStatic(fn) } : null;
  }
  if (parts.length !== 2) return null;
  const [objectName, memberName] = parts as [string, string];
  if (objectName === 'self' || objectName === 'cls' || objectName === ownClass?.name) {
    const fn = findMethod(module, ownClass, memberName);
    if (!fn) return null;
    const skipsFirst = objectName === 'self' || objectName === 'cls' ? !isStatic(fn) : isClassMethod(fn);
    return { fn, skipsFirst };
  }
  return null;
}

function argumentCallable(argument: CallArgumentFact, owner: PythonFunction, bindings: Bindings, module: PythonModule): Callable | null {
  if (argument.lambda) return { kind: 'lambda', owner, body: argument.lambda, bindings, line: argument.lambda.returns[0]?.line ?? 0 };
  if (argument.nodeType !== 'identifier' && argument.nodeType !== 'attribute') return null;
  const resolved = resolveCallee(argument.text, owner, bindings, module);
  if (!resolved) return null;
  return 'kind' in resolved ? resolved : functionCallable(resolved.fn);
}

/**
 * The callable a call runs, with lambdas and function references among its arguments bound to
 * the callee's parameters; null when the callee is not code of this module.
 */
export function callTarget(callee: string, callArguments: CallArgumentFact[], from: Callable, module: PythonModule): Callable | null {
  const resolved = resolveCallee(callee, from.owner, from.bindings, module);
  if (!resolved) return null;
  if ('kind' in resolved) return resolved;
  const { fn, skipsFirst } = resolved;
  const parameters = fn.parameters.slice(skipsFirst ? 1 : 0);
  const bound = new Map<string, Callable>();
  let position = 0;
  for (const argument of callArguments) {
    if (argument.nodeType === 'list_splat' || argument.nodeType === 'dictionary_splat') break;
    const parameter = argument.keyword === null ? parameters[position++] : parameters.find((candidate) => candidate.name === argument.keyword);
    if (!parameter || parameter.kind === 'var-positional' || parameter.kind === 'var-keyword') continue;
    const value = argumentCallable(argument, from.owner, from.bindings, module);
    if (value) bound.set(parameter.name, value);
  }
  return functionCallable(fn, bound);
}
