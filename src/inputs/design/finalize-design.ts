import { formatSignature } from '../../conformance/compare-signature.js';
import type { DesignCollector } from './design-collector.js';
import { designNaming } from './design-naming.js';
import type { DesignClass, DesignException, DesignFunction, DesignModel, DesignSpec } from './design-types.js';
import { codeMatches, looksLikeExceptionName } from './exception-sources.js';

/** A top-level import of a design code block. */
export interface BlockImport {
  module: string;
  level: number;
  line: number;
}

/** What finalizing needs besides the collected items. */
export interface FinalizeInput {
  source: string;
  sourceName: string;
  title: string | null;
  imports: BlockImport[];
}

const BUILTIN_EXCEPTIONS = /^(BaseException|Exception|ArithmeticError|LookupError|[A-Z][A-Za-z]*(Error|Warning|Exit|Interrupt)|StopIteration|StopAsyncIteration)$/;
const PYTHON_BUILTIN_ERRORS = new Set([
  'ValueError', 'TypeError', 'KeyError', 'IndexError', 'RuntimeError', 'AttributeError', 'NotImplementedError', 'OSError',
  'IOError', 'LookupError', 'ArithmeticError', 'ZeroDivisionError', 'PermissionError', 'FileNotFoundError', 'TimeoutError',
  'ConnectionError', 'AssertionError', 'UnicodeError', 'OverflowError', 'Exception', 'BaseException', 'InvalidOperation',
]);

/** Methods a plain record may have and stay a record. */
const DATA_METHOD = /^(?:to|from|as)_\w+$/;

function simple(name: string): string {
  return name.split('.').pop() ?? name;
}

/** Marks exception classes: their bases reach a built-in exception or another exception of the design. */
function markExceptions(classes: Map<string, DesignClass>): void {
  const memo = new Map<string, boolean>();
  const isException = (cls: DesignClass, seen: Set<string>): boolean => {
    const known = memo.get(cls.name);
    if (known !== undefined) return known;
    seen.add(cls.name);
    const result = cls.bases.some((base) => {
      const local = classes.get(simple(base));
      if (local && !seen.has(local.name)) return isException(local, seen);
      return BUILTIN_EXCEPTIONS.test(simple(base));
    });
    memo.set(cls.name, result);
    return result;
  };
  for (const cls of classes.values()) if (isException(cls, new Set())) cls.role = 'exception';
}

function addDeclaredExceptions(collector: DesignCollector): void {
  const declare = (name: string, base: string | null, line: number) => {
    const existing = collector.classes.get(name);
    // A class the design gives methods and no base is not made an exception by a sentence that names it.
    if (existing && existing.methods.length > 0 && existing.bases.length === 0 && !looksLikeExceptionName(name)) return;
    if (existing) {
      if (existing.bases.length === 0 && base) existing.bases = [base];
      existing.role = 'exception';
      return;
    }
    collector.classes.set(name, { name, bases: base ? [base] : [], decorators: [], role: 'exception', methods: [], description: null, origin: 'table', line });
  };
  for (const declared of collector.declaredExceptions) declare(declared.name, declared.base, declared.line);
  for (const message of collector.messages) {
    const name = message.exception?.replace(/`/g, '').trim();
    if (name && looksLikeExceptionName(name) && !PYTHON_BUILTIN_ERRORS.has(name) && !collector.classes.has(name)) declare(name, null, message.line);
  }
}

function exceptionsOf(collector: DesignCollector, classes: DesignClass[]): DesignException[] {
  const exceptions = classes.filter((cls) => cls.role === 'exception');
  const codes = new Map<string, string[]>(exceptions.map((cls) => [cls.name, []]));
  const give = (exception: string, code: string) => {
    const list = codes.get(exception);
    if (list && !list.includes(code)) list.push(code);
  };
  for (const declared of collector.declaredExceptions) for (const code of declared.codes) give(declared.name, code);
  const catchAll = collector.codeMappings.find((mapping) => mapping.patterns.length === 0);
  for (const message of collector.messages) {
    const code = message.code?.replace(/`/g, '').trim();
    if (!code || !/^[A-Z][A-Z0-9_]+$/.test(code)) continue;
    const named = message.exception?.replace(/`/g, '').trim();
    const mapped = named ?? collector.codeMappings.find((mapping) => mapping.patterns.some((pattern) => codeMatches(pattern, code)))?.exception ?? (message.kind === 'error' ? catchAll?.exception : undefined);
    if (mapped) give(mapped, code);
  }
  return exceptions.map((cls) => {
    const init = cls.methods.find((method) => method.name === '__init__');
    const codeDefault = init?.parameters.find((parameter) => parameter.name === 'code')?.defaultValue ?? null;
    return {
      name: cls.name,
      base: cls.bases[0] ?? null,
      codes: codes.get(cls.name) ?? [],
      defaultCode: codeDefault ? codeDefault.replace(/^['"]|['"]$/g, '') : null,
      line: cls.line,
    };
  });
}

function choosePrimary(collector: DesignCollector): string | null {
  const candidates = [...collector.classes.values()].filter((cls) => cls.role === 'other' || cls.role === 'service');
  if (collector.explicitPrimary && collector.classes.has(collector.explicitPrimary)) return collector.explicitPrimary;
  const publicCount = (cls: DesignClass) => cls.methods.filter((method) => !method.name.startsWith('_')).length;
  const most = (classes: DesignClass[]) => classes.reduce<DesignClass | null>((top, cls) => (!top || publicCount(cls) > publicCount(top) ? cls : top), null);
  // A record whose only methods fill it in from its own fields is not the service, whatever it comes first.
  const records = new Set(candidates.filter((cls) => {
    const fields = new Set(collector.fields.get(cls.name)?.fields.map((field) => field.name) ?? []);
    return fields.size > 0 && cls.methods.every((method) => method.parameters.length > 0 && method.parameters.every((parameter) => fields.has(parameter.name)));
  }).map((cls) => cls.name));
  const service = most(candidates.filter((cls) => !records.has(cls.name)));
  const best = service && publicCount(service) > 0 ? service : most(candidates);
  if (best && publicCount(best) > 0) return best.name;
  // A design whose only class with methods is a dataclass (`@dataclass class TradingAccount` with
  // `buy_shares`...): that class is the service, and stays a model for its fields too.
  const model = most([...collector.classes.values()].filter((cls) => cls.role === 'model'));
  return model && publicCount(model) > 0 ? model.name : collector.explicitPrimary;
}

/** Class names the texts give, nearest text first: `Backticked` names, then CamelCase words. */
function classNamesIn(texts: string[]): string[] {
  // "### `Intake.register`" over a def block: the dotted owner is named first.
  const dotted = texts.flatMap((text) => [...text.matchAll(/`([A-Z][A-Za-z0-9_]*)\.[a-z_]\w*(?:\([^`]*\))?`/g)].map((match) => match[1]!));
  const quoted = texts.flatMap((text) => [...text.matchAll(/`([A-Z][A-Za-z0-9_]*)`/g)].map((match) => match[1]!));
  const camel = texts.flatMap((text) => [...text.matchAll(/\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)\b/g)].map((match) => match[1]!));
  return [...dotted, ...quoted, ...camel];
}

/** The CamelCase name running text backticks most often that is no exception or model ("The UI only talks to `Planner`"), or null. */
function proseOwner(collector: DesignCollector): string | null {
  let best: string | null = null;
  for (const [name, count] of collector.proseNames) {
    const role = collector.classes.get(name)?.role;
    if (looksLikeExceptionName(name) || role === 'exception' || role === 'model' || (collector.fields.has(name) && !collector.fields.get(name)!.weak)) continue;
    if (collector.declaredExceptions.some((declared) => declared.name === name)) continue;
    if (best === null || count > collector.proseNames.get(best)!) best = name;
  }
  return best;
}

function placePendingMethods(collector: DesignCollector, primary: string | null): string | null {
  for (const { fn, context, heading } of collector.pendingMethods) {
    // A model does not take loose methods; a class known only by its attribute list or `__init__` may.
    const named = classNamesIn(context).filter((name) => !looksLikeExceptionName(name) && !(collector.fields.has(name) && !collector.fields.get(name)!.weak));
    const known = named.find((name) => collector.classes.get(name)?.role === 'other' || collector.classes.get(name)?.role === 'service');
    const fallback = known ?? named[0] ?? primary ?? heading ?? null;
    const owner = fallback ?? proseOwner(collector);
    if (fallback === null && owner) {
      collector.warn('orphan', `\`${fn.name}\` takes \`self\` but no section names its class; read as a method of \`${owner}\`, the class the text names most`, fn.line);
    }
    if (heading && owner !== heading) {
      collector.warn('orphan', `\`${fn.name}\` is under the heading "${heading}", which does not say it is a class; read as a method of \`${owner ?? 'the module'}\`${owner ? ', the class the text around it names' : ''}`, fn.line);
    }
    if (!owner) {
      collector.warn('orphan', `\`${fn.name}\` takes \`self\` but no class is named for it; read as a module-level function`, fn.line);
      collector.addFunction({ ...fn, className: null });
      continue;
    }
    if (fn.origin === 'code' && !known) collector.warn('orphan', `\`${fn.name}\` is written outside a class; read as a method of \`${owner}\`, the class the text around it names`, fn.line);
    collector.addMethod(owner, fn);
    primary ??= owner;
  }
  return primary;
}

function modelsOf(collector: DesignCollector, primary: string | null): DesignModel[] {
  const models: DesignModel[] = [];
  for (const [name, entry] of collector.fields) {
    let cls = collector.classes.get(name);
    if (cls?.role === 'exception' || (name === primary && !entry.kind)) continue;
    const publicMethods = cls ? cls.methods.filter((method) => !method.name.startsWith('_')).length : 0;
    if (!entry.kind && (entry.fields.length === 0 || publicMethods > 3)) continue;
    // Services list their attributes too; a record's own methods only convert it (`to_dict`, `from_row`).
    // A method that takes nothing but the record's own fields (`record_transaction(symbol, quantity, …)` on a
    // Transaction whose attributes are those) only fills the record in: it is a record's method too.
    const fieldNames = new Set(entry.fields.map((field) => field.name));
    const fillsItself = (method: DesignFunction) => method.parameters.length > 0 && method.parameters.every((parameter) => fieldNames.has(parameter.name));
    if (entry.weak && !entry.kind && cls?.methods.some((method) => !method.name.startsWith('_') && !DATA_METHOD.test(method.name) && !fillsItself(method))) continue;
    if (!cls) {
      cls = { name, bases: [], decorators: [], role: 'model', methods: [], description: null, origin: entry.origin, line: entry.line };
      collector.classes.set(name, cls);
    }
    if (name !== primary) cls.role = 'model';
    models.push({ name, kind: entry.kind ?? 'plain', fields: entry.fields, origin: entry.origin, line: cls.line });
  }
  return models;
}

function untypedWarnings(collector: DesignCollector, functions: DesignFunction[]): void {
  for (const fn of functions) {
    const missing = fn.parameters.filter((parameter) => parameter.annotation === null).map((parameter) => `\`${parameter.name}\``);
    const noReturn = fn.returnAnnotation === null && fn.name !== '__init__';
    if (missing.length === 0 && !noReturn) continue;
    const label = fn.className ? `${fn.className}.${fn.name}` : fn.name;
    const parts = [missing.length > 0 ? `no type for ${missing.join(', ')}` : '', noReturn ? 'no return type' : ''].filter(Boolean);
    collector.warn('untyped', `\`${label}${formatSignature(fn)}\` has ${parts.join(' and ')}; the module will be checked against what is given`, fn.line);
  }
}

/** Turns collected items into the final `DesignSpec`: roles, primary class, codes, naming, warnings. */
export function finalizeDesign(collector: DesignCollector, input: FinalizeInput): DesignSpec {
  addDeclaredExceptions(collector);
  markExceptions(collector.classes);
  let primary = choosePrimary(collector);
  primary = placePendingMethods(collector, primary);
  const models = modelsOf(collector, primary);
  const primaryClass = primary ? collector.classes.get(primary) : undefined;
  if (primaryClass && (primaryClass.role === 'other' || primaryClass.role === 'model')) primaryClass.role = 'service';
  const classes = [...collector.classes.values()].sort((a, b) => a.line - b.line);
  const functions = [...collector.functions.values()].sort((a, b) => a.line - b.line);
  const naming = designNaming(input.source, input.sourceName, input.title, primary);
  const layoutStems = new Set([...collector.layoutFiles].map((file) => file.replace(/\.py$/, '')));
  const layoutFiles = [...collector.layoutFiles].filter((file) => file !== naming.deliverable);
  if (layoutFiles.length >= 2) {
    collector.warn('layout', `the design splits the code over ${layoutFiles.join(', ')}; backsmith merges them into one module${naming.deliverable ? `, ${naming.deliverable}` : ''}`, 0);
  }
  for (const entry of input.imports) {
    const top = entry.module.split('.')[0] ?? '';
    if (entry.level > 0 || !top || top === '__future__' || layoutStems.has(top)) continue;
    collector.addDependency({ name: top, specifier: null, origin: 'code-import', line: entry.line });
  }
  const allFunctions = [...classes.filter((cls) => cls.role !== 'exception').flatMap((cls) => cls.methods), ...functions];
  untypedWarnings(collector, allFunctions);
  if (!classes.some((cls) => cls.role !== 'exception' && cls.role !== 'model' && cls.methods.length > 0) && functions.length === 0) {
    collector.warn('no-api', 'no API found: no class with methods and no function in the code blocks or API tables; the design checks can only compare exceptions, models and constants', 0);
  }
  if (!naming.deliverable) collector.warn('naming', 'the deliverable\'s file name could not be worked out: name it `[feature]_[module].py` in the design', 0);
  else if (naming.deliverableOrigin === 'title-words') collector.warn('naming', `the design states no file name; \`${naming.deliverable}\` is ${naming.deliverableSource}: state it (\`# accounts.py\`, \`Module: accounts.py\`) or pass --feature/--module`, 0);
  return {
    sourceName: input.sourceName,
    ...naming,
    primaryClass: primary,
    classes,
    functions,
    exceptions: exceptionsOf(collector, classes),
    models,
    constants: [...collector.constants.values()].sort((a, b) => a.line - b.line),
    dependencies: collector.dependencies,
    standardLibraryOnly: collector.standardLibraryOnly && collector.dependencies.every((dependency) => dependency.origin === 'code-import'),
    messages: collector.messages,
    responseFormat: collector.responseFormat,
    layoutFiles,
    warnings: [...collector.warnings].sort((a, b) => a.line - b.line),
    stats: collector.stats,
  };
}
