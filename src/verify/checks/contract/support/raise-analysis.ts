import { CallableMemo, callTarget, callableName, callableSymbol, functionCallable, type Callable } from '../../../../python/callables.js';
import { tableCallKey, type TableTarget } from '../../../../python/table-callables.js';
import { exceptionClasses } from '../../../../python/module-roles.js';
import { classCall, initializersOf } from './class-calls.js';
import { handlerCatches, resolveRaisedType } from '../../../../python/exception-hierarchy.js';
import type { CallFact, PythonClass, PythonFunction, PythonModule, TryFact } from '../../../../python/python-model.js';
import { entryPoints } from './service-methods.js';

/** An exception that leaves a callable: where it is raised and what it is. */
export interface Escape {
  /** Line of the `raise` statement. */
  line: number;
  /** The exception class when the source tells, null for a bare re-raise or an unresolved value. */
  type: string | null;
  /** Text of what is raised, for messages (`ValidationError.from_code`); null for a bare `raise`. */
  raised: string | null;
  /** Name of the function (or lambda) holding the `raise`. */
  where: string;
  /** `Class.method` (or function) holding the `raise`. */
  symbol: string;
}

/** Callees that call the functions they are given right away (`sorted(key=...)`, `map(f, ...)`). */
const IMMEDIATE_CALLERS = new Set(['sorted', 'sort', 'min', 'max', 'map', 'filter', 'reduce', 'any', 'all', 'sum']);

/**
 * Whether the handlers of the enclosing tries (innermost first) take the exception. A handler that
 * re-raises still takes it: the re-raise is a `raise` statement of its own, judged where it stands.
 * Unknown parts of the hierarchy count as caught, so that only certain escapes are reported.
 */
export function isCaught(type: string | null, tries: TryFact[], module: PythonModule): boolean {
  for (const tryFact of tries) {
    for (const handler of tryFact.handlers) {
      for (const handlerType of handler.types) {
        if (handlerCatches(handlerType, type, module) !== false) return true;
      }
    }
  }
  return false;
}

/** Constructing an Enum looks a member up (a library error, not a raise of the module); an exception is made to be raised. */
function isEnumOrException(cls: PythonClass, module: PythonModule): boolean {
  return cls.bases.some((base) => /(^|\.)(Enum|IntEnum|StrEnum|Flag|IntFlag)$/.test(base)) || exceptionClasses(module).includes(cls);
}

/** The code an entry of a module-level table runs, as a callable seen from the function calling it; null for a function the module lacks. */
export function tableCallable(entry: TableTarget, from: Callable, module: PythonModule): Callable | null {
  if (entry.kind === 'lambda') return { kind: 'lambda', owner: from.owner, body: entry.body, bindings: new Map(), line: entry.line };
  const fn = module.functions.find((candidate) => candidate.name === entry.name);
  return fn ? functionCallable(fn) : null;
}

/** Follows calls (helpers, module functions, lambdas handed to them) to the raises that escape. */
export class RaiseAnalysis {
  private readonly memo = new CallableMemo<Escape>();
  /** Entry points answer for their own raises; every other method and function is followed. */
  private readonly entries: Set<PythonFunction>;

  /** @param tables What calls of module-level tables of callables run (`readTableCallables`). */
  constructor(private readonly module: PythonModule, private readonly tables: ReadonlyMap<string, TableTarget[]> = new Map()) {
    this.entries = new Set(entryPoints(module).map((entry) => entry.method));
  }

  /** Exceptions raised by the callable or the module code it calls that no handler on the way catches. */
  escapesOf(callable: Callable, depth = 0): Escape[] {
    return this.memo.resultsOf(callable, depth, () => this.computeEscapes(callable, depth));
  }

  private computeEscapes(callable: Callable, depth: number): Escape[] {
    const where = callableName(callable);
    const symbol = callableSymbol(callable);
    const escapes: Escape[] = [];
    for (const fact of callable.body.raises) {
      const type = fact.exception === null ? null : resolveRaisedType(fact.exception, callable.owner, this.module);
      if (fact.exception === null && !fact.inExceptClause) continue;
      // An unresolved value (`raise error`) may be anything: only report it when nothing at all is around it.
      if (fact.exception !== null && type === null && fact.enclosingTries.length > 0) continue;
      if (!isCaught(type, fact.enclosingTries, this.module)) escapes.push({ line: fact.line, type, raised: fact.exception, where, symbol });
    }
    for (const call of callable.body.calls) {
      for (const escape of this.callEscapes(call, callable, depth)) {
        if (!isCaught(escape.type, call.enclosingTries, this.module)) escapes.push(escape);
      }
    }
    return escapes;
  }

  private callEscapes(call: CallFact, from: Callable, depth: number): Escape[] {
    const target = callTarget(call.callee, call.arguments, from, this.module);
    if (target) {
      // Public methods of the service answer for themselves; helpers, helper objects' methods and module functions are followed,
      // and so is a function handed in as an argument (a decorator's wrapped method): it runs under this callable's tries.
      const isEntry = target.kind === 'function' && this.entries.has(target.fn) && !from.bindings.has(call.callee);
      return isEntry ? [] : this.escapesOf(target, depth + 1);
    }
    const entries = this.tables.get(tableCallKey(call.line, call.callee));
    if (entries) {
      return entries.flatMap((entry) => {
        const callable = tableCallable(entry, from, this.module);
        return callable ? this.escapesOf(callable, depth + 1) : [];
      });
    }
    // `Bill.parse(text)`, `cls(...)`, `Ticket(...)`: a static or class method, or what constructing a module class runs.
    const byClass = classCall(call.callee, from, this.module);
    if (byClass?.kind === 'method') return this.escapesOf(functionCallable(byClass.fn), depth + 1);
    if (byClass && !isEnumOrException(byClass.cls, this.module)) {
      return initializersOf(this.module, byClass.cls).flatMap((fn) => this.escapesOf(functionCallable(fn), depth + 1));
    }
    if (!IMMEDIATE_CALLERS.has(call.callee.split('.').pop() ?? '')) return [];
    return call.arguments.flatMap((argument) => {
      if (!argument.lambda) return [];
      return this.escapesOf({ kind: 'lambda', owner: from.owner, body: argument.lambda, bindings: from.bindings, line: call.line }, depth + 1);
    });
  }
}
