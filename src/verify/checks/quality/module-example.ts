import { parseDocstringSections } from '../../../python/docstring-sections.js';
import { defineCheck } from '../../check.js';

/**
 * `quality/module-example`: the module docstring shows how to use the module, in an `Example:`,
 * `Examples:` or `Usage:` section or as doctest (`>>>`) lines. A missing module docstring is
 * `quality/missing-docstring`'s finding, not this one's.
 */
export const moduleExample = defineCheck({
  id: 'quality/module-example',
  category: 'quality',
  severity: 'warning',
  description: 'The brief\'s module docstring template ends with a usage example: the module docstring should show how the UI calls the module.',
  fixHint: 'Add an `Example:` section to the module docstring with a few `>>>` lines that create the main class and call one method.',
  run({ module }) {
    const docstring = module.docstring;
    if (!docstring) return [];
    const hasExample = parseDocstringSections(docstring.text).some((section) => section.kind === 'examples')
      || docstring.text.split('\n').some((line) => line.trimStart().startsWith('>>>'));
    return hasExample ? [] : [{ message: 'The module docstring has no usage example (an `Example:` section or `>>>` lines)', line: docstring.line }];
  },
});
