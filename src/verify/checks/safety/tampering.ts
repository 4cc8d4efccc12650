import { canonicalName, importBindings } from '../../../python/import-bindings.js';
import type { PythonFunction, PythonModule, ReferenceFact } from '../../../python/python-model.js';
import { defineCheck } from '../../check.js';
import { ReachReports } from './support/reach-reports.js';

/** Modules whose only use in a backend module is reaching past Python into the process. */
const FORBIDDEN_MODULES = ['ctypes', '_ctypes', 'cffi', '_posixsubprocess', '_testcapi', '_xxsubinterpreters'];

/** Calls (canonical names) and what they reach for. */
const FORBIDDEN_CALLS: Record<string, string> = {
  'sys._getframe': 'the interpreter stack (sys._getframe)', 'sys._current_frames': 'the interpreter stack (sys._current_frames)',
  'inspect.stack': 'the interpreter stack (inspect.stack)', 'inspect.currentframe': 'the interpreter stack (inspect.currentframe)',
  'inspect.getouterframes': 'the interpreter stack (inspect.getouterframes)', 'inspect.getinnerframes': 'the interpreter stack (inspect.getinnerframes)',
  'inspect.trace': 'the interpreter stack (inspect.trace)', 'traceback.walk_stack': 'the interpreter stack (traceback.walk_stack)',
  'gc.get_objects': "the collector's objects (gc.get_objects)", 'gc.get_referrers': "the collector's objects (gc.get_referrers)",
  'gc.get_referents': "the collector's objects (gc.get_referents)",
  'os._exit': 'an immediate process exit (os._exit)', 'os.write': 'a raw file descriptor (os.write)', 'os.writev': 'a raw file descriptor (os.writev)',
  'os.dup': 'a raw file descriptor (os.dup)', 'os.dup2': 'a raw file descriptor (os.dup2)', 'os.fdopen': 'a raw file descriptor (os.fdopen)',
  'os.pwrite': 'a raw file descriptor (os.pwrite)', 'os.closerange': 'raw file descriptors (os.closerange)', 'os.kill': 'another process (os.kill)',
  'sys.settrace': 'the tracing hooks (sys.settrace)', 'sys.setprofile': 'the profiling hooks (sys.setprofile)',
  'threading.settrace': 'the tracing hooks (threading.settrace)', 'threading.setprofile': 'the profiling hooks (threading.setprofile)',
  'sys.addaudithook': 'the audit hooks (sys.addaudithook)',
  'exec': 'dynamic code execution (exec)', 'eval': 'dynamic code execution (eval)', 'compile': 'dynamic code compilation (compile)',
  'builtins.exec': 'dynamic code execution (exec)', 'builtins.eval': 'dynamic code execution (eval)', 'builtins.compile': 'dynamic code compilation (compile)',
};
/** Calls that are harmless with a literal name and reach anywhere with a computed one (index of the name). */
const COMPUTED_NAME_CALLS: Record<string, number> = {
  __import__: 0, 'importlib.import_module': 0, 'importlib.__import__': 0, getattr: 1, 'builtins.getattr': 1,
  'operator.attrgetter': 0, 'operator.methodcaller': 0, 'object.__getattribute__': 1, 'type.__getattribute__': 1,
};
/** Modules a backend never needs to import through a call (`__import__("gc")` hides what it then calls). */
const DYNAMIC_IMPORT_REACH = ['gc', 'sys', 'os', 'builtins', 'unittest', 'pytest', '_pytest', 'inspect', 'traceback', 'faulthandler', 'signal', 'doctest', 'importlib'];
/** Builtins that, bound to another name, hide every later call from this check. */
const ALIASED_BUILTINS = new Set(['getattr', 'setattr', 'delattr', 'vars', 'exec', 'eval', 'compile']);

/** What `getattr(target, "literal")` reaches for: the same as writing `target.literal`. */
function literalGetattr(reference: ReferenceFact, bindings: ReadonlyMap<string, string>): string | null {
  const [target, attribute] = reference.arguments ?? [];
  if (!target || attribute?.literal == null) return null;
  const name = `${canonicalName(target.text, bindings)}.${attribute.literal}`;
  const what = FORBIDDEN_CALLS[name] ?? (ESCAPE_ATTRIBUTES.has(attribute.literal) ? `interpreter internals (.${attribute.literal})` : null)
    ?? (isUnder(name, ['sys.modules']) ? 'the loaded modules (sys.modules), where the test harness lives' : null);
  return what ? `${what} through \`getattr(…, "${attribute.literal}")\`` : null;
}
/** Modules whose attributes a module must not replace: the test machinery and the interpreter. */
const PATCHED_MODULES = ['unittest', 'builtins', '__builtins__', 'sys', 'os', 'io', 'pytest', '_pytest', 'doctest', 'faulthandler', 'signal'];
/** Attributes that lead from any object to frames, globals or every class in the process. */
const ESCAPE_ATTRIBUTES = new Set([
  'f_back', 'f_locals', 'f_globals', 'f_builtins', 'f_trace', 'tb_frame', 'gi_frame', 'cr_frame', 'ag_frame',
  '__globals__', '__subclasses__', '__builtins__', '__code__',
]);

function isUnder(name: string, roots: readonly string[]): string | undefined {
  // Called several times for every reference of a module: no string built per root.
  for (const root of roots) if (name.startsWith(root) && (name.length === root.length || name.charCodeAt(root.length) === DOT)) return root;
  return undefined;
}

const DOT = 46;

/** The innermost function or method of the module whose lines hold `line`. */
function enclosingFunction(module: PythonModule, line: number): PythonFunction | null {
  let found: PythonFunction | null = null;
  const consider = (fn: PythonFunction) => {
    if (fn.line <= line && line <= fn.endLine && (!found || fn.line >= found.line)) found = fn;
  };
  for (const fn of module.functions) consider(fn);
  for (const cls of module.classes) for (const method of cls.methods) consider(method);
  return found;
}

/**
 * Whether a computed attribute name is a declared one: the field names of `dataclasses.fields(...)`
 * (`getattr(self, f.name) for f in fields(self)`), the object's own `__slots__`, or the keywords of the function's own
 * `**changes` (`for key, value in changes.items(): setattr(ticket, key, value)`), on an object
 * that is not an imported module. Such names come from declarations and callers, not from text the
 * module assembles; a loop name rebound inside the function is not trusted.
 */
function isDeclaredName(reference: ReferenceFact, nameIndex: number, module: PythonModule, bindings: ReadonlyMap<string, string>): boolean {
  const target = reference.arguments?.[0];
  const argument = reference.arguments?.[nameIndex];
  const loop = argument?.loop;
  if (!target || !argument || !loop || nameIndex !== 1) return false;
  if (bindings.has(target.text.split('.')[0]!) || target.text.startsWith('__')) return false;
  const variable = argument.text.split('.')[0]!;
  const owner = enclosingFunction(module, reference.line);
  if (!owner || owner.body.localAssignments.some((binding) => binding.name === variable)) return false;
  const callee = loop.iterable.includes('(') ? loop.iterable.slice(0, loop.iterable.indexOf('(')) : null;
  if (callee !== null && canonicalName(callee, bindings) === 'dataclasses.fields') return argument.text === `${variable}.name` && loop.position === null;
  if (argument.text !== variable) return false;
  // `getattr(self, name) for name in self.__slots__`: the names the class declares.
  if (loop.position === null && (loop.iterable === `${target.text}.__slots__` || loop.iterable === `type(${target.text}).__slots__`)) return true;
  const keywords = owner.parameters.find((parameter) => parameter.kind === 'var-keyword')?.name;
  if (!keywords) return false;
  if (loop.iterable === keywords || loop.iterable === `${keywords}.keys()`) return loop.position === null;
  return loop.iterable === `${keywords}.items()` && loop.position === 0;
}

/** What a reference reaches for, or null when it is ordinary. */
function reachesFor(reference: ReferenceFact, bindings: ReadonlyMap<string, string>, source: PythonModule): string | null {
  const name = reference.name === null ? null : canonicalName(reference.name, bindings);
  if (reference.kind === 'call' && name !== null) {
    const forbidden = FORBIDDEN_CALLS[name];
    if (forbidden) return forbidden;
    const module = isUnder(name, FORBIDDEN_MODULES);
    if (module) return `native code and raw memory (${name})`;
    const nameIndex = COMPUTED_NAME_CALLS[name];
    if (nameIndex !== undefined) {
      const argument = reference.arguments?.[nameIndex];
      if (argument && argument.literal === null) return isDeclaredName(reference, nameIndex, source, bindings) ? null : `a name computed at runtime (\`${name}(…${argument.text}…)\`)`;
      if (name.endsWith('getattr')) return literalGetattr(reference, bindings);
      const imported = argument?.literal && nameIndex === 0 && !name.startsWith('operator.') ? isUnder(argument.literal, [...DYNAMIC_IMPORT_REACH, ...FORBIDDEN_MODULES]) : undefined;
      if (imported) return `the ${imported} module, imported through a call (\`${name}("${argument?.literal}")\`)`;
    }
    if (name === 'vars' && reference.arguments?.[0]) {
      const target = isUnder(canonicalName(reference.arguments[0].text, bindings), [...PATCHED_MODULES, 'gc']);
      if (target) return `the namespace of the ${target} module (\`vars(${reference.arguments[0].text})\`)`;
    }
    if ((name === 'setattr' || name === 'delattr' || name === 'builtins.setattr') && reference.arguments?.[0]) {
      const target = canonicalName(reference.arguments[0].text, bindings);
      const patched = isUnder(target, PATCHED_MODULES);
      if (patched) return `the ${patched} module, replacing its attributes (\`${name}(${target}, …)\`)`;
      if (reference.arguments[1]?.literal === null && !isDeclaredName(reference, 1, source, bindings)) return `a name computed at runtime (\`${name}(…, ${reference.arguments[1].text})\`)`;
    }
    return null;
  }
  if (reference.kind === 'name') {
    if (reference.name === '__builtins__') return 'the builtins namespace (__builtins__)';
    if (reference.name !== null && ALIASED_BUILTINS.has(reference.name)) return `the builtin ${reference.name} as a value (an alias hides what it is later called with)`;
    return null;
  }
  // Every escape attribute has an underscore: most names need no split.
  const escape = reference.name === null ? reference.attribute : reference.name.includes('_') ? reference.name.split('.').find((part) => ESCAPE_ATTRIBUTES.has(part)) : undefined;
  if (escape && ESCAPE_ATTRIBUTES.has(escape)) return `interpreter internals (.${escape})`;
  if (name === null) return null;
  if (isUnder(name, ['sys.modules'])) return 'the loaded modules (sys.modules), where the test harness lives';
  if (name.endsWith('.__dict__')) {
    const owner = isUnder(name.slice(0, -'.__dict__'.length), [...PATCHED_MODULES, 'gc']);
    if (owner) return `the namespace of the ${owner} module (\`${name}\`)`;
  }
  const module = isUnder(name, FORBIDDEN_MODULES);
  if (module) return `native code and raw memory (${name})`;
  if (reference.assigned) {
    const patched = isUnder(name, PATCHED_MODULES);
    if (patched && name !== patched) return `the ${patched} module, replacing \`${name}\``;
  }
  return null;
}

/** `safety/tampering`: no reaching into the test machinery, the interpreter or the host process. */
export const tampering = defineCheck({
  id: 'safety/tampering',
  category: 'safety',
  severity: 'error',
  description: 'The module must not reach into the test machinery or the host: sys.modules, stack frames (sys._getframe, inspect.stack, f_back/f_locals), gc object walks, raw descriptors (os.write, os.dup2, os.fdopen), os._exit, replacing unittest/builtins/sys attributes, ctypes/cffi/_posixsubprocess, __import__/import_module/getattr with computed names, exec/eval/compile, or trace, profile and audit hooks. A backend module needs none of them, and each can forge or hide test results.',
  fixHint: 'Remove the code that reaches for the interpreter or test machinery: import modules by name at the top, call functions directly, return values instead of writing to descriptors, and raise exceptions instead of exiting.',
  run(context) {
    const { module } = context;
    const bindings = importBindings(module);
    const reach = new ReachReports(module);
    for (const entry of module.imports) {
      const imported = entry.isFrom ? entry.names.map((name) => `${entry.module}.${name}`) : [entry.module];
      for (const name of imported) {
        const module = isUnder(name, FORBIDDEN_MODULES) ?? (entry.isFrom && (FORBIDDEN_CALLS[name] || isUnder(name, ['sys.modules'])) ? name : undefined);
        if (module) reach.add(entry.line, entry.isFrom ? `${FORBIDDEN_CALLS[name] ?? name} (imports ${name})` : `native code and raw memory (imports ${name})`);
      }
    }
    // A module's own `compile` or `getattr` is not the builtin.
    const own = new Set([...module.functions.map((fn) => fn.name), ...module.classes.map((cls) => cls.name), ...module.constants.map((constant) => constant.name)]);
    for (const reference of module.references ?? []) {
      if (reference.kind !== 'attribute' && reference.name !== null && own.has(reference.name)) continue;
      const what = reachesFor(reference, bindings, module);
      if (what) reach.add(reference.line, what);
    }
    return reach.sorted();
  },
});
