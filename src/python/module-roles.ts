import type { PythonClass, PythonFunction, PythonModule } from './python-model.js';

/** Built-in exception names a custom exception may derive from. */
const BUILTIN_EXCEPTION = /^(BaseException|Exception|[A-Z][A-Za-z]*(Error|Exception|Warning))$/;

/** Decorators and bases that mark a class as a data model rather than a service. */
const MODEL_DECORATORS = /^(dataclasses\.)?dataclass\b|^attr(s)?\.(s|define|frozen)\b|^define\b/;
const MODEL_BASES = /^(pydantic\.)?BaseModel$|^(typing\.)?(NamedTuple|TypedDict|Protocol)$|^(enum\.)?(Enum|IntEnum|StrEnum|Flag|IntFlag)$/;

/** Whether a method is public: no leading underscore (dunders are not public API either). */
export function isPublicMethod(method: PythonFunction): boolean {
  return !method.name.startsWith('_');
}

const exceptionClassesByModule = new WeakMap<PythonModule, PythonClass[]>();

/**
 * Classes of the module that are exceptions: their bases reach a built-in exception. Worked out
 * once per module (checks ask for every call they look at); the list is shared, so it is frozen.
 */
export function exceptionClasses(module: PythonModule): PythonClass[] {
  let known = exceptionClassesByModule.get(module);
  if (!known) exceptionClassesByModule.set(module, (known = Object.freeze(readExceptionClasses(module)) as PythonClass[]));
  return known;
}

function readExceptionClasses(module: PythonModule): PythonClass[] {
  const byName = new Map(module.classes.map((cls) => [cls.name, cls]));
  const memo = new Map<string, boolean>();
  const isException = (cls: PythonClass, seen: Set<string>): boolean => {
    const known = memo.get(cls.name);
    if (known !== undefined) return known;
    seen.add(cls.name);
    const result = cls.bases.some((base) => {
      const simple = base.split('.').pop() ?? base;
      const local = byName.get(simple);
      if (local && !seen.has(simple)) return isException(local, seen);
      return BUILTIN_EXCEPTION.test(simple);
    });
    memo.set(cls.name, result);
    return result;
  };
  return module.classes.filter((cls) => isException(cls, new Set()));
}

/** Whether a class is a data model (dataclass, Pydantic model, enum, named tuple, typed dict). */
export function isModelClass(cls: PythonClass): boolean {
  return cls.decorators.some((decorator) => MODEL_DECORATORS.test(decorator)) || cls.bases.some((base) => MODEL_BASES.test(base));
}

function returnsResponse(method: PythonFunction): boolean {
  const annotation = method.returnAnnotation ?? '';
  if (/\b(dict|Dict|Mapping|Response|Result)\b/.test(annotation)) return true;
  return method.body.returns.some((fact) => fact.kind === 'dict' && fact.dictKeys.includes('success'));
}

/**
 * The service classes: the classes whose public methods the Gradio UI calls. A class is one when
 * it is neither an exception nor a data model and some public method returns a response dict.
 * Names given explicitly (e.g. the design's primary class) always count.
 */
export function serviceClasses(module: PythonModule, explicitNames: string[] = []): PythonClass[] {
  const exceptions = new Set(exceptionClasses(module).map((cls) => cls.name));
  return module.classes.filter((cls) => {
    if (explicitNames.includes(cls.name)) return true;
    if (exceptions.has(cls.name) || isModelClass(cls)) return false;
    return cls.methods.some((method) => isPublicMethod(method) && returnsResponse(method));
  });
}
