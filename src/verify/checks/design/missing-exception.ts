import { findClass } from '../../../conformance/module-lookup.js';
import { defineCheck } from '../../check.js';

/** `design/missing-exception`: every custom exception of the design is defined. */
export const missingException = defineCheck({
  id: 'design/missing-exception',
  category: 'design',
  severity: 'error',
  description: 'Every exception class of the design\'s hierarchy must be defined: the brief demands "robust error handling as defined in the design with specific exception types".',
  fixHint: 'Define the exception class with the design\'s name and base class.',
  requires: ['design'],
  run(context) {
    return context.design!.exceptions
      .filter((exception) => !findClass(context.module, exception.name))
      .map((exception) => ({
        message: `exception \`${exception.name}\`${exception.base ? `(${exception.base})` : ''} (design line ${exception.line}) is not defined${exception.codes.length > 0 ? `; it carries ${exception.codes.slice(0, 4).join(', ')}${exception.codes.length > 4 ? ', …' : ''}` : ''}`,
        line: 0,
        symbol: exception.name,
      }));
  },
});
