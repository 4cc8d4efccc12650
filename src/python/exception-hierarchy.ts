import type { PythonClass, PythonFunction, PythonModule } from './python-model.js';

/** Parent of each built-in exception (and a few common standard-library ones), as Python defines them. */
const BUILTIN_PARENTS: Record<string, string> = {
  Exception: 'BaseException', GeneratorExit: 'BaseException', KeyboardInterrupt: 'BaseException',
  SystemExit: 'BaseException', BaseExceptionGroup: 'BaseException', ExceptionGroup: 'Exception',
  ArithmeticError: 'Exception', FloatingPointError: 'ArithmeticError', OverflowError: 'ArithmeticError',
  ZeroDivisionError: 'ArithmeticError', AssertionError: 'Exception', AttributeError: 'Exception',
  BufferError: 'Exception', EOFError: 'Exception', ImportError: 'Exception', ModuleNotFoundError: 'ImportError',
  LookupError: 'Exception', IndexError: 'LookupError', KeyError: 'LookupError', MemoryError: 'Exception',
  NameError: 'Exception', UnboundLocalError: 'NameError', OSError: 'Exception', IOError: 'Exception',
  EnvironmentError: 'Exception', BlockingIOError: 'OSError', ChildProcessError: 'OSError',
  ConnectionError: 'OSError', BrokenPipeError: 'ConnectionError', ConnectionAbortedError: 'ConnectionError',
  ConnectionRefusedError: 'ConnectionError', ConnectionResetError: 'ConnectionError', FileExistsError: 'OSError',
  FileNotFoundError: 'OSError', InterruptedError: 'OSError', IsADirectoryError: 'OSError',
  NotADirectoryError: 'OSError', PermissionError: 'OSError', ProcessLookupError: 'OSError', TimeoutError: 'OSError',
  ReferenceError: 'Exception', RuntimeError: 'Exception', NotImplementedError: 'RuntimeError',
  RecursionError: 'RuntimeError', StopAsyncIteration: 'Exception', StopIteration: 'Exception',
  SyntaxError: 'Exception', IndentationError: 'SyntaxError', TabError: 'IndentationError', SystemError: 'Exception',
  TypeError: 'Exception', ValueError: 'Exception', UnicodeError: 'ValueError', UnicodeDecodeError: 'UnicodeError',
  UnicodeEncodeError: 'UnicodeError', UnicodeTranslateError: 'UnicodeError', Warning: 'Exception',
  UserWarning: 'Warning', DeprecationWarning: 'Warning', PendingDeprecationWarning: 'Warning',
  SyntaxWarning: 'Warning', RuntimeWarning: 'Warning', FutureWarning: 'Warning', ImportWarning: 'Warning',
  UnicodeWarning: 'Warning', BytesWarning: 'Warning', ResourceWarning: 'Warning', EncodingWarning: 'Warning',
  JSONDecodeError: 'ValueError', InvalidOperation: 'ArithmeticError', DecimalException: 'ArithmeticError',
  CalledProcessError: 'Exception', CancelledError: 'BaseException',
};

/** Whether `name` (last dotted segment) is an exception Python or its standard library defines. */
export function isBuiltinException(name: string): boolean {
  return name === 'BaseException' || name in BUILTIN_PARENTS;
}

/** The last segment of a dotted name (`errors.NotFound` → `NotFound`). */
export function simpleName(dotted: string): string {
  return dotted.split('.').pop() ?? dotted;
}

/** The class names an exception derives from, itself first, and whether the chain is fully known. */
export interface ExceptionAncestry {
  names: Set<string>;
  /** False when some base is neither a class of the module nor a known built-in. */
  complete: boolean;
}

const classesByModule = new WeakMap<PythonModule, ReadonlyMap<string, PythonClass>>();

/** The module's classes by name (the last of a name wins, as in Python), made once per module: checks ask for every raise. */
function classesByName(module: PythonModule): ReadonlyMap<string, PythonClass> {
  let byName = classesByModule.get(module);
  if (!byName) classesByModule.set(module, (byName = new Map(module.classes.map((cls) => [cls.name, cls]))));
  return byName;
}

/** Every ancestor of a class of the module or a built-in exception (multiple bases followed). */
export function exceptionAncestry(name: string, module: PythonModule): ExceptionAncestry {
  const byName = classesByName(module);
  const names = new Set<string>();
  let complete = true;
  const visit = (current: string): void => {
    if (names.has(current)) return;
    names.add(current);
    const local = byName.get(current);
    if (local) {
      if (local.bases.length === 0) complete = false;
      for (const base of local.bases) visit(simpleName(base));
      return;
    }
    if (current === 'BaseException') return;
    const parent = BUILTIN_PARENTS[current];
    if (parent) visit(parent);
    else if (current !== 'object') complete = false;
  };
  visit(simpleName(name));
  return { names, complete };
}

/**
 * Whether an `except handlerType` clause catches an exception of class `raisedType`:
 * true or false when the hierarchy decides it, null when part of it is unknown.
 */
export function handlerCatches(handlerType: string, raisedType: string | null, module: PythonModule): boolean | null {
  const handler = simpleName(handlerType);
  if (handler === 'BaseException') return true;
  // A bare `raise` re-raises what an outer clause caught: `except Exception` takes it in practice.
  if (raisedType === null) return handler === 'Exception' ? true : null;
  const ancestry = exceptionAncestry(raisedType, module);
  if (ancestry.names.has(handler)) return true;
  return ancestry.complete ? false : null;
}

function isExceptionClassName(name: string, module: PythonModule): boolean {
  if (isBuiltinException(name)) return true;
  const ancestry = exceptionAncestry(name, module);
  return module.classes.some((cls) => cls.name === name) && (ancestry.names.has('BaseException') || !ancestry.complete);
}

function annotationClass(annotation: string | null): string | null {
  if (!annotation) return null;
  const text = annotation.replace(/^["']|["']$/g, '').trim();
  return /^[A-Za-z_][\w.]*$/.test(text) ? simpleName(text) : null;
}

function findMethod(cls: PythonClass | undefined, name: string): PythonFunction | undefined {
  return cls?.methods.find((method) => method.name === name);
}

/**
 * The class of the exception a `raise` statement raises, resolved from its text (`ValueError`,
 * `NotFound.from_code`, a factory function's return annotation, a local variable bound to one).
 * Null when the source does not tell.
 */
export function resolveRaisedType(exception: string | null, owner: PythonFunction, module: PythonModule, depth = 0): string | null {
  if (!exception || depth > 4) return null;
  const cls = module.classes.find((candidate) => candidate.name === owner.className);
  if (isExceptionClassName(simpleName(exception), module) && !exception.startsWith('self.')) return simpleName(exception);
  const parts = exception.split('.');
  if (parts.length >= 2) {
    const objectName = parts[parts.length - 2]!;
    // `NotFound.from_code(...)`: a class method building the class it is called on.
    if (isExceptionClassName(objectName, module)) return objectName;
    if ((parts[0] === 'self' || parts[0] === 'cls') && parts.length === 2) {
      return annotationClass(findMethod(cls, parts[1]!)?.returnAnnotation ?? null);
    }
    return null;
  }
  const factory = module.functions.find((fn) => fn.name === exception);
  if (factory) return annotationClass(factory.returnAnnotation);
  const bindings = owner.body.localAssignments.filter((fact) => fact.name === exception && fact.key === null);
  const resolved = new Set(bindings.map((fact) => {
    if (fact.value.kind === 'call' || fact.value.kind === 'name') {
      return resolveRaisedType(fact.value.kind === 'call' ? fact.value.callee : fact.value.expression, owner, module, depth + 1);
    }
    return null;
  }));
  if (resolved.size !== 1) return null;
  return [...resolved][0] ?? null;
}
