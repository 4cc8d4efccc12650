import { defineCheck } from '../../check.js';
import { typeResults } from './support/type-results.js';

/** `types/not-checked`: pyright crashed or timed out, so the module's types were not checked (never a silent pass). */
export const notChecked = defineCheck({
  id: 'types/not-checked',
  category: 'types',
  severity: 'error',
  description: 'pyright could not type-check the module (it crashed or gave no answer in time): the other types/ checks saw nothing, so the module cannot pass them.',
  fixHint: 'Make the module smaller or simpler (very large or deeply nested code can exhaust the type checker); if it is ordinary code, verify again and report the message as a backsmith bug.',
  requires: ['types'],
  async run(context) {
    if (!context.typeChecker) return [];
    const results = await typeResults(context.typeChecker, context.source, context.path);
    return results.ok ? [] : [{ line: 0, message: `pyright could not type-check this module: ${results.reason.slice(0, 200)}` }];
  },
});
