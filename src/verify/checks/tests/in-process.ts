import { defineCheck } from '../../check.js';

/**
 * `tests/in-process`: test files that had to run next to the module (they patch it) give results
 * the module could have forged; a reviewer should know which, and why.
 */
export const inProcess = defineCheck({
  id: 'tests/in-process',
  category: 'tests',
  severity: 'warning',
  description: 'Acceptance tests normally run in a trusted process that reaches the module only through a proxy; a file that patches the module (mock.patch of its names, monkeypatch, attribute assignment, subclassing its classes) runs in the module\'s own process, where the module could forge its results.',
  fixHint: 'Test through the public API instead of patching the module (inject a clock or a store through the constructor), so the file runs through the proxy; otherwise review the module for tampering before trusting these results.',
  requires: ['tests'],
  run(context) {
    const files = context.runtime?.tests?.inProcess ?? [];
    return files.map((entry) => ({
      message: `Tests in ${entry.file} ran in the module's own process, so their results could be forged: ${entry.reason}`,
      line: 0,
      symbol: '<tests>',
    }));
  },
});
