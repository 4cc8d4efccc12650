import { classFieldNames, findClass } from '../../../conformance/module-lookup.js';
import { defineCheck } from '../../check.js';

/** `design/missing-model-field`: data models have every field of the design. */
export const missingModelField = defineCheck({
  id: 'design/missing-model-field',
  category: 'design',
  severity: 'error',
  description: 'Every field of a designed data model (dataclass, Pydantic model, typed dict, enum member) must exist on the model: the UI and `to_dict()` read them.',
  fixHint: 'Add the field to the model with the design\'s name and type.',
  requires: ['design'],
  run(context) {
    const reports = [];
    for (const model of context.design!.models) {
      const cls = findClass(context.module, model.name);
      if (!cls) continue; // design/missing-class reports it
      const names = classFieldNames(context.module, cls);
      for (const field of model.fields) {
        if (names.has(field.name)) continue;
        reports.push({ message: `\`${model.name}\` has no field \`${field.name}\`${field.annotation ? `: ${field.annotation}` : ''} (design line ${field.line})`, line: cls.line, symbol: `${model.name}.${field.name}` });
      }
    }
    return reports;
  },
});
