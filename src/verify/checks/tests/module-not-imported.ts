import { defineTestFileCheck } from '../../../test-file/define-test-file-check.js';
import { stdlibStatus } from '../../../python/stdlib-modules.js';

/** `tests/module-not-imported`: a test file that never imports the deliverable tests something else. */
export const moduleNotImported = defineTestFileCheck({
  id: 'tests/module-not-imported',
  severity: 'error',
  description: "An acceptance test file must import the module under test by its module name (the deliverable's file name without .py): a file that imports nothing, or another name, never exercises the module.",
  fixHint: 'Import the module by its file name, e.g. `from clinic_booking_scheduler import ClinicScheduler`, and test the imported names.',
  checkFile(file) {
    const { moduleName } = file;
    const imports = file.module.imports;
    const found = imports.some((entry) => entry.module === moduleName || entry.module.startsWith(`${moduleName}.`) || (entry.level > 0 && entry.names.includes(moduleName)))
      || file.facts.dynamicImports.includes(moduleName);
    if (found) return [];
    const others = [...new Set(imports.filter((entry) => entry.level === 0 && stdlibStatus(entry.module.split('.')[0]!).versions.length === 0).map((entry) => entry.module))];
    const instead = others.length > 0 ? `; it imports ${others.slice(0, 3).map((name) => `\`${name}\``).join(', ')} instead` : '';
    return [{ line: 0, symbol: moduleName, message: `The test file never imports \`${moduleName}\`, the module under test${instead}, so it cannot verify the module` }];
  },
});
