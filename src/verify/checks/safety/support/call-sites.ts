import { canonicalName, importBindings } from '../../../../python/import-bindings.js';
import type { BodyFacts, CallFact, PythonFunction, PythonModule } from '../../../../python/python-model.js';

/** One call anywhere in the module, with the function it sits in and its callee through the imports. */
export interface CallSite {
  call: CallFact;
  /** The function or method holding the call; null at module level. */
  owner: PythonFunction | null;
  /** The callee with import aliases resolved (`sp.run` → `subprocess.run`, `system` → `os.system`). */
  canonical: string;
  /** `Class.method`, `function` or `<module>`, for the finding's symbol. */
  symbol: string;
}

function collect(body: BodyFacts, owner: PythonFunction | null, symbol: string, bindings: Map<string, string>, into: CallSite[]): void {
  for (const call of body.calls) {
    into.push({ call, owner, canonical: canonicalName(call.callee, bindings), symbol });
    for (const argument of call.arguments) if (argument.lambda) collect(argument.lambda, owner, symbol, bindings, into);
  }
}

/** Every call of the module: module level, functions, methods, and the lambdas passed around in them. */
export function callSites(module: PythonModule): CallSite[] {
  const bindings = importBindings(module);
  const sites: CallSite[] = [];
  collect(module.moduleBody, null, '<module>', bindings, sites);
  for (const fn of module.functions) collect(fn.body, fn, fn.name, bindings, sites);
  for (const cls of module.classes) for (const method of cls.methods) collect(method.body, method, `${cls.name}.${method.name}`, bindings, sites);
  return sites;
}

/** Whether a canonical callee is `name` or lies under it (`subprocess` covers `subprocess.run`). */
export function isUnder(canonical: string, name: string): boolean {
  return canonical === name || canonical.startsWith(`${name}.`);
}

/** The call as a short quote for messages (`subprocess.run(...)`). */
export function quoteCall(call: CallFact): string {
  // Calls nested thousands deep each carry the text of all inner ones: never flatten that.
  if (call.callee.length + call.argumentsText.length > 200) return `${call.callee.slice(0, 70)}(...)`;
  const flat = `${call.callee}${call.argumentsText}`.replace(/\s+/g, ' ');
  return flat.length > 70 ? `${call.callee}(...)` : flat;
}
