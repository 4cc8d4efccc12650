import { compareReturn } from '../../../conformance/compare-signature.js';
import { findClass, findFunction, findMethod, signatureOf } from '../../../conformance/module-lookup.js';
import { loadPythonNormalizer } from '../../../python/normalize-annotation.js';
import { defineCheck, type CheckReport } from '../../check.js';

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
      if (!difference) continue;
      reports.push({ message: `\`${label}\` ${difference.message} (design line ${designed.line})`, line: actual.line, symbol: label, ...(difference.severity === 'warning' ? { severity: 'warning' as const } : {}) });
    }
    return reports;
  },
});
