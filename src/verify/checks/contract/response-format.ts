import { functionCallable } from '../../../python/callables.js';
import { responseContract, type ResponseContract } from '../../../inputs/design/response-format.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { ResponseAnalysis } from './support/response-analysis.js';
import { serviceMethods } from './support/service-methods.js';

/** The design's own words on where extra fields go, as a fix hint; null when it says nothing. */
function dataHint(contract: ResponseContract | null): string | null {
  if (!contract) return null;
  const inData = [...new Set([...contract.dataOnFailure, ...contract.dataOnSuccess, ...contract.movedIntoData])];
  if (inData.length === 0) return null;
  const quoted = inData.map((key) => `'${key}'`).join(', ');
  return `Keep exactly 'success', 'message' and 'data' at the top; the design's ${quoted} belong inside 'data' (e.g. {'success': False, 'message': ..., 'data': {${inData.map((key) => `'${key}': ...`).join(', ')}}}).`;
}

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
    const hint = dataHint(context.design ? responseContract(context.design.responseFormat) : null);
    return [...grouped.values()].map(({ report, reachedFrom }) => {
      const leader = report.message.split(' ')[0];
      const callers = reachedFrom.filter((name) => name !== leader);
      const withHint = hint && /unexpected '/.test(report.message) ? { ...report, hint } : report;
      if (callers.length === 0) return withHint;
      return { ...withHint, message: `${report.message} (reached from ${callers.join(', ')})` };
    });
  },
});
