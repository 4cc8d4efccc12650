import { findClass } from '../../../conformance/module-lookup.js';
import { isPublicMethod } from '../../../python/module-roles.js';
import { defineCheck } from '../../check.js';
import { isPropertyAccessor } from '../quality/support/functions.js';

/** `design/extra-public-method`: public methods beyond the design (a warning). */
export const extraPublicMethod = defineCheck({
  id: 'design/extra-public-method',
  category: 'design',
  severity: 'warning',
  description: 'A designed class should expose only the public methods of the design; an extra public method is API nobody asked for (a warning, since it breaks no designed call).',
  fixHint: 'Make the helper private (prefix `_`) or remove it; if the UI needs it, add it to the design first.',
  requires: ['design'],
  run(context) {
    const reports = [];
    for (const designed of context.design!.classes) {
      if (designed.role === 'exception' || designed.methods.length === 0) continue;
      const cls = findClass(context.module, designed.name);
      if (!cls) continue;
      const names = new Set(designed.methods.map((method) => method.name));
      for (const method of cls.methods) {
        // A read-only `@property` (`count`, `is_empty`) is an attribute, not a method the UI calls.
        if (!isPublicMethod(method) || names.has(method.name) || isPropertyAccessor(method)) continue;
        reports.push({ message: `\`${designed.name}.${method.name}\` is public but not in the design`, line: method.line, symbol: `${designed.name}.${method.name}` });
      }
    }
    return reports;
  },
});
