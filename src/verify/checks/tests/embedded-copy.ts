import { defineTestFileCheck } from '../../../test-file/define-test-file-check.js';

/** `tests/embedded-copy`: a test file that defines its own copy of the module's classes or functions tests that copy. */
export const embeddedCopy = defineTestFileCheck({
  id: 'tests/embedded-copy',
  severity: 'error',
  description: "An acceptance test file must not define its own class or function under a name of the module's API (from the design or the module): its tests then exercise that copy, and pass or fail whatever the module does.",
  fixHint: 'Delete the copied class or function from the test file and import it from the module under test instead; name test doubles differently (FakeClock, not the designed class name).',
  checkFile(file) {
    const { api, moduleName } = file;
    const wraps = (bases: string[], name: string) => bases.some((base) => base === `${moduleName}.${name}` || base.endsWith(`.${name}`));
    const copies = [
      ...file.module.classes.filter((cls) => api.classes.has(cls.name) && !wraps(cls.bases, cls.name)).map((cls) => ({ name: cls.name, line: cls.line, kind: 'class' })),
      ...file.module.functions.filter((fn) => api.functions.has(fn.name) && !api.external.has(fn.name) && !fn.name.startsWith('test')).map((fn) => ({ name: fn.name, line: fn.line, kind: 'function' })),
    ];
    return copies.map((copy) => ({
      line: copy.line,
      symbol: copy.name,
      message: `The test file defines its own ${copy.kind} \`${copy.name}\`, a name of ${moduleName}'s API: its tests exercise this copy, not the module, so it cannot verify the module`,
    }));
  },
});
