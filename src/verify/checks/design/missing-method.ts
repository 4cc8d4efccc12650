import { findClass, findFunction, findMethod } from '../../../conformance/module-lookup.js';
import { defineCheck } from '../../check.js';

/** `design/missing-method`: every method the design gives a class is defined on it. */
export const missingMethod = defineCheck({
  id: 'design/missing-method',
  category: 'design',
  severity: 'error',
  description: 'Every method the design lists for a class must be defined on that class (or inherited from a base class of the module); the Gradio handlers call them by name.',
  fixHint: 'Add the method to the class with the design\'s exact name and signature.',
  requires: ['design'],
  run(context) {
    const reports = [];
    for (const designed of context.design!.classes) {
      const cls = findClass(context.module, designed.name);
      if (!cls) continue; // design/missing-class or design/missing-exception reports the class
      for (const method of designed.methods) {
        if (findMethod(context.module, cls, method.name)) continue;
        // `def __init__(self) -> None` is what every plain class has without writing it (a dataclass
        // instead gets one taking its fields).
        if (method.name === '__init__' && method.parameters.length === 0 && !cls.decorators.some((decorator) => /(^|\.)dataclass\b/.test(decorator))) continue;
        if (cls.attributes.some((attribute) => attribute.name === method.name)) continue; // a field standing in for a property
        const elsewhere = findFunction(context.module, method.name);
        reports.push({
          message: `\`${designed.name}.${method.name}\` (design line ${method.line}) is missing from class \`${designed.name}\`${elsewhere ? `; a module-level function \`${method.name}\` exists (line ${elsewhere.line})` : ''}`,
          line: cls.line,
          symbol: `${designed.name}.${method.name}`,
        });
      }
    }
    return reports;
  },
});
