import { readTableCallables } from '../../../python/table-callables.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { decoratedCallables } from './support/decorated-callable.js';
import { RaiseAnalysis, type Escape } from './support/raise-analysis.js';
import { entryPoints } from './support/service-methods.js';

function describe(escape: Escape, methods: string[]): string {
  const via = escape.where === methods[0] && methods.length === 1 ? '' : ` in ${escape.where}`;
  if (escape.raised === null) return `bare \`raise\`${via} re-raises the caught exception out of ${methods.join(', ')}`;
  const where = via ? `raised${via}` : 'raised here';
  return `${escape.type ?? escape.raised} (${where}) escapes ${methods.join(', ')} uncaught`;
}

/** `contract/uncaught-raise`: no `raise` may escape a public service method to the UI. */
export const uncaughtRaise = defineCheck({
  id: 'contract/uncaught-raise',
  category: 'contract',
  severity: 'error',
  description: 'A raise in a public service method or response-returning module function (or in a helper or module function it calls, a static or class method of a module class, the `__init__`/`__post_init__` of a module class it constructs, or an entry of a module-level table of lambdas it runs) must be caught by an enclosing try in that method (or in the wrapper of its own decorator, read from the module); otherwise the exception escapes to the Gradio UI instead of a failure response.',
  fixHint: "Catch the module's base exception (and Exception as a last resort) in the public method, or in one guard helper it delegates to, and return {'success': False, 'message': ..., 'data': None}.",
  async run(context) {
    const analysis = new RaiseAnalysis(context.module, await readTableCallables(context.module));
    const grouped = new Map<number, { escape: Escape; methods: string[] }>();
    for (const { method, cls } of entryPoints(context.module)) {
      // A decorated method answers through its decorator's wrapper: what that catches is caught.
      for (const escape of decoratedCallables(method, cls, context.module).flatMap((callable) => analysis.escapesOf(callable))) {
        const entry = grouped.get(escape.line);
        if (entry) {
          if (!entry.methods.includes(method.name)) entry.methods.push(method.name);
        } else grouped.set(escape.line, { escape, methods: [method.name] });
      }
    }
    return [...grouped.values()].map(({ escape, methods }): CheckReport => ({
      line: escape.line,
      symbol: escape.symbol,
      message: `${describe(escape, methods)}: the UI would get a traceback instead of a failure response`,
    }));
  },
});
