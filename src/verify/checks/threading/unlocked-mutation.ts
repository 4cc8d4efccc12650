import { callTarget, callableKey, callableName, callableSymbol, functionCallable, MAX_CALL_DEPTH, type Callable } from '../../../python/callables.js';
import { canonicalName, importBindings } from '../../../python/import-bindings.js';
import type { AttributeMutationFact, PythonClass, PythonFunction, PythonModule, ValueFact } from '../../../python/python-model.js';
import { readTableCallables, tableCallKey, type TableTarget } from '../../../python/table-callables.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { decoratedCallables } from '../contract/support/decorated-callable.js';
import { tableCallable } from '../contract/support/raise-analysis.js';
import { entryPoints } from '../contract/support/service-methods.js';

const LOCK_FACTORY = /^(threading\.(Lock|RLock|Condition|Semaphore|BoundedSemaphore)|asyncio\.(Lock|Condition|Semaphore)|multiprocessing\.(Lock|RLock))$/;
/** Context managers whose name says they are a lock even when their construction is not visible. */
const LOCK_NAME = /(lock|mutex|cond(ition)?|semaphore)$/i;
/** Mutations that change shared containers or counters in place (rebinding an attribute is not one). */
const SHARED_STATE_CHANGES = new Set<AttributeMutationFact['operation']>(['subscript-assign', 'augmented-assign', 'delete', 'method-call']);

/** The expressions that name a lock of the class: `self._lock`, `Class._lock`, module-level `_LOCK`. */
function lockExpressions(module: PythonModule, cls: PythonClass | null, imports: ReadonlyMap<string, string>): Set<string> {
  const locks = new Set<string>();
  const guards = lockGuardClasses(module);
  const isLockCall = (callee: string | null): boolean => !!callee && (LOCK_FACTORY.test(canonicalName(callee, imports)) || guards.has(callee));
  for (const method of cls?.methods ?? []) {
    for (const mutation of method.body.attributeMutations) {
      if (mutation.operation === 'assign' && mutation.value?.kind === 'call' && isLockCall(mutation.value.callee)) locks.add(mutation.target);
    }
  }
  for (const attribute of cls?.attributes ?? []) {
    const callee = attribute.value?.split('(')[0]?.trim() ?? null;
    if (attribute.value?.includes('(') && isLockCall(callee)) for (const owner of ['self', 'cls', cls!.name]) locks.add(`${owner}.${attribute.name}`);
  }
  for (const binding of module.moduleBody.localAssignments) {
    if (binding.key === null && binding.value.kind === 'call' && isLockCall(binding.value.callee)) locks.add(binding.name);
  }
  return locks;
}

const guardsByModule = new WeakMap<PythonModule, Set<string>>();

/**
 * Classes of the module whose instances hold a lock for a `with` block: `__enter__` (or
 * `__aenter__`) acquires an attribute of the instance and `__exit__` (`__aexit__`) releases the
 * same one, as a lock does. An attribute or module name made from one is a lock.
 */
function lockGuardClasses(module: PythonModule): Set<string> {
  const known = guardsByModule.get(module);
  if (known) return known;
  const guards = new Set<string>();
  guardsByModule.set(module, guards);
  const receivers = (fn: PythonFunction | undefined, method: string): Set<string> => new Set((fn?.body.calls ?? [])
    .filter((call) => call.callee.startsWith('self.') && call.callee.endsWith(`.${method}`))
    .map((call) => call.callee.slice(0, -method.length - 1)));
  for (const candidate of module.classes) {
    const method = (names: string[]) => candidate.methods.find((fn) => names.includes(fn.name));
    const acquired = receivers(method(['__enter__', '__aenter__']), 'acquire');
    const released = receivers(method(['__exit__', '__aexit__']), 'release');
    if ([...acquired].some((receiver) => released.has(receiver))) guards.add(candidate.name);
  }
  return guards;
}

/** Decorators that make a generator function a context manager. */
const CONTEXT_MANAGER_DECORATORS = new Set(['contextlib.contextmanager', 'contextlib.asynccontextmanager']);

/**
 * Context managers of the module that hold a lock while their block runs: a `@contextmanager`
 * method or function whose body takes one of the locks (`with self._lock: yield`, or acquires it).
 * Named as a `with` item names them: `self._locked`, `cls._locked`, `Class._locked`, `_locked`.
 */
function lockingContextManagers(module: PythonModule, cls: PythonClass | null, imports: ReadonlyMap<string, string>, isLock: (context: string) => boolean): Set<string> {
  const names = new Set<string>();
  const holdsLock = (fn: PythonFunction) => fn.body.withItems.some(isLock)
    || fn.body.calls.some((call) => call.callee.endsWith('.acquire') && isLock(call.callee.slice(0, -'.acquire'.length)));
  const isContextManager = (fn: PythonFunction) => fn.decorators.some((decorator) => CONTEXT_MANAGER_DECORATORS.has(canonicalName(decorator.replace(/\(.*$/s, ''), imports)));
  for (const method of cls?.methods ?? []) {
    if (isContextManager(method) && holdsLock(method)) for (const owner of ['self', 'cls', cls!.name]) names.add(`${owner}.${method.name}`);
  }
  for (const fn of module.functions) if (isContextManager(fn) && holdsLock(fn)) names.add(fn.name);
  return names;
}

/** Names bound at module level (`_REGISTRY = {}`, `_COUNTER: int = 0`): state every instance and thread shares. */
function moduleLevelNames(module: PythonModule): Set<string> {
  const names = new Set(module.constants.map((constant) => constant.name));
  for (const binding of module.moduleBody.localAssignments) if (binding.key === null) names.add(binding.name);
  return names;
}

/** A change the callable makes to module-level state; a name bound locally (or a parameter) shadows the global one. */
function changesModuleState(mutation: AttributeMutationFact, callable: Callable, globals: Set<string>): boolean {
  if (mutation.target.includes('.') || !globals.has(mutation.target)) return false;
  const owner = callable.owner;
  if (owner.body.globalNames.includes(mutation.target)) return true;
  // Without a `global` declaration, `NAME += 1` is an error and a local binding hides the module's name.
  if (mutation.operation === 'augmented-assign') return false;
  return !owner.parameters.some((parameter) => parameter.name === mutation.target)
    && !owner.body.localAssignments.some((binding) => binding.name === mutation.target && binding.key === null && !binding.dynamicKey);
}

/** `global NAME` followed by `NAME = ...`: rebinding module state, recorded like an in-place change. */
function globalRebindings(callable: Callable): AttributeMutationFact[] {
  if (callable.kind !== 'function') return [];
  const declared = new Set(callable.body.globalNames);
  return callable.body.localAssignments
    .filter((binding) => binding.key === null && !binding.dynamicKey && binding.via === 'assign' && declared.has(binding.name))
    .map((binding) => ({ line: binding.line, target: binding.name, operation: 'assign', method: null, heldContexts: binding.heldContexts, value: binding.value }));
}

/** Lookups that hand out an object the instance keeps (`self._items.get(key)`), not a copy. */
const SHARED_LOOKUPS = new Set(['get', 'setdefault']);

/** Whether the dotted text starts at the instance or at a module-level name (`self._items`, `_TICKETS`). */
function isSharedRoot(text: string, globals: ReadonlySet<string>): boolean {
  if (text.startsWith('self.')) return true;
  const end = text.search(/[.[]/);
  return end > 0 && globals.has(text.slice(0, end));
}

/** Whether a value is an object the instance (or the module) keeps: `self._habits[key]`, `_TICKETS.get(key)`. */
function isSharedLookup(value: ValueFact, globals: ReadonlySet<string>): boolean {
  if (value.kind === 'call') return value.callee !== null && isSharedRoot(value.callee, globals) && SHARED_LOOKUPS.has(value.callee.split('.').pop() ?? '');
  return value.nodeType === 'subscript' && isSharedRoot(value.expression ?? '', globals);
}

/**
 * Locals that name an object kept in the instance's state (`habit = self._habits.get(key)`):
 * changing `habit.days` in place changes shared state. A name also bound to anything else may be
 * a fresh object, and is left out.
 */
function sharedAliases(callable: Callable, globals: ReadonlySet<string>, module: PythonModule | null = null): Set<string> {
  const shared = new Set<string>();
  const other = new Set<string>();
  for (const binding of callable.owner.body.localAssignments) {
    if (binding.key !== null) continue;
    const isShared = isSharedLookup(binding.value, globals) || (module !== null && handsOutSharedObject(binding.value, callable, module, globals));
    (binding.via === 'assign' && !binding.dynamicKey && isShared ? shared : other).add(binding.name);
  }
  for (const name of other) shared.delete(name);
  return shared;
}

/**
 * A call of the class's own helper, or of a module function, that hands out an object the instance
 * or the module keeps (`habit = self._find(habit_id)`, `ticket = _open_ticket(ticket_id)`, where
 * every return of the helper is `self._habits[...]`, `_TICKETS.get(...)` or a local bound to one).
 * Followed one level: the helper's own helpers are not.
 */
function handsOutSharedObject(value: ValueFact, from: Callable, module: PythonModule, globals: ReadonlySet<string>): boolean {
  if (value.kind !== 'call' || value.callee === null || !(value.callee.startsWith('self.') || !value.callee.includes('.'))) return false;
  const target = callTarget(value.callee, value.arguments, from, module);
  if (!target || target.kind !== 'function' || target.body.returns.length === 0) return false;
  // Worked out once per helper: a helper called from many places costs its size once.
  let handsOut = handsOutByHelper.get(target.fn);
  if (handsOut === undefined) {
    const aliases = sharedAliases(target, globals);
    handsOut = target.body.returns.every((fact) => isSharedLookup(fact, globals) || (fact.kind === 'name' && aliases.has(fact.expression ?? '')));
    handsOutByHelper.set(target.fn, handsOut);
  }
  return handsOut;
}

const handsOutByHelper = new WeakMap<PythonFunction, boolean>();

/**
 * A change to an object the instance keeps, made through a local alias (`habit.days.add(day)`,
 * `ticket.assignee = agent`): setting a field of a shared object races with the threads that
 * check it, as changing it in place does.
 */
function changesAliasedState(mutation: AttributeMutationFact, aliases: Set<string>): boolean {
  const [root, ...rest] = mutation.target.split('.');
  return rest.length > 0 && aliases.has(root!) && (SHARED_STATE_CHANGES.has(mutation.operation) || mutation.operation === 'assign');
}

interface UnlockedMutation {
  mutation: AttributeMutationFact;
  where: Callable;
  reachedFrom: string;
}

/** Walks from public methods into the helpers and lambdas they run, tracking whether a lock is held. */
class LockWalk {
  private seen = new Set<string>();
  readonly found: UnlockedMutation[] = [];

  private readonly globals: Set<string>;
  private readonly lockingManagers: Set<string>;

  constructor(
    private readonly module: PythonModule,
    cls: PythonClass | null,
    private readonly locks: Set<string>,
    private readonly imports: ReadonlyMap<string, string>,
    private readonly tables: ReadonlyMap<string, TableTarget[]> = new Map(),
  ) {
    this.globals = moduleLevelNames(module);
    this.lockingManagers = lockingContextManagers(module, cls, imports, (context) => this.isLock(context));
  }

  /** Whether holding `context` (a `with` item or an acquired object) excludes other threads. */
  isLock(context: string): boolean {
    const name = context.replace(/\(.*$/s, '');
    // `with threading.Lock():` makes a new lock on every call: nobody else ever holds it.
    if (name !== context && LOCK_FACTORY.test(canonicalName(name, this.imports))) return false;
    if (this.lockingManagers?.has(name)) return true;
    return this.locks.has(context) || this.locks.has(name) || LOCK_NAME.test(name.split('.').pop() ?? '');
  }

  private holds(contexts: string[]): boolean {
    return contexts.some((context) => this.isLock(context));
  }

  /** Starts a walk from one public method (helpers are walked again for each, to know all callers). */
  walkFrom(callable: Callable, name: string): void {
    this.seen = new Set();
    this.walk(callable, false, name);
  }

  private walk(callable: Callable, locked: boolean, reachedFrom: string, depth = 0): void {
    const key = `${callableKey(callable)}|${locked}`;
    if (this.seen.has(key) || depth > MAX_CALL_DEPTH) return;
    this.seen.add(key);
    // `self._lock.acquire()` ... `finally: release()`: the whole body counts as locked.
    const acquires = callable.body.calls.some((call) => call.callee.endsWith('.acquire') && this.isLock(call.callee.slice(0, -'.acquire'.length)));
    const held = locked || acquires;
    const aliases = sharedAliases(callable, this.globals, this.module);
    for (const mutation of [...callable.body.attributeMutations, ...globalRebindings(callable)]) {
      const shared = mutation.target.startsWith('self.') ? SHARED_STATE_CHANGES.has(mutation.operation) : changesModuleState(mutation, callable, this.globals) || changesAliasedState(mutation, aliases);
      if (shared && !held && !this.holds(mutation.heldContexts)) this.found.push({ mutation, where: callable, reachedFrom });
    }
    for (const call of callable.body.calls) {
      const callHeld = held || this.holds(call.heldContexts);
      const target = callTarget(call.callee, call.arguments, callable, this.module);
      if (target) {
        this.walk(target, callHeld, reachedFrom, depth + 1);
        continue;
      }
      // `check(request)` over `for check, message in RULES`: the table's lambdas and functions run here.
      const entries = this.tables.get(tableCallKey(call.line, call.callee));
      for (const entry of entries ?? []) {
        const code = tableCallable(entry, callable, this.module);
        if (code) this.walk(code, callHeld, reachedFrom, depth + 1);
      }
      if (entries) continue;
      // Lambdas handed to library code (`sorted(key=...)`, `map(...)`) run right here.
      for (const argument of call.arguments) {
        if (argument.lambda) this.walk({ kind: 'lambda', owner: callable.owner, body: argument.lambda, bindings: callable.bindings, line: call.line }, callHeld, reachedFrom, depth + 1);
      }
    }
  }
}

/** `threading/unlocked-mutation`: shared state of a service changes only while a lock is held. */
export const unlockedMutation = defineCheck({
  id: 'threading/unlocked-mutation',
  category: 'threading',
  severity: 'error',
  description: "A service class whose public methods (in a module of functions: the functions that answer the UI), or the helpers they call, change shared state in place - dict/list/set attributes, counters, module-level containers and `global` names - must hold a threading.Lock/RLock while doing so (directly, through a `@contextmanager` helper, or through a context manager class whose `__enter__` acquires it and `__exit__` releases it): Gradio runs handlers from several threads at once.",
  fixHint: 'Create `self._lock = threading.RLock()` in __init__ (or a module-level `_LOCK = threading.Lock()` for module-level state) and wrap each state change (or one guard helper every public method goes through) in `with self._lock:` (in `async def` methods an `asyncio.Lock()` held with `async with`). A lock made in the `with` statement itself (`with threading.Lock():`) is new on every call and excludes nobody.',
  async run(context) {
    const imports = importBindings(context.module);
    const tables = await readTableCallables(context.module);
    // Service classes' public methods; in a module of functions, the functions that answer the UI (cls null).
    const byClass = new Map<PythonClass | null, ReturnType<typeof entryPoints>>();
    for (const entry of entryPoints(context.module)) byClass.set(entry.cls, [...(byClass.get(entry.cls) ?? []), entry]);
    const reports: CheckReport[] = [];
    const reported = new Set<string>();
    for (const [cls, methods] of byClass) {
      const locks = lockExpressions(context.module, cls, imports);
      const walk = new LockWalk(context.module, cls, locks, imports, tables);
      // Async methods too: handlers on the event loop interleave at every await, and sync handlers run beside them in threads.
      // A decorated method runs inside its decorator's wrapper: a wrapper holding the lock covers it.
      for (const { method } of methods) {
        for (const callable of decoratedCallables(method, cls, context.module)) walk.walkFrom(callable, method.name);
      }
      const byWhere = new Map<string, UnlockedMutation[]>();
      for (const entry of walk.found) {
        const name = callableName(entry.where);
        byWhere.set(name, [...(byWhere.get(name) ?? []), entry]);
      }
      for (const [where, entries] of byWhere) {
        const sorted = entries.sort((a, b) => a.mutation.line - b.mutation.line);
        // A module-level helper reached from two classes is reported once.
        if (reported.has(`${where}:${sorted[0]!.mutation.line}`)) continue;
        reported.add(`${where}:${sorted[0]!.mutation.line}`);
        const targets = [...new Set(sorted.map((entry) => entry.mutation.target))];
        const callers = [...new Set(sorted.map((entry) => entry.reachedFrom))].filter((name) => name !== where);
        const noLock = locks.size === 0 ? `; ${cls ? cls.name : 'the module'} creates no threading.Lock/RLock` : '';
        reports.push({
          line: sorted[0]!.mutation.line,
          symbol: callableSymbol(sorted[0]!.where),
          message: `${where} changes shared state (${targets.join(', ')}) without holding a lock${callers.length > 0 ? ` (reached from ${callers.join(', ')})` : ''}${noLock}`,
        });
      }
    }
    return reports;
  },
});
