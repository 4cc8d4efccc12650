import { canonicalName, importBindings } from '../../../../python/import-bindings.js';
import type { PythonModule } from '../../../../python/python-model.js';

/** The functional spellings of TypedDict: `Response = TypedDict("Response", {...})`. */
const TYPED_DICT = new Set(['typing.TypedDict', 'typing_extensions.TypedDict']);

const byModule = new WeakMap<PythonModule, Set<string>>();

/**
 * Names the module binds to a TypedDict made with the functional syntax
 * (`Response = TypedDict("Response", {"success": bool, ...})`), read from the parser's facts of
 * module-level assignments: the callee resolved through the imports, the first argument the name.
 * Such a name is a dict type, and calling it builds a plain dict (nothing is checked at run time).
 */
export function functionalTypedDicts(module: PythonModule): ReadonlySet<string> {
  let known = byModule.get(module);
  if (known) return known;
  known = new Set();
  const imports = importBindings(module);
  for (const fact of module.moduleBody.localAssignments) {
    const { value } = fact;
    if (fact.key !== null || value.kind !== 'call' || !value.callee) continue;
    if (TYPED_DICT.has(canonicalName(value.callee, imports)) && value.arguments[0]?.stringValue === fact.name) known.add(fact.name);
  }
  byModule.set(module, known);
  return known;
}
