import type { PythonFunction, PythonModule } from '../../../../python/python-model.js';

/** Parents of built-in exceptions that code commonly catches instead of the exact type. */
const BUILTIN_PARENTS: Record<string, string> = {
  KeyError: 'LookupError', IndexError: 'LookupError', LookupError: 'Exception',
  ZeroDivisionError: 'ArithmeticError', OverflowError: 'ArithmeticError', ArithmeticError: 'Exception',
  FileNotFoundError: 'OSError', FileExistsError: 'OSError', PermissionError: 'OSError', TimeoutError: 'OSError',
  IsADirectoryError: 'OSError', NotADirectoryError: 'OSError', ConnectionError: 'OSError', OSError: 'Exception',
  UnicodeDecodeError: 'UnicodeError', UnicodeEncodeError: 'UnicodeError', UnicodeError: 'ValueError',
  NotImplementedError: 'RuntimeError', RecursionError: 'RuntimeError',
};

/** Exceptions that `except Exception` does not catch. */
const BASE_ONLY = new Set(['BaseException', 'SystemExit', 'KeyboardInterrupt', 'GeneratorExit']);

/**
 * The exception class a `raise` names: `ValueError` for `raise ValueError(...)`, `NotFound` for
 * `raise errors.NotFound`, `ValidationError` for `raise ValidationError.from_code(...)`; null when
 * the statement re-raises or raises a variable (`raise error`).
 */
export function raisedType(exception: string | null): string | null {
  if (!exception) return null;
  const parts = exception.split('.');
  const last = parts.at(-1) ?? '';
  if (/^[A-Z]/.test(last)) return last;
  const owner = parts.at(-2);
  return owner && /^[A-Z]/.test(owner) ? owner : null;
}

function ancestors(type: string, module: PythonModule): Set<string> {
  const found = new Set<string>([type]);
  const queue = [type];
  while (queue.length > 0) {
    const current = queue.shift() ?? '';
    const local = module.classes.find((cls) => cls.name === current);
    const parents = local ? local.bases.map((base) => base.split('.').pop() ?? base) : [BUILTIN_PARENTS[current] ?? (BASE_ONLY.has(current) ? 'BaseException' : 'Exception')];
    for (const parent of parents) {
      if (!found.has(parent)) {
        found.add(parent);
        queue.push(parent);
      }
    }
  }
  return found;
}

function catches(handler: string, type: string | null, module: PythonModule): boolean {
  const caught = handler.split('.').pop() ?? handler;
  if (caught === 'BaseException') return true;
  if (type === null) return caught === 'Exception';
  return ancestors(type, module).has(caught);
}

/**
 * The exceptions a function lets out of itself: its `raise` statements that no enclosing `try` of
 * the same function catches (a bare re-raise counts, as `null`). Raises in nested functions and
 * exceptions from called functions are not followed.
 */
export function escapingRaises(fn: PythonFunction, module: PythonModule): Array<string | null> {
  const escaping: Array<string | null> = [];
  for (const raise of fn.body.raises) {
    const type = raisedType(raise.exception);
    const caught = raise.handlers.some((types) => types.some((handler) => catches(handler, type, module)));
    if (!caught) escaping.push(type);
  }
  return escaping;
}
