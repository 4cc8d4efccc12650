import { functionCallable } from '../../../python/callables.js';
import { readTableCallables } from '../../../python/table-callables.js';
import { responseContract, type ResponseContract } from '../../../inputs/design/response-contract.js';
import { dictLiteralKeys } from '../../../inputs/design/response-format.js';
import type { DesignSpec } from '../../../inputs/design/design-types.js';
import type { PythonFunction, PythonModule, ValueFact } from '../../../python/python-model.js';
import { defineCheck, type CheckReport } from '../../check.js';
import { exhaustiveEnumMatchFunctions } from './support/fall-through.js';
import { ResponseAnalysis, type ResponseProblem } from './support/response-analysis.js';
import { entryPoints } from './support/service-methods.js';

/** The design's own words on where extra fields go, as a fix hint; null when it says nothing. */
function dataHint(contract: ResponseContract | null): string | null {
  if (!contract) return null;
  const inData = [...new Set([...contract.dataOnFailure, ...contract.dataOnSuccess, ...contract.movedIntoData])];
  if (inData.length === 0) return null;
  const quoted = inData.map((key) => `'${key}'`).join(', ');
  return `Keep exactly 'success', 'message' and 'data' at the top; the design's ${quoted} belong inside 'data' (e.g. {'success': False, 'message': ..., 'data': {${inData.map((key) => `'${key}': ...`).join(', ')}}}).`;
}

function withAlternatives(value: ValueFact): ValueFact[] {
  return value.alternatives.length > 0 ? value.alternatives.flatMap(withAlternatives) : [value];
}

/**
 * Failure answers written in the method (`{"success": False, ..., "data": {...}}`) whose `data`
 * lacks a key the design's failure samples put there. Helpers and dynamic data are not judged.
 */
async function failureDataReports(module: PythonModule, contract: ResponseContract | null): Promise<CheckReport[]> {
  if (!contract || contract.dataOnFailure.length === 0) return [];
  const reports: CheckReport[] = [];
  for (const { method, symbol, isWrapped } of entryPoints(module)) {
    if (isWrapped) continue;
    for (const fact of method.body.returns) {
      for (const value of withAlternatives(fact)) {
        if (value.kind !== 'dict' || value.dictEntries.find((entry) => entry.key === 'success')?.valueType !== 'false') continue;
        const data = value.dictEntries.find((entry) => entry.key === 'data');
        if (!data || (data.valueType !== 'dictionary' && data.valueType !== 'none')) continue;
        const keys = data.valueType === 'dictionary' ? await dictLiteralKeys(data.valueText) : [];
        const missing = contract.dataOnFailure.filter((key) => !keys.includes(key));
        if (missing.length === 0) continue;
        const quoted = missing.map((key) => `'${key}'`).join(', ');
        reports.push({
          line: fact.line,
          symbol,
          severity: 'warning',
          message: `${symbol} returns a failure response whose 'data' is ${data.valueType === 'none' ? 'None' : `{${keys.map((key) => `'${key}'`).join(', ')}}`}; the design's failure responses carry ${quoted} inside 'data'`,
          hint: `Return {'success': False, 'message': ..., 'data': {${missing.map((key) => `'${key}': ...`).join(', ')}}} as the design's response format shows.`,
        });
      }
    }
  }
  return reports;
}

/**
 * What answers the UI for a method wrapped by the module's own decorators: each decorator's inner
 * wrapper function (the one it returns), and the method itself when every such wrapper passes its
 * result on unchanged (`return func(*args, **kwargs)`). Null when a decorator is not the module's:
 * what it does with the answer cannot be read.
 */
function wrappedAnswerers(functions: ReadonlyMap<string, PythonFunction>, method: PythonFunction): { wrappers: PythonFunction[]; passesResult: boolean } | null {
  const wrappers: PythonFunction[] = [];
  let passesResult = true;
  for (const decorator of method.decorators) {
    if (/^(staticmethod|classmethod|(functools\.)?wraps\b.*|(typing\.)?(override|final)|(abc\.)?abstractmethod)$/.test(decorator)) continue;
    const outer = functions.get(decorator);
    const wrapped = outer?.parameters[0]?.name;
    const inner = (outer?.nested ?? []).filter((fn) => outer!.body.returns.some((fact) => fact.expression === fn.name));
    if (!outer || !wrapped || inner.length === 0) return null;
    wrappers.push(...inner);
    passesResult &&= inner.every((fn) => fn.body.returns.some((fact) => fact.kind === 'call' && fact.callee === wrapped));
  }
  return { wrappers, passesResult };
}

const GENERATOR_ANNOTATION = /\b(Iterator|Iterable|Generator|AsyncIterator|AsyncGenerator)\b/;

/** Whether the design declares the function as a generator (`-> Iterator[...]`): streaming it is then the design's choice. */
function designedAsGenerator(design: DesignSpec | undefined, className: string | null, name: string): boolean {
  if (!design) return false;
  const designed = className === null ? design.functions.find((fn) => fn.name === name)
    : design.classes.find((cls) => cls.name === className)?.methods.find((fn) => fn.name === name);
  return GENERATOR_ANNOTATION.test(designed?.returnAnnotation ?? '');
}

/** `contract/response-format`: every public service method answers with `{success, message, data}` on every path. */
export const responseFormat = defineCheck({
  id: 'contract/response-format',
  category: 'contract',
  severity: 'error',
  description: "Every public method of a service class (in a module of functions: every public function that answers with the response) must return the structured response - a dict with exactly 'success' (bool), 'message' (str) and 'data' - on every return path, directly or through a helper that builds it (a generator, unless the design declares one, answers with a generator object); with --design, failure answers written in the method carry the keys the design's failure samples put inside 'data' (e.g. error_code), as a warning.",
  fixHint: "Return {'success': bool, 'message': str, 'data': ...} on every path (e.g. through one helper that builds it); put extra fields inside 'data'.",
  async run(context) {
    const analysis = new ResponseAnalysis(context.module, await readTableCallables(context.module));
    const grouped = new Map<string, { report: CheckReport; reachedFrom: string[] }>();
    // The module's functions by name, made once (the last definition of a name is the one decorating).
    const functions = new Map(context.module.functions.map((fn) => [fn.name, fn] as const));
    const found: Array<{ method: PythonFunction; symbol: string; problems: ResponseProblem[] }> = [];
    for (const { method, symbol, isWrapped, cls } of entryPoints(context.module)) {
      if (method.body.yields && !designedAsGenerator(context.design, cls?.name ?? null, method.name)) {
        const message = `${method.name} is a generator (it yields), so the UI gets a generator object instead of the response dict`;
        grouped.set(`${method.line}\u0000${message}`, { report: { line: method.line, message, symbol }, reachedFrom: [method.name] });
        continue;
      }
      const wrapped = isWrapped ? wrappedAnswerers(functions, method) : null;
      if (isWrapped && !wrapped) continue;
      // A wrapper's return of the method's own result is the method's to answer for: it is judged there.
      const answerers = wrapped ? [...wrapped.wrappers, ...(wrapped.passesResult ? [method] : [])] : [method];
      found.push({ method, symbol, problems: answerers.flatMap((fn) => analysis.problemsOf(functionCallable(fn))) });
    }
    // Body facts do not know an Enum's members: a function ending in a `match` over all of them is read again.
    const fallsThrough = new Set(found.flatMap(({ problems }) => problems.flatMap((problem) => (problem.fallsThrough === undefined ? [] : [problem.fallsThrough]))));
    const exhaustive = await exhaustiveEnumMatchFunctions(context.module, fallsThrough);
    for (const { method, symbol, problems } of found) {
      for (const problem of problems) {
        if (problem.fallsThrough !== undefined && exhaustive.has(problem.fallsThrough)) continue;
        const key = `${problem.line}\u0000${problem.message}`;
        const entry = grouped.get(key);
        if (entry) {
          if (!entry.reachedFrom.includes(method.name)) entry.reachedFrom.push(method.name);
        }
        else grouped.set(key, { report: { line: problem.line, message: problem.message, symbol: problem.symbol ?? symbol }, reachedFrom: [method.name] });
      }
    }
    const contract = context.design ? responseContract(context.design.responseFormat) : null;
    const hint = dataHint(contract);
    const failures = await failureDataReports(context.module, contract);
    return [...grouped.values()].map(({ report, reachedFrom }) => {
      const leader = report.message.split(' ')[0];
      const callers = reachedFrom.filter((name) => name !== leader);
      const withHint = hint && /unexpected '/.test(report.message) ? { ...report, hint } : report;
      if (callers.length === 0) return withHint;
      return { ...withHint, message: `${report.message} (reached from ${callers.join(', ')})` };
    }).concat(failures);
  },
});
