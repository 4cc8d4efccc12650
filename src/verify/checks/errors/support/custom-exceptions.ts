import { exceptionAncestry, simpleName } from '../../../../python/exception-hierarchy.js';
import { exceptionClasses } from '../../../../python/module-roles.js';
import type { PythonClass, PythonModule } from '../../../../python/python-model.js';

/** The module's own exception classes, arranged as roots and the one base the others should share. */
export interface CustomExceptions {
  /** Custom exceptions, warnings left out (a warning category is not an error). */
  classes: PythonClass[];
  /** Those whose bases include no other custom exception. */
  roots: PythonClass[];
  /**
   * The root with the most descendants (the first such when tied): the module's base exception.
   * Null when there is none, or when several roots all stand alone (a flat list has no base).
   */
  base: PythonClass | null;
}

/** Reads the custom exception hierarchy of a module. */
export function customExceptions(module: PythonModule): CustomExceptions {
  const classes = exceptionClasses(module).filter((cls) => !exceptionAncestry(cls.name, module).names.has('Warning'));
  const names = new Set(classes.map((cls) => cls.name));
  const roots = classes.filter((cls) => !cls.bases.some((base) => names.has(simpleName(base))));
  const descendants = (root: PythonClass): number => classes.filter((cls) => cls !== root && exceptionAncestry(cls.name, module).names.has(root.name)).length;
  let base: PythonClass | null = null;
  let best = -1;
  for (const root of roots) {
    const count = descendants(root);
    if (count > best) {
      base = root;
      best = count;
    }
  }
  if (roots.length > 1 && best === 0) base = null;
  return { classes, roots, base };
}
