import type { DocstringSection } from '../../../python/docstring-sections.js';
import { docstringSectionsAnyStyle } from './support/docstring-sections-any-style.js';
import type { PythonFunction } from '../../../python/python-model.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { escapingRaises } from './support/escaping-raises.js';
import { everyFunction, explicitParameters, isOverload, isPropertyAccessor, listNames, parameterLabel, type FunctionEntry } from './support/functions.js';

/**
 * Whether a decorator defined in the module wraps the function (`@guarded`): such a wrapper often
 * turns the exceptions into failure responses, and what it catches is not visible from here, so the
 * raises are not the caller's to document.
 */
function wrappedByModuleDecorator(fn: PythonFunction, moduleFunctions: ReadonlySet<string>): boolean {
  return fn.decorators.some((decorator) => moduleFunctions.has(decorator.replace(/\(.*$/s, '').trim()));
}

function isChecked(entry: FunctionEntry): boolean {
  const { fn, cls } = entry;
  if (!fn.docstring || isOverload(fn) || isPropertyAccessor(fn)) return false;
  if (fn.name === '__init__' && cls) return true;
  // Private helpers may keep one-line docstrings; dunders document themselves.
  return !fn.name.startsWith('_') && !cls?.name.startsWith('_');
}

function argumentProblems(entry: FunctionEntry, sections: DocstringSection[]): string[] {
  const parameters = explicitParameters(entry);
  if (parameters.length === 0) return [];
  const argsSections = sections.filter((section) => section.kind === 'args');
  const { fn, cls } = entry;
  if (fn.name === '__init__' && cls?.docstring) {
    // Constructor arguments may be documented on the class, as Args or as the Attributes they become.
    argsSections.push(...docstringSectionsAnyStyle(cls.docstring.text).filter((section) => section.kind === 'args' || section.kind === 'attributes'));
  }
  if (argsSections.length === 0) return [`no Args section (${parameters.length === 1 ? 'parameter' : 'parameters'} ${listNames(parameters.map(parameterLabel))})`];
  const documented = new Set(argsSections.flatMap((section) => section.entries));
  const missing = parameters.filter((parameter) => !documented.has(parameter.name)).map(parameterLabel);
  return missing.length > 0 ? [`Args does not document ${listNames(missing)}`] : [];
}

/**
 * `quality/docstring-sections`: Google sections in the docstrings of public functions and methods
 * (and `__init__`): Args naming every parameter, Returns when a value is returned, Yields for
 * generators, Raises when a `raise` is not caught in the same function. Accepts `Arguments:` /
 * `Parameters:`, `Return:`, NumPy-style underlined headers, reST fields (`:param x:`, `:return:`, `:raises E:`), and constructor arguments documented in
 * the class docstring (Args or Attributes). Private helpers, property accessors and overload stubs are not checked.
 */
export const docstringSections = defineCheck({
  id: 'quality/docstring-sections',
  category: 'quality',
  severity: 'warning',
  description: 'Docstrings of public functions and methods need the Google sections the brief\'s template shows: Args for every parameter, Returns when a value is returned, Raises when an exception leaves the function.',
  fixHint: 'Add the missing section (`Args:`, `Returns:`, `Raises:`) with one indented `name: description` line per entry.',
  run({ module }) {
    const reports: CheckReport[] = [];
    const moduleFunctions = new Set(module.functions.map((fn) => fn.name));
    for (const entry of everyFunction(module)) {
      const { fn, symbol } = entry;
      const docstring = fn.docstring;
      if (!docstring || !isChecked(entry)) continue;
      const sections = docstringSectionsAnyStyle(docstring.text);
      const has = (...kinds: DocstringSection['kind'][]): boolean => sections.some((section) => kinds.includes(section.kind));
      const problems = argumentProblems(entry, sections);
      const isInit = fn.name === '__init__';
      if (fn.body.yields && !has('yields', 'returns')) problems.push('no Yields section');
      else if (!fn.body.yields && !isInit && fn.body.returns.some((fact) => fact.kind !== 'none') && !has('returns', 'yields')) problems.push('no Returns section');
      const escaping = escapingRaises(fn, module).filter((type) => type !== 'NotImplementedError');
      if (escaping.length > 0 && !has('raises') && !wrappedByModuleDecorator(fn, moduleFunctions)) {
        const named = [...new Set(escaping.filter((type): type is string => type !== null))];
        problems.push(`no Raises section (it raises ${named.length > 0 ? listNames(named) : 'an exception'})`);
      }
      if (problems.length > 0) reports.push({ message: `\`${symbol}\` docstring: ${problems.join('; ')}`, line: docstring.line, symbol });
    }
    return reports;
  },
});
