import { defineCheck } from '../../check.js';
import { typeReports } from './support/type-results.js';

/** `types/undefined-name`: names used but never defined (Ruff's F821 on the same name is merged into it). */
export const undefinedName = defineCheck({
  id: 'types/undefined-name',
  category: 'types',
  severity: 'error',
  description: 'pyright finds a name used but never defined, imported or assigned in reach (a typo, a missing import, a name from another scope): the line raises NameError when it runs. Ruff\'s F821 on the same name is merged into this finding.',
  fixHint: 'Define or import the name before it is used (add the missing standard-library import), or fix the spelling to the name that is actually defined.',
  requires: ['types'],
  run: (context) => typeReports(context, 'types/undefined-name'),
});
