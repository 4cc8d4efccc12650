import { defineCheck } from '../../check.js';
import { findFunction } from '../../../conformance/module-lookup.js';

/** `design/missing-function`: every module-level function of the design is defined. */
export const missingFunction = defineCheck({
  id: 'design/missing-function',
  category: 'design',
  severity: 'error',
  description: 'Every module-level function of the design (helpers such as `format_money`) must be defined at module level with its design name; one the design says is provided elsewhere (external, mocked) is not required.',
  fixHint: 'Define the function at module level with the design\'s name and signature.',
  requires: ['design'],
  run(context) {
    return context.design!.functions
      // A function the design says is provided elsewhere may be imported or injected instead.
      .filter((fn) => !fn.external && !findFunction(context.module, fn.name))
      .map((fn) => {
        const asMethod = context.module.classes.find((cls) => cls.methods.some((method) => method.name === fn.name));
        return {
          message: `function \`${fn.name}\` (design line ${fn.line}) is not defined at module level${asMethod ? `; \`${asMethod.name}.${fn.name}\` is a method instead` : ''}`,
          line: 0,
          symbol: fn.name,
        };
      });
  },
});
