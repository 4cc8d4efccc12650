import type { DesignClass, DesignFunction, DesignSpec } from '../inputs/design/design-types.js';
import type { PythonClass, PythonFunction, PythonModule, PythonParameter } from '../python/python-model.js';
import type { ParameterKind } from '../python/python-model.js';

/** One parameter of a known signature (never `self`/`cls`). */
export interface ApiParameter {
  name: string;
  kind: ParameterKind;
  required: boolean;
}

/** A callable's parameters, or null when they cannot be trusted for an arity check. */
export type ApiSignature = ApiParameter[] | null;

/** A class of the module's API, merged from the design and the module. */
export interface ApiClass {
  name: string;
  /** Methods and other callables by name, each with the signatures known for it (design, module). */
  methods: Map<string, ApiSignature[]>;
  /** Names known to exist on instances besides methods (fields, attributes set in `__init__`). */
  attributes: Set<string>;
  /** Constructor signatures; empty when none is known for sure. */
  constructors: ApiSignature[];
  /** True when every attribute an instance has is known (no foreign base, metaclass or `__getattr__`). */
  closed: boolean;
  /** Bases that are API classes too (their members are inherited). */
  bases: string[];
}

/** What a test file may use from the deliverable: the design's API and the module's own names. */
export interface KnownApi {
  /** Every top-level name the design or the module defines. */
  names: Set<string>;
  classes: Map<string, ApiClass>;
  functions: Map<string, ApiSignature[]>;
  /** Names the design marks external: the tests may define stand-ins for them. */
  external: Set<string>;
  /** True when a name outside `names` is surely not the module's (no star import, no module `__getattr__`). */
  closed: boolean;
  /** True when anything at all is known (a design or the module's source). */
  known: boolean;
}

const TRUSTED_DECORATORS = /^(staticmethod|classmethod|(abc\.)?abstractmethod|(typing\.)?override)$/;
const PROPERTY = /^(property|(functools\.)?cached_property)$|\.(setter|getter)$/;
const DATACLASS = /^(dataclasses\.)?dataclass\b/;

function parameter(name: string, kind: ParameterKind, defaultValue: string | null): ApiParameter {
  return { name, kind, required: defaultValue === null && kind !== 'var-positional' && kind !== 'var-keyword' };
}

function designSignature(fn: DesignFunction): ApiSignature {
  // Tables and prose rarely say which parameters are optional: only code blocks give signatures to trust.
  if (fn.origin !== 'code' || fn.decorators.some((decorator) => PROPERTY.test(decorator))) return null;
  return fn.parameters.map((entry) => parameter(entry.name, entry.kind, entry.defaultValue));
}

function moduleSignature(fn: PythonFunction, isMethod: boolean): ApiSignature {
  if (!fn.decorators.every((decorator) => TRUSTED_DECORATORS.test(decorator))) return null;
  const skipsFirst = isMethod && !fn.decorators.includes('staticmethod');
  const parameters: PythonParameter[] = fn.parameters.slice(skipsFirst ? 1 : 0);
  return parameters.map((entry) => parameter(entry.name, entry.kind, entry.defaultValue));
}

function addSignature(into: Map<string, ApiSignature[]>, name: string, signature: ApiSignature): void {
  const list = into.get(name);
  if (list) list.push(signature);
  else into.set(name, [signature]);
}

function emptyClass(name: string): ApiClass {
  return { name, methods: new Map(), attributes: new Set(), constructors: [], closed: true, bases: [] };
}

function addDesignClass(api: KnownApi, cls: DesignClass, design: DesignSpec): void {
  const entry = api.classes.get(cls.name) ?? emptyClass(cls.name);
  api.classes.set(cls.name, entry);
  for (const method of cls.methods) {
    if (method.name === '__init__') entry.constructors.push(designSignature(method));
    else addSignature(entry.methods, method.name, designSignature(method));
  }
  const model = design.models.find((candidate) => candidate.name === cls.name);
  for (const field of model?.fields ?? []) entry.attributes.add(field.name);
  // Exceptions, enums, Pydantic models and subclasses of anything but another designed class have members the design does not list.
  const ownBases = cls.bases.filter((base) => base !== 'object');
  entry.bases.push(...ownBases.filter((base) => design.classes.some((other) => other.name === base)));
  if (cls.role === 'exception' || (model && model.kind !== 'dataclass' && model.kind !== 'plain') || ownBases.some((base) => !design.classes.some((other) => other.name === base))) {
    entry.closed = false;
  }
}

/** A dataclass's generated `__init__` from its annotated fields, or null when fields are not plain. */
function dataclassSignature(cls: PythonClass): ApiSignature {
  const parameters: ApiParameter[] = [];
  for (const attribute of cls.attributes) {
    if (!attribute.annotation || /ClassVar|InitVar|KW_ONLY/.test(attribute.annotation)) continue;
    const value = attribute.value;
    if (value !== null && /\bfield\s*\(/.test(value)) {
      if (/init\s*=\s*False/.test(value)) continue;
      if (!/default/.test(value)) return null;
    }
    parameters.push(parameter(attribute.name, 'positional-or-keyword', value));
  }
  return parameters;
}

/** Each class of a lineage once, depth-first from `start`; bases `byName` does not define go to `onUnknownBase`. */
function* lineage<T extends { name: string; bases: readonly string[] }>(
  start: T,
  byName: ReadonlyMap<string, T>,
  onUnknownBase: (base: string) => void = () => undefined,
): Generator<T> {
  const pending = [start];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (seen.has(current.name)) continue;
    seen.add(current.name);
    yield current;
    for (const base of current.bases) {
      const defined = byName.get(base);
      if (defined) pending.push(defined);
      else onUnknownBase(base);
    }
  }
}

function lineageOf(cls: PythonClass, byName: Map<string, PythonClass>): { local: PythonClass[]; foreign: boolean } {
  const local: PythonClass[] = [];
  let foreign = false;
  for (const current of lineage(cls, byName, (base) => {
    if (base !== 'object') foreign = true;
  })) {
    local.push(current);
    if (current.keywords.length > 0) foreign = true;
  }
  return { local, foreign };
}

function addModuleClass(api: KnownApi, cls: PythonClass, byName: Map<string, PythonClass>): void {
  const entry = api.classes.get(cls.name) ?? emptyClass(cls.name);
  api.classes.set(cls.name, entry);
  const { local, foreign } = lineageOf(cls, byName);
  const seenMethods = new Set<string>();
  for (const current of local) {
    for (const method of current.methods) {
      if (seenMethods.has(method.name)) continue;
      seenMethods.add(method.name);
      if (method.name === '__init__') entry.constructors.push(moduleSignature(method, true));
      else addSignature(entry.methods, method.name, method.decorators.some((decorator) => PROPERTY.test(decorator)) ? null : moduleSignature(method, true));
      for (const mutation of method.body.attributeMutations) {
        const match = /^self\.([A-Za-z_]\w*)$/.exec(mutation.target);
        if (match) entry.attributes.add(match[1]!);
      }
    }
    for (const attribute of current.attributes) entry.attributes.add(attribute.name);
  }
  const decorated = cls.decorators.some((decorator) => !DATACLASS.test(decorator));
  if (foreign || decorated || seenMethods.has('__getattr__') || seenMethods.has('__getattribute__')) entry.closed = false;
  if (!seenMethods.has('__init__') && !seenMethods.has('__new__') && !foreign && !decorated) {
    entry.constructors.push(cls.decorators.some((decorator) => DATACLASS.test(decorator)) ? (cls.bases.length === 0 ? dataclassSignature(cls) : null) : []);
  }
}

/** Whether the module's top-level names are all visible to the reader (no star import, no `__getattr__`, no unread bindings). */
function moduleIsClosed(module: PythonModule): boolean {
  if (module.imports.some((entry) => entry.names.includes('*'))) return false;
  if (module.functions.some((fn) => fn.name === '__getattr__')) return false;
  const constantLines = new Set(module.constants.map((constant) => constant.line));
  const safe = new Set(['import_statement', 'import_from_statement', 'future_import_statement', 'class_definition', 'function_definition', 'decorated_definition', 'pass_statement', 'comment']);
  return module.statements.every((statement) => {
    if (safe.has(statement.type)) return true;
    if (statement.type === 'if_statement' && /^if\s+__name__\s*==/.test(statement.text)) return true;
    if (statement.type !== 'expression_statement') return false;
    return statement.expression !== 'assignment' || constantLines.has(statement.line);
  });
}

/** The API a test file may use: the design's classes, functions, exceptions, models and constants, and the module's own names. */
export function knownApi(design: DesignSpec | undefined, module: PythonModule | undefined): KnownApi {
  const api: KnownApi = { names: new Set(), classes: new Map(), functions: new Map(), external: new Set(), closed: true, known: !!design || !!module };
  if (design) {
    for (const cls of design.classes) addDesignClass(api, cls, design);
    for (const exception of design.exceptions) if (!api.classes.has(exception.name)) api.classes.set(exception.name, { ...emptyClass(exception.name), closed: false });
    for (const model of design.models) if (!api.classes.has(model.name)) api.classes.set(model.name, { ...emptyClass(model.name), closed: false });
    for (const fn of design.functions) {
      addSignature(api.functions, fn.name, designSignature(fn));
      if (fn.external) api.external.add(fn.name);
    }
    for (const constant of design.constants) api.names.add(constant.name);
  }
  if (module) {
    const byName = new Map(module.classes.map((cls) => [cls.name, cls]));
    for (const cls of module.classes) addModuleClass(api, cls, byName);
    for (const fn of module.functions) addSignature(api.functions, fn.name, moduleSignature(fn, false));
    for (const constant of module.constants) api.names.add(constant.name);
    for (const entry of module.imports) {
      if (!entry.isFrom) api.names.add(entry.alias ?? entry.module.split('.')[0]!);
      else entry.names.forEach((name, index) => api.names.add(entry.nameAliases[index] ?? name));
    }
    if (!moduleIsClosed(module)) api.closed = false;
  }
  for (const name of api.classes.keys()) api.names.add(name);
  for (const name of api.functions.keys()) api.names.add(name);
  return api;
}

/** A member of an API class or of its API bases: its signatures (`[null]` for a data attribute), or null when none is known. */
export function apiMember(api: KnownApi, cls: ApiClass, name: string): ApiSignature[] | null {
  for (const current of lineage(cls, api.classes)) {
    const methods = current.methods.get(name);
    if (methods) return methods;
    if (current.attributes.has(name)) return [null];
  }
  return null;
}

/** Whether every member of the class and its API bases is known. */
export function apiClassClosed(api: KnownApi, cls: ApiClass): boolean {
  let unknownBase = false;
  for (const current of lineage(cls, api.classes, () => (unknownBase = true))) {
    if (unknownBase || !current.closed) return false;
  }
  return !unknownBase;
}
