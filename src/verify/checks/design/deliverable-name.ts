import { defineCheck } from '../../check.js';

/** How a design states the file name firmly enough for a wrong module name to matter. */
const FIRM_ORIGINS = new Set(['title', 'label', 'code-comment', 'prose']);

/** `design/deliverable-name`: the module's file name is the one the design states (a warning). */
export const deliverableName = defineCheck({
  id: 'design/deliverable-name',
  category: 'design',
  severity: 'warning',
  description: 'When the design states the file to deliver (in its title, a "Module:" label, a code block\'s first comment or the text), the module must be saved under that name: the Gradio UI imports it by that name, and the agent brief names it `[feature_name]_[module_name].py`.',
  fixHint: 'Save (or rename) the module under the file name the design states.',
  requires: ['design'],
  run(context) {
    const design = context.design!;
    const stated = design.deliverable;
    if (!stated || !design.deliverableOrigin || !FIRM_ORIGINS.has(design.deliverableOrigin)) return [];
    if (context.fileName === stated) return [];
    const where = design.deliverableSource ? ` (${design.deliverableSource})` : '';
    return [{ message: `the design names the module \`${stated}\`${where}, but this file is \`${context.fileName}\``, line: 0 }];
  },
});
