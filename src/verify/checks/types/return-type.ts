import { defineCheck } from '../../check.js';
import { typeReports } from './support/type-results.js';

/** `types/return-type`: return values that contradict the return annotation. */
export const returnType = defineCheck({
  id: 'types/return-type',
  category: 'types',
  severity: 'error',
  description: 'pyright (basic mode) finds a return value whose type contradicts the function\'s return annotation: callers relying on the annotation get something else.',
  fixHint: 'Return a value of the annotated type on every path (including the end of the function), or correct the return annotation to what the function really returns (e.g. `X | None`).',
  requires: ['types'],
  run: (context) => typeReports(context, 'types/return-type'),
});
