import { resolveRaisedType, simpleName } from '../../../python/exception-hierarchy.js';
import type { PythonFunction, PythonModule } from '../../../python/python-model.js';
import { defineCheck, type CheckReport } from '../../check.js';
import type { CheckContext } from '../../check-context.js';
import { isCaught } from '../contract/support/raise-analysis.js';
import { customExceptions } from './support/custom-exceptions.js';

/** Whether a design was given and it declares no exception class. */
function designWantsNoExceptions(context: CheckContext): boolean {
  const design = context.design;
  return !!design && design.exceptions.length === 0 && design.classes.every((cls) => cls.role !== 'exception');
}

/**
 * Whether any function or method of the module raises an exception that leaves it: a raise its own
 * `try` catches (`raise InvalidOperation(text)` inside `try: ... except InvalidOperation:`) is
 * control flow within the function, not an error the module reports.
 */
function raisesAnything(module: PythonModule): boolean {
  const leaves = (fn: PythonFunction) => fn.body.raises.some((fact) => fact.exception === null
    || !isCaught(resolveRaisedType(fact.exception, fn, module), fact.enclosingTries, module));
  return module.functions.some(leaves) || module.classes.some((cls) => cls.methods.some(leaves));
}

/** `errors/exception-hierarchy`: one custom base exception (from Exception), every other custom exception under it. */
export const exceptionHierarchy = defineCheck({
  id: 'errors/exception-hierarchy',
  category: 'errors',
  severity: 'error',
  description: 'The module must define a custom exception hierarchy: one base class deriving from Exception (or a built-in *Error), with every other custom exception deriving from it, so one handler can catch them all (not required when the design declares no exception and no exception the module raises leaves the function raising it).',
  fixHint: 'Define one base such as `class AppError(Exception)` carrying message and code, and derive every other custom exception from it.',
  run(context) {
    const { classes, roots, base } = customExceptions(context.module);
    if (classes.length === 0) {
      // A design that declares no exception, for a module that raises none (module functions answering
      // with error responses): there is nothing for a hierarchy to organise.
      if (designWantsNoExceptions(context) && !raisesAnything(context.module)) return [];
      return [{ line: 0, message: 'The module defines no custom exception; the brief asks for a custom exception hierarchy with specific exception types' }];
    }
    const reports: CheckReport[] = [];
    for (const root of roots) {
      if (root.bases.some((name) => simpleName(name) === 'BaseException')) {
        reports.push({
          line: root.line,
          symbol: root.name,
          message: `${root.name} derives from BaseException, so \`except Exception\` handlers do not catch it; derive it from Exception`,
        });
      } else if (base && root !== base) {
        reports.push({
          line: root.line,
          symbol: root.name,
          message: `${root.name} does not derive from ${base.name}: the module has ${roots.length} unrelated exception roots (${roots.map((cls) => cls.name).join(', ')}); derive every custom exception from one base`,
        });
      } else if (!base && root !== roots[0]) {
        reports.push({
          line: root.line,
          symbol: root.name,
          message: `${root.name} shares no base with ${roots.filter((other) => other !== root).map((cls) => cls.name).join(', ')}: the module's exceptions are a flat list; derive them all from one base exception`,
        });
      }
    }
    return reports;
  },
});
