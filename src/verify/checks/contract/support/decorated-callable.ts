import { functionCallable, type Callable } from '../../../../python/callables.js';
import type { PythonClass, PythonFunction, PythonModule } from '../../../../python/python-model.js';

/** Decorators that do not change what a function returns or raises. */
export const TRANSPARENT_DECORATORS = /^(staticmethod|classmethod|(functools\.)?(lru_cache|cache|wraps)\b.*|(typing\.)?(override|final)|(abc\.)?abstractmethod)$/;

/** A wrapper a decorator of the module returns, and its parameter bound to the function it wraps. */
interface ReadWrapper {
  wrapped: string;
  wrapper: PythonFunction;
}

/** Caps the wrapper combinations one method is analysed through (decorators returning several wrappers). */
const MAX_COMPOSITIONS = 8;

/** The functions `fn` defines in its body and returns (`return wrapper`, `return functools.update_wrapper(wrapper, func)`). */
function returnedInner(fn: PythonFunction): PythonFunction[] {
  return (fn.nested ?? []).filter((inner) => fn.body.returns.some((fact) => fact.expression === inner.name
    || (fact.kind === 'call' && fact.arguments.some((argument) => argument.keyword === null && argument.text === inner.name))));
}

/**
 * A decorator of the module (`@returns_response`, a plain function of the class body used as one,
 * or a factory `@responds("...")` whose returned function is the decorator): the inner functions
 * that run in place of the method. Empty for what the parser's facts do not show (imported
 * decorators, a wrapper nested deeper than is read): such a decorator is not shown to catch
 * anything, so it hides no exception.
 */
function readDecorator(decorator: string, cls: PythonClass | null, module: PythonModule): { name: string; wrappers: ReadWrapper[] } {
  const call = decorator.indexOf('(');
  const name = call < 0 ? decorator : decorator.slice(0, call);
  const outer = (cls ? functionsByName(cls.methods).get(name) : undefined) ?? functionsByName(module.functions).get(name);
  if (!outer) return { name, wrappers: [] };
  const decorators = call < 0 ? [outer] : returnedInner(outer);
  const wrappers = decorators.flatMap((fn) => {
    const wrapped = fn.parameters[0]?.name;
    return wrapped ? returnedInner(fn).map((wrapper) => ({ wrapped, wrapper })) : [];
  });
  return { name, wrappers };
}

const byName = new WeakMap<readonly PythonFunction[], Map<string, PythonFunction>>();

/** Functions by name, made once per list (the last definition of a name is the one decorating). */
function functionsByName(functions: readonly PythonFunction[]): Map<string, PythonFunction> {
  let found = byName.get(functions);
  if (!found) byName.set(functions, found = new Map(functions.map((fn) => [fn.name, fn] as const)));
  return found;
}

/** Wrapper copies made here: their bound parameter is the decorated function. */
const wrapperCopies = new WeakSet<PythonFunction>();
const copies = new WeakMap<PythonFunction, Map<string, PythonFunction>>();

/** The wrapper as code of the method's class (its `self.x` calls resolve there), named after its decorator for messages. */
function wrapperAsMethod(wrapper: PythonFunction, decorator: string, cls: PythonClass | null): PythonFunction {
  let byClass = copies.get(wrapper);
  if (!byClass) copies.set(wrapper, byClass = new Map());
  const key = cls?.name ?? '';
  let copy = byClass.get(key);
  if (!copy) {
    copy = { ...wrapper, name: `${decorator}.${wrapper.name}`, className: cls?.name ?? null };
    byClass.set(key, copy);
    wrapperCopies.add(copy);
  }
  return copy;
}

/**
 * The code that runs when the UI calls a decorated method: the wrapper of its outermost readable
 * decorator, with the wrapped parameter bound to the next one in, down to the method itself. The
 * analyses then see the method's raises and calls through the wrapper's `try` around the call, so
 * a decorator that catches everything guards the method and one that does not hides nothing.
 * Undecorated methods (and unreadable decorators) give the method alone.
 */
export function decoratedCallables(method: PythonFunction, cls: PythonClass | null, module: PythonModule): Callable[] {
  let callables: Callable[] = [functionCallable(method)];
  // The decorator nearest the `def` wraps first.
  for (let index = method.decorators.length - 1; index >= 0; index--) {
    const decorator = method.decorators[index]!;
    if (TRANSPARENT_DECORATORS.test(decorator)) continue;
    const read = readDecorator(decorator, cls, module);
    if (read.wrappers.length === 0) continue;
    const next: Callable[] = [];
    for (const inner of callables) {
      for (const { wrapped, wrapper } of read.wrappers) {
        if (next.length < MAX_COMPOSITIONS) next.push(functionCallable(wrapperAsMethod(wrapper, read.name, cls), new Map([[wrapped, inner]])));
      }
    }
    callables = next;
  }
  return callables;
}

/** Whether the call of `callee` in a callable runs the function its decorator wraps (a bound parameter, not code the method calls itself). */
export function isWrappedCall(callable: Callable, callee: string): boolean {
  return callable.kind === 'function' && callable.bindings.has(callee) && wrapperCopies.has(callable.fn);
}
