import { findClass } from '../../../conformance/module-lookup.js';
import { defineCheck } from '../../check.js';

const simple = (name: string) => name.split('.').pop() ?? name;

/** `design/exception-base-mismatch`: exceptions derive from the base the design gives. */
export const exceptionBaseMismatch = defineCheck({
  id: 'design/exception-base-mismatch',
  category: 'design',
  severity: 'error',
  description: 'Each exception must derive from the base class the design gives, so that `except BaseError` in the module and its callers catches it.',
  fixHint: 'Change the class statement to derive from the design\'s base class.',
  requires: ['design'],
  run(context) {
    const reports = [];
    for (const exception of context.design!.exceptions) {
      const cls = findClass(context.module, exception.name);
      if (!cls || !exception.base) continue;
      if (cls.bases.some((base) => simple(base) === simple(exception.base!))) continue;
      reports.push({
        message: `\`${exception.name}\` derives from ${cls.bases.length > 0 ? `\`${cls.bases.join(', ')}\`` : 'nothing'}; the design derives it from \`${exception.base}\` (design line ${exception.line})`,
        line: cls.line,
        symbol: exception.name,
      });
    }
    return reports;
  },
});
