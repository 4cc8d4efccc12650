import { exceptionClasses } from '../../../python/module-roles.js';
import type { PythonModule } from '../../../python/python-model.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { everyFunction, explicitParameters, isAbstract, isOverload, isProtocolClass, type FunctionEntry } from './support/functions.js';

/** Markers of unfinished work, in upper case as tools write them. */
const MARKER = /\b(TODO|FIXME|XXX)\b/;
/** The same markers in lower or mixed case, only at the start of a comment (`# todo: ...`). */
const LEADING_MARKER = /^#+\s*(todo|fixme)\b\s*[:(\-]/i;
/** Comments that stand in for code an assistant left out. */
const ELIDED_CODE = [
  /\brest of (the )?(code|implementation|methods?|functions?|class|module|file|logic)\b/i,
  /\b(implementation|code|logic) (goes|would go) here\b/i,
  /\byour (code|implementation|logic)( goes)? here\b/i,
  /\b(add|insert|put|write|implement) (your |the |more |additional )?(code|implementation|logic) here\b/i,
  /\bimplement (this|me|later)\b/i,
  /\b(to be|not yet) implemented\b/i,
  /\b(omitted|elided|truncated|skipped) for brevity\b/i,
  /\bexisting (code|implementation|methods?|logic) (unchanged|remains|here|omitted|as before)\b/i,
  /\bremaining (code|methods|functions|implementation)\b/i,
  /^#+\s*(\.\.\.|…)\s*$/,
];

function placeholderComment(text: string): string | null {
  const marker = MARKER.exec(text) ?? LEADING_MARKER.exec(text);
  if (marker?.[1]) return `${marker[1].toUpperCase()} comment`;
  return ELIDED_CODE.some((pattern) => pattern.test(text)) ? 'comment standing in for code' : null;
}

/** Why a function's stub body is legitimate, or null when a stub there is a placeholder. */
function stubAllowed(entry: FunctionEntry): boolean {
  return isAbstract(entry.fn) || isOverload(entry.fn) || isProtocolClass(entry.cls);
}

/**
 * `def __init__(self): """Nothing to set up: state is module-wide."""` — a constructor that takes
 * nothing and says so in its docstring does nothing on purpose; with `pass` or `...` it stays a stub.
 */
function isDocumentedEmptyConstructor(entry: FunctionEntry, module: PythonModule): boolean {
  return entry.fn.name === '__init__' && entry.cls !== null && explicitParameters(entry).length === 0
    && entry.fn.docstring !== null && bodyWording(entry, module) === 'a docstring';
}

function bodyWording(entry: FunctionEntry, module: PythonModule): string {
  const kinds = new Set(module.placeholderStatements.filter((statement) => statement.owner === entry.symbol && statement.inOwnerBody).map((statement) => statement.kind));
  if (kinds.has('ellipsis')) return '`...`';
  if (kinds.has('pass')) return '`pass`';
  return 'a docstring';
}

function functionReports(module: PythonModule): CheckReport[] {
  const reports: CheckReport[] = [];
  for (const entry of everyFunction(module)) {
    const { fn, symbol } = entry;
    if (stubAllowed(entry)) continue;
    if (fn.body.isPlaceholder && !isDocumentedEmptyConstructor(entry, module)) {
      reports.push({ message: `\`${symbol}\` has a placeholder body (only ${bodyWording(entry, module)})`, line: fn.line, symbol });
    } else {
      for (const statement of module.placeholderStatements) {
        if (statement.owner === symbol && statement.kind === 'ellipsis') {
          reports.push({ message: `\`...\` stands in for code in \`${symbol}\``, line: statement.line, symbol });
        }
      }
    }
    for (const raise of fn.body.raises) {
      if (raise.exception === 'NotImplementedError' || raise.exception === 'builtins.NotImplementedError') {
        reports.push({ message: `\`${symbol}\` raises NotImplementedError instead of doing its work`, line: raise.line, symbol, hint: 'Implement the method, or mark it `@abstractmethod` in an abstract base class.' });
      }
    }
  }
  return reports;
}

function classReports(module: PythonModule): CheckReport[] {
  const exceptions = new Set(exceptionClasses(module).map((cls) => cls.name));
  return module.classes
    .filter((cls) => !exceptions.has(cls.name) && !isProtocolClass(cls))
    .filter((cls) => module.placeholderStatements.some((statement) => statement.owner === cls.name && statement.inOwnerBody && statement.ownerBodyIsPlaceholder))
    .map((cls) => ({ message: `Class \`${cls.name}\` has a placeholder body (only \`pass\` or \`...\`)`, line: cls.line, symbol: cls.name }));
}

/**
 * `quality/placeholder`: unfinished code — TODO/FIXME/XXX markers (in comments and docstrings),
 * comments standing in for code ("rest of the code", "your code here"), `pass`/`...`/docstring-only
 * bodies, `...` statements inside bodies, `raise NotImplementedError`, pass-only classes. Abstract
 * methods, `@overload` stubs, Protocol members and exception classes with an empty body are fine.
 */
export const placeholder = defineCheck({
  id: 'quality/placeholder',
  category: 'quality',
  severity: 'error',
  description: 'The brief demands production-ready code with no placeholders or TODOs: no TODO/FIXME comments, no pass- or ...-only bodies, no `raise NotImplementedError`, no "rest of the code" comments.',
  fixHint: 'Write the missing implementation and delete the marker; if a method is meant to be overridden, make it an @abstractmethod of an ABC.',
  run({ module }) {
    const reports: CheckReport[] = [];
    for (const comment of module.comments) {
      const kind = placeholderComment(comment.text);
      if (kind) reports.push({ message: `Placeholder ${kind}: ${JSON.stringify(comment.text.trim())}`, line: comment.line, column: comment.column });
    }
    for (const string of module.strings) {
      const marker = string.isDocstring ? MARKER.exec(string.text) : null;
      if (marker?.[1]) reports.push({ message: `${marker[1]} marker in a docstring`, line: string.line });
    }
    reports.push(...functionReports(module), ...classReports(module));
    return reports.sort((a, b) => a.line - b.line);
  },
});
