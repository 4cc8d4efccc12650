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

/** Four safety checks read the same calls: each module's are worked out once (callers only read them). */
const sitesByModule = new WeakMap<PythonModule, CallSite[]>();
const hiddenByModule = new WeakMap<PythonModule, HiddenCall[]>();

/** Every call of the module: module level, functions, methods, and the lambdas passed around in them. */
export function callSites(module: PythonModule): CallSite[] {
  let sites = sitesByModule.get(module);
  if (!sites) sitesByModule.set(module, (sites = readCallSites(module)));
  return sites;
}

function readCallSites(module: PythonModule): CallSite[] {
  const bindings = importBindings(module);
  const sites: CallSite[] = [];
  collect(module.moduleBody, null, '<module>', bindings, sites);
  for (const fn of module.functions) collect(fn.body, fn, fn.name, bindings, sites);
  for (const cls of module.classes) for (const method of cls.methods) collect(method.body, method, `${cls.name}.${method.name}`, bindings, sites);
  return sites;
}

/** Whether a canonical callee is `name` or lies under it (`subprocess` covers `subprocess.run`). */
export function isUnder(canonical: string, name: string): boolean {
  // Called for every call site and name: no string built per call.
  return canonical.startsWith(name) && (canonical.length === name.length || canonical.charCodeAt(name.length) === 46);
}

/** The call as a short quote for messages (`subprocess.run(...)`). */
export function quoteCall(call: CallFact): string {
  // Calls nested thousands deep each carry the text of all inner ones: never flatten that.
  if (call.callee.length + call.argumentsText.length > 200) return `${call.callee.slice(0, 70)}(...)`;
  const flat = `${call.callee}${call.argumentsText}`.replace(/\s+/g, ' ');
  return flat.length > 70 ? `${call.callee}(...)` : flat;
}

/** The symbol of every line of a module (index into `symbols`; 0 is `<module>`), worked out once per module. */
interface LineSymbols {
  symbols: string[];
  byLine: Int32Array;
}

const lineSymbolsByModule = new WeakMap<PythonModule, LineSymbols>();

/**
 * Paints each definition's lines with its symbol, last-checked first, so that every line ends up
 * with what `firstSymbolAt` would find: one pass over the lines instead of a scan of every
 * definition per line asked.
 */
function readLineSymbols(module: PythonModule): LineSymbols {
  const ranges: Array<{ symbol: string; line: number; endLine: number }> = [];
  for (const cls of module.classes) {
    for (const method of cls.methods) ranges.push({ symbol: `${cls.name}.${method.name}`, line: method.line, endLine: method.endLine });
    ranges.push({ symbol: cls.name, line: cls.line, endLine: cls.endLine });
  }
  for (const fn of module.functions) ranges.push({ symbol: fn.name, line: fn.line, endLine: fn.endLine });
  const symbols = ['<module>'];
  const byLine = new Int32Array(module.lineCount + 1);
  for (let index = ranges.length - 1; index >= 0; index--) {
    const range = ranges[index]!;
    symbols.push(range.symbol);
    const last = Math.min(range.endLine, module.lineCount);
    for (let line = Math.max(range.line, 1); line <= last; line++) byLine[line] = symbols.length - 1;
  }
  return { symbols, byLine };
}

/** Where a line sits: `Class.method`, `Class`, `function` or `<module>` (the outermost definition). */
export function symbolAt(module: PythonModule, line: number): string {
  if (!Number.isInteger(line) || line < 1 || line > module.lineCount) return firstSymbolAt(module, line);
  let known = lineSymbolsByModule.get(module);
  if (!known) lineSymbolsByModule.set(module, (known = readLineSymbols(module)));
  return known.symbols[known.byLine[line]!]!;
}

function firstSymbolAt(module: PythonModule, line: number): string {
  for (const cls of module.classes) {
    const method = cls.methods.find((candidate) => line >= candidate.line && line <= candidate.endLine);
    if (method) return `${cls.name}.${method.name}`;
    if (line >= cls.line && line <= cls.endLine) return cls.name;
  }
  return module.functions.find((fn) => line >= fn.line && line <= fn.endLine)?.name ?? '<module>';
}

/** A call the body facts do not hold (in a nested function or a class body), by canonical name. */
export interface HiddenCall {
  line: number;
  canonical: string;
  symbol: string;
}

/**
 * Calls of plain names and dotted chains that `callSites` does not see (bodies of nested functions
 * and classes), from the module-wide reference facts.
 */
export function hiddenCalls(module: PythonModule, sites: readonly CallSite[]): HiddenCall[] {
  if (sites !== sitesByModule.get(module)) return readHiddenCalls(module, sites);
  let hidden = hiddenByModule.get(module);
  if (!hidden) hiddenByModule.set(module, (hidden = readHiddenCalls(module, sites)));
  return hidden;
}

function readHiddenCalls(module: PythonModule, sites: readonly CallSite[]): HiddenCall[] {
  const bindings = importBindings(module);
  const known = new Set(sites.map((site) => `${site.call.line}\u0000${site.canonical}`));
  const hidden: HiddenCall[] = [];
  for (const reference of module.references ?? []) {
    if (reference.kind !== 'call' || reference.name === null) continue;
    const canonical = canonicalName(reference.name, bindings);
    const key = `${reference.line}\u0000${canonical}`;
    if (known.has(key)) continue;
    known.add(key);
    hidden.push({ line: reference.line, canonical, symbol: symbolAt(module, reference.line) });
  }
  return hidden;
}
