import { defineCheck } from '../../check.js';
import { typeReports } from './support/type-results.js';

/** `types/argument-type`: calls whose arguments contradict the callee's annotations. */
export const argumentType = defineCheck({
  id: 'types/argument-type',
  category: 'types',
  severity: 'error',
  description: 'pyright (basic mode) finds a call whose arguments do not fit the called function\'s annotated parameters (wrong type, missing or extra argument): the call fails or misbehaves when it runs.',
  fixHint: 'Pass a value of the parameter\'s annotated type (convert it, check it for None first, or fix the argument order), or correct the parameter\'s annotation if the function really accepts this type.',
  requires: ['types'],
  run: (context) => typeReports(context, 'types/argument-type'),
});
