import { CallableMemo, callTarget, functionCallable, type Callable } from '../../../python/callables.js';
import type { CallFact, ExceptHandlerFact, PythonFunction, PythonModule, ValueFact } from '../../../python/python-model.js';
import { importBindings } from '../../../python/import-bindings.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { suppressCalls } from './support/suppress-blocks.js';

/** Caught types that mean "everything"; a bare `except:` is recorded as `BaseException`. */
const CATCH_ALL = new Set(['Exception', 'BaseException', 'builtins.Exception', 'builtins.BaseException']);
const LOG_METHODS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'log']);
/** Receivers that are a logger: `logging`, `logger`, `self._logger`, `LOG`, `audit_log`. */
const LOGGER_NAME = /^(logging|_*log(ger)?|.*_(log|logger))$/i;
const REPORTING_CALLS = new Set(['warnings.warn', 'traceback.print_exc', 'traceback.print_exception']);

function isLogCall(call: CallFact): boolean {
  if (REPORTING_CALLS.has(call.callee)) return true;
  const parts = call.callee.split('.');
  const method = parts.pop() ?? '';
  return parts.length > 0 && LOG_METHODS.has(method) && LOGGER_NAME.test(parts[parts.length - 1]!);
}

/** Decides whether returned values are error responses (`success: False`), following helpers. */
class ErrorResponses {
  private readonly memo = new CallableMemo<boolean>();

  constructor(private readonly module: PythonModule) {}

  /** True when `value`, returned from `from`, is (or may be) an error response. */
  isErrorResponse(value: ValueFact, from: Callable, depth = 0, parameterValues: ReadonlyMap<string, string> = new Map()): boolean {
    if (value.alternatives.length > 0) return value.alternatives.some((alternative) => this.isErrorResponse(alternative, from, depth, parameterValues));
    if (value.kind === 'dict') {
      const success = value.dictEntries.find((entry) => entry.key === 'success');
      if (!success) return false;
      return success.valueType === 'false' || (success.valueType === 'identifier' && parameterValues.get(success.valueText) === 'False');
    }
    if (value.kind === 'name' && value.expression && !value.expression.includes('.')) {
      return from.owner.body.localAssignments.some((binding) => binding.name === value.expression && binding.key === null && binding.value.kind === 'dict' && this.isErrorResponse(binding.value, from, depth, parameterValues));
    }
    if (value.kind !== 'call') return false;
    if (value.arguments.some((argument) => argument.keyword === 'success' && argument.text === 'False')) return true;
    const target = callTarget(value.callee ?? '', value.arguments, from, this.module);
    if (!target) return false;
    const bound = target.kind === 'function' ? this.boundValues(target.fn, value) : new Map<string, string>();
    // Helpers whose success flag is a parameter are decided per call, not memoised.
    if (bound.size > 0) return depth < 8 && target.body.returns.some((fact) => this.isErrorResponse(fact, target, depth + 1, bound));
    return this.memo.resultsOf(target, depth, () => [target.body.returns.some((fact) => this.isErrorResponse(fact, target, depth + 1))])[0] ?? false;
  }

  /** The literal `False`/`True` arguments of a call, by the helper's parameter names. */
  private boundValues(fn: PythonFunction, call: ValueFact): Map<string, string> {
    const parameters = fn.parameters.filter((parameter, index) => !(index === 0 && fn.className !== null && (parameter.name === 'self' || parameter.name === 'cls')));
    const values = new Map<string, string>();
    call.arguments.forEach((argument, index) => {
      if (argument.text !== 'False' && argument.text !== 'True') return;
      const name = argument.keyword ?? parameters[index]?.name;
      if (name) values.set(name, argument.text);
    });
    return values;
  }
}

function within(line: number, handler: ExceptHandlerFact): boolean {
  return line >= handler.line && line <= handler.endLine;
}

function describeTypes(types: string[]): string {
  return types.length === 1 && types[0] === 'BaseException' ? '`except:`/`except BaseException`' : `\`except ${types.length > 1 ? `(${types.join(', ')})` : types[0]}\``;
}

/** `errors/swallowed-exception`: a handler that catches everything must re-raise, log, or return an error response. */
export const swallowedException = defineCheck({
  id: 'errors/swallowed-exception',
  category: 'errors',
  severity: 'error',
  description: 'An `except` that catches everything (`except:`, `except Exception`, `except BaseException`) must re-raise, log the error, or return an error response ({"success": False, ...}); `pass`, `continue` or `return None` there hides failures, as does `with contextlib.suppress(Exception):`, and the brief forbids silent failures.',
  fixHint: 'Catch (or suppress) the specific exception types you expect; in a catch-all handler either re-raise (`raise ServiceError(...) from error`), log it (`logger.exception(...)`), or return {"success": False, "message": str(error), "data": None}.',
  run(context) {
    const module = context.module;
    const responses = new ErrorResponses(module);
    const outer = [...module.functions, ...module.classes.flatMap((cls) => cls.methods)];
    // A decorator's wrapper (`def wrapper(*args, **kwargs): try: ... except Exception: ...`) handles errors too.
    const functions = [...outer.map((fn) => ({ fn, symbol: fn.className ? `${fn.className}.${fn.name}` : fn.name, where: '' })),
      ...outer.flatMap((parent) => (parent.nested ?? []).map((fn) => ({ fn, symbol: parent.className ? `${parent.className}.${parent.name}` : parent.name, where: ` (its inner function ${fn.name})` })))];
    const reports: CheckReport[] = [];
    const imports = importBindings(module);
    for (const { fn, symbol, where } of functions) {
      const callable = functionCallable(fn);
      // `with contextlib.suppress(Exception):` is `except Exception: pass` with nowhere to log or answer.
      for (const suppressor of suppressCalls(fn.body, imports)) {
        const types = suppressor.arguments.filter((argument) => argument.keyword === null).map((argument) => argument.text);
        if (!types.some((type) => CATCH_ALL.has(type))) continue;
        reports.push({
          line: suppressor.line,
          symbol,
          message: `\`${suppressor.callee}${suppressor.argumentsText}\` in ${symbol}${where} silently discards every error raised in its block, so the failure is lost`,
        });
      }
      for (const tryFact of fn.body.tries) {
        for (const handler of tryFact.handlers) {
          if (!handler.types.some((type) => CATCH_ALL.has(type)) || handler.reraises) continue;
          if (fn.body.calls.some((call) => within(call.line, handler) && isLogCall(call))) continue;
          if (fn.body.returns.some((fact) => within(fact.line, handler) && responses.isErrorResponse(fact, callable))) continue;
          // `result = {"success": False, ...}` in the handler, returned after the try: the answer is the error response.
          if (fn.body.localAssignments.some((binding) => within(binding.line, handler) && binding.key === null && responses.isErrorResponse(binding.value, callable))) continue;
          reports.push({
            line: handler.line,
            symbol,
            message: `${describeTypes(handler.types)} in ${symbol}${where} catches every error and neither re-raises, logs it, nor returns an error response, so the failure is silently lost`,
          });
        }
      }
    }
    return reports;
  },
});
