import { defineCheck } from '../../check.js';
import type { BlockedAction } from '../../../sandbox/runtime-types.js';
import { clip, findingLine } from '../runtime/support/runtime-symbols.js';

const WHAT: Record<BlockedAction['kind'], string> = {
  network: 'use the network',
  process: 'start or signal a process',
  filesystem: 'write outside its working directory',
  planted: 'write a file that Python or the test runner could load as code or configuration',
  peek: 'read the acceptance tests (a module that reads them can answer what they expect)',
  report: 'keep the sandbox from reporting an action it blocked',
  native: 'load native code that walks past the sandbox\'s audit hook (ctypes, cffi or a subinterpreter: libc calls and raw memory no hook sees)',
  'native-package': 'let a third-party package load native code (refused; a package such as numpy tries ctypes at import, and only the stack, which the module could forge, says a package asked)',
  hook: 'interfere with the sandbox\'s audit hook (a trace function runs inside it and could skip its decision; an exception raised into it stops its decision)',
};

/** `safety/network-or-fs`: the module must not reach the network, spawn processes or write elsewhere. */
export const networkOrFs = defineCheck({
  id: 'safety/network-or-fs',
  category: 'safety',
  severity: 'error',
  description: 'While the module runs in the sandbox, attempts to open sockets, start or signal processes, write files outside its working directory, write Python code or test configuration (.py, .pth, conftest.py, pytest.ini) anywhere, or read the acceptance tests are blocked by audit hooks and reported with the method that tried: a self-contained backend module needs none of them.',
  fixHint: 'Keep state in memory (or in the storage the design specifies); remove network calls, subprocesses, writes to fixed paths, any file written with a Python or test-configuration name, and any reading of the test files.',
  requires: ['runtime'],
  run(context) {
    const runtime = context.runtime;
    if (!runtime) return [];
    // In the test run, only what the module's own code tried counts (not the tests themselves).
    const actions = [...(runtime.probe?.blocked ?? []), ...(runtime.tests?.blocked ?? []).filter((action) => action.inModule)];
    const seen = new Set<string>();
    return actions.flatMap((action) => {
      const key = `${action.kind}\u0000${action.symbol}\u0000${action.auditEvent}`;
      if (seen.has(key)) return [];
      seen.add(key);
      const who = action.symbol === '<import>' ? 'The module, while importing,' : action.symbol.startsWith('test ') ? `During ${action.symbol}, the module` : action.symbol;
      const via = action.function && action.function !== action.symbol ? ` (in ${action.function})` : '';
      return [{
        // auditEvent 'write': found in its folder after the run (written where the hook could not see).
        message: `${who} tried to ${WHAT[action.kind] ?? action.kind}${via}: ${clip(action.detail, 160)} (${action.auditEvent === 'write' ? 'found after the run' : 'blocked'})`,
        line: findingLine(context.module, action.line, action.symbol),
        symbol: action.symbol,
        // Refused all the same; a package's own try-import of ctypes is no reason to fail the module.
        ...(action.kind === 'native-package' ? { severity: 'warning' as const } : {}),
      }];
    });
  },
});
