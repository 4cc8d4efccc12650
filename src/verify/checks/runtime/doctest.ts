import { defineCheck, type CheckReport } from '../../check.js';
import { clip } from './support/runtime-symbols.js';

/** `runtime/doctest`: the docstring examples must run and print what they claim. */
export const doctestCheck = defineCheck({
  id: 'runtime/doctest',
  category: 'runtime',
  severity: 'warning',
  description: 'Every docstring example (>>> lines) is executed in the sandbox; its output must match what the docstring shows, so the usage examples the brief asks for are true.',
  fixHint: 'Make the example match the code (or fix the code when the example states the intended behaviour).',
  requires: ['runtime'],
  run(context) {
    const probe = context.runtime?.probe;
    if (!probe) return [];
    const moduleName = context.fileName.replace(/\.py$/, '');
    const reports: CheckReport[] = probe.doctests.failures.map((failure) => {
      const symbol = failure.name.startsWith(`${moduleName}.`) ? failure.name.slice(moduleName.length + 1) : '<module>';
      return {
        message: `Docstring example ${clip(failure.source, 100)} gave ${clip(failure.got || '(nothing)', 160)}, expected ${clip(failure.expected || '(nothing)', 160)}`,
        line: failure.line,
        symbol,
      };
    });
    for (const error of probe.doctests.errors) reports.push({ message: `The docstring examples could not be collected: ${clip(error)}`, line: 0 });
    return reports;
  },
});
