import { CallableMemo, callTarget, functionCallable, type Callable } from '../../../../python/callables.js';
import { isBuiltinException, simpleName } from '../../../../python/exception-hierarchy.js';
import { canonicalName, importBindings } from '../../../../python/import-bindings.js';
import { tableCallKey, type TableTarget } from '../../../../python/table-callables.js';
import { exceptionClasses } from '../../../../python/module-roles.js';
import type { BodyFacts, CallFact, PythonClass, PythonFunction, PythonModule } from '../../../../python/python-model.js';
import { suppressCalls, suppressedAround, suppressIndex, type SuppressIndex } from '../../errors/support/suppress-blocks.js';
import { isWrappedCall } from './decorated-callable.js';
import { classCall } from './class-calls.js';
import { functionalTypedDicts } from './functional-types.js';
import { LibraryObjects } from './library-objects.js';
import { RaiseAnalysis, tableCallable } from './raise-analysis.js';

/** Built-in functions that do not fail on the values handlers pass them. */
const TRIVIAL_FUNCTIONS = new Set([
  'len', 'isinstance', 'issubclass', 'str', 'repr', 'bool', 'type', 'id', 'list', 'tuple', 'dict', 'set', 'frozenset',
  'sorted', 'reversed', 'enumerate', 'zip', 'range', 'any', 'all', 'abs', 'round', 'min', 'max', 'sum', 'print',
  'hasattr', 'callable', 'super', 'format', 'iter',
]);

/** Method names (last segment) of string, container, date and logging calls that do not fail in practice. */
const TRIVIAL_METHODS = new Set([
  'get', 'items', 'keys', 'values', 'copy', 'strip', 'lstrip', 'rstrip', 'lower', 'upper', 'casefold', 'title',
  'capitalize', 'startswith', 'endswith', 'join', 'split', 'rsplit', 'splitlines', 'replace', 'format', 'isdigit',
  'isalpha', 'isalnum', 'isspace', 'isnumeric', 'isdecimal', 'isoformat', 'append', 'extend', 'add', 'discard',
  'update', 'setdefault', 'clear', 'insert', 'count', 'find', 'zfill', 'ljust', 'rjust', 'center', 'partition',
  'debug', 'info', 'warning', 'error', 'exception', 'critical', 'log', 'now', 'today', 'utcnow', 'time',
  'monotonic', 'perf_counter', 'uuid4', 'hex', '__init__', 'acquire', 'release', 'total_seconds', 'most_common',
  'match', 'fullmatch', 'search', 'findall', 'finditer', 'sub', 'quantize', 'is_integer', 'is_finite', 'to_dict',
  'sort',
  // A lookup in a sequence, which can fail as a subscript can; subscripts are not judged here either.
  'index',
  // A named tuple's own dict of its fields.
  '_asdict',
  // Decimal predicates, like is_finite.
  'is_signed', 'is_zero', 'is_nan', 'is_infinite',
]);

/** Annotations of numbers `Decimal(...)` takes whatever their value. */
const NUMBER_ANNOTATIONS = new Set(['int', 'float', 'Decimal', 'decimal.Decimal']);
const NUMBER_LITERAL = /^[+-]?\d[\d_]*(\.\d+)?$/;

/** A call that may raise with nothing around it to catch. */
export interface UnguardedCall {
  line: number;
  callee: string;
}

/** Standard-library functions (canonical names) that do not fail in practice. */
const TRIVIAL_LIBRARY_FUNCTION = /^(logging\.(debug|info|warning|error|exception|critical|log|getLogger)|time\.(time|monotonic|perf_counter|time_ns|sleep)|math\.(isclose|isfinite|isnan|fabs|ceil|floor)|datetime\.(datetime\.(now|utcnow|today)|date\.today|timedelta)|uuid\.uuid4|dataclasses\.(asdict|astuple|field|replace)|contextlib\.suppress|copy\.(copy|deepcopy)|typing\.cast|secrets\.token_hex|itertools\.(count|islice)|heapq\.heappush|bisect\.insort|threading\.(Lock|RLock|Event|Condition)|asyncio\.(Lock|Event)|decimal\.localcontext)$/;

/** Calls that cannot fail in the form written: `d.pop(key, default)`, `next(it, default)`, `next(self._ids)` (a counter attribute). */
function isSafeForm(call: CallFact): boolean {
  const last = call.callee.split('.').pop();
  if (last === 'pop' && call.callee.includes('.')) return call.arguments.length === 2;
  if (call.callee === 'next') return call.arguments.length === 2 || call.arguments[0]?.nodeType === 'attribute';
  return false;
}

function isTrivial(callee: string, imports: ReadonlyMap<string, string>, module: PythonModule): boolean {
  const first = callee.split('.')[0] ?? '';
  // `datetime.now().isoformat`: a method of some call's result.
  if (callee.includes('(')) return TRIVIAL_METHODS.has(callee.split('.').pop() ?? '');
  if (imports.has(first)) {
    const canonical = canonicalName(callee, imports);
    return TRIVIAL_LIBRARY_FUNCTION.test(canonical) || isBuiltinException(simpleName(canonical));
  }
  if (!callee.includes('.')) return TRIVIAL_FUNCTIONS.has(callee) || isBuiltinException(callee) || isExceptionClass(callee, module);
  return TRIVIAL_METHODS.has(callee.split('.').pop() ?? '');
}

function isExceptionClass(name: string, module: PythonModule): boolean {
  return exceptionClasses(module).some((cls) => cls.name === name);
}

/** Whether a try around the call has a handler for `Exception` (or everything) that does not re-raise. */
function catchesEverything(call: CallFact): boolean {
  return call.enclosingTries.some((tryFact) => tryFact.handlers.some((handler) => !handler.reraises && handler.types.some((type) => CATCH_ALL.test(type))));
}

const CATCH_ALL = /^(builtins\.)?(Exception|BaseException)$/;

/** Whether a function catches `Exception` (or everything) somewhere without re-raising: a guard. */
export function isGuard(fn: PythonFunction): boolean {
  return fn.body.tries.some((tryFact) => tryFact.handlers.some((handler) => !handler.reraises && handler.types.some((type) => CATCH_ALL.test(type))));
}

/** Finds the calls a public method makes that can raise and that no try and no guard helper covers. */
export class WorkAnalysis {
  private readonly memo = new CallableMemo<UnguardedCall>();
  private readonly raises: RaiseAnalysis;
  private readonly imports: ReadonlyMap<string, string>;
  private readonly libraryObjects: LibraryObjects;

  /**
   * @param tables What calls of module-level tables of callables run (`readTableCallables`):
   *   without them such a call is unknown work.
   */
  constructor(private readonly module: PythonModule, private readonly tables: ReadonlyMap<string, TableTarget[]> = new Map()) {
    this.raises = new RaiseAnalysis(module, tables);
    this.imports = importBindings(module);
    this.libraryObjects = new LibraryObjects(module, this.imports);
  }

  /** Calls of the callable (or of module code it calls outside any guard) that may raise, first-found order. */
  unguardedCalls(callable: Callable, depth = 0): UnguardedCall[] {
    return this.memo.resultsOf(callable, depth, () => this.computeUnguardedCalls(callable, depth));
  }

  private computeUnguardedCalls(callable: Callable, depth: number): UnguardedCall[] {
    const found: UnguardedCall[] = [];
    for (const call of callable.body.calls) {
      // A decorator guards the method it wraps only by catching everything around it: one catching
      // some types lets the library errors of the method through.
      if (isWrappedCall(callable, call.callee)) {
        // The method's own calls are what may fail there, and are named in its place.
        if (!catchesEverything(call)) found.push(...this.unguardedCalls(callable.bindings.get(call.callee)!, depth + 1));
        continue;
      }
      // `with contextlib.suppress(KeyError):` around it is a try that catches KeyError.
      if (call.handlers.length > 0 || suppressedAround(call, this.suppressorsOf(callable.body)).length > 0) continue;
      if (this.callMayRaise(call, callable, depth)) found.push({ line: call.line, callee: call.callee });
    }
    return found;
  }

  private readonly suppressors = new WeakMap<BodyFacts, SuppressIndex>();

  /** The `contextlib.suppress(...)` calls of a body, indexed once per body. */
  private suppressorsOf(body: BodyFacts): SuppressIndex {
    let found = this.suppressors.get(body);
    if (!found) this.suppressors.set(body, found = suppressIndex(suppressCalls(body, this.imports)));
    return found;
  }

  /**
   * `Decimal("0.01")`, `Decimal(100)`: a constant that cannot fail to parse; `Decimal(people)` of a
   * parameter annotated `int` (or `float`, `Decimal`), and `Decimal(PERCENT)` / `Decimal(Limits.PERCENT)`
   * of a module or class constant bound to a number literal, and `Decimal(request.people)` of a field
   * annotated `int` of the module class a parameter is annotated with, which `Decimal` always takes.
   */
  private isNumberDecimal(call: CallFact, from: Callable): boolean {
    if (call.arguments.length !== 1 || canonicalName(call.callee, this.imports) !== 'decimal.Decimal') return false;
    const argument = call.arguments[0]!;
    if (argument.nodeType === 'integer' || argument.nodeType === 'float') return true;
    if (argument.stringValue !== null) return /^[+-]?\d+(\.\d+)?$/.test(argument.stringValue.trim());
    if (argument.nodeType === 'identifier') {
      const parameter = from.owner.parameters.find((candidate) => candidate.name === argument.text);
      if (parameter) return parameter.annotation !== null && NUMBER_ANNOTATIONS.has(parameter.annotation.trim());
      return this.module.constants.some((constant) => constant.name === argument.text && NUMBER_LITERAL.test(constant.value.trim()));
    }
    const [owner, name, ...rest] = argument.text.split('.');
    if (argument.nodeType !== 'attribute' || rest.length > 0 || !name) return false;
    // `Decimal(request.people)`: a field annotated `int` of the module class a parameter is annotated with.
    const parameterClass = from.owner.parameters.find((candidate) => candidate.name === owner)?.annotation?.trim();
    if (parameterClass) {
      const field = this.classesByName().get(parameterClass)?.attributes.find((candidate) => candidate.name === name);
      return field?.annotation != null && NUMBER_ANNOTATIONS.has(field.annotation.trim());
    }
    const attribute = this.classesByName().get(owner!)?.attributes.find((candidate) => candidate.name === name);
    return attribute?.value != null && NUMBER_LITERAL.test(attribute.value.trim());
  }

  private readonly safeMethodNames = new Map<string, boolean>();

  /** Whether `receiver.name` reaches only module methods that neither raise nor make unguarded calls (worked out once per name). */
  private isSafeModuleMethod(callee: string, depth: number): boolean {
    const methods = this.moduleMethodsCalled(callee);
    if (!methods) return false;
    const name = methods[0]!.name;
    let safe = this.safeMethodNames.get(name);
    if (safe === undefined) {
      safe = methods.every((fn) => this.unguardedCalls(functionCallable(fn), depth + 1).length === 0 && this.raises.escapesOf(functionCallable(fn), depth + 1).length === 0);
      this.safeMethodNames.set(name, safe);
    }
    return safe;
  }

  /** The module's methods a `receiver.name` call may reach (receiver not a module), or null when the name is no module method. */
  private moduleMethodsCalled(callee: string): PythonFunction[] | null {
    const parts = callee.split('.');
    if (parts.length !== 2 || callee.includes('(') || this.imports.has(parts[0]!) || parts[0] === 'self' || parts[0] === 'cls') return null;
    const name = parts[1]!;
    if (name.startsWith('__')) return null;
    return this.methodsByName().get(name) ?? null;
  }

  private classesByNameCache: Map<string, PythonClass> | null = null;

  /** The module's classes by name (the first definition, as `find` would give), built once. */
  private classesByName(): Map<string, PythonClass> {
    if (!this.classesByNameCache) {
      this.classesByNameCache = new Map();
      for (const cls of this.module.classes) if (!this.classesByNameCache.has(cls.name)) this.classesByNameCache.set(cls.name, cls);
    }
    return this.classesByNameCache;
  }

  private methodsByNameCache: Map<string, PythonFunction[]> | null = null;

  /** Every method of the module's classes by name, built once (a lookup per call stays constant time). */
  private methodsByName(): Map<string, PythonFunction[]> {
    if (!this.methodsByNameCache) {
      this.methodsByNameCache = new Map();
      for (const cls of this.module.classes) {
        for (const method of cls.methods) {
          const known = this.methodsByNameCache.get(method.name);
          if (known) known.push(method);
          else this.methodsByNameCache.set(method.name, [method]);
        }
      }
    }
    return this.methodsByNameCache;
  }

  private callMayRaise(call: CallFact, from: Callable, depth: number): boolean {
    const target = callTarget(call.callee, call.arguments, from, this.module);
    if (target) {
      if (target.kind === 'function' && isGuard(target.fn)) return false;
      // The module's own raises that escape through the call are contract/uncaught-raise's to report
      // (it follows the same calls): here only the library calls on the way count, or the call is reported twice.
      return this.unguardedCalls(target, depth + 1).length > 0;
    }
    // `check(request)` over `for check, message in RULES`: the table's lambdas and functions run here.
    const entries = this.tables.get(tableCallKey(call.line, call.callee));
    if (entries) {
      return entries.some((entry) => {
        const callable = tableCallable(entry, from, this.module);
        return !!callable && !(callable.kind === 'function' && isGuard(callable.fn)) && this.unguardedCalls(callable, depth + 1).length > 0;
      }) || entries.some((entry) => !tableCallable(entry, from, this.module));
    }
    // `Response(success=True, ...)` of a functional TypedDict builds a plain dict.
    if (functionalTypedDicts(this.module).has(call.callee)) return false;
    const byClass = classCall(call.callee, from, this.module);
    // `Bill.parse(text)`: a static or class method of a module class, followed as a helper is.
    if (byClass?.kind === 'method') return !isGuard(byClass.fn) && this.unguardedCalls(functionCallable(byClass.fn), depth + 1).length > 0;
    const cls = byClass?.cls;
    // `Status(value)` looks an enum member up and raises ValueError for an unknown value.
    if (cls?.bases.some((base) => /(^|\.)(Enum|IntEnum|StrEnum|Flag|IntFlag)$/.test(base))) return true;
    if (cls && !isExceptionClass(cls.name, this.module)) {
      const initializer = cls.methods.find((method) => method.name === '__init__' || method.name === '__post_init__');
      if (!initializer) return false;
      const inner: Callable = { kind: 'function', fn: initializer, owner: initializer, body: initializer.body, bindings: new Map() };
      return this.unguardedCalls(inner, depth + 1).length > 0 || this.raises.escapesOf(inner, depth + 1).length > 0;
    }
    if (isSafeForm(call) || this.isNumberDecimal(call, from) || this.libraryObjects.isSafeCall(call, from)) return false;
    // `ticket.row()` on a loop variable: a method of a module class, safe when every definition of that name is.
    if (this.isSafeModuleMethod(call.callee, depth)) return false;
    if (!isTrivial(call.callee, this.imports, this.module)) return true;
    // `sorted(rows, key=lambda row: self._rank(row))` runs the lambda right here.
    return call.arguments.some((argument) => argument.lambda !== null
      && this.unguardedCalls({ kind: 'lambda', owner: from.owner, body: argument.lambda, bindings: from.bindings, line: call.line }, depth + 1).length > 0);
  }
}
