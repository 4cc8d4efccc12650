import { docstringSectionsAnyStyle } from './support/docstring-sections-any-style.js';
import type { PythonClass } from '../../../python/python-model.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { everyFunction, explicitParameters, hasDecorator, isOverload, type FunctionEntry } from './support/functions.js';

/** Whether the class docstring documents every given parameter in its Args or Attributes section. */
function classDocumentsParameters(cls: PythonClass, names: string[]): boolean {
  if (!cls.docstring) return false;
  const documented = new Set(docstringSectionsAnyStyle(cls.docstring.text)
    .filter((section) => section.kind === 'args' || section.kind === 'attributes')
    .flatMap((section) => section.entries));
  return names.every((name) => documented.has(name));
}

/** Why a function needs a docstring (a phrase for the message), or null when it is exempt. */
function requirement(entry: FunctionEntry): string | null {
  const { fn, cls, symbol } = entry;
  if (fn.name === '__init__' && cls) {
    // Google style lets the class docstring document the constructor (the brief's exception template
    // lists `message` and `code` under Attributes); only parameters documented nowhere need one.
    const names = explicitParameters(entry).map((parameter) => parameter.name);
    if (names.length === 0 || classDocumentsParameters(cls, names)) return null;
    return `\`${symbol}\` takes parameters but has no docstring (and the class docstring does not document them)`;
  }
  if (fn.name.startsWith('_') || cls?.name.startsWith('_')) return null;
  // Overload stubs and property setters/deleters share the docstring of their implementation/getter.
  if (isOverload(fn) || hasDecorator(fn, 'setter', 'deleter')) return null;
  return cls ? `Public method \`${symbol}\` has no docstring` : `Public function \`${symbol}\` has no docstring`;
}

/**
 * `quality/missing-docstring`: the module, every class, and every public function and method need a
 * docstring. Private names (`_helper`), methods of private classes and dunder methods are exempt,
 * except `__init__` when it takes parameters beyond `self` that the class docstring does not
 * document (in its Args or Attributes section).
 */
export const missingDocstring = defineCheck({
  id: 'quality/missing-docstring',
  category: 'quality',
  severity: 'error',
  description: 'The brief requires docstrings for the module, every class and every public method and function (and for `__init__` when it takes parameters the class docstring does not document).',
  fixHint: 'Add a Google-style docstring: a one-line summary, then Args, Returns and Raises sections as they apply.',
  run({ module }) {
    const reports: CheckReport[] = [];
    if (!module.docstring) reports.push({ message: 'The module has no docstring', line: module.firstStatementLine ?? 1, hint: 'Start the file with a module docstring: purpose, classes, a usage example.' });
    for (const cls of module.classes) {
      if (!cls.docstring) reports.push({ message: `Class \`${cls.name}\` has no docstring`, line: cls.line, symbol: cls.name });
    }
    for (const entry of everyFunction(module)) {
      if (entry.fn.docstring) continue;
      const message = requirement(entry);
      if (message) reports.push({ message, line: entry.fn.line, symbol: entry.symbol });
    }
    return reports.sort((a, b) => a.line - b.line);
  },
});
