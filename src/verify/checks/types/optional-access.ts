import { defineCheck } from '../../check.js';
import { typeReports } from './support/type-results.js';

/** `types/optional-access`: Optional values used without a None check. */
export const optionalAccess = defineCheck({
  id: 'types/optional-access',
  category: 'types',
  severity: 'error',
  description: 'pyright finds a value that may be None (an Optional result such as dict.get, re.match or a lookup) used as if it were not: attribute access, indexing, calling or iterating it raises when it is None.',
  fixHint: 'Check the value before use (`if value is None: raise SomeError(...)` or return early), or use a lookup that cannot return None (`mapping[key]` after checking `key in mapping`).',
  requires: ['types'],
  run: (context) => typeReports(context, 'types/optional-access'),
});
