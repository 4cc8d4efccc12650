import { defineCheck, type CheckReport } from '../../check.js';
import { clip, symbolLine } from '../runtime/support/runtime-symbols.js';

/** `contract/response-shape`: what the methods really return must be a Gradio-ready response. */
export const responseShape = defineCheck({
  id: 'contract/response-shape',
  category: 'contract',
  severity: 'error',
  description: "Each public service method is called in the sandbox; every answer must be a dict with 'success' (bool), a non-empty 'message' (str) and 'data' a Gradio component can show (JSON values, tables as equal rows or records, dropdowns as lists of strings; a DataFrame only when pandas is declared).",
  fixHint: "Return {'success': bool, 'message': str, 'data': ...} with data made of str/int/float/bool/None, lists and dicts (convert dates, Decimals and objects to text or numbers).",
  requires: ['runtime'],
  run(context) {
    const probe = context.runtime?.probe;
    if (!probe) return [];
    const reports: CheckReport[] = [];
    const seen = new Map<string, CheckReport & { count: number }>();
    for (const shape of probe.shapes) {
      for (const problem of shape.problems) {
        // One finding per method and kind of problem (indexes and values vary between calls).
        const key = `${shape.symbol}\u0000${problem.replace(/\[[^\]]*\]/g, '[]')}`;
        const existing = seen.get(key);
        if (existing) {
          existing.count++;
          continue;
        }
        const input = shape.input ? ` (bad input: ${shape.input} for ${shape.parameter})` : '';
        const report = { message: `${shape.symbol}(${clip(shape.arguments, 120)})${input}: ${problem}`, line: symbolLine(context.module, shape.symbol), symbol: shape.symbol, count: 1 };
        seen.set(key, report);
      }
    }
    for (const { count, ...report } of seen.values()) {
      reports.push(count > 1 ? { ...report, message: `${report.message} (and ${count - 1} more call${count > 2 ? 's' : ''})` } : report);
    }
    for (const name of probe.missingServices) {
      reports.push({ message: `Service class ${name} is not defined when the module runs, so it could not be probed`, line: symbolLine(context.module, name), symbol: name, severity: 'warning' });
    }
    return reports;
  },
});
