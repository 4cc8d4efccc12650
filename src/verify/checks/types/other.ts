import { defineCheck } from '../../check.js';
import { typeReports } from './support/type-results.js';

/** `types/other`: every other pyright error (operators, assignments, indexing, unbound names, redeclarations). */
export const other = defineCheck({
  id: 'types/other',
  category: 'types',
  severity: 'error',
  description: 'pyright (basic mode) finds another type error: an operator on the wrong types, a wrong-typed assignment, an index the type does not support, a possibly unbound variable, a redeclared name: code that cannot work as annotated.',
  fixHint: 'Read pyright\'s message (its rule is named at the end) and make the code agree with its annotations: convert the value, narrow its type with a check, or correct the annotation.',
  requires: ['types'],
  run: (context) => typeReports(context, 'types/other'),
});
