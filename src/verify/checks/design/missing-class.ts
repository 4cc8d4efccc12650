import { findClass, findFunction } from '../../../conformance/module-lookup.js';
import { defineCheck } from '../../check.js';

/** `design/missing-class`: every class of the design (services, models, helpers) is defined. */
export const missingClass = defineCheck({
  id: 'design/missing-class',
  category: 'design',
  severity: 'error',
  description: 'Every class the technical design specifies (service, data model or helper) must be defined in the module: the brief says "implement all classes ... as specified in the design".',
  fixHint: 'Define the class with the name, bases and methods the design gives.',
  requires: ['design'],
  run(context) {
    const design = context.design!;
    return design.classes
      .filter((cls) => cls.role !== 'exception' && !findClass(context.module, cls.name))
      .map((cls) => {
        const asFunction = findFunction(context.module, cls.name);
        const what = cls.role === 'model' ? 'data model' : cls.name === design.primaryClass ? 'primary class' : 'class';
        return {
          message: `${what} \`${cls.name}\` (design line ${cls.line}) is not defined${asFunction ? `; a function of that name is (line ${asFunction.line})` : ''}`,
          line: 0,
          symbol: cls.name,
        };
      });
  },
});
