import { handlerCatches, resolveRaisedType } from '../../../../python/exception-hierarchy.js';
import type { PythonFunction, PythonModule } from '../../../../python/python-model.js';

/**
 * The exceptions a function lets out of itself: its `raise` statements that no enclosing `try` of
 * the same function catches (a bare re-raise counts, as `null`). Raises in nested functions and
 * exceptions from called functions are not followed. Where the hierarchy cannot tell whether a
 * handler catches the exception, it is taken as caught: the docstring check stays quiet rather
 * than ask for a Raises section that may be wrong.
 */
export function escapingRaises(fn: PythonFunction, module: PythonModule): Array<string | null> {
  const escaping: Array<string | null> = [];
  for (const raise of fn.body.raises) {
    const type = resolveRaisedType(raise.exception, fn, module);
    if (raise.exception !== null && type === null) continue;
    const caught = raise.handlers.some((types) => types.some((handler) => handlerCatches(handler, type, module) !== false));
    if (!caught) escaping.push(type);
  }
  return escaping;
}
