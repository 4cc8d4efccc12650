import { compareReturn } from '../../../conformance/compare-signature.js';
import { findClass, findFunction, findMethod, signatureOf } from '../../../conformance/module-lookup.js';
import { loadPythonNormalizer } from '../../../python/normalize-annotation.js';
import type { PythonModule } from '../../../python/python-model.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { functionalTypedDicts } from '../contract/support/functional-types.js';

/** A dict with string keys, as a design writes it: `dict[str, Any]`, `Dict[str, Any]`, `dict`, `Mapping[str, Any]`. */
const STRING_KEYED_DICT = /^((typing|collections\.abc)\.)?(dict|Dict|Mapping)(\[\s*str\s*,.*\])?$/s;

/**
 * Whether `annotation` names a TypedDict of the module (a class, or the functional
 * `TypedDict("Response", {...})`) where the design says a string-keyed dict: the same dict at run
 * time, with its keys named (`-> Response` for `-> dict[str, Any]`).
 */
function isTypedDictFor(annotation: string | null, designed: string, module: PythonModule): boolean {
  if (annotation === null || !STRING_KEYED_DICT.test(designed.trim())) return false;
  const name = annotation.trim().replace(/^(['"])(.*)\1$/s, '$2');
  const cls = module.classes.find((candidate) => candidate.name === name);
  return !!cls?.bases.some((base) => base === 'TypedDict' || base.endsWith('.TypedDict')) || functionalTypedDicts(module).has(name);
}

/** `design/return-type-mismatch`: return annotations mean what the design says. */
export const returnTypeMismatch = defineCheck({
  id: 'design/return-type-mismatch',
  category: 'design',
  severity: 'error',
  description: 'Each method and function must declare the return type the design gives (compared by meaning: `Dict[str, Any]` equals `dict[str, Any]`); the UI relies on the response shape.',
  fixHint: 'Annotate the return type exactly as the design does, e.g. `-> dict[str, Any]`.',
  requires: ['design'],
  async run(context) {
    const design = context.design!;
    const normalizer = await loadPythonNormalizer();
    const reports: CheckReport[] = [];
    const pairs = [
      ...design.classes.flatMap((designed) => {
        const cls = findClass(context.module, designed.name);
        return cls ? designed.methods.map((method) => ({ designed: method, actual: findMethod(context.module, cls, method.name), label: `${designed.name}.${method.name}` })) : [];
      }),
      ...design.functions.map((fn) => ({ designed: fn, actual: findFunction(context.module, fn.name), label: fn.name })),
    ];
    for (const { designed, actual, label } of pairs) {
      if (!actual) continue;
      const difference = compareReturn(designed, signatureOf(actual), normalizer, designed.name);
      if (!difference || isTypedDictFor(actual.returnAnnotation, designed.returnAnnotation ?? '', context.module)) continue;
      reports.push({ message: `\`${label}\` ${difference.message} (design line ${designed.line})`, line: actual.line, symbol: label, ...(difference.severity === 'warning' ? { severity: 'warning' as const } : {}) });
    }
    return reports;
  },
});
