import { defineCheck } from '../../check.js';

/** `deps/relative-import`: a single-module deliverable cannot import its siblings. */
export const relativeImport = defineCheck({
  id: 'deps/relative-import',
  category: 'deps',
  severity: 'error',
  description: 'The deliverable is one self-contained module: a relative import (`from . import x`, `from .models import Item`) points at files that do not exist and fails at import time.',
  fixHint: 'Define what the relative import brought in (models, exceptions, helpers) inside the module itself.',
  run(context) {
    return context.module.imports
      .filter((entry) => entry.level > 0)
      .map((entry) => {
        const from = `${'.'.repeat(entry.level)}${entry.module}`;
        return {
          line: entry.line,
          symbol: from,
          message: `\`from ${from} import ${entry.names.join(', ')}\` is a relative import; a single-module deliverable has no package siblings to import from`,
        };
      });
  },
});
