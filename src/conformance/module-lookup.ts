import type { PythonClass, PythonFunction, PythonModule } from '../python/python-model.js';
import type { PythonNormalizer } from '../python/normalize-annotation.js';
import type { DesignConstant } from '../inputs/design/design-types.js';
import { toDesignFunction } from '../inputs/design/python-block.js';
import type { SignatureShape } from './compare-signature.js';

/** A class of the module by name. */
export function findClass(module: PythonModule, name: string): PythonClass | undefined {
  return module.classes.find((cls) => cls.name === name);
}

/** A module-level function by name. */
export function findFunction(module: PythonModule, name: string): PythonFunction | undefined {
  return module.functions.find((fn) => fn.name === name);
}

/** A method of a class, also looked up in the module's own base classes (inherited `__init__`). */
export function findMethod(module: PythonModule, cls: PythonClass, name: string, seen = new Set<string>()): PythonFunction | undefined {
  const own = cls.methods.find((method) => method.name === name);
  if (own || seen.has(cls.name)) return own;
  seen.add(cls.name);
  for (const base of cls.bases) {
    const parent = findClass(module, base.split('.').pop() ?? base);
    const inherited = parent ? findMethod(module, parent, name, seen) : undefined;
    if (inherited) return inherited;
  }
  return undefined;
}

/** The signature of a module function in the design's form (`self`/`cls` left out for methods). */
export function signatureOf(fn: PythonFunction): SignatureShape {
  return toDesignFunction(fn, fn.className, 0);
}

/** Names a class provides as fields: class-body names, properties, and `self.x = ...` in `__init__`. */
export function classFieldNames(module: PythonModule, cls: PythonClass): Set<string> {
  const names = new Set(cls.attributes.map((attribute) => attribute.name));
  for (const method of cls.methods) if (method.decorators.some((decorator) => decorator.endsWith('property'))) names.add(method.name);
  const init = findMethod(module, cls, '__init__');
  for (const mutation of init?.body.attributeMutations ?? []) {
    if (mutation.target.startsWith('self.') && mutation.operation === 'assign') names.add(mutation.target.slice(5).split('.')[0]!);
  }
  for (const base of cls.bases) {
    const parent = findClass(module, base.split('.').pop() ?? base);
    if (parent && parent.name !== cls.name) for (const name of classFieldNames(module, parent)) names.add(name);
  }
  return names;
}

/**
 * Whether two default values mean the same once constants are replaced by their values: the design
 * may write `Decimal("0.00")` where the module writes `ZERO_MONEY`, or the other way round.
 */
export function sameValueResolver(module: PythonModule, designConstants: DesignConstant[], normalizer: PythonNormalizer): (expected: string, actual: string) => boolean {
  const moduleValues = new Map(module.constants.map((constant) => [constant.name, constant.value]));
  const designValues = new Map(designConstants.map((constant) => [constant.name, constant.value ?? constant.name]));
  const resolve = (text: string, values: Map<string, string>) => normalizer.expression(values.get(text.trim()) ?? text);
  return (expected, actual) => {
    const wanted = resolve(expected, designValues);
    return wanted === resolve(actual, moduleValues) || resolve(expected, moduleValues) === resolve(actual, moduleValues) || wanted === normalizer.expression(actual);
  };
}
