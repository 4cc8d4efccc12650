import { defineCheck } from '../../check.js';
import { typeReports } from './support/type-results.js';

/** `types/attribute-access`: attributes the object's type does not have, including fields shadowed by methods. */
export const attributeAccess = defineCheck({
  id: 'types/attribute-access',
  category: 'types',
  severity: 'error',
  description: 'pyright finds an attribute that the object\'s type does not have (a misspelt field, a method called on the wrong type, a field shadowed by a method of the same name): the line raises AttributeError or uses the wrong thing.',
  fixHint: 'Use an attribute the type really defines (check the class), or define it in __init__ with an annotation; when a field and a method share a name, rename one of them.',
  requires: ['types'],
  run: (context) => typeReports(context, 'types/attribute-access'),
});
