import { isPublicMethod, serviceClasses } from '../../../../python/module-roles.js';
import { TRANSPARENT_DECORATORS } from './decorated-callable.js';
import type { PythonClass, PythonFunction, PythonModule, ValueFact } from '../../../../python/python-model.js';

/** A public method of a service class: what the Gradio UI calls. */
export interface ServiceMethod {
  cls: PythonClass;
  method: PythonFunction;
  /** `Class.method`, the finding's symbol. */
  symbol: string;
  /**
   * True when a decorator other than the well-known built-in ones wraps the method: the wrapper
   * (often a guard that catches and builds the response) is not visible, so exception checks skip it.
   */
  isWrapped: boolean;
}


/** Public methods that serialise an object rather than answer the UI (`to_dict` on a plain class). */
const SERIALIZER_NAMES = new Set(['to_dict', 'as_dict', 'dict', 'to_json', 'as_json', 'serialize', 'to_row', 'to_record', 'model_dump']);

const RESPONSE_ANNOTATION = /\b(dict|Dict|Mapping|Response|Result)\b/;

function looksLikeHandler(method: PythonFunction): boolean {
  if (!isPublicMethod(method) || SERIALIZER_NAMES.has(method.name)) return false;
  if (RESPONSE_ANNOTATION.test(method.returnAnnotation ?? '')) return true;
  return method.body.returns.some((fact) => fact.kind === 'dict' && fact.dictKeys.includes('success'));
}

function isExempt(method: PythonFunction): boolean {
  if (method.decorators.some((decorator) => /^(property|functools\.cached_property|cached_property|abc\.abstractmethod|abstractmethod)$|\.(setter|deleter)$/.test(decorator))) return true;
  // A class-method factory (`return cls(...)`) builds the service; the UI does not call it.
  const isClassMethod = method.decorators.includes('classmethod');
  return isClassMethod && method.body.returns.length > 0 && method.body.returns.every((fact) => fact.kind === 'call' && fact.callee === 'cls');
}

/**
 * The service classes whose public methods must answer with the response dict, and those methods.
 * A class counts when `module-roles` calls it a service and some public method other than a
 * serialiser (`to_dict`, ...) is typed or written to return a dict; properties and factories are left out.
 */
export function serviceMethods(module: PythonModule): ServiceMethod[] {
  return serviceClasses(module)
    .filter((cls) => cls.methods.some(looksLikeHandler))
    .flatMap((cls) => cls.methods
      .filter((method) => isPublicMethod(method) && !isExempt(method))
      .map((method) => ({
        cls,
        method,
        symbol: `${cls.name}.${method.name}`,
        isWrapped: method.decorators.some((decorator) => !TRANSPARENT_DECORATORS.test(decorator)),
      })));
}

/** A function the UI calls: a public service method, or a public module function of a module without one. */
export interface EntryPoint {
  cls: PythonClass | null;
  method: PythonFunction;
  /** `Class.method` or the function's name, the finding's symbol. */
  symbol: string;
  isWrapped: boolean;
}

/** Whether the function returns a dict literal with a `success` key, directly or in a conditional. */
function returnsResponseLiteral(fn: PythonFunction): boolean {
  const pending = [...fn.body.returns] as ValueFact[];
  for (let value = pending.pop(); value; value = pending.pop()) {
    if (value.kind === 'dict' && value.dictKeys.includes('success')) return true;
    pending.push(...value.alternatives);
  }
  return false;
}

/** Whether a module function answers with the response dict: written in it, or built by a module helper it returns. */
function answersWithResponse(fn: PythonFunction, builders: ReadonlySet<string>): boolean {
  return builders.has(fn.name) || fn.body.returns.some((fact) => fact.kind === 'call' && fact.callee !== null && builders.has(fact.callee));
}

/**
 * What the Gradio UI calls: the public methods of the service classes (`serviceMethods`), or, in a
 * module that has none (a design of module functions), its public functions that answer with the
 * response dict. The contract checks judge these.
 */
export function entryPoints(module: PythonModule): EntryPoint[] {
  const methods = serviceMethods(module);
  if (methods.length > 0) return methods;
  const builders = new Set(module.functions.filter(returnsResponseLiteral).map((fn) => fn.name));
  return module.functions
    .filter((fn) => isPublicMethod(fn) && !isExempt(fn) && answersWithResponse(fn, builders))
    .map((fn) => ({ cls: null, method: fn, symbol: fn.name, isWrapped: fn.decorators.some((decorator) => !TRANSPARENT_DECORATORS.test(decorator)) }));
}
