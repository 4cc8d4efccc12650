import { defineCheck } from '../../check.js';

/** `design/missing-constant`: module-level constants of the design exist (a warning). */
export const missingConstant = defineCheck({
  id: 'design/missing-constant',
  category: 'design',
  severity: 'warning',
  description: 'Constants the design names (limits, headers, defaults) should be module-level constants with those names, so the values live in one place and the UI can import them.',
  fixHint: 'Define the constant at module level with the design\'s name and value.',
  requires: ['design'],
  run(context) {
    const defined = new Set(context.module.constants.map((constant) => constant.name));
    return context.design!.constants
      .filter((constant) => !defined.has(constant.name))
      .map((constant) => ({ message: `constant \`${constant.name}\`${constant.value !== null ? ` = ${constant.value}` : ''} (design line ${constant.line}) is not defined at module level`, line: 0, symbol: constant.name }));
  },
});
