import { readTableCallables } from '../../../python/table-callables.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { decoratedCallables } from './support/decorated-callable.js';
import { entryPoints } from './support/service-methods.js';
import { WorkAnalysis } from './support/work-analysis.js';

/** `contract/unguarded-call`: a public service method that does real work must guard it with try/except. */
export const unguardedCall = defineCheck({
  id: 'contract/unguarded-call',
  category: 'contract',
  severity: 'warning',
  description: 'A public service method (or response-returning module function) that makes calls which can raise (parsing, I/O, library calls, helpers that raise) must run them inside try/except, delegate to a guard helper that catches Exception, or be wrapped by a decorator of the module whose wrapper catches Exception around the call, so that no exception reaches the UI.',
  fixHint: "Wrap the method's work in try/except (the module's base exception, then Exception) returning a failure response, or route it through one guard helper such as `self._run(lambda: ...)`.",
  async run(context) {
    const analysis = new WorkAnalysis(context.module, await readTableCallables(context.module));
    const reports: CheckReport[] = [];
    for (const { method, symbol, cls } of entryPoints(context.module)) {
      // A decorated method runs inside its decorator's wrapper: one that catches everything guards it.
      const calls = decoratedCallables(method, cls, context.module).flatMap((callable) => analysis.unguardedCalls(callable));
      const first = calls[0];
      if (!first) continue;
      const others = new Set(calls.slice(1).map((call) => call.callee));
      others.delete(first.callee);
      const more = others.size > 0 ? ` (and ${[...others].slice(0, 3).join(', ')}${others.size > 3 ? ', ...' : ''})` : '';
      reports.push({
        line: first.line,
        symbol,
        message: `${method.name} calls ${first.callee}${more} with no try/except around it and no guard helper: an exception there reaches the UI`,
      });
    }
    return reports;
  },
});
