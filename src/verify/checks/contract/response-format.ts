import { functionCallable } from '../../../python/callables.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { ResponseAnalysis } from './support/response-analysis.js';
import { serviceMethods } from './support/service-methods.js';

/** `contract/response-format`: every public service method answers with `{success, message, data}` on every path. */
export const responseFormat = defineCheck({
  id: 'contract/response-format',
  category: 'contract',
  severity: 'error',
  description: "Every public method of a service class must return the structured response - a dict with exactly 'success' (bool), 'message' (str) and 'data' - on every return path, directly or through a helper that builds it.",
  fixHint: "Return {'success': bool, 'message': str, 'data': ...} on every path (e.g. through one helper that builds it); put extra fields inside 'data'.",
  run(context) {
    const analysis = new ResponseAnalysis(context.module);
    const grouped = new Map<string, { report: CheckReport; reachedFrom: string[] }>();
    for (const { method, symbol, isWrapped } of serviceMethods(context.module)) {
      if (isWrapped) continue;
      for (const problem of analysis.problemsOf(functionCallable(method))) {
        const key = `${problem.line}\u0000${problem.message}`;
        const entry = grouped.get(key);
        if (entry) {
          if (!entry.reachedFrom.includes(method.name)) entry.reachedFrom.push(method.name);
        }
        else grouped.set(key, { report: { line: problem.line, message: problem.message, symbol: problem.symbol ?? symbol }, reachedFrom: [method.name] });
      }
    }
    return [...grouped.values()].map(({ report, reachedFrom }) => {
      const leader = report.message.split(' ')[0];
      const callers = reachedFrom.filter((name) => name !== leader);
      if (callers.length === 0) return report;
      return { ...report, message: `${report.message} (reached from ${callers.join(', ')})` };
    });
  },
});
