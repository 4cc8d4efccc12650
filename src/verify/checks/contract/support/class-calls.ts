import { findMethod, type Callable } from '../../../../python/callables.js';
import type { PythonClass, PythonFunction, PythonModule } from '../../../../python/python-model.js';

/** What a call of a module class runs: its construction (`Ticket(...)`, `cls(...)` in a class method) or one of its static or class methods. */
export type ClassCall = { kind: 'constructs'; cls: PythonClass } | { kind: 'method'; fn: PythonFunction };

const classesByModule = new WeakMap<PythonModule, Map<string, PythonClass>>();

function classNamed(module: PythonModule, name: string): PythonClass | undefined {
  let byName = classesByModule.get(module);
  if (!byName) {
    byName = new Map();
    for (const cls of module.classes) if (!byName.has(cls.name)) byName.set(cls.name, cls);
    classesByModule.set(module, byName);
  }
  return byName.get(name);
}

/**
 * Reads a callee the call resolver leaves unknown as a class of the module: `Ticket(...)`,
 * `cls(...)` inside a `@classmethod` (the class it belongs to), and `Bill.parse(...)`, a
 * `@staticmethod` or `@classmethod` of another module class. Null for anything else.
 */
export function classCall(callee: string, from: Callable, module: PythonModule): ClassCall | null {
  const owner = from.owner;
  if (callee === 'cls') {
    const own = owner.className !== null && owner.decorators.includes('classmethod') ? classNamed(module, owner.className) : undefined;
    return own ? { kind: 'constructs', cls: own } : null;
  }
  const dot = callee.indexOf('.');
  if (dot < 0) {
    const cls = classNamed(module, callee);
    return cls ? { kind: 'constructs', cls } : null;
  }
  if (callee.indexOf('.', dot + 1) >= 0) return null;
  const cls = classNamed(module, callee.slice(0, dot));
  const fn = cls ? findMethod(module, cls, callee.slice(dot + 1)) : undefined;
  return fn && fn.decorators.some((decorator) => decorator === 'staticmethod' || decorator === 'classmethod') ? { kind: 'method', fn } : null;
}

/** The methods that run when a module class is constructed: `__init__` and a dataclass's `__post_init__` (inherited ones too). */
export function initializersOf(module: PythonModule, cls: PythonClass): PythonFunction[] {
  return ['__init__', '__post_init__'].map((name) => findMethod(module, cls, name)).filter((fn): fn is PythonFunction => !!fn);
}
