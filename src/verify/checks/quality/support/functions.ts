import type { PythonClass, PythonFunction, PythonModule, PythonParameter } from '../../../../python/python-model.js';

/** A function or method together with its class and the symbol findings name it by. */
export interface FunctionEntry {
  fn: PythonFunction;
  cls: PythonClass | null;
  /** `Class.method` for methods, the plain name for module-level functions. */
  symbol: string;
}

const entriesByModule = new WeakMap<PythonModule, FunctionEntry[]>();

/** Every module-level function and every method, in source order (worked out once per module; the list is shared, so it is frozen). */
export function everyFunction(module: PythonModule): FunctionEntry[] {
  let known = entriesByModule.get(module);
  if (!known) entriesByModule.set(module, (known = Object.freeze(readEveryFunction(module)) as FunctionEntry[]));
  return known;
}

function readEveryFunction(module: PythonModule): FunctionEntry[] {
  const entries: FunctionEntry[] = module.functions.map((fn) => ({ fn, cls: null, symbol: fn.name }));
  for (const cls of module.classes) {
    for (const fn of cls.methods) entries.push({ fn, cls, symbol: `${cls.name}.${fn.name}` });
  }
  return entries.sort((a, b) => a.fn.line - b.fn.line);
}

/** The decorator's name without arguments or module path: `abc.abstractmethod` → `abstractmethod`. */
function decoratorName(decorator: string): string {
  return decorator.replace(/\(.*$/s, '').trim().split('.').pop() ?? '';
}

/** Whether a decorator of the function has one of the given names (module path and arguments ignored). */
export function hasDecorator(fn: PythonFunction, ...names: string[]): boolean {
  return fn.decorators.some((decorator) => names.includes(decoratorName(decorator)));
}

/** Whether the function is a property accessor: `@property`, `@cached_property`, `@x.setter`/`.deleter`. */
export function isPropertyAccessor(fn: PythonFunction): boolean {
  return hasDecorator(fn, 'property', 'cached_property', 'setter', 'deleter', 'getter');
}

/** Whether the function is abstract (`@abstractmethod` and its older variants). */
export function isAbstract(fn: PythonFunction): boolean {
  return hasDecorator(fn, 'abstractmethod', 'abstractproperty', 'abstractclassmethod', 'abstractstaticmethod');
}

/** Whether the function is an `@overload` stub. */
export function isOverload(fn: PythonFunction): boolean {
  return hasDecorator(fn, 'overload');
}

/** Whether the class is a `typing.Protocol` (its methods are stubs by design). */
export function isProtocolClass(cls: PythonClass | null): boolean {
  return !!cls && cls.bases.some((base) => /^(typing\.|typing_extensions\.)?Protocol(\[.*\])?$/.test(base));
}

/**
 * The parameters a caller passes: all of them, except the first parameter of a method that is not
 * a `@staticmethod` (`self`, `cls`, whatever it is named).
 */
export function explicitParameters(entry: FunctionEntry): PythonParameter[] {
  const { fn, cls } = entry;
  const bound = cls !== null && !hasDecorator(fn, 'staticmethod');
  const first = fn.parameters[0];
  return bound && first && (first.kind === 'positional-only' || first.kind === 'positional-or-keyword') ? fn.parameters.slice(1) : fn.parameters;
}

/** A parameter as written in a signature: `name`, `*args`, `**kwargs`. */
export function parameterLabel(parameter: PythonParameter): string {
  if (parameter.kind === 'var-positional') return `*${parameter.name}`;
  if (parameter.kind === 'var-keyword') return `**${parameter.name}`;
  return parameter.name;
}

/** `a`, `a` and `b`, `a`, `b` and `c` — names quoted with backticks. */
export function listNames(names: string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
