import { defineCheck } from '../../check.js';

/**
 * `tests/in-process`: test files that had to run next to the module (they patch it) give results
 * the module could have forged (replace assertEqual, write "passed" records), so they fail closed.
 */
export const inProcess = defineCheck({
  id: 'tests/in-process',
  category: 'tests',
  severity: 'error',
  description: 'Acceptance tests normally run in a trusted process that reaches the module only through a proxy; a file that patches the module (mock.patch of its names, monkeypatch, attribute assignment, subclassing its classes, dataclasses/inspect/pickle on its objects) runs in the module\'s own process, where the module could forge its results, so a pass there proves nothing and is an error.',
  fixHint: 'Test through the public API instead of patching the module (inject a clock or a store through the constructor, compare fields instead of dataclasses.asdict), so the file runs through the proxy. After reviewing the module for tampering, a reviewer may lower this check\'s severity in the configuration.',
  requires: ['tests'],
  run(context) {
    const files = context.runtime?.tests?.inProcess ?? [];
    return files.map((entry) => ({
      message: `Tests in ${entry.file} ran in the module's own process, so their results could be forged and are not trusted: ${entry.reason}`,
      line: 0,
      symbol: '<tests>',
    }));
  },
});
