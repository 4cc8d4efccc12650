import { canonicalName } from '../../../../python/import-bindings.js';
import type { BodyFacts, CallFact } from '../../../../python/python-model.js';

/**
 * The `with contextlib.suppress(...)` blocks of a body: `with suppress(KeyError):` is
 * `try: ... except KeyError: pass`. Each is the suppress call (its line) and the types it names,
 * read from the call's arguments.
 */
export function suppressCalls(body: BodyFacts, imports: ReadonlyMap<string, string>): CallFact[] {
  return body.calls.filter((call) => canonicalName(call.callee, imports) === 'contextlib.suppress');
}

/**
 * The exception types suppressed around a call: the `with` items holding it that are one of the
 * body's suppress calls (a held context is the item's source text, the call's callee and arguments).
 */
export function suppressedAround(call: CallFact, suppressors: readonly CallFact[]): string[] {
  if (suppressors.length === 0 || call.heldContexts.length === 0) return [];
  return suppressors
    .filter((suppressor) => suppressor !== call && call.heldContexts.includes(suppressor.callee + suppressor.argumentsText))
    .flatMap((suppressor) => suppressor.arguments.filter((argument) => argument.keyword === null).map((argument) => argument.text));
}
